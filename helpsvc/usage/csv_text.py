"""The bytes of an export's CSV as lines of text, whichever way it was saved.

UTF-8 with or without byte order mark, as the admin center writes it; or UTF-16 with a
byte order mark and tabs, as Excel's "Unicode text" saves it (turned into commas here).

Text that stops decoding is found again byte by byte (``undecodable``) only once it failed,
so the fast path stays the text layer's own: the decoder reads ahead in chunks, which is
why the line being read when it fails is not where the bad byte is.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .problems import ExportError


def text_lines(binary: IO[bytes], source: str) -> Iterable[str]:
    """Lines of a CSV byte stream; ``ExportError`` when it is empty or not text."""
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
        # The first chunk holds many rows: the bad byte may well be below the header.
        raise undecodable(binary, source) from None
    if not first.strip():
        raise ExportError("empty", source)
    if "\x00" in first:
        raise ExportError("not_text", source)
    if "\t" in first and "," not in first:
        return _tab_lines(first, text)
    return itertools.chain((first,), text)


def undecodable(binary: IO[bytes], source: str) -> ExportError:
    """Why ``binary`` (UTF-8 expected) did not decode: ``not_utf8`` with the row (CSV
    record, header = 1), column and value of the first bad byte, or ``not_text`` when the
    header itself is not text (a picture, a program) or the stream cannot be read again."""
    if not binary.seekable():
        return ExportError("not_text", source)
    binary.seek(0)
    if binary.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return ExportError("not_text", source)
    binary.seek(0)
    found: dict[str, Any] = {}
    # The CSV records up to and including the bad byte's: its row, even inside a quoted
    # value that spans lines.
    records = sum(1 for _ in csv.reader(_decoded_until_bad(binary, found)))
    if not found or records <= 1:
        return ExportError("not_text", source)
    return ExportError("not_utf8", source, row=records, **found)


def _decoded_until_bad(binary: IO[bytes], found: dict[str, Any]) -> Iterator[str]:
    """Lines of ``binary`` up to its first undecodable byte, then the part of that line
    before it (with a stand-in character, so the record is never empty); ``found`` gets
    the byte and its column."""
    for number, raw in enumerate(binary):  # a UTF-8 character never holds a newline byte
        line = raw.removeprefix(codecs.BOM_UTF8) if number == 0 else raw
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as error:
            before = line[: error.start].decode("utf-8")
            found.update(column=len(before) + 1, byte=f"0x{line[error.start]:02X}")
            yield before + "\ufffd"
            return


def sniff_binary(head: bytes, source: str) -> None:
    """Name the binary files people upload by mistake instead of calling them "not text"."""
    if head.startswith(b"\x1f\x8b"):
        raise ExportError("gzip", source)
    if head.startswith(b"%PDF"):
        raise ExportError("not_usage_export", source, found="PDF")


def _tab_lines(first: str, rest: Iterable[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in itertools.chain((first,), rest):
        writer.writerow(line.rstrip("\r\n").split("\t"))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


class _Prefixed(io.RawIOBase):
    """A raw stream that replays bytes already read from ``stream`` before the rest
    (a zip member cannot seek back to its start)."""

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
