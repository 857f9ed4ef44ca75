"""Extracting the catalog's template (``messages.pot``) from the code with Babel.

``entry(context, english)`` and ``plural_entry(count, context, one, other)`` are the
markers in Python; the Jinja templates may use gettext's own names. ``make messages`` runs
this module (extract, then merge into each language's catalog) and ``pybabel compile``; the
test suite extracts again and fails when an entry of the code is missing from the template.

The merge goes by context, the stable id, rather than by ``pybabel update``'s similarity of
English texts, which pairs "Also" with "Calls": a text whose English changed keeps its
translation, marked fuzzy with the previous English beside it, so the translator sees what
changed; a context the code no longer has becomes obsolete (``#~``).
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import PoFileError, read_po, write_po

from helpsvc.catalog.translations import DOMAIN, LOCALE_DIR

PACKAGE_DIR = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / "messages.pot"
WIDTH = 100

KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "entry": ((1, "c"), 2),
    "plural_entry": ((2, "c"), 3, 4),
}
METHOD_MAP = [
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
]

Key = tuple[str | None, str]


def extract(package_dir: Path = PACKAGE_DIR) -> Catalog:
    """Every entry of the code under ``package_dir``, with where it is written."""
    catalog = Catalog(
        domain=DOMAIN,
        project="helpsvc",
        version="1",
        msgid_bugs_address="",
        copyright_holder="helpsvc contributors",
        charset="utf-8",
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),
    )
    found = extract_from_dir(
        str(package_dir),
        method_map=METHOD_MAP,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        path = (Path("helpsvc") / filename).as_posix()
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    for message in catalog:
        # The project formats with str.format only; a "10 % der" is no %-placeholder.
        message.flags.discard("python-format")
    return catalog


def key_of(message: Message) -> Key:
    """What identifies an entry: its context and its (singular) English."""
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def keys(catalog: Catalog) -> set[Key]:
    return {key_of(m) for m in catalog if m.id}


def _merge_key(message: Message) -> str | Key:
    # The context is the stable id; a text without one (a template's plain gettext call)
    # is known by its English, so two of them never stand for each other.
    return message.context or key_of(message)


def missing_from_template(
    package_dir: Path = PACKAGE_DIR, template: Path = TEMPLATE
) -> list[tuple[Key, str]]:
    """Entries of the code that the template lacks, each with where the code writes it."""
    with template.open("rb") as fh:
        known = keys(read_po(fh))
    extracted = extract(package_dir)
    missing = [m for m in extracted if m.id and key_of(m) not in known]
    return sorted((key_of(m), "{}:{}".format(*m.locations[0])) for m in missing)


def write_template(catalog: Catalog, target: Path = TEMPLATE) -> None:
    with target.open("wb") as fh:
        write_po(fh, catalog, width=WIDTH, sort_output=False, sort_by_file=True)


def merge(template: Catalog, translated: Catalog) -> Catalog:
    """``translated`` brought up to ``template``: new entries empty, changed ones fuzzy."""
    by_context = {_merge_key(m): m for m in translated if m.id}
    merged = Catalog(
        locale=translated.locale,
        domain=translated.domain,
        header_comment=translated.header_comment,
        project=translated.project,
        version=translated.version,
        copyright_holder=translated.copyright_holder,
        msgid_bugs_address=translated.msgid_bugs_address,
        creation_date=template.creation_date,
        revision_date=translated.revision_date,
        last_translator=translated.last_translator,
        language_team=translated.language_team,
        charset="utf-8",
        fuzzy=False,
    )
    for message in template:
        if not message.id:
            continue
        old = by_context.pop(_merge_key(message), None)
        string = _fitting(old.string, message.id) if old else ""
        flags = set(message.flags)
        previous: list[str] = []
        if old and old.id != message.id and _translated(old.string):
            flags.add("fuzzy")
            previous = [old.id] if isinstance(old.id, str) else list(old.id)
        merged.add(
            message.id,
            string,
            message.locations,
            flags=flags,
            auto_comments=message.auto_comments,
            user_comments=old.user_comments if old else (),
            previous_id=previous,
            context=message.context,
        )
    live = {_merge_key(m) for m in merged if m.id}
    # Retired translations stay until a translator deletes them, as msgmerge keeps them.
    for key, retired in translated.obsolete.items():
        if _merge_key(retired) not in live:
            merged.obsolete[key] = retired
    for gone in by_context.values():
        if _translated(gone.string):
            merged.obsolete[(gone.id, gone.context)] = gone
    return merged


def _translated(string: str | tuple[str, ...] | None) -> bool:
    return bool(string) if isinstance(string, str) or string is None else any(string)


def _fitting(string: str | tuple[str, ...], msgid: str | tuple[str, ...]) -> Any:
    """A translation in the shape the new msgid needs (a text that gained a plural keeps
    its words as every form)."""
    if isinstance(msgid, str):
        return string if isinstance(string, str) else string[0]
    return string if isinstance(string, tuple) else (string,)


class UnreadableCatalog(Exception):
    pass


def read_translated(po: Path, lang: str) -> Catalog:
    """A language's catalog, or ``UnreadableCatalog`` naming the line: a file read only
    halfway would lose its second half when the merge writes it back."""
    try:
        with po.open("rb") as fh:
            return read_po(fh, locale=lang, abort_invalid=True)
    except PoFileError as exc:
        # Babel counts the lines of its errors from 0.
        raise UnreadableCatalog(f"{po}:{exc.lineno + 1}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableCatalog(f"{po}: {exc}") from None


def write_translated(po: Path, merged: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, merged, width=WIDTH, include_previous=True)
    # Babel fills an empty header with its placeholder address, which msgfmt and Poedit
    # would show as if it were one; the project takes reports in its issue tracker.
    po.write_bytes(buffer.getvalue().replace(b'"Report-Msgid-Bugs-To: EMAIL@ADDRESS\\n"\n', b""))


def main() -> int:
    catalog = extract()
    languages = sorted(p for p in LOCALE_DIR.iterdir() if p.is_dir())
    files = [p / "LC_MESSAGES" / f"{DOMAIN}.po" for p in languages]
    try:
        # Every catalog is read before anything is written: one broken file stops the
        # whole run and leaves the template and the other catalogs as they were.
        translated = [read_translated(po, po.parent.parent.name) for po in files]
    except UnreadableCatalog as exc:
        print(f"error: {exc}; fix the file and run `make messages` again", file=sys.stderr)
        return 1
    write_template(catalog)
    print(f"{TEMPLATE}: {len(catalog)} entries", file=sys.stderr)
    for po, old in zip(files, translated, strict=True):
        merged = merge(catalog, old)
        write_translated(po, merged)
        fuzzy = sum(1 for m in merged if m.id and m.fuzzy)
        empty = sum(1 for m in merged if m.id and not _translated(m.string))
        print(
            f"{po.parent.parent.name}: {len(merged)} entries, {empty} untranslated, "
            f"{fuzzy} fuzzy, {len(merged.obsolete)} obsolete",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
