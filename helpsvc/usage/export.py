"""Reading the PSTN usage report: a CSV file, or the admin center's zip, one row at a time.

``open_export(path)`` opens either form; ``ExportReader.rows()`` then yields one
``UsageRow`` per good row and never holds more than the row it is on (plus a short sample
used to settle the currency), so a file of any length reads in the same memory. A row that
cannot be used is recorded as a ``RowProblem`` with its row number (the header is row 1,
as a spreadsheet shows it) and skipped; with ``strict`` the first one raises
``BadRowError`` instead. A file that is not this export at all raises ``ExportError`` with
one code that says what it is instead (Direct Routing file, Excel workbook, empty, ...).

Problems are codes with parameters, never prose: ``helpsvc.usage.messages`` words them in
English, German or Chinese.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, NamedTuple

from .columns import CREDIT_CAPABILITIES, DIRECT_ROUTING_MARKERS, REQUIRED

MAX_PROBLEMS_KEPT = 1000
"""Bad rows beyond this are counted, not kept, so a broken file cannot fill memory."""

_CURRENCY_SAMPLE = 1000
"""Rows read before the currency is settled by majority, so one odd first row cannot make
every other row look wrong."""

_PSTN_MEMBER = re.compile(r"(^|/)pstn\.calls[^/]*\.csv$", re.IGNORECASE)
_DR_MEMBER = re.compile(r"(^|/)directrouting\.calls[^/]*\.csv$", re.IGNORECASE)
_ZIP_MAGIC = b"PK\x03\x04"


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


@dataclass(frozen=True, slots=True)
class RowProblem:
    source: str
    row: int
    code: str
    """``columns``, ``missing_value``, ``bad_time``, ``end_before_start``, ``bad_duration``,
    ``negative_duration``, ``currency_mismatch``, ``bad_charge`` (replay), ``no_rate`` (replay)."""
    params: dict[str, Any] = field(default_factory=dict)

    def where(self) -> str:
        return f"{self.source}:{self.row}"


class ExportError(Exception):
    """The file is not the Calling Plans export of the PSTN usage report."""

    def __init__(self, code: str, source: str, **params: Any) -> None:
        self.code = code
        self.source = source
        self.params = params
        super().__init__(f"{source}: {code} {params}")


class BadRowError(Exception):
    """A bad row under ``strict``."""

    def __init__(self, problem: RowProblem) -> None:
        self.problem = problem
        super().__init__(f"{problem.where()}: {problem.code} {problem.params}")


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader wants the user to know that is not a bad row."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def parse_time(text: str) -> datetime:
    """ISO 8601 as the export writes it, as aware UTC; a time without offset is UTC."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value if value.utcoffset().total_seconds() == 0 else value.astimezone(UTC)


def _duration(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        # Some tools write "148.0"; a real fraction of a second is not a duration we know.
        number = float(text)
        if number != number or number in (float("inf"), float("-inf")) or number % 1:
            raise
        return int(number)


class ExportReader:
    """Rows of one export, streamed. Use ``open_export`` or ``read_lines`` to get one."""

    def __init__(
        self,
        lines: Iterable[str],
        source: str,
        *,
        strict: bool = False,
        size: int | None = None,
        position: Any = None,
        notes: list[Note] | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        self.source = source
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
        self._reader = csv.reader(lines)
        self._header = self._read_header()

    @property
    def position(self) -> int:
        """Bytes read so far (approximate), for a progress bar."""
        return int(self._position()) if self._position is not None else 0

    # -- header -------------------------------------------------------------------------

    def _read_header(self) -> dict[str, int]:
        try:
            header = next(self._reader)
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

    # -- rows ---------------------------------------------------------------------------

    def _problem(self, row: int, code: str, **params: Any) -> None:
        problem = RowProblem(self.source, row, code, params)
        if self.strict:
            raise BadRowError(problem)
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def problem(self, row: int, code: str, **params: Any) -> None:
        """Record a bad row found later (by the replay), with the same strictness."""
        self._problem(row, code, **params)

    def rows(self) -> Iterator[tuple]:
        """Good rows in file order; bad rows are recorded in ``problems`` and skipped.

        Each row is a plain tuple with the fields of ``UsageRow`` in its order; ``as_row``
        gives it the names. (Building a named tuple for every row would cost 7 % of a
        replay, and most rows are only counted.)"""
        sample: list[list[str] | str] = []
        reader = self._reader
        while len(sample) < _CURRENCY_SAMPLE:
            try:
                sample.append(next(reader))
            except StopIteration:
                break
            except csv.Error as error:
                sample.append(str(error))  # a bad record, reported in its place
            except UnicodeDecodeError:
                raise ExportError("not_text", self.source, row=len(sample) + 2) from None
        self._settle_currency([c for c in sample if isinstance(c, list)])
        return self._typed(itertools.chain(sample, reader))

    def _settle_currency(self, sample: list[list[str]]) -> None:
        index = self._header["Currency"]
        votes = Counter(c[index].strip() for c in sample if len(c) > index and c[index].strip())
        if votes:
            self.currency = votes.most_common(1)[0][0]

    def _typed(self, raw: Iterator[list[str] | str]) -> Iterator[tuple]:
        """The hot loop: one pass per row, locals only (this is most of a replay's time).

        Row numbers count records from the header (row 1), as a spreadsheet shows them."""
        h = self._header
        width = max(h.values()) + 1
        # Optional columns the file lacks read from one extra empty cell.
        pad = any(name not in h for name in _OPTIONAL)
        blank = width
        i_upn, i_type, i_start = h["UPN"], h["Call Type"], h["Start Time"]
        i_dur, i_charge, i_cur, i_cap = (
            h["Duration Seconds"],
            h["Charge"],
            h["Currency"],
            h["Capability"],
        )
        i_end = h.get("End Time", blank)
        i_nt = h.get("Number Type", blank)
        i_dom = h.get("Domestic/International", blank)
        i_loc = h.get("User Location", blank)
        i_dest = h.get("Destination Dialed", blank)
        i_id = h.get("Call ID", blank)
        currency = self.currency
        problem = self._problem
        fromiso = datetime.fromisoformat
        utc = UTC
        number = 1
        while True:
            try:
                for cells in raw:
                    number += 1
                    if not cells:
                        continue
                    if type(cells) is str:
                        problem(number, "not_csv", detail=cells)
                        continue
                    if len(cells) < width:
                        problem(number, "columns", expected=width, got=len(cells))
                        continue
                    if pad:
                        cells.append("")
                    start_text = cells[i_start]
                    duration_text = cells[i_dur]
                    upn = cells[i_upn]
                    if not (upn and start_text and duration_text):
                        column = (
                            "UPN"
                            if not upn
                            else "Start Time"
                            if not start_text
                            else "Duration Seconds"
                        )
                        problem(number, "missing_value", column=column)
                        continue
                    try:
                        start = fromiso(start_text)
                    except ValueError:
                        problem(number, "bad_time", column="Start Time", value=start_text[:40])
                        continue
                    if start.tzinfo is not utc:
                        start = _utc(start)
                    end_text = cells[i_end]
                    if end_text:
                        try:
                            end = fromiso(end_text)
                        except ValueError:
                            problem(number, "bad_time", column="End Time", value=end_text[:40])
                            continue
                        if end.tzinfo is not utc:
                            end = _utc(end)
                        if end < start:
                            problem(
                                number, "end_before_start", start=start_text[:40], end=end_text[:40]
                            )
                            continue
                    try:
                        duration = int(duration_text)
                    except ValueError:
                        try:
                            duration = _duration(duration_text)
                        except ValueError:
                            problem(number, "bad_duration", value=duration_text[:40])
                            continue
                    if duration < 0:
                        problem(number, "negative_duration", value=duration_text[:40])
                        continue
                    found = cells[i_cur]
                    if found != currency and found.strip() != currency:
                        problem(
                            number, "currency_mismatch", expected=currency or "", got=found[:10]
                        )
                        continue
                    yield (
                        number,
                        start,
                        upn,
                        cells[i_type],
                        cells[i_nt],
                        cells[i_dom],
                        cells[i_loc],
                        cells[i_dest],
                        duration,
                        cells[i_charge],
                        cells[i_cap],
                        cells[i_id],
                    )
                self.rows_read = number - 1
                return
            except csv.Error as error:
                number += 1
                problem(number, "not_csv", detail=str(error))
            except UnicodeDecodeError:
                raise ExportError("not_text", self.source, row=number + 1) from None


_OPTIONAL = (
    "End Time",
    "Number Type",
    "Domestic/International",
    "User Location",
    "Destination Dialed",
    "Call ID",
)


def _utc(value: datetime) -> datetime:
    """A time without offset is UTC; one with an offset is converted to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


# -- opening files ----------------------------------------------------------------------


def _text_lines(binary: IO[bytes], source: str) -> Iterable[str]:
    """Lines of a CSV byte stream: UTF-8 (with or without BOM) or UTF-16 with a BOM, as
    Excel's "Unicode text" writes it (tab-separated; turned into commas here)."""
    head = binary.read(4)
    encoding = "utf-16" if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    if binary.seekable():
        binary.seek(0)
        stream: IO[bytes] = binary
    else:
        stream = io.BufferedReader(_Prefixed(head, binary))
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError:
        raise ExportError("not_text", source) from None
    if not first.strip():
        raise ExportError("empty", source)
    if "\x00" in first:
        raise ExportError("not_text", source)
    if "\t" in first and "," not in first:
        return _tab_lines(first, text)
    return itertools.chain((first,), text)


def _tab_lines(first: str, rest: Iterable[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in _chain(first, rest):
        writer.writerow(line.rstrip("\r\n").split("\t"))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


class _Prefixed(io.RawIOBase):
    """A raw stream that replays bytes already read from ``stream`` before the rest."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        super().__init__()
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


def _sniff_binary(head: bytes, source: str) -> None:
    if head.startswith(b"\x1f\x8b"):
        raise ExportError("gzip", source)
    if head.startswith(b"%PDF"):
        raise ExportError("not_usage_export", source, found="PDF")


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
        _sniff_binary(head, source)
        if head == _ZIP_MAGIC:
            with _open_zip(handle, source, strict) as reader:
                yield reader
            return
        size = path.stat().st_size
        lines = _text_lines(handle, source)
        yield ExportReader(lines, source, strict=strict, size=size, position=handle.tell)


@contextmanager
def _open_zip(handle: IO[bytes], source: str, strict: bool) -> Iterator[ExportReader]:
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile:
        raise ExportError("bad_zip", source) from None
    with archive:
        names = archive.namelist()
        if "[Content_Types].xml" in names:
            raise ExportError("excel_workbook", source)
        pstn = sorted(n for n in names if _PSTN_MEMBER.search(n))
        direct = sorted(n for n in names if _DR_MEMBER.search(n))
        notes: list[Note] = []
        for member in direct:
            with archive.open(member) as stream:
                calls = max(0, sum(1 for _ in stream) - 1)
            notes.append(Note("direct_routing_skipped", {"file": member, "calls": calls}))
        parameters = _parameters(archive, names)
        if not pstn:
            if direct:
                raise ExportError("zip_direct_routing_only", source, file=direct[0])
            csvs = [n for n in names if n.lower().endswith(".csv")]
            raise ExportError("zip_without_calls", source, files=", ".join(csvs[:5]) or "-")
        if len(pstn) > 1:
            notes.append(Note("several_pstn_files", {"files": ", ".join(pstn)}))
        infos = [archive.getinfo(n) for n in pstn]
        total = sum(info.file_size for info in infos)
        done = [0]
        current: list[Any] = [None]

        def lines() -> Iterator[str]:
            for info in infos:
                with archive.open(info) as stream:
                    current[0] = stream
                    member_lines = _text_lines(stream, f"{source}/{info.filename}")
                    if info is not infos[0]:
                        next(member_lines, None)  # the header, already read from the first
                    yield from member_lines
                    done[0] += info.file_size
                    current[0] = None

        def position() -> int:
            stream = current[0]
            return done[0] + (stream.tell() if stream is not None else 0)

        label = f"{source}/{PurePosixPath(pstn[0]).name}"
        yield ExportReader(
            lines(),
            label,
            strict=strict,
            size=total,
            position=position,
            notes=notes,
            parameters=parameters,
        )


def _parameters(archive: zipfile.ZipFile, names: list[str]) -> dict[str, Any]:
    member = next((n for n in names if PurePosixPath(n).name.lower() == "parameters.json"), None)
    if member is None:
        return {}
    try:
        value = json.loads(archive.read(member).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def read_lines(
    lines: Iterable[str], source: str, *, strict: bool = False, size: int | None = None
) -> ExportReader:
    """A reader over CSV text that is already in memory or streamed (e.g. a tenant's usage)."""
    return ExportReader(lines, source, strict=strict, size=size)
