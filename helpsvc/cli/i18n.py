"""``helpsvc i18n stamp`` and ``helpsvc i18n status``: the translators' workflow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from helpsvc.cli.consoles import err, out
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.glossary.status import (
    STATES,
    LanguageSummary,
    PageStatus,
    summarize,
    translation_status,
)
from helpsvc.settings import Settings

STATE_STYLE = {"up-to-date": "green", "stale": "yellow", "missing": "red", "machine": "cyan"}

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
    lang: Annotated[
        list[str] | None, typer.Option("--lang", help="Only this language (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if a page is in this state: stale, missing or machine "
            "(repeatable or comma-separated).",
        ),
    ] = None,
) -> None:
    """For every page and language: up to date, stale (the English page changed since
    the source_hash the translation records), missing or machine-translated."""
    failing = {s.strip() for item in fail_on or [] for s in item.split(",") if s.strip()}
    unknown = failing - set(STATES)
    if unknown:
        err.print(f"[red]error:[/] --fail-on takes stale, missing or machine, not {unknown}")
        raise typer.Exit(2)
    settings = Settings()
    root = docs or settings.docs_dir
    if not root.is_dir():
        err.print(f"[red]error:[/] {root}: no such folder")
        raise typer.Exit(2)
    index = build_index(load_corpus(root, default_lang=settings.default_lang))
    statuses = translation_status(index, lang)
    summary = summarize(statuses)
    if as_json:
        doc = {
            "languages": {s.lang: s.to_dict() for s in summary},
            "pages": [s.to_dict() for s in statuses],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_status(root, statuses, summary)
    offending = [s for s in statuses if s.state in failing]
    if offending:
        for s in offending:
            err.print(f"{s.path or s.source_path}: {s.state} in '{s.lang}'")
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


def register(app: typer.Typer) -> None:
    app.add_typer(i18n_app, name="i18n")
