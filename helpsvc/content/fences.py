"""Where the fenced code blocks of a Markdown body are, as CommonMark decides.

Whether a line of backticks opens a code block depends on its context: ``````code``````
inside a paragraph is an inline code span, a fence indented under a list item belongs to
that item, and a fence inside an HTML block is HTML. markdown-it-py parses the block
structure and is the authority. Parsing costs several times a regex scan, so a body whose
every fence line starts in column 0, with no HTML block that could swallow one, takes a
shortcut: there a column-0 fence line is a fence wherever it stands, and pairing openers
with closers is all that is left (tests/content/test_fences.py checks both ways agree).
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

# Offsets are into a body with one leading "\n" (scan's ``padded``): a region runs from the
# "\n" before its first line to the "\n" before the first line after it.
Region = tuple[int, int]

_FENCE_TEXT = re.compile(r"```|~~~")
_HTML_BLOCK_START = re.compile(r"\n {0,3}<")
_FENCE_LINE = re.compile(r"\n(`{3,}|~{3,})([^\n]*)")


def fenced_regions(padded: str) -> list[Region]:
    """The fenced code blocks of ``padded`` (a body behind one leading newline)."""
    if not _FENCE_TEXT.search(padded):
        return []
    if _fence_text_off_column_zero(padded) or _HTML_BLOCK_START.search(padded):
        return parsed_regions(padded)
    return _column_zero_regions(padded)


def _fence_text_off_column_zero(padded: str) -> bool:
    """True when a run of ``` or ~~~ starts after other text on its line: indented, in a
    list item or a quote, or inline. str.find, because a regex starting with a character
    class tries every offset and costs ten times as much."""
    for mark in ("```", "~~~"):
        pos = padded.find(mark)
        while pos != -1:
            if padded[pos - 1] not in "\n`~":
                return True
            pos = padded.find(mark, pos + 3)
    return False


@cache
def _parser() -> MarkdownIt:
    # Only the block structure matters; inline parsing is most of markdown-it's time.
    return MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)


def parsed_regions(padded: str) -> list[Region]:
    """The regions as markdown-it-py finds them (the authority; public for the tests)."""
    tokens = _parser().parse(padded[1:])
    spans = [token.map for token in tokens if token.type == "fence" and token.map]
    if not spans:
        return []
    starts = [0]  # offset in padded of the "\n" before each line
    pos = padded.find("\n", 1)
    while pos != -1 and pos < len(padded) - 1:  # a final newline ends a line, starts none
        starts.append(pos)
        pos = padded.find("\n", pos + 1)

    def offset(line: int) -> int:
        # Past the last line (or a lone "\r", a line break to markdown-it only): the end.
        return starts[line] if line < len(starts) else len(padded)

    return [(offset(first), offset(end)) for first, end in spans]


def _column_zero_regions(padded: str) -> list[Region]:
    regions: list[Region] = []
    open_at, fence = -1, ""
    for match in _FENCE_LINE.finditer(padded):
        marker, rest = match.group(1), match.group(2)
        if open_at < 0:
            # A backtick fence's info string may not hold a backtick: ```x``` is inline code.
            if marker[0] != "`" or "`" not in rest:
                open_at, fence = match.start(), marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not rest.strip():
            regions.append((open_at, _line_end(padded, match.end())))
            open_at = -1
    if open_at >= 0:  # an unclosed fence runs to the end, as in CommonMark
        regions.append((open_at, len(padded)))
    return regions


def _line_end(padded: str, pos: int) -> int:
    """The "\n" before the line after ``pos``, or the end when no line follows."""
    end = padded.find("\n", pos)
    return end if -1 < end < len(padded) - 1 else len(padded)
