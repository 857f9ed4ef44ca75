"""Find the sections and internal links of a Markdown body without rendering it.

A full Markdown render per page would dominate indexing time; a line scan that knows about
fenced code blocks (found by ``fences``, with a CommonMark parser where context matters),
ATX headings, ``{#anchor}`` attribute lists, HTML anchors and inline or reference links
finds everything the index and the checks need.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from helpsvc.content.fences import fenced_regions

# Patterns start with a literal character so the regex engine can skip ahead with a fast
# search instead of trying every offset of the body.
_HEADING = re.compile(r"\n(#{1,6})[ \t]+([^\n]*)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_ATTR_ID = re.compile(r"(?:[{: \t])#([\w\-:.]+)")
_HTML_ANCHOR = re.compile(r"""<a\s+(?:name|id)=["']([^"']+)["']""", re.IGNORECASE)
# Link text may hold one level of brackets; the unrolled form avoids a per-character
# alternation, which made this pattern the slowest part of a scan.
_INLINE_LINK = re.compile(
    r"\[([^\[\]\n]*(?:\[[^\]\n]*\][^\[\]\n]*)*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)"
)
_REF_DEF = re.compile(r"\n {0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+[^\n]*)?(?=\n|$)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
_TAGS = re.compile(r"<[^>]+>")
_INLINE_MARKUP = re.compile(r"[*_`]")


# NamedTuples: built several times per page, and a frozen dataclass costs several times
# as much to construct.
class Section(NamedTuple):
    anchor: str
    title: str
    level: int
    line: int
    # True when the author wrote the anchor ({#id} or <a name>): only those are stable across
    # languages, generated slugs follow the translated heading.
    explicit: bool


class Link(NamedTuple):
    target: str  # path part, may be empty for same-page anchors
    anchor: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Outline:
    title: str | None
    sections: tuple[Section, ...]
    links: tuple[Link, ...]
    # Extra anchors defined in the body (HTML <a name>), not tied to a heading.
    anchors: frozenset[str]


def slugify(title: str) -> str:
    """Python-Markdown's default toc slug, so generated anchors match the built site."""
    if title.isascii():
        text = title
    else:
        text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _clean_title(raw: str) -> str:
    text = _TAGS.sub("", raw) if "<" in raw else raw
    if "*" in text or "_" in text or "`" in text:
        text = _INLINE_MARKUP.sub("", text)
    return " ".join(text.split())


_FIRST_H1 = re.compile(r"(?:^|\n)#[ \t]+([^\n]*)")


def first_heading(body: str) -> str | None:
    """The text of the first level-1 heading, for pages whose front matter has no title."""
    match = _FIRST_H1.search(body)
    if match is None:
        return None
    text = match.group(1).rstrip().rstrip("#").rstrip()
    if text.endswith("}") and "{" in text:
        text = text[: text.rfind("{")]
    return _clean_title(text) or None


def _split_link(url: str) -> tuple[str, str | None]:
    path, sep, anchor = url.partition("#")
    # Learn links carry queries (?toc=..., ?view=...) that select a view of the same file.
    if "?" in path:
        path = path.partition("?")[0]
    return path, (anchor if sep else None)


def is_internal(url: str) -> bool:
    """A link into the docs tree: relative, without a scheme, host or absolute path."""
    return not (_SCHEME.match(url) or url.startswith("//") or url.startswith("/"))


class _Lines:
    """Line and column of offsets visited in increasing order, counted in C via str.count."""

    __slots__ = ("_body", "_first", "_pos", "_line")

    def __init__(self, body: str, first_line: int) -> None:
        self._body = body
        self._first = first_line
        self._pos = 0
        self._line = 0

    def at(self, pos: int) -> tuple[int, int]:
        if pos < self._pos:  # a new pass over the body starts from its top again
            self._pos = self._line = 0
        self._line += self._body.count("\n", self._pos, pos)
        self._pos = pos
        return self._first + self._line, pos - (self._body.rfind("\n", 0, pos) + 1) + 1


def _outside(regions: list[tuple[int, int]], pos: int) -> bool:
    return all(not start <= pos < end for start, end in regions)


def scan(body: str, first_line: int = 1) -> Outline:
    """Scan with whole-body regular expressions: a Python loop per line would cost more
    than parsing the front matter, and indexing must stay close to merely reading files."""
    # Offsets in ``padded`` minus one are offsets in ``body``: the leading newline lets every
    # line-start pattern begin with a literal "\n".
    padded = "\n" + body
    regions = fenced_regions(padded) if ("```" in body or "~~~" in body) else []
    lines = _Lines(body, first_line)
    title, sections = _sections(padded, regions, lines)
    links = _links(body, padded, regions, lines)
    anchors: frozenset[str] = frozenset()
    if "<a" in body or "<A" in body:
        anchors = frozenset(
            m.group(1)
            for m in _HTML_ANCHOR.finditer(body)
            if not regions or _outside(regions, m.start() + 1)
        )
    return Outline(title, tuple(sections), tuple(links), anchors)


def _sections(
    padded: str, regions: list[tuple[int, int]], lines: _Lines
) -> tuple[str | None, list[Section]]:
    """The page title (first level-1 heading) and every heading outside code blocks."""
    title: str | None = None
    sections: list[Section] = []
    for heading in _HEADING.finditer(padded):
        if regions and not _outside(regions, heading.start()):
            continue
        level = len(heading.group(1))
        text, anchor = _heading_anchor(heading.group(2).rstrip())
        clean = _clean_title(text)
        if level == 1 and title is None:
            title = clean
        line_no = lines.at(heading.start())[0]
        if anchor is not None:
            sections.append(Section(anchor, clean, level, line_no, True))
        elif clean:
            sections.append(Section(slugify(clean), clean, level, line_no, False))
    return title, sections


def _heading_anchor(text: str) -> tuple[str, str | None]:
    """A heading's text without closing hashes and attribute list, and the anchor the
    author gave it (``{#id}`` or ``<a name>``), if any."""
    if text.endswith("#"):
        text = _CLOSING_HASHES.sub("", text)
    anchor = None
    if text.endswith("}"):
        brace = text.rfind("{")
        if brace >= 0:
            id_match = _ATTR_ID.search(text, brace)
            if id_match:
                anchor = id_match.group(1)
            text = text[:brace]
    if anchor is None and "<" in text:
        html = _HTML_ANCHOR.search(text)
        if html:
            anchor = html.group(1)
    return text, anchor


def _links(body: str, padded: str, regions: list[tuple[int, int]], lines: _Lines) -> list[Link]:
    """Internal inline and reference links outside code blocks, in reading order."""
    links: list[Link] = []
    if "](" in body:
        for match in _INLINE_LINK.finditer(body):
            url = match.group(2)
            start = match.start()
            if (start and body[start - 1] == "!") or not is_internal(url):  # images, external
                continue
            if regions and not _outside(regions, start + 1):
                continue
            path, anchor = _split_link(url)
            links.append(Link(path, anchor, *lines.at(match.start())))
    if "]:" in body:
        for ref in _REF_DEF.finditer(padded):
            if is_internal(ref.group(2)) and (not regions or _outside(regions, ref.start())):
                path, anchor = _split_link(ref.group(2))
                links.append(Link(path, anchor, *lines.at(ref.start(2) - 1)))
        links.sort(key=lambda link: (link.line, link.column))
    return links
