"""Python-Markdown's abbreviations, with word boundaries that work for Chinese.

The ``abbr`` extension wraps a term only between ``\\b`` boundaries; in Chinese, where
words run together, there is no boundary between "推荐" and "触发金额", so no Chinese term
would ever get its tooltip. This subclass asks for a boundary only where the term begins or
ends with a Latin letter or digit. Everything else (``*[term]: text`` definitions, the
``glossary`` option, the ``<abbr title>`` output that Material's tooltips style) is the
standard extension's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrExtension, AbbrTreeprocessor

_LATIN = "A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def _pattern(term: str) -> str:
    body = re.escape(term)
    if _LATIN_CHAR.match(term[0]):
        body = f"(?<![{_LATIN}])" + body
    if _LATIN_CHAR.match(term[-1]):
        body += f"(?![{_LATIN}])"
    return body


class _Treeprocessor(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(_pattern(t) for t in terms))
        self.iter_element(root)
        return None


class GlossaryAbbrExtension(AbbrExtension):
    """``abbr`` with CJK-aware boundaries; ``glossary`` holds the terms of one language."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        if self.config["glossary"][0]:
            self.load_glossary(self.config["glossary"][0])
        self.abbrs.update(self.glossary)
        md.registerExtension(self)
        # Same names as the standard extension: these replace it when both are configured.
        md.treeprocessors.register(_Treeprocessor(md, self.abbrs), "abbr", 7)
        md.parser.blockprocessors.register(AbbrBlockprocessor(md.parser, self.abbrs), "abbr", 16)


def makeExtension(**kwargs: object) -> GlossaryAbbrExtension:  # noqa: N802 - Markdown's API
    return GlossaryAbbrExtension(**kwargs)
