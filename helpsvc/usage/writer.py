"""Writing the PSTN usage report: the one place its CSV text is made.

Streaming: one line of text per row, so a year of calls is written in the memory of one
row, and an HTTP response can send each line as it comes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from .columns import COLUMNS
from .pstn import PstnRow


def pstn_csv(rows: Iterable[PstnRow], *, money_decimals: int | None = None) -> Iterator[str]:
    """The header line, then one CSV line per row (CRLF line ends, as the admin center).

    Money has the currency's own minor digits unless ``money_decimals`` says otherwise
    (see ``PstnRow.cells``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield _drain(buffer)
    for row in rows:
        writer.writerow(row.cells(money_decimals))
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
