"""The gettext catalogs of the UI texts, read for the translators' checks.

Babel reads each ``.po`` file (entries, flags, obsolete ``#~`` entries, the header); the
scanner of ``po_scan`` adds where each character of a translation is written, so a finding
points at the word. Both meet at the msgid's line, which Babel records for every message.

A catalog's language is its folder (``de/LC_MESSAGES/helpsvc.po``), else its ``Language:``
header, else its file name (``de.po``): the folder is what gettext looks up at run time.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import PoFileError, read_po

from helpsvc.catalog.translations import LOCALE_DIR
from helpsvc.content.findings import Finding
from helpsvc.glossary.po_scan import (
    PoString,
    PoSyntaxError,
    scan_strings,
    translations_by_msgid_line,
)

TRANSLATED, UNTRANSLATED, FUZZY, OBSOLETE = "translated", "untranslated", "fuzzy", "obsolete"
ENTRY_STATES = (TRANSLATED, UNTRANSLATED, FUZZY, OBSOLETE)
UNREADABLE = "catalog-unreadable"


def default_catalog_dir() -> Path:
    """Where the package keeps its catalogs: ``helpsvc/locale``."""
    return LOCALE_DIR


def entry_name(context: str | None, msgid: str) -> str:
    """An entry as translators' tools show it: its context, else the start of its English."""
    if context:
        return context
    return msgid if len(msgid) <= 40 else msgid[:39] + "…"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    context: str | None
    msgid: str
    msgid_plural: str | None
    translations: tuple[str, ...]
    """``msgstr``, or ``msgstr[0]``, ``msgstr[1]``... of a plural entry."""
    spans: tuple[PoString, ...]
    """The same strings with their place in the file; empty for an obsolete entry."""
    line: int
    """The msgid's line."""
    fuzzy: bool
    obsolete: bool
    comments: tuple[str, ...] = ()
    """Translator (``# ``) and extracted (``#. ``) comments."""

    @property
    def state(self) -> str:
        # The order msgfmt --statistics counts in: an empty form leaves the entry
        # untranslated even when it is marked fuzzy.
        if self.obsolete:
            return OBSOLETE
        if not self.translations or not all(self.translations):
            return UNTRANSLATED
        return FUZZY if self.fuzzy else TRANSLATED

    @property
    def english(self) -> tuple[str, ...]:
        return (self.msgid,) if self.msgid_plural is None else (self.msgid, self.msgid_plural)


@dataclass(frozen=True, slots=True)
class Catalog:
    path: str
    """Relative to the folder the catalogs were read from, with ``/``."""
    lang: str
    entries: tuple[CatalogEntry, ...]


def find_catalogs(root: Path) -> list[Path]:
    """Every ``.po`` file under ``root``, in path order (templates, ``.pot``, have no
    translations)."""
    return sorted(path for path in root.rglob("*.po") if path.is_file())


def _language(file: Path, header: str | None) -> str:
    if file.parent.name == "LC_MESSAGES" and file.parent.parent.name:
        return file.parent.parent.name
    return header or file.stem


def _forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(s or "" for s in value)


def _entry(message: Message, spans: list[PoString], obsolete: bool) -> CatalogEntry:
    ids = _forms(message.id)
    return CatalogEntry(
        context=message.context,
        msgid=ids[0],
        msgid_plural=ids[1] if len(ids) > 1 else None,
        translations=_forms(message.string),
        spans=tuple(spans),
        line=message.lineno or 0,
        fuzzy=message.fuzzy,
        obsolete=obsolete,
        comments=(*message.user_comments, *message.auto_comments),
    )


class CatalogError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def read_catalog(file: Path, root: Path) -> Catalog:
    """The entries of one ``.po`` file, the header left out; ``CatalogError`` with the line
    when the file is not a catalog gettext would read."""
    try:
        raw = file.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CatalogError(1, exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(line, "not UTF-8 text") from None
    try:
        spans = translations_by_msgid_line(scan_strings(text))
    except PoSyntaxError as exc:
        raise CatalogError(exc.line, str(exc)) from None
    try:
        # abort_invalid: a broken file is reported, not read halfway in silence. StringIO
        # ends lines at "\n" only, as the scanner does, so both count the same lines.
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        # Babel counts the lines of its errors from 0, those of its messages from 1.
        raise CatalogError(exc.lineno + 1, str(exc).rsplit(" on ", 1)[0]) from None
    entries = [
        _entry(message, spans.get(message.lineno or 0, []), obsolete=False)
        for message in catalog
        if message.id  # the header
    ]
    entries += [_entry(message, [], obsolete=True) for message in catalog.obsolete.values()]
    entries.sort(key=lambda e: e.line)
    return Catalog(
        file.relative_to(root).as_posix(),
        _language(file, catalog.locale_identifier),
        tuple(entries),
    )


def load_catalogs(root: Path) -> tuple[list[Catalog], list[Finding]]:
    """Every catalog under ``root``, and a finding for each file that could not be read."""
    catalogs: list[Catalog] = []
    problems: list[Finding] = []
    for file in find_catalogs(root):
        try:
            catalogs.append(read_catalog(file, root))
        except CatalogError as exc:
            path = file.relative_to(root).as_posix()
            problems.append(Finding(path, exc.line, UNREADABLE, str(exc)))
    return catalogs, problems
