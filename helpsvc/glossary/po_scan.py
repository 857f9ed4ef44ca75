"""Where each character of a .po file's strings stands in the file.

Babel reads a catalog's entries, but of each entry it only knows the line of the msgid. A
term finding has to point at the word itself, which may sit on any continuation line of a
msgstr and after escapes (``\\"``, ``\\n``). This scanner reads the quoted strings of every
keyword the way gettext writes them and keeps, for each character of the unescaped text,
its line and column in the file.

It undoes exactly the escapes Babel's reader undoes, so its text is Babel's text; comment
lines, obsolete entries (``#~``) included, are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_KEYWORD = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)(?![\w\[])[ \t]*")
_CONTINUATION = re.compile(r"[ \t]*(?=\")")
_ESCAPES = {"\\": "\\", '"': '"', "t": "\t", "r": "\r", "n": "\n"}

Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PoString:
    """One keyword's string: its unescaped text and where each character is written."""

    keyword: str
    """``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` or ``msgstr[n]``."""
    line: int
    text: str
    positions: tuple[Position, ...]
    """(line, column), both 1-based, of each character of ``text``, then one for its end."""

    def position(self, offset: int) -> Position:
        """Line and column of the character at ``offset`` of ``text`` (an escape: its
        backslash)."""
        return self.positions[max(0, min(offset, len(self.text)))]


class PoSyntaxError(ValueError):
    """A string gettext would not read; Babel reads some of them as empty, silently."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _quoted(line: str, start: int, number: int, chars: list[str], where: list[Position]) -> int:
    """Append the characters of the string opening at ``line[start]`` (a quote); the index
    of its closing quote."""
    i = start + 1
    while i < len(line) and line[i] != '"':
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] in _ESCAPES:
            chars.append(_ESCAPES[line[i + 1]])
            where.append((number, i + 1))
            i += 2
            continue
        # Any other backslash stays as written, as Babel keeps it.
        chars.append(line[i])
        where.append((number, i + 1))
        i += 1
    if i >= len(line):
        raise PoSyntaxError(number, start + 1, "string without a closing quote")
    if line[i + 1 :].strip():
        # gettext reads a second string on the line; Babel would misread it.
        raise PoSyntaxError(number, i + 2, "text after the closing quote (one string a line)")
    return i


def scan_strings(source: str) -> list[PoString]:
    """Every keyword of the live entries of a .po file's text, in file order;
    ``PoSyntaxError`` for a string that does not end where its line ends."""
    # Only "\n" ends a line, as for Babel and editors: a U+2028 in a msgstr is text.
    lines = [line.removesuffix("\r") for line in source.split("\n")]
    found: list[PoString] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        keyword = _KEYWORD.match(line)
        if keyword is None:
            continue
        first = number
        if not line.startswith('"', keyword.end()):
            raise PoSyntaxError(number, keyword.end() + 1, f"{keyword.group(1)} without a string")
        chars: list[str] = []
        where: list[Position] = []
        end = _quoted(line, keyword.end(), number, chars, where)
        # Continuation lines: a string alone on a line, after optional blanks.
        while number < len(lines):
            more = _CONTINUATION.match(lines[number])
            if more is None:
                break
            number += 1
            end = _quoted(lines[number - 1], more.end(), number, chars, where)
        where.append((number, end + 1))
        found.append(PoString(keyword.group(1), first, "".join(chars), tuple(where)))
    return found


def translations_by_msgid_line(strings: Iterable[PoString]) -> dict[int, list[PoString]]:
    """The msgstr strings of each entry, by the line of its msgid: the line Babel records
    for a message, so the two readings can be joined."""
    entries: dict[int, list[PoString]] = {}
    current: list[PoString] | None = None
    for item in strings:
        if item.keyword == "msgid":
            current = entries.setdefault(item.line, [])
        elif item.keyword.startswith("msgstr") and current is not None:
            current.append(item)
    return entries
