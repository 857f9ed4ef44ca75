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

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

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


def keys(catalog: Catalog) -> set[Key]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def missing_from_template(
    package_dir: Path = PACKAGE_DIR, template: Path = TEMPLATE
) -> list[tuple[Key, str]]:
    """Entries of the code that the template lacks, each with where the code writes it."""
    with template.open("rb") as fh:
        known = keys(read_po(fh))
    extracted = extract(package_dir)
    return sorted(
        (
            (key, f"{m.locations[0][0]}:{m.locations[0][1]}")
            for m in extracted
            if m.id
            for key in [(m.context, m.id if isinstance(m.id, str) else m.id[0])]
            if key not in known
        ),
    )


def write_template(catalog: Catalog, target: Path = TEMPLATE) -> None:
    with target.open("wb") as fh:
        write_po(fh, catalog, width=WIDTH, sort_output=False, sort_by_file=True)


def merge(template: Catalog, translated: Catalog) -> Catalog:
    """``translated`` brought up to ``template``: new entries empty, changed ones fuzzy."""
    by_context = {m.context: m for m in translated if m.id}
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
        old = by_context.pop(message.context, None)
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
    live = {m.context for m in merged if m.id}
    # Retired translations stay until a translator deletes them, as msgmerge keeps them.
    for key, retired in translated.obsolete.items():
        if retired.context not in live:
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


def update(language_dir: Path, template: Catalog) -> Catalog:
    po = language_dir / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as fh:
        translated = read_po(fh, locale=language_dir.name)
    merged = merge(template, translated)
    buffer = io.BytesIO()
    write_po(buffer, merged, width=WIDTH, include_previous=True)
    # Babel fills an empty header with its placeholder address, which msgfmt and Poedit
    # would show as if it were one; the project takes reports in its issue tracker.
    po.write_bytes(buffer.getvalue().replace(b'"Report-Msgid-Bugs-To: EMAIL@ADDRESS\\n"\n', b""))
    return merged


def main() -> int:
    catalog = extract()
    write_template(catalog)
    print(f"{TEMPLATE}: {len(catalog)} entries", file=sys.stderr)
    for language_dir in sorted(p for p in LOCALE_DIR.iterdir() if p.is_dir()):
        merged = update(language_dir, catalog)
        fuzzy = sum(1 for m in merged if m.id and m.fuzzy)
        empty = sum(1 for m in merged if m.id and not _translated(m.string))
        print(
            f"{language_dir.name}: {len(merged)} entries, {empty} untranslated, {fuzzy} fuzzy, "
            f"{len(merged.obsolete)} obsolete",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
