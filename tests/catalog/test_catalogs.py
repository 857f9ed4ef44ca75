"""The shipped message catalogs: in step with the code, complete, and loadable."""

from __future__ import annotations

import ast
import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from helpsvc.catalog.entries import Entry, PluralEntry, plural_n
from helpsvc.catalog.extraction import (
    PACKAGE_DIR,
    TEMPLATE,
    UnreadableCatalog,
    extract,
    keys,
    merge,
    missing_from_template,
    read_translated,
)
from helpsvc.catalog.placeholders import mismatches
from helpsvc.catalog.translations import catalog_path, load

LANGS = ("de", "zh")


def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def test_the_template_has_every_entry_of_the_code() -> None:
    missing = missing_from_template()
    assert not missing, (
        "entries missing from helpsvc/locale/messages.pot; run `make messages`:\n"
        + "\n".join(f"{where}: {context} {english!r}" for (context, english), where in missing)
    )


def _marker_calls() -> set[str]:
    """The context of every ``entry(...)``/``plural_entry(...)`` written in the package."""
    found = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                position = {"entry": 0, "plural_entry": 1}.get(node.func.id)
                if position is not None and len(node.args) > position:
                    context = node.args[position]
                    assert isinstance(context, ast.Constant), f"{path}:{node.lineno}"
                    found.add(context.value)
    return found


def test_babel_extracts_every_entry_the_code_writes() -> None:
    # Babel reads tokens, not the syntax tree: a text Babel cannot see (a parenthesized
    # argument, a variable) would be served in English forever without this check.
    extracted = {m.context for m in extract() if m.id}
    assert _marker_calls() - extracted == set()
    assert len(extracted) > 500


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_and_reviewed(lang: str) -> None:
    catalog = _read(catalog_path(lang))
    template = keys(_read(TEMPLATE))
    open_entries = []
    for message in catalog:
        if not message.id:
            continue
        strings = [message.string] if isinstance(message.string, str) else message.string
        if message.fuzzy or not all(strings):
            open_entries.append(f"{message.lineno}: {message.context}")
    assert not open_entries, f"{lang}: untranslated or fuzzy entries:\n" + "\n".join(open_entries)
    assert keys(catalog) == template


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_the_placeholders(lang: str) -> None:
    found = list(mismatches(_read(catalog_path(lang))))
    assert not found, found


def test_a_dropped_or_invented_placeholder_is_reported() -> None:
    catalog = Catalog(locale="de")
    catalog.add("Balance {balance}", "Saldo", context="a")
    catalog.add("Balance {balance}", "Saldo {betrag}", context="b")
    catalog.add(("1 row", "{count} rows"), ("eine Zeile", "{count} Zeilen"), context="c")
    catalog.add(("1 row", "{count} rows"), ("eine Zeile", "viele Zeilen"), context="d")
    found = {m.context: (set(m.missing), set(m.unknown)) for m in mismatches(catalog)}
    assert found == {
        "a": ({"balance"}, set()),
        "b": ({"balance"}, {"betrag"}),
        "d": ({"count"}, set()),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_msgfmt_accepts_the_catalogs(lang: str) -> None:
    # Poedit compiles with GNU msgfmt; its checks are the ones a translator would see.
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None and os.environ.get("CI") != "true":
        pytest.skip("GNU gettext is not installed (make browser installs it)")
    assert msgfmt, "msgfmt is missing: `make browser` installs gettext"
    run = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(catalog_path(lang))],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "untranslated" not in run.stderr and "fuzzy" not in run.stderr, run.stderr


def test_plural_forms_follow_each_language() -> None:
    rows = PluralEntry(
        "count", "usage.rows.more", "… and 1 more bad row", "… and {count} more bad rows"
    )
    assert rows.format("en", count=1) == "… and 1 more bad row"
    assert rows.format("en", count=3) == "… and 3 more bad rows"
    assert rows.format("de", count=1) == "… und 1 weitere fehlerhafte Zeile"
    assert rows.format("de", count=3) == "… und 3 weitere fehlerhafte Zeilen"
    assert rows.format("zh", count=1) == rows.format("zh", count=3).replace("3", "1")
    # CLDR: "1.0" is not "one" in English or German.
    assert plural_n("1.0") != 1 and plural_n("1") == 1 and plural_n(1) == 1


def test_an_unknown_language_reads_english() -> None:
    assert Entry("site.search.button", "Search").text("fr") == "Search"
    assert Entry("site.search.button", "Search").text("de") == "Suchen"


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog)


def test_a_catalog_saved_after_its_compilation_is_read_from_the_po(tmp_path: Path) -> None:
    po = tmp_path / "de" / "LC_MESSAGES" / "helpsvc.po"
    catalog = Catalog(locale="de")
    catalog.add("Search", "Suchen", context="k")
    _write(po, catalog)
    assert load(po).pgettext("k", "Search") == "Suchen"
    subprocess.run(
        ["pybabel", "compile", "-i", str(po), "-o", str(po.with_suffix(".mo"))],
        check=True,
        capture_output=True,
        env={**os.environ, "PATH": _venv_path()},
    )
    assert isinstance(load(po), gettext.GNUTranslations)
    catalog = Catalog(locale="de")
    catalog.add("Search", "Durchsuchen", context="k")
    catalog.add("Save", "Speichern", flags=["fuzzy"], context="f")
    _write(po, catalog)
    os.utime(po, (po.stat().st_mtime + 5, po.stat().st_mtime + 5))
    reloaded = load(po)
    assert reloaded.pgettext("k", "Search") == "Durchsuchen"
    # A translation marked for review is not shown, as msgfmt leaves it out too.
    assert reloaded.pgettext("f", "Save") == "Save"


def _venv_path() -> str:
    import sys

    return f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def test_the_merge_keeps_a_changed_text_fuzzy_and_retires_a_removed_one() -> None:
    template = Catalog()
    template.add("Add funds now", context="kept.changed")
    template.add("Balance", context="kept.same")
    template.add("New text", context="new")
    translated = Catalog(locale="de")
    translated.add("Add funds", "Guthaben aufladen", context="kept.changed")
    translated.add("Balance", "Saldo", context="kept.same")
    translated.add("Calls", "Anrufe", context="removed")
    merged = merge(template, translated)
    changed = merged.get("Add funds now", context="kept.changed")
    assert changed.fuzzy and changed.string == "Guthaben aufladen"
    assert changed.previous_id == ["Add funds"]
    same = merged.get("Balance", context="kept.same")
    assert same.string == "Saldo" and not same.fuzzy
    assert merged.get("New text", context="new").string == ""
    # Matching by context: "Calls" is not offered as a guess for "New text".
    assert ("Calls", "removed") in merged.obsolete
    # A second run keeps what the first retired.
    assert ("Calls", "removed") in merge(template, merged).obsolete


def test_jinja_templates_are_extracted(tmp_path: Path) -> None:
    templates = tmp_path / "web" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html").write_text(
        '<p>{{ _("Hello") }}</p>{% trans %}Welcome back{% endtrans %}', encoding="utf-8"
    )
    (tmp_path / "module.py").write_text(
        'from helpsvc.catalog import entry\nX = entry("x.key", "Plain text")\n', encoding="utf-8"
    )
    found = {(m.context, m.id) for m in extract(tmp_path) if m.id}
    assert found == {(None, "Hello"), (None, "Welcome back"), ("x.key", "Plain text")}


def test_the_term_base_sits_beside_the_catalogs() -> None:
    # `make` writes it; a translation tool opening helpsvc/locale finds the glossary there.
    from translate.storage.tbx import tbxfile

    from helpsvc.glossary.load import load_glossary

    tbx = TEMPLATE.parent / "glossary.tbx"
    if not tbx.is_file() and os.environ.get("CI") != "true":
        pytest.skip("run `make setup` to write helpsvc/locale/glossary.tbx")
    glossary, _ = load_glossary(PACKAGE_DIR.parent / "glossary")
    units = tbxfile.parsefile(str(tbx)).units
    assert len(units) == len(glossary.concepts)
    assert {u.source for u in units} >= {"Communications Credits", "auto-recharge"}


def test_a_broken_po_keeps_the_last_compiled_catalog_or_english(tmp_path: Path) -> None:
    po = tmp_path / "de" / "LC_MESSAGES" / "helpsvc.po"
    catalog = Catalog(locale="de")
    catalog.add("Search", "Suchen", context="k")
    _write(po, catalog)
    write_mo_file = po.with_suffix(".mo")
    from babel.messages.mofile import write_mo

    with write_mo_file.open("wb") as fh:
        write_mo(fh, catalog)
    # A translator saves a half-edited file after the last compilation.
    po.write_text(po.read_text("utf-8") + '\nmsgctxt "x"\nmsgid "Broken\n', "utf-8")
    os.utime(po, (write_mo_file.stat().st_mtime + 5, write_mo_file.stat().st_mtime + 5))
    assert load(po).pgettext("k", "Search") == "Suchen"
    write_mo_file.unlink()
    assert load(po).pgettext("k", "Search") == "Search"


def test_a_translation_with_a_wrong_placeholder_shows_the_english(monkeypatch, tmp_path) -> None:
    # A translator's live edit (read from the .po without a build) with a typo in a field.
    import helpsvc.catalog.entries as entries

    po = tmp_path / "de" / "LC_MESSAGES" / "helpsvc.po"
    catalog = Catalog(locale="de")
    catalog.add("Balance: {balance}", "Saldo: {betrag}", context="x.balance")
    catalog.add(("1 row", "{count} rows"), ("eine Zeile", "{anzahl} Zeilen"), context="x.rows")
    _write(po, catalog)
    monkeypatch.setattr(entries, "translations", lambda lang: load(po))
    entries._translated.cache_clear()
    try:
        balance = Entry("x.balance", "Balance: {balance}")
        assert balance.format("de", balance="5,00 €") == "Balance: 5,00 €"
        rows = PluralEntry("count", "x.rows", "1 row", "{count} rows")
        assert rows.format("de", count=1) == "eine Zeile"
        assert rows.format("de", count=3) == "3 rows"
    finally:
        entries._translated.cache_clear()


def test_texts_without_a_context_keep_their_own_translations() -> None:
    # A template's plain gettext calls have no context; the merge must not pair them.
    template = Catalog()
    template.add("Hello")
    template.add("Welcome back")
    translated = Catalog(locale="de")
    translated.add("Hello", "Hallo")
    translated.add("Welcome back", "Willkommen zurück")
    merged = merge(template, translated)
    assert merged.get("Hello").string == "Hallo"
    assert merged.get("Welcome back").string == "Willkommen zurück"
    assert not merged.get("Hello").fuzzy and not merged.obsolete


def test_a_broken_catalog_stops_make_messages_before_anything_is_written(tmp_path: Path) -> None:
    po = tmp_path / "de" / "LC_MESSAGES" / "helpsvc.po"
    catalog = Catalog(locale="de")
    catalog.add("Search", "Suchen", context="k")
    _write(po, catalog)
    text = po.read_text("utf-8") + '\nmsgctxt "x"\nmsgid "Broken\n'
    po.write_text(text, "utf-8")
    with pytest.raises(UnreadableCatalog, match=r"helpsvc\.po:\d+: "):
        read_translated(po, "de")
    assert po.read_text("utf-8") == text
