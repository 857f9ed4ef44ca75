"""The admin center's ``Calls.Export.<id>.zip``: its Calling Plans files as one stream.

The zip holds ``PSTN.calls.<date>.csv`` (Calling Plans: what the replay reads; a long
period may be split over several), ``DirectRouting.calls.<date>.csv`` (calls over the
organization's own carrier, never paid from credits: counted and mentioned, not read) and
``parameters.json`` (the period the report was asked for).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any, NoReturn

from .csv_text import text_lines, undecodable
from .problems import ExportError, Note

ZIP_MAGIC = b"PK\x03\x04"
ZIP_EMPTY_MAGIC = b"PK\x05\x06"
"""A zip without members starts with its end record."""
_PSTN_MEMBER = re.compile(r"(^|/)pstn\.calls[^/]*\.csv$", re.IGNORECASE)
_DR_MEMBER = re.compile(r"(^|/)directrouting\.calls[^/]*\.csv$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ZipExport:
    """What a reader needs from the zip: lines, a name for problems, and its notes."""

    members: _Members
    label: str
    """``<zip name>/<first Calling Plans file>``: where bad rows are said to be."""
    notes: list[Note]
    parameters: dict[str, Any]


@contextmanager
def open_zip(handle: IO[bytes], source: str) -> Iterator[ZipExport]:
    """Open the zip in ``handle``; ``ExportError`` when it holds no Calling Plans file."""
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
        notes = [_direct_routing_note(archive, member) for member in direct]
        parameters = _parameters(archive, names)
        if not pstn:
            _no_calling_plans(source, names, direct)
        if len(pstn) > 1:
            notes.append(Note("several_pstn_files", {"files": ", ".join(pstn)}))
        label = f"{source}/{PurePosixPath(pstn[0]).name}"
        yield ZipExport(_Members(archive, pstn, source), label, notes, parameters)


class _Members:
    """The Calling Plans files read one after the other, as if they were one file."""

    def __init__(self, archive: zipfile.ZipFile, names: list[str], source: str) -> None:
        self._archive = archive
        self._source = source
        self._infos = [archive.getinfo(n) for n in names]
        self.size = sum(info.file_size for info in self._infos)
        self._done = 0
        self._current: IO[bytes] | None = None
        self._reading = self._infos[0]
        """The member being read, or the last one read."""

    def lines(self) -> Iterator[str]:
        first = self._infos[0]
        for info in self._infos:
            self._reading = info
            with self._archive.open(info) as stream:
                self._current = stream
                member_lines = text_lines(stream, f"{self._source}/{info.filename}")
                if info is not first:
                    next(iter(member_lines), None)  # the header, already read from the first
                yield from member_lines
                self._done += info.file_size
                self._current = None

    def position(self) -> int:
        """Uncompressed bytes read so far, for a progress bar."""
        stream = self._current
        return self._done + (stream.tell() if stream is not None else 0)

    def undecodable(self) -> ExportError:
        """Where the member being read stopped decoding (read again from its start)."""
        info = self._reading
        with self._archive.open(info) as stream:
            return undecodable(stream, f"{self._source}/{info.filename}")


def _no_calling_plans(source: str, names: list[str], direct: list[str]) -> NoReturn:
    """Say what the zip holds instead of a Calling Plans file."""
    files = [n for n in names if not n.endswith("/")]
    if not files:
        raise ExportError("zip_empty", source)
    if direct:
        raise ExportError("zip_direct_routing_only", source, file=direct[0])
    csvs = [n for n in files if n.lower().endswith(".csv")]
    raise ExportError("zip_without_calls", source, files=", ".join((csvs or files)[:5]))


def _direct_routing_note(archive: zipfile.ZipFile, member: str) -> Note:
    with archive.open(member) as stream:
        calls = max(0, sum(1 for _ in stream) - 1)
    return Note("direct_routing_skipped", {"file": member, "calls": calls})


def _parameters(archive: zipfile.ZipFile, names: list[str]) -> dict[str, Any]:
    member = next((n for n in names if PurePosixPath(n).name.lower() == "parameters.json"), None)
    if member is None:
        return {}
    try:
        value = json.loads(archive.read(member).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return {}
    return value if isinstance(value, dict) else {}
