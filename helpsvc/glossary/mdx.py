"""Python-Markdown's abbreviations, as a reader of the guides wants them.

- Word boundaries that work for Chinese: the ``abbr`` extension wraps a term only between
  ``\\b`` boundaries; in Chinese, where words run together, there is no boundary between
  "推荐" and "触发金额", so no Chinese term would ever get its tooltip. A boundary is asked
  for only where the term begins or ends with a Latin letter or digit.
- A term is explained once per section: its first occurrence after each ``h1``–``h3``
  heading gets the tooltip, later ones stay plain text. Underlining every occurrence buries
  the text (and the links) under dotted lines.
- Never in headings (they feed the table of contents and must read as titles), admonition
  titles, links, code, struck-out words or bold text: the guides write what the admin
  center shows in bold ("**Bei Guthaben unter**"), a quoted label and not the term.
- ``active = False`` turns the tooltips off for a page (the glossary page itself, where
  every term is defined in place).

Everything else (``*[term]: text`` definitions, the ``glossary`` option, the
``<abbr title>`` output that Material's tooltips style) is the standard extension's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

_LATIN = "A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_CHAR = re.compile(f"[{_LATIN}]")
SECTION_HEADINGS = frozenset({"h1", "h2", "h3"})
# Elements whose text is never explained: titles, links, code, what the page strikes out,
# admin center labels (bold).
_SKIPPED = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "code", "pre", "kbd", "del", "script"}
    | {"strong", "b"}
)


def _pattern(term: str) -> str:
    body = re.escape(term)
    if _LATIN_CHAR.match(term[0]):
        body = f"(?<![{_LATIN}])" + body
    if _LATIN_CHAR.match(term[-1]):
        body += f"(?![{_LATIN}])"
    return body


def _skipped(element: etree.Element) -> bool:
    if element.tag in _SKIPPED:
        return True
    classes = (element.get("class") or "").split()
    return "admonition-title" in classes


@dataclass(frozen=True)
class _Slot:
    """A run of text in document order: ``element.text``, or ``element.tail`` in ``parent``."""

    element: etree.Element
    parent: etree.Element | None
    tail: bool


_SECTION_BREAK = None


def _slots(element: etree.Element, parent: etree.Element | None) -> Iterator[_Slot | None]:
    """Text runs in reading order; ``None`` where a new section begins."""
    if element.tag in SECTION_HEADINGS:
        yield _SECTION_BREAK
    if not _skipped(element):
        yield _Slot(element, parent, tail=False)
        for child in list(element):
            yield from _slots(child, element)
    if parent is not None:
        yield _Slot(element, parent, tail=True)


class _Treeprocessor(AbbrTreeprocessor):
    def __init__(self, md: Markdown, abbrs: dict[str, str], extension: GlossaryAbbrExtension):
        super().__init__(md, abbrs)
        self.extension = extension

    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs or not self.extension.active:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(_pattern(t) for t in terms))
        explained: set[str] = set()
        # Collected first: wrapping inserts elements that must not be walked again.
        for slot in list(_slots(root, None)):
            if slot is _SECTION_BREAK:
                explained = set()
            else:
                self._explain(slot, explained)
        return None

    def _explain(self, slot: _Slot, explained: set[str]) -> None:
        """Wrap the first occurrence of each term not yet explained in this section."""
        text = slot.element.tail if slot.tail else slot.element.text
        if not text or isinstance(text, AtomicString):
            return
        first = []
        for match in self.RE.finditer(text):
            # A concept's forms share one definition: "Automatische Aufladung" explains
            # "automatischen Aufladung" too.
            title = self.abbrs.get(match.group(0))
            if title and title not in explained:
                explained.add(title)
                first.append((match, title))
        if not first:
            return
        target = slot.parent if slot.tail else slot.element
        index = list(target).index(slot.element) + 1 if slot.tail else 0
        for match, title in reversed(first):
            abbr = self.create_element(title, match.group(0), text[match.end() :])
            target.insert(index, abbr)
            text = text[: match.start()]
        if slot.tail:
            slot.element.tail = text
        else:
            slot.element.text = text


class GlossaryAbbrExtension(AbbrExtension):
    """``abbr`` with CJK-aware boundaries, once per section; ``glossary`` holds the terms of
    one language."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.active = True

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        if self.config["glossary"][0]:
            self.load_glossary(self.config["glossary"][0])
        self.abbrs.update(self.glossary)
        md.registerExtension(self)
        # Same names as the standard extension: these replace it when both are configured.
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs, self), "abbr", 7)
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, self.abbrs), "abbr", 16)


def makeExtension(**kwargs: object) -> GlossaryAbbrExtension:  # noqa: N802 - Markdown's API
    return GlossaryAbbrExtension(**kwargs)
