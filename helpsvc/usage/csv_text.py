"""The bytes of an export's CSV as lines of text, whichever way it was saved.

UTF-8 with or without byte order mark, as the admin center writes it; or UTF-16 with a
byte order mark and tabs, as Excel's "Unicode text" saves it (turned into commas here).
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
        raise ExportError("not_text", source) from None
    if not first.strip():
        raise ExportError("empty", source)
    if "\x00" in first:
        raise ExportError("not_text", source)
    if "\t" in first and "," not in first:
        return _tab_lines(first, text)
    return itertools.chain((first,), text)


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
