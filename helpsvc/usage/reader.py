"""Reading the PSTN usage report: a CSV file, the admin center's zip, or typed rows.

``open_export(path)`` opens either file form, ``read_lines`` reads CSV text already in
memory or streamed, ``read_records`` reads ``PstnRow``s (a tenant's own usage) without
writing them as CSV first. All three give an ``ExportReader`` that checks every row the
same way: ``rows()`` yields one ``UsageRow`` per good row and never holds more than the row
it is on (plus a short sample used to settle the currency), so any length reads in the
same memory. A row that cannot be used is recorded as a ``RowProblem`` with its row number
(the header is row 1, as a spreadsheet shows it) and skipped; with ``strict`` the first one
raises ``BadRowError`` instead. A file that is not this export at all raises
``ExportError`` with one code that says what it is instead (Direct Routing file, Excel
workbook, empty, ...).
"""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from .columns import COLUMNS, CREDIT_CAPABILITIES, DIRECT_ROUTING_MARKERS, REQUIRED
from .csv_text import sniff_binary, text_lines, undecodable
from .export_zip import ZIP_EMPTY_MAGIC, ZIP_MAGIC, open_zip
from .problems import BadRowError, ExportError, Note, RowProblem
from .pstn import PstnRow
from .times import to_utc

MAX_PROBLEMS_KEPT = 1000
"""Bad rows beyond this are counted, not kept, so a broken file cannot fill memory."""

_CURRENCY_SAMPLE = 1000
"""Rows read before the currency is settled by majority, so one odd first row cannot make
every other row look wrong."""

# Columns a file may lack; they read as empty.
_OPTIONAL = (
    "End Time",
    "Number Type",
    "Domestic/International",
    "User Location",
    "Destination Dialed",
    "Call ID",
)


class UsageRow(NamedTuple):
    """One call of the export, with the values the replay needs already typed."""

    row: int
    start: datetime
    upn: str
    call_type: str
    number_type: str
    domestic: str
    user_location: str
    destination: str
    duration_seconds: int
    charge: str
    """As written (``""`` when the export left it empty); parsed only where it is needed."""
    capability: str
    call_id: str

    @property
    def credit_funded(self) -> bool:
        """Paid from Communications Credits: a credit capability, or no capability at all
        but a charge above zero (the export says money was paid)."""
        return is_credit_funded(self.capability, self.charge)


# tuple.__new__ skips the Python-level __new__ of NamedTuple: the reader builds one per row.
_new = tuple.__new__


def as_row(values: tuple) -> UsageRow:
    """A row of ``ExportReader.rows()`` with its field names."""
    return _new(UsageRow, values)


def is_credit_funded(capability: str, charge: str) -> bool:
    if capability in CREDIT_CAPABILITIES:
        return True
    if capability:
        return False
    return bool(charge) and charge.strip("0.+ ") != ""


class _Unreadable:
    """Stands in the record stream where the text could not be decoded."""


_UNREADABLE = _Unreadable()


class _Positions(NamedTuple):
    """Where each value is in a record; optional columns the file lacks point at one extra
    empty cell appended to the record (``pad``)."""

    width: int
    pad: bool
    upn: int
    call_type: int
    start: int
    end: int
    duration: int
    charge: int
    currency: int
    capability: int
    number_type: int
    domestic: int
    location: int
    destination: int
    call_id: int

    @classmethod
    def of(cls, header: dict[str, int]) -> _Positions:
        width = max(header.values()) + 1
        pad = any(name not in header for name in _OPTIONAL)

        def optional(name: str) -> int:
            return header.get(name, width)

        return cls(
            width,
            pad,
            header["UPN"],
            header["Call Type"],
            header["Start Time"],
            optional("End Time"),
            header["Duration Seconds"],
            header["Charge"],
            header["Currency"],
            header["Capability"],
            optional("Number Type"),
            optional("Domestic/International"),
            optional("User Location"),
            optional("Destination Dialed"),
            optional("Call ID"),
        )


class ExportReader:
    """Rows of one export, streamed. Use ``open_export``, ``read_lines`` or
    ``read_records`` to get one; ``records`` are the cells of each row, header first."""

    def __init__(
        self,
        records: Iterable[list[str]],
        source: str,
        *,
        strict: bool = False,
        size: int | None = None,
        position: Callable[[], int] | None = None,
        notes: list[Note] | None = None,
        parameters: dict[str, Any] | None = None,
        undecodable: Callable[[], ExportError] | None = None,
    ) -> None:
        self.source = source
        self._undecodable = undecodable
        """Where the text stopped decoding, found when it did (see ``csv_text``)."""
        self.strict = strict
        self.size = size
        """Bytes in the file, when known (for a progress bar)."""
        self._position = position
        self.notes: list[Note] = list(notes or [])
        self.parameters: dict[str, Any] = parameters or {}
        self.problems: list[RowProblem] = []
        self.problem_count = 0
        self.rows_read = 0
        self.currency: str | None = None
        self.sampled = 0
        """Rows (not blank lines) among the first read to settle the currency."""
        self._records = iter(records)
        self._header = self._read_header()

    @property
    def position(self) -> int:
        """Bytes read so far (approximate), for a progress bar."""
        return int(self._position()) if self._position is not None else 0

    def _read_header(self) -> dict[str, int]:
        try:
            header = next(self._records)
        except StopIteration:
            raise ExportError("empty", self.source) from None
        except (csv.Error, UnicodeDecodeError):
            raise ExportError("not_csv", self.source) from None
        names = [name.strip().lstrip("\ufeff").strip('"') for name in header]
        positions = {name: i for i, name in enumerate(names) if name}
        missing = [name for name in REQUIRED if name not in positions]
        if not missing:
            return positions
        if len(DIRECT_ROUTING_MARKERS.intersection(positions)) >= 2:
            raise ExportError("direct_routing", self.source)
        if len(missing) == len(REQUIRED):
            raise ExportError("not_usage_export", self.source, found=", ".join(names[:6]))
        raise ExportError("columns_missing", self.source, columns=", ".join(missing))

    # -- problems -----------------------------------------------------------------------

    def problem(self, row: int, code: str, **params: Any) -> None:
        """Record a bad row (also one found later, by the replay), or raise under strict."""
        problem = RowProblem(self.source, row, code, params)
        if self.strict:
            raise BadRowError(problem)
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def _unusable(self, row: int, record: str | _Unreadable) -> None:
        """A record the CSV parser gave up on (its message), or text that did not decode."""
        if record is _UNREADABLE:
            raise self._not_text(row)
        self.problem(row, "not_csv", detail=record)

    def _not_text(self, row: int) -> ExportError:
        """The text stopped decoding while record ``row`` was read: the decoder reads
        ahead, so the opener says where the bad byte really is when it can."""
        if self._undecodable is not None:
            return self._undecodable()
        return ExportError("not_text", self.source, row=row)

    # -- rows ---------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple]:
        """Good rows in file order; bad rows are recorded in ``problems`` and skipped.

        Each row is a plain tuple of ``UsageRow``'s fields in its order: unpack it, or let
        ``as_row`` name it. (A named tuple for every row would cost 7 % of a replay, and
        most rows are only counted.)"""
        records = _resilient(self._records)
        sample = list(itertools.islice(records, _CURRENCY_SAMPLE))
        if _UNREADABLE in sample:
            raise self._not_text(sample.index(_UNREADABLE) + 2)
        self._settle_currency([c for c in sample if type(c) is list])
        return self._checked(itertools.chain(sample, records), *_Positions.of(self._header))

    def _settle_currency(self, sample: list[list[str]]) -> None:
        self.sampled = sum(1 for cells in sample if cells)
        index = self._header["Currency"]
        votes = Counter(c[index].strip() for c in sample if len(c) > index and c[index].strip())
        if votes:
            self.currency = votes.most_common(1)[0][0]

    # The hot loop of every replay: one pass per row, locals only, positions as arguments.
    # Only the rare paths (bad rows) call out: a call per row here costs a visible part of
    # a replay, and so would building a named tuple for every row (``as_row`` names the
    # few that need it). Row numbers count records from the header (row 1), as a
    # spreadsheet shows them.
    def _checked(
        self,
        records: Iterator[list[str] | str | _Unreadable],
        width: int,
        pad: bool,
        upn_at: int,
        type_at: int,
        start_at: int,
        end_at: int,
        duration_at: int,
        charge_at: int,
        currency_at: int,
        capability_at: int,
        number_type_at: int,
        domestic_at: int,
        location_at: int,
        destination_at: int,
        call_id_at: int,
    ) -> Iterator[tuple]:
        currency, problem = self.currency, self.problem
        fromiso, utc = datetime.fromisoformat, UTC
        number = 1
        for cells in records:
            number += 1
            if type(cells) is not list:
                self._unusable(number, cells)
                continue
            if len(cells) < width:
                if cells:  # an empty line is no row
                    problem(number, "columns", expected=width, got=len(cells))
                continue
            if pad:
                cells.append("")
            start_text, duration_text, upn = cells[start_at], cells[duration_at], cells[upn_at]
            if not (upn and start_text and duration_text):
                problem(number, "missing_value", column=_first_missing(upn, start_text))
                continue
            try:
                start = fromiso(start_text)
                if start.tzinfo is not utc:
                    start = to_utc(start)
                end_text = cells[end_at]
                end = fromiso(end_text) if end_text else start
                if end.tzinfo is not utc:
                    end = to_utc(end)
            except ValueError:
                _bad_time(problem, number, start_text, cells[end_at])
                continue
            if end < start:
                problem(number, "end_before_start", start=start_text[:40], end=end_text[:40])
                continue
            try:
                duration = int(duration_text)
            except ValueError:
                duration = _whole_seconds(duration_text)
            if duration is None or duration < 0:
                code = "bad_duration" if duration is None else "negative_duration"
                problem(number, code, value=duration_text[:40])
                continue
            found = cells[currency_at]
            if found != currency and found.strip() != currency:
                problem(number, "currency_mismatch", expected=currency or "", got=found[:10])
                continue
            yield (
                number,
                start,
                upn,
                cells[type_at],
                cells[number_type_at],
                cells[domestic_at],
                cells[location_at],
                cells[destination_at],
                duration,
                cells[charge_at],
                cells[capability_at],
                cells[call_id_at],
            )
        self.rows_read = number - 1


def _resilient(records: Iterator[list[str]]) -> Iterator[list[str] | str | _Unreadable]:
    """The records, with a CSV error in place of a broken record (the parser resumes after
    it) and ``_UNREADABLE`` where the text stops decoding (nothing after it is read)."""
    while True:
        try:
            yield from records
            return
        except csv.Error as error:
            yield str(error)
        except UnicodeDecodeError:
            yield _UNREADABLE
            return


def _first_missing(upn: str, start_text: str) -> str:
    if not upn:
        return "UPN"
    return "Start Time" if not start_text else "Duration Seconds"


def _bad_time(problem: Callable[..., None], row: int, start_text: str, end_text: str) -> None:
    """Record which of the two times did not parse."""
    try:
        datetime.fromisoformat(start_text)
    except ValueError:
        problem(row, "bad_time", column="Start Time", value=start_text[:40])
        return
    problem(row, "bad_time", column="End Time", value=end_text[:40])


def _whole_seconds(text: str) -> int | None:
    """Some tools write "148.0"; a real fraction of a second is not a duration we know."""
    try:
        number = float(text)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")) or number % 1:
        return None
    return int(number)


# -- opening ----------------------------------------------------------------------------


@contextmanager
def open_export(
    path: str | Path, *, strict: bool = False, name: str | None = None
) -> Iterator[ExportReader]:
    """Open a Calling Plans CSV or the export's zip and yield a reader positioned on row 2.

    ``name`` is what problems call the file (default: the file's name).
    """
    path = Path(path)
    source = name or path.name
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise ExportError("file_missing", source) from None
    except IsADirectoryError:
        raise ExportError("is_directory", source) from None
    with handle:
        head = handle.read(4)
        handle.seek(0)
        sniff_binary(head, source)
        if head in (ZIP_MAGIC, ZIP_EMPTY_MAGIC):
            with open_zip(handle, source) as export:
                members = export.members
                yield ExportReader(
                    csv.reader(members.lines()),
                    export.label,
                    strict=strict,
                    size=members.size,
                    position=members.position,
                    notes=export.notes,
                    parameters=export.parameters,
                    undecodable=members.undecodable,
                )
            return
        size = path.stat().st_size
        lines = text_lines(handle, source)
        yield ExportReader(
            csv.reader(lines),
            source,
            strict=strict,
            size=size,
            position=handle.tell,
            undecodable=lambda: undecodable(handle, source),
        )


def read_lines(
    lines: Iterable[str], source: str, *, strict: bool = False, size: int | None = None
) -> ExportReader:
    """A reader over CSV text that is already in memory or streamed."""
    return ExportReader(csv.reader(lines), source, strict=strict, size=size)


def read_records(rows: Iterable[PstnRow], source: str, *, strict: bool = False) -> ExportReader:
    """A reader over typed rows (a tenant's own usage), checked exactly as CSV lines are:
    each row goes through ``PstnRow.cells``, the text ``writer.pstn_csv`` would write, but
    is never joined into CSV and split again."""
    records = itertools.chain((list(COLUMNS),), (row.cells() for row in rows))
    return ExportReader(records, source, strict=strict)


__all__ = [
    "MAX_PROBLEMS_KEPT",
    "BadRowError",
    "ExportError",
    "ExportReader",
    "Note",
    "RowProblem",
    "UsageRow",
    "as_row",
    "is_credit_funded",
    "open_export",
    "read_lines",
    "read_records",
]
