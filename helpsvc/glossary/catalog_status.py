"""Translation status of the message catalogs: which entries still need a translator.

Every entry of a ``.po`` file is translated, untranslated (a msgstr, or one plural form, is
empty), fuzzy (marked for review, so gettext shows the English) or obsolete (``#~``, kept by
msgmerge for a text the code no longer has). The counts are msgfmt's: an empty entry is
untranslated even when marked fuzzy, and obsolete entries are not part of the total.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from helpsvc.glossary.catalogs import (
    ENTRY_STATES,
    OBSOLETE,
    TRANSLATED,
    Catalog,
    entry_name,
)


@dataclass(frozen=True, slots=True)
class EntryStatus:
    lang: str
    state: str
    context: str | None
    msgid: str
    path: str
    line: int

    def describe(self, root: str = "") -> str:
        """``path:line: fuzzy in 'de' (msgctxt)``."""
        path = f"{root.rstrip('/')}/{self.path}" if root else self.path
        name = entry_name(self.context, self.msgid)
        return f"{path}:{self.line}: {self.state} in '{self.lang}' ({name})"

    def to_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "state": self.state,
            "context": self.context,
            "msgid": self.msgid,
            "path": self.path,
            "line": self.line,
        }


def select_catalogs(catalogs: list[Catalog], languages: list[str] | None) -> list[Catalog]:
    """The catalogs of ``languages`` (all when None), by path; ``zh`` also selects
    ``zh_CN``."""
    chosen = [
        c
        for c in catalogs
        if languages is None
        or c.lang in languages
        or re.split(r"[-_@.]", c.lang, maxsplit=1)[0] in languages
    ]
    return sorted(chosen, key=lambda c: c.path)


def catalog_status(catalogs: list[Catalog]) -> list[EntryStatus]:
    """One status per entry, by file and line."""
    return [
        EntryStatus(catalog.lang, entry.state, entry.context, entry.msgid, catalog.path, entry.line)
        for catalog in catalogs
        for entry in catalog.entries
    ]


@dataclass(frozen=True, slots=True)
class CatalogSummary:
    """The counts of one language's catalogs, or of one catalog file."""

    lang: str
    files: tuple[str, ...]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        """Live entries: obsolete ones are no longer shown anywhere."""
        return sum(n for state, n in self.counts.items() if state != OBSOLETE)

    @property
    def translated(self) -> int:
        return self.counts.get(TRANSLATED, 0)

    @property
    def percent(self) -> int:
        # Rounded down: one open entry of 588 is 99 %, never "100 %" with work left.
        return 100 * self.translated // self.total if self.total else 100

    def to_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "files": list(self.files),
            "total": self.total,
            "percent": self.percent,
            **self.counts,
        }


def summarize_catalogs(catalogs: list[Catalog], by_file: bool = False) -> list[CatalogSummary]:
    """Per language (or per file): how many entries are in each state. A catalog without
    entries still counts, with zeros."""
    groups: dict[str, tuple[str, list[str], Counter[str]]] = {}
    for catalog in catalogs:
        key = catalog.path if by_file else catalog.lang
        _lang, files, counts = groups.setdefault(key, (catalog.lang, [], Counter()))
        files.append(catalog.path)
        counts.update(entry.state for entry in catalog.entries)
    return [
        CatalogSummary(lang, tuple(files), {s: counts.get(s, 0) for s in ENTRY_STATES})
        for lang, files, counts in groups.values()
    ]
