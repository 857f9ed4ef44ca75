"""``helpsvc glossary check|export|import`` and ``helpsvc check terms``: the translators'
glossary, and the docs checked against it."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from helpsvc.cli.catalogs import CatalogsOption, catalog_dir, shown
from helpsvc.cli.consoles import err, out
from helpsvc.cli.docs import check_app
from helpsvc.content.findings import Finding
from helpsvc.glossary.model import Glossary
from helpsvc.settings import Settings

FORMATS = ("text", "json", "github")
EXPORT_FORMATS = ("tbx", "tbx2", "csv", "abbr")

glossary_app = typer.Typer(
    help="The translators' glossary: check it, export it for CAT tools, import it back."
)


def glossary_dir(settings: Settings, given: Path | None = None) -> Path:
    """The glossary folder: as given on the command line, else from the settings."""
    from helpsvc.glossary.load import find_glossary_dir

    return given or find_glossary_dir(settings.glossary_dir, settings.docs_dir)


def print_findings(findings: list[Finding], root: str, fmt: str) -> None:
    """``file:line:col: message (suggestion) [check]``, JSON, or GitHub annotations."""
    if fmt == "json":
        rows = [{**f.to_dict(), "path": f"{root}/{f.path}" if root else f.path} for f in findings]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for finding in findings:
        if fmt == "github":
            path = f"{root}/{finding.path}" if root else finding.path
            col = f",col={finding.column}" if finding.column else ""
            hint = f" ({finding.suggestion})" if finding.suggestion else ""
            # Workflow commands end at a newline and treat % specially.
            message = (finding.message + hint).replace("%", "%25").replace("\n", " ")
            print(f"::error file={path},line={finding.line}{col},title={finding.check}::{message}")
        else:
            print(finding.format(root))


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        err.print(f"[red]error:[/] --format must be text, json or github, not '{fmt}'")
        raise typer.Exit(2)


def _load_or_exit(directory: Path) -> tuple[Glossary, list[Finding]]:
    from helpsvc.glossary.load import load_glossary

    if not directory.is_dir():
        err.print(f"[red]error:[/] {directory}: no such folder")
        raise typer.Exit(2)
    return load_glossary(directory)


@glossary_app.command("check")
def glossary_check(
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Glossary folder (default: glossary/).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or github.")] = "text",
) -> None:
    """Check the glossary files: schema (with file:line), unknown or repeated concept ids,
    forbidden terms that are also preferred, and translation progress per language."""
    from helpsvc.glossary.validate import progress, validate

    _check_format(fmt)
    path = glossary_dir(Settings(), directory)
    glossary, findings = _load_or_exit(path)
    findings = sorted(findings + validate(glossary))
    print_findings(findings, "", fmt)
    if fmt != "json":
        console = err if fmt == "github" else out
        console.print(f"{len(glossary.concepts)} concepts in {path}/")
        for row in progress(glossary):
            missing = f"; missing: {', '.join(row.missing)}" if row.missing else ""
            console.print(
                f"  {row.lang}: {row.translated}/{row.total} translated ({row.percent} %), "
                f"{row.defined} with a definition{missing}"
            )
    if findings:
        err.print(f"[red]{len(findings)} problem(s)[/] in {path}/")
        raise typer.Exit(1)


@glossary_app.command("export")
def glossary_export(
    fmt: Annotated[
        str, typer.Option("--format", help="tbx (TBX v3), tbx2 (TBX v2, martif), csv, abbr.")
    ] = "tbx",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    lang: Annotated[
        str, typer.Option(help="Language of the abbreviation list (--format abbr).")
    ] = "en",
    directory: Annotated[Path | None, typer.Option("--dir", help="Glossary folder.")] = None,
) -> None:
    """Export the glossary as TBX-Basic (v3 or v2), CSV with one column per language, or
    a Markdown abbreviation list for the site."""
    from helpsvc.glossary.csvx import to_csv
    from helpsvc.glossary.site import abbreviations_markdown
    from helpsvc.glossary.tbx import to_tbx

    if fmt not in EXPORT_FORMATS:
        err.print(f"[red]error:[/] --format must be one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    path = glossary_dir(Settings(), directory)
    glossary, findings = _load_or_exit(path)
    if findings:
        print_findings(findings, "", "text")
        err.print("[red]error:[/] fix the glossary first (`helpsvc glossary check`)")
        raise typer.Exit(1)
    if fmt in ("tbx", "tbx2"):
        data = to_tbx(glossary, 3 if fmt == "tbx" else 2)
    elif fmt == "csv":
        data = to_csv(glossary).encode("utf-8")
    else:
        data = abbreviations_markdown(glossary, lang).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
        err.print(f"{len(glossary.concepts)} concepts written to {output}")


@glossary_app.command("import")
def glossary_import(
    file: Annotated[Path, typer.Argument(help="A .tbx or .csv file.")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto (by the file suffix), tbx or csv.")
    ] = "auto",
    overwrite: Annotated[
        bool, typer.Option(help="Replace entries that differ instead of reporting them.")
    ] = False,
    lang: Annotated[
        list[str] | None,
        typer.Option("--lang", help="Only import this language (repeatable)."),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Report, but write nothing.")] = False,
    directory: Annotated[Path | None, typer.Option("--dir", help="Glossary folder.")] = None,
) -> None:
    """Import a TBX or CSV term base. New concepts and terms are added; entries that
    differ from the files are reported as conflicts and left alone unless --overwrite.
    Exits 1 when conflicts remain."""
    from helpsvc.glossary.merge import merge
    from helpsvc.glossary.write import write_language

    kind = fmt if fmt != "auto" else ("csv" if file.suffix.lower() == ".csv" else "tbx")
    if kind not in ("tbx", "csv"):
        err.print("[red]error:[/] --format must be auto, tbx or csv")
        raise typer.Exit(2)
    imported = _read_term_base(file, kind)
    path = glossary_dir(Settings(), directory)
    existing = Glossary()
    if path.is_dir():
        existing, findings = _load_or_exit(path)
        if findings:
            print_findings(findings, "", "text")
            err.print("[red]error:[/] the glossary files have problems; fix them first")
            raise typer.Exit(1)
    result = merge(existing, imported, overwrite=overwrite, languages=lang)
    for item in result.added:
        out.print(f"added {item}")
    for conflict in result.conflicts:
        verb = "overwritten" if overwrite else "conflict"
        print(f"{verb}: {conflict.describe()}")
    if not dry_run:
        for changed in result.changed_languages:
            written = write_language(result.glossary, changed, path)
            out.print(f"wrote {written}")
    summary = f"{len(result.added)} added, {len(result.conflicts)} conflict(s)"
    if result.conflicts and not overwrite:
        err.print(f"[yellow]{summary}[/]; the files keep their version (--overwrite to replace)")
        raise typer.Exit(1)
    err.print(summary + (" (dry run, nothing written)" if dry_run else ""))


def _read_term_base(file: Path, kind: str) -> Glossary:
    """The glossary in a TBX or CSV file; exits with the file's problem when it has one."""
    from helpsvc.glossary.csvx import CsvError, from_csv
    from helpsvc.glossary.tbx import TbxError, from_tbx

    try:
        data = file.read_bytes()
    except OSError as exc:
        err.print(f"[red]error:[/] {file}: {exc.strerror}")
        raise typer.Exit(2) from None
    try:
        return from_csv(data.decode("utf-8-sig")) if kind == "csv" else from_tbx(data)
    except (TbxError, CsvError) as exc:
        err.print(f"[red]error:[/] {file}: {exc}")
        raise typer.Exit(1) from None
    except UnicodeDecodeError:
        err.print(f"[red]error:[/] {file}: not UTF-8 text")
        raise typer.Exit(1) from None


@check_app.command("terms")
def check_terms(
    docs: Annotated[Path | None, typer.Option(help="Docs tree (default: docs/).")] = None,
    glossary: Annotated[
        Path | None, typer.Option(help="Glossary folder (default: glossary/).")
    ] = None,
    catalogs: CatalogsOption = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json or github.")] = "text",
    list_checks: Annotated[bool, typer.Option("--list", help="List the checks.")] = False,
) -> None:
    """Check the translations against the glossary: forbidden variants (German also
    inside compounds, Chinese as substrings) and pages whose English source uses a term
    whose preferred translation the page never uses; the same for each entry of the
    gettext catalogs (.po). Prints `file:line:col: message (suggestion) \\[check]`;
    exits 1 on findings."""
    from helpsvc.content.corpus import load_corpus
    from helpsvc.content.index import build_index
    from helpsvc.glossary.catalogs import UNREADABLE
    from helpsvc.glossary.lint import TERM_CHECKS, lint_terms
    from helpsvc.glossary.po_lint import OFF_UNKNOWN

    _check_format(fmt)
    if list_checks:
        for item in TERM_CHECKS:
            print(f"{item.id:24} {item.description}")
        print(f"{UNREADABLE:24} A .po file that gettext could not read")
        print(f"{OFF_UNKNOWN:24} A '# terms: off for <concept>' comment naming no concept")
        return
    settings = Settings()
    root = docs or settings.docs_dir
    if not root.is_dir():
        err.print(f"[red]error:[/] {root}: no such folder")
        raise typer.Exit(2)
    catalog_root = catalog_dir(catalogs)
    terms, problems = _load_or_exit(glossary_dir(settings, glossary))
    if problems:
        print_findings(problems, "", fmt)
        err.print("[red]error:[/] the glossary has problems (`helpsvc glossary check`)")
        raise typer.Exit(1)
    corpus = load_corpus(root, default_lang=settings.default_lang)
    index = build_index(corpus, settings.default_lang)
    findings = _rooted(lint_terms(corpus, index, terms), root.as_posix().rstrip("/"))
    pages = sum(len(p) for p in index.pages.values())
    summary = f"{pages} pages checked against {len(terms.concepts)} concepts"
    if catalog_root is not None:
        found, entries = _lint_catalogs(catalog_root, terms)
        findings += _rooted(found, shown(catalog_root))
        summary = (
            f"{pages} pages and {entries} catalog entries checked against "
            f"{len(terms.concepts)} concepts"
        )
    print_findings(findings, "", fmt)
    if fmt == "text":
        if findings:
            err.print(f"[red]{len(findings)} term problem(s)[/]; {summary}")
        else:
            err.print(f"[green]no term problems[/]; {summary}")
    if findings:
        raise typer.Exit(1)


def _lint_catalogs(root: Path, terms: Glossary) -> tuple[list[Finding], int]:
    """The findings of the catalogs under ``root`` (unreadable files first) and how many
    entries were checked."""
    from helpsvc.glossary.catalogs import load_catalogs
    from helpsvc.glossary.po_lint import checked_entries, lint_catalogs

    catalogs, unreadable = load_catalogs(root)
    entries = sum(1 for _ in checked_entries(catalogs, terms))
    return unreadable + lint_catalogs(catalogs, terms), entries


def _rooted(findings: list[Finding], root: str) -> list[Finding]:
    """``findings`` with ``root`` in front of their paths, so that the docs' and the
    catalogs' findings print in one list (one JSON array)."""
    return [replace(f, path=f"{root}/{f.path}") if root else f for f in findings]


def register(app: typer.Typer) -> None:
    app.add_typer(glossary_app, name="glossary")
