"""One translatable text: its context (a stable id), its English and how to fill it.

``entry`` and ``plural_entry`` are the markers Babel extracts (see ``extraction``); they
build the objects the modules keep in their dictionaries, so a text is looked up by
context at run time and a changed English text reaches translators as a changed msgid.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from helpsvc.catalog.translations import translations


@dataclass(frozen=True, slots=True)
class Entry:
    context: str
    english: str

    def text(self, lang: str) -> str:
        """The text in ``lang``, English where the catalog has no (or a fuzzy) translation."""
        return _translated(lang, self.context, self.english)

    def format(self, lang: str, /, **params: Any) -> str:
        return self.render(lang, params)

    def render(self, lang: str, params: Mapping[str, Any]) -> str:
        """``format`` for a mapping the caller already holds (no second copy of it)."""
        # Without parameters the text is shown as written, so literal braces survive.
        text = _translated(lang, self.context, self.english)
        if not params:
            return text
        try:
            return text.format_map(params)
        except (KeyError, IndexError, ValueError):
            # A translation whose placeholders do not match (a translator's typo such as
            # "{betrag}") must not turn a message into an error: the English is shown.
            return self.english.format_map(params)


@dataclass(frozen=True, slots=True)
class PluralEntry:
    """A text that holds one count: gettext picks the form the language's rule asks for."""

    count: str
    context: str
    one: str
    other: str

    def text(self, lang: str, count: Any) -> str:
        return translations(lang).npgettext(self.context, self.one, self.other, plural_n(count))

    def format(self, lang: str, /, **params: Any) -> str:
        return self.render(lang, params)

    def render(self, lang: str, params: Mapping[str, Any]) -> str:
        count = params.get(self.count)
        try:
            return self.text(lang, count).format_map(params)
        except (KeyError, IndexError, ValueError):
            return (self.one if plural_n(count) == 1 else self.other).format_map(params)


Message = Entry | PluralEntry


@cache
def _translated(lang: str, context: str, english: str) -> str:
    # A page asks for the same few hundred texts again and again; gettext's own lookup
    # builds its "context\x04msgid" key each time, this remembers the answer.
    return translations(lang).pgettext(context, english)


def entry(context: str, english: str) -> Entry:
    return Entry(context, english)


def plural_entry(count: str, context: str, one: str, other: str) -> PluralEntry:
    """``count`` names the parameter that holds the number."""
    return PluralEntry(count, context, one, other)


def plural_n(count: Any) -> int:
    """The integer gettext's plural rule is evaluated on.

    CLDR's "one" in English and German is exactly 1 written without decimals, so a count
    such as "1.0" or "2,5" is passed on as a number that takes the other form.
    """
    if isinstance(count, int) and not isinstance(count, bool):
        return abs(count)
    text = str(count).strip()
    return int(text) if text.isascii() and text.isdigit() else 2
