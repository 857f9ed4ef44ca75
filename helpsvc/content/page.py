"""A page of the docs: its metadata, outline and body, in one language."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

from helpsvc.content.meta import MetaProblem, Translation
from helpsvc.content.scan import Link, Outline, Section, scan


def body_hash(body: str) -> str:
    """Hash of a page body, recorded by translations as the ``source_hash`` they follow.

    Line endings and trailing blanks are normalised so that an editor's whitespace settings
    never make a translation look stale.
    """
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    normalised = "\n".join(lines).strip("\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Page:
    """One file of the docs. The outline (sections, links) is scanned on first use: the F1
    index needs only the front matter, and most pages of a large corpus are never opened."""

    path: str  # relative to the corpus root, POSIX separators: "de/guides/add-funds.md"
    rel_path: str  # relative to the language folder: "guides/add-funds.md"
    lang: str
    page_id: str
    # False when page_id was derived (ms.assetid or the path) because the file has none.
    has_page_id: bool
    title: str
    description: str | None
    keywords: tuple[str, ...]
    translation: Translation | None
    asset_id: str | None
    body: str
    body_line: int
    problems: tuple[MetaProblem, ...]
    content_locale: str | None = None  # ms.contentlocale as written ("de-de")
    # Where ``lang`` comes from: "folder" (a language folder or --lang), "ms.contentlocale",
    # "text" (read from the page's prose) or "default" (none of these could tell).
    lang_source: str = "folder"
    help_flag: str | None = None  # "CSH" / "NOCSH" from f1.keywords: a flag, no keyword
    f1_priority: int = 0  # the highest wins a keyword several pages claim

    @cached_property
    def outline(self) -> Outline:
        return scan(self.body, self.body_line)

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.outline.sections

    @property
    def links(self) -> tuple[Link, ...]:
        return self.outline.links

    @property
    def html_anchors(self) -> frozenset[str]:
        return self.outline.anchors

    @property
    def anchors(self) -> frozenset[str]:
        """Every anchor a link may point to: headings (explicit or generated) and HTML anchors."""
        return frozenset(s.anchor for s in self.sections) | self.html_anchors

    @property
    def explicit_anchors(self) -> tuple[str, ...]:
        return tuple(s.anchor for s in self.sections if s.explicit)

    @property
    def source_hash(self) -> str:
        """Hash of this page's body; computed on demand, indexing does not need it."""
        return body_hash(self.body)

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)
