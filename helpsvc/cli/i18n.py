"""``helpsvc i18n stamp`` and ``helpsvc i18n status``: the translators' workflow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from helpsvc.cli.catalogs import CatalogsOption, catalog_dir, shown
from helpsvc.cli.consoles import err, err_unwrapped, out, out_unwrapped
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.glossary.catalog_status import (
    EntryStatus,
    catalog_status,
    select_catalogs,
    summarize_catalogs,
)
from helpsvc.glossary.catalogs import (
    ENTRY_STATES,
    FUZZY,
    OBSOLETE,
    TRANSLATED,
    UNTRANSLATED,
    Catalog,
    load_catalogs,
)
from helpsvc.glossary.status import (
    STATES,
    LanguageSummary,
    PageStatus,
    summarize,
    translation_status,
)
from helpsvc.settings import Settings

STATE_STYLE = {"up-to-date": "green", "stale": "yellow", "missing": "red", "machine": "cyan"}
ENTRY_STYLE = {"translated": "green", "untranslated": "red", "fuzzy": "yellow", "obsolete": "dim"}

i18n_app = typer.Typer(help="Translation workflow: record what a translation follows.")


@i18n_app.command("stamp")
def i18n_stamp(
    page: Annotated[str, typer.Argument(help="page_id of the page, e.g. add-funds.")],
    lang: Annotated[str, typer.Argument(help="Language of the reviewed translation, e.g. de.")],
    docs: Annotated[
        Path | None, typer.Option(help="Docs tree (default: settings docs_dir).")
    ] = None,
) -> None:
    """Record that the translation PAGE in LANG follows the current English source.

    Run it after reviewing a translation against its source; it writes the source's hash
    into `translation.source_hash` of the translation's front matter.
    """
    from helpsvc.content.translation import stamp_source_hash

    settings = Settings()
    root = docs or settings.docs_dir
    corpus = load_corpus(root, default_lang=settings.default_lang)
    idx = build_index(corpus, settings.default_lang)
    source = idx.page(page, settings.default_lang)
    target = idx.page(page, lang)
    if source is None:
        err.print(f"[red]error:[/] no page '{page}' in '{settings.default_lang}' under {root}")
        raise typer.Exit(2)
    if target is None or lang == settings.default_lang:
        err.print(f"[red]error:[/] no translation of '{page}' in '{lang}' under {root}")
        raise typer.Exit(2)
    file = root / target.path
    text = file.read_text(encoding="utf-8")
    file.write_text(stamp_source_hash(text, source.source_hash), encoding="utf-8")
    out.print(f"{file}: source_hash {source.source_hash} (from {root / source.path})")


@i18n_app.command("status")
def i18n_status(
    docs: Annotated[Path | None, typer.Option(help="Docs tree (default: docs/).")] = None,
    catalogs: CatalogsOption = None,
    lang: Annotated[
        list[str] | None, typer.Option("--lang", help="Only this language (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if a page is in this state: stale, missing or machine, or a catalog "
            "entry: untranslated, fuzzy or obsolete (repeatable or comma-separated).",
        ),
    ] = None,
) -> None:
    """For every page and language: up to date, stale (the English page changed since
    the source_hash the translation records), missing or machine-translated. For the
    gettext catalogs of the UI texts: entries translated, untranslated, fuzzy or obsolete."""
    failing = {s.strip() for item in fail_on or [] for s in item.split(",") if s.strip()}
    unknown = failing - set(STATES) - {UNTRANSLATED, FUZZY, OBSOLETE}
    if unknown:
        err.print(
            "[red]error:[/] --fail-on takes stale, missing, machine, untranslated, fuzzy or "
            f"obsolete, not {', '.join(repr(u) for u in sorted(unknown))}"
        )
        raise typer.Exit(2)
    settings = Settings()
    root = docs or settings.docs_dir
    if not root.is_dir():
        err.print(f"[red]error:[/] {root}: no such folder")
        raise typer.Exit(2)
    catalog_root = catalog_dir(catalogs)
    index = build_index(load_corpus(root, default_lang=settings.default_lang))
    statuses = translation_status(index, lang)
    summary = summarize(statuses)
    loaded, unreadable = load_catalogs(catalog_root) if catalog_root else ([], [])
    chosen = select_catalogs(loaded, lang)
    entries = catalog_status(chosen)
    catalog_root_shown = shown(catalog_root) if catalog_root else ""
    if as_json:
        doc = {
            "languages": {s.lang: s.to_dict() for s in summary},
            "pages": [s.to_dict() for s in statuses],
            "catalogs": {
                "dir": catalog_root_shown or None,
                "languages": {s.lang: s.to_dict() for s in summarize_catalogs(chosen)},
                "entries": [e.to_dict() for e in entries],
            },
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_status(root, statuses, summary)
        if catalog_root is not None:
            _print_catalogs(catalog_root_shown, chosen, entries)
    offending = [s for s in statuses if s.state in failing]
    for s in offending:
        err.print(f"{s.path or s.source_path}: {s.state} in '{s.lang}'", highlight=False)
    offending_entries = [e for e in entries if e.state in failing]
    for e in offending_entries:
        err_unwrapped.print(e.describe(catalog_root_shown), highlight=False, markup=False)
    for problem in unreadable:
        err_unwrapped.print(problem.format(catalog_root_shown), highlight=False, markup=False)
    if offending or offending_entries or unreadable:
        raise typer.Exit(1)


def _print_status(root: Path, statuses: list[PageStatus], summary: list[LanguageSummary]) -> None:
    """A table of pages by language, then one line of totals per language."""
    langs = [s.lang for s in summary]
    table = Table(title=f"Translation status of {root}/")
    table.add_column("page")
    for code in langs:
        table.add_column(code)
    by_page: dict[str, dict[str, str]] = {}
    for status in statuses:
        by_page.setdefault(status.source_path, {})[status.lang] = status.state
    for path, page_states in by_page.items():
        cells = [
            f"[{STATE_STYLE[page_states[c]]}]{page_states[c]}[/]" if c in page_states else ""
            for c in langs
        ]
        table.add_row(path, *cells)
    out.print(table)
    for s in summary:
        out.print(
            f"{s.lang}: {s.up_to_date}/{s.total} up to date ({s.percent} %); "
            + ", ".join(f"{s.counts[k]} {k}" for k in STATES if k != "up-to-date")
        )


def _print_catalogs(root: str, catalogs: list[Catalog], entries: list[EntryStatus]) -> None:
    """A table of the catalog files, the entries that need a translator, then one line of
    totals per language."""
    table = Table(title=f"Message catalogs in {root}/")
    table.add_column("catalog")
    table.add_column("lang")
    table.add_column("entries", justify="right")
    for state in ENTRY_STATES:
        table.add_column(state, justify="right")
    for row in summarize_catalogs(catalogs, by_file=True):
        cells = [
            f"[{ENTRY_STYLE[state]}]{row.counts[state]}[/]" if row.counts[state] else "0"
            for state in ENTRY_STATES
        ]
        table.add_row(row.files[0], row.lang, str(row.total), *cells)
    out.print(table)
    for entry in entries:
        if entry.state != TRANSLATED:
            # One line each, however long, so that an editor or grep can follow it.
            out_unwrapped.print(entry.describe(root), highlight=False, markup=False)
    for s in summarize_catalogs(catalogs):
        out_unwrapped.print(
            f"{s.lang}: {s.translated}/{s.total} catalog entries translated ({s.percent} %); "
            + ", ".join(f"{s.counts[k]} {k}" for k in ENTRY_STATES if k != TRANSLATED)
        )


def register(app: typer.Typer) -> None:
    app.add_typer(i18n_app, name="i18n")
