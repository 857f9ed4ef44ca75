"""``helpsvc serve``, ``build``, ``check``, ``index``, ``misses`` and ``reload``: the docs
and the service that serves them."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from helpsvc.cli.consoles import err, out
from helpsvc.cli.progress import counting
from helpsvc.content.checks import rules, run_checks
from helpsvc.content.corpus import Corpus, load_corpus
from helpsvc.content.findings import Finding, count_by_check, count_by_severity
from helpsvc.content.index import ContentIndex, build_index
from helpsvc.content.selection import Selection, split_ids
from helpsvc.settings import Settings

# Below this many files a progress bar only flickers.
_PROGRESS_MIN_FILES = 200

check_app = typer.Typer(help="Validate the docs tree.", invoke_without_command=True)


def _load(
    path: Path, default_lang: str, suffixes: tuple[str, ...], lang: str | None = None
) -> Corpus:
    """The docs under ``path``, with a progress bar on a terminal when there are many."""
    if not path.is_dir():
        err.print(f"[red]error:[/] {path}: no such folder")
        raise typer.Exit(2)
    total = sum(1 for p in path.rglob("*") if p.suffix in suffixes)
    if total < _PROGRESS_MIN_FILES or not err.is_terminal:
        return load_corpus(path, default_lang=default_lang, suffixes=suffixes, lang=lang)
    with counting("indexing", total, err) as advance:
        return load_corpus(
            path,
            default_lang=default_lang,
            suffixes=suffixes,
            on_file=lambda _: advance(),
            lang=lang,
        )


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Start the service: the built site, the API and /healthz."""
    # Imported here: the API and the server take a while to import, every other command
    # starts without them.
    import uvicorn

    from helpsvc.api import create_app

    settings = Settings()
    if host is not None:
        settings.host = host
    if port is not None:
        settings.port = port
    if not (settings.site_dir / "index.html").is_file():
        err.print(
            f"[yellow]warning:[/] no built site in {settings.site_dir}/; "
            "run `helpsvc build` first. Serving the API only."
        )
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


def build(
    strict: Annotated[
        bool, typer.Option(help="Fail on any MkDocs warning (broken link, missing page).")
    ] = True,
    site_dir: Annotated[Path | None, typer.Option(help="Where to write the site.")] = None,
) -> None:
    """Build the guide site (English, German, Chinese) into site/."""
    from helpsvc.content.site_build import build_site

    settings = Settings()
    target = site_dir or settings.site_dir
    code = build_site(settings.mkdocs_config, target, strict=strict)
    if code != 0:
        err.print(f"[red]error:[/] the site build failed (mkdocs exited with {code})")
        raise typer.Exit(code)
    out.print(f"site built in {target}/")


def _print_findings(findings: list[Finding], fmt: str) -> None:
    """Findings whose paths are already as the user should see them."""
    if fmt == "json":
        print(json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False))
        return
    for finding in findings:
        if fmt == "github":
            # GitHub Actions workflow command: shows the finding on the line of the file.
            command = _GITHUB_LEVELS[finding.severity]
            print(
                f"::{command} file={finding.path},line={finding.line},"
                f"title={finding.check}::{finding.message}"
            )
        else:
            print(finding.format())


_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
# Reported by helpsvc.walkthroughs.check (run with --flows); listed here so --select and
# --ignore know them without importing the walkthroughs for every check.
_FLOW_CHECK_IDS = ("walkthrough-invalid", "walkthrough-anchor")

_SELECT_HELP = (
    "Report only these check ids, comma-separated or repeated (see --list). A prefix of "
    "whole words selects several: 'link' is every link-* check, 'translation' every "
    "translation-* check."
)
_IGNORE_HELP = (
    "Do not report these check ids (same form as --select); applied after --select, so "
    "'--select link --ignore link-outside-docs' keeps the other link checks."
)


def _selection(select: list[str] | None, ignore: list[str] | None) -> Selection:
    selection = Selection(split_ids(select), split_ids(ignore))
    unknown = selection.unknown([rule.id for rule in rules()] + list(_FLOW_CHECK_IDS))
    if unknown:
        err.print(
            f"[red]error:[/] no check id is or starts with {', '.join(map(repr, unknown))}; "
            "`helpsvc check --list` lists them"
        )
        raise typer.Exit(2)
    return selection


def _list_checks() -> None:
    for rule in rules():
        print(f"{rule.id:24} {rule.severity:8} {rule.description}")


def _print_summary(findings: list[Finding], pages: int, languages: int) -> None:
    """Counts per check id on stderr, so stdout stays one finding per line."""
    checked = f"{pages} pages in {languages} languages checked"
    if not findings:
        err.print(f"[green]no problems[/]; {checked}")
        return
    for row in count_by_check(findings):
        err.print(f"{row.count:>7}  {row.severity:8} {row.check}", highlight=False)
    totals = count_by_severity(findings)
    colour = "red" if totals["error"] else "yellow"
    counted = ", ".join(f"{n} {severity}" for severity, n in totals.items() if n)
    err.print(f"[{colour}]{len(findings)} problem(s)[/] ({counted}); {checked}")


def _report(findings: list[Finding], pages: int, languages: list[str]) -> dict[str, Any]:
    """The --json document: findings, counts per check id and per severity."""
    return {
        "pages": pages,
        "languages": languages,
        "findings": [f.to_dict() for f in findings],
        "summary": [
            {"check": row.check, "severity": row.severity, "count": row.count}
            for row in count_by_check(findings)
        ],
        "by_severity": count_by_severity(findings),
    }


@check_app.callback()
def check(
    ctx: typer.Context,
    docs: Annotated[
        Path | None, typer.Option(help="Docs tree (default: settings docs_dir).")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", help="Output format: text, json (a list of findings) or github."),
    ] = "text",
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print one JSON document: the findings, counts per check id and severity.",
        ),
    ] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help=_SELECT_HELP)] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=_IGNORE_HELP)] = None,
    list_checks: Annotated[
        bool, typer.Option("--list", help="List the check ids with their severity and exit.")
    ] = False,
    flows: Annotated[
        bool | None,
        typer.Option(
            "--flows/--no-flows",
            help="Also check that every walkthrough step's guide section exists in every "
            "language (default: on for the configured docs tree).",
        ),
    ] = None,
) -> None:
    """Check the docs tree; prints `file:line: message [check-id]` and a count per check id.

    Checks: front matter YAML, page_id / ms.assetid, F1 keyword conflicts, translation
    anchors and keywords, internal links, translations without an English page. Every check
    id has a severity (error, warning or info; see --list). Exits 1 when an error remains
    after --select and --ignore; warnings and info are reported but do not fail.
    """
    if ctx.invoked_subcommand is not None:
        return
    if fmt not in ("text", "json", "github"):
        err.print(f"[red]error:[/] --format must be text, json or github, not '{fmt}'")
        raise typer.Exit(2)
    selection = _selection(select, ignore)
    if list_checks:
        _list_checks()
        return
    settings = Settings()
    root = docs or settings.docs_dir
    corpus = _load(root, settings.default_lang, (".md",))
    index = build_index(corpus, settings.default_lang)
    findings = _run(root, corpus, index, selection, flows if flows is not None else docs is None)
    if as_json:
        report = _report(findings, len(corpus.pages), list(index.languages))
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_findings(findings, fmt)
        if fmt != "json":
            _print_summary(findings, len(corpus.pages), len(index.languages))
    if any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


def _run(
    root: Path, corpus: Corpus, index: ContentIndex, selection: Selection, flows: bool
) -> list[Finding]:
    """The findings ``selection`` wants, with paths as given on the command line."""
    only = {rule.id for rule in rules() if selection.wants(rule.id)}
    shown = root.as_posix().rstrip("/")
    findings = [replace(f, path=f"{shown}/{f.path}") for f in run_checks(corpus, index, only)]
    if flows and any(selection.wants(i) for i in _FLOW_CHECK_IDS):
        from helpsvc.walkthroughs.check import check_flows

        findings += [f for f in check_flows(index) if selection.wants(f.check)]
    return findings


def index(
    path: Annotated[Path, typer.Argument(help="Folder of Markdown files with YAML front matter.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the index as JSON.")] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            help="Language of a single-language folder (files without ms.contentlocale); "
            "default: read from each file's text, English when too short to tell."
        ),
    ] = None,
    ext: Annotated[
        list[str] | None,
        typer.Option(help="File suffix to index (repeatable), default .md and .markdown."),
    ] = None,
) -> None:
    """Index a docs folder: pages, languages, F1 keywords and errors by file.

    Reads a tree with language folders (en/, de/, zh/) or a single-language folder such as a
    clone of a Microsoft Learn docs repository (f1_keywords, f1keywords or f1.keywords).
    Exits 1 when a file could not be read.
    """
    suffixes = (
        tuple(e if e.startswith(".") else f".{e}" for e in ext) if ext else (".md", ".markdown")
    )
    corpus = _load(path, lang or "en", suffixes, lang)
    idx = build_index(corpus, lang or "en")
    if as_json:
        json.dump(_index_doc(path, corpus, idx), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_index(path, corpus, idx)
    if corpus.errors:
        raise typer.Exit(1)


def _index_doc(path: Path, corpus: Corpus, idx: ContentIndex) -> dict[str, Any]:
    return {
        "root": str(path),
        "layout": corpus.layout,
        "languages": {lg: len(idx.pages[lg]) for lg in idx.languages},
        "pages": [
            {
                "path": p.path,
                "lang": p.lang,
                "page_id": p.page_id,
                "title": p.title,
                "keywords": list(p.keywords),
                "lang_source": p.lang_source,
                "translation": p.translation.type if p.translation else None,
            }
            for p in sorted(corpus.pages, key=lambda p: p.path)
        ],
        "keywords": {c.keyword: c.page_id for c in idx.keywords.values()},
        "conflicts": [
            {
                "keyword": c.keyword,
                "kept": c.kept.path,
                "other": c.other.path,
                "reason": c.reason,
            }
            for c in idx.conflicts
        ],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in corpus.errors],
    }


def _print_index(path: Path, corpus: Corpus, idx: ContentIndex) -> None:
    root = path.as_posix().rstrip("/")
    pages = sorted(corpus.pages, key=lambda p: p.path)
    if out.is_terminal:
        table = Table(title=f"{path} ({corpus.layout} layout)")
        for column in ("path", "lang", "page id", "title", "F1 keywords"):
            table.add_column(column, overflow="fold")
        for p in pages:
            table.add_row(p.path, p.lang, p.page_id, p.title, ", ".join(p.keywords))
        out.print(table)
    else:
        # Piped: one unwrapped, tab-separated line per page, for grep, cut and sort (and
        # without the table's layout work, which costs more than the index on large trees).
        sys.stdout.writelines(
            f"{p.path}\t{p.lang}\t{p.page_id}\t{p.title}\t{', '.join(p.keywords)}\n" for p in pages
        )
    langs = Counter(p.lang for p in corpus.pages)
    print(
        f"{len(pages)} pages; languages: "
        + ", ".join(f"{lg} {n}" for lg, n in sorted(langs.items()))
        + f"; {len(idx.keywords)} F1 keywords"
    )
    sources = Counter(p.lang_source for p in corpus.pages if p.lang_source != "folder")
    if sources:
        print("language from: " + ", ".join(f"{s} {n}" for s, n in sorted(sources.items())))
    for p in pages:
        if p.lang_source == "default":
            print(
                f"{root}/{p.path}: language unknown (no ms.contentlocale, too little text); "
                f"read as {p.lang}, set --lang to say"
            )
    for conflict in idx.conflicts:
        print(
            f"{root}/{conflict.other.path}: keyword '{conflict.keyword}' already "
            f"belongs to {conflict.kept.path} ({conflict.reason})"
        )
    for error in corpus.errors:
        # One unwrapped line per error, so editors and grep can jump to file:line.
        print(f"{root}/{error.path}:{error.line}: {error.message}")


def misses(
    limit: Annotated[int, typer.Option(help="How many keywords to show.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """F1 keywords that found no page, most frequent first (from the service's database)."""
    from helpsvc.services.misses import top_misses

    listing = top_misses(Settings(), limit)
    rows = listing.misses
    if as_json:
        body = {
            "misses": [
                {
                    "keyword": m.keyword,
                    "locale": m.locale,
                    "count": m.count,
                    "first_seen": m.first_seen.isoformat(),
                    "last_seen": m.last_seen.isoformat(),
                    "sample": m.sample,
                }
                for m in rows
            ],
            "other": listing.other,
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    table = Table(title="F1 keywords without a page")
    for column in ("count", "keyword", "locale", "first seen", "last seen"):
        table.add_column(column, justify="right" if column == "count" else "left")
    for m in rows:
        table.add_row(
            str(m.count),
            m.sample,
            m.locale,
            m.first_seen.strftime("%Y-%m-%d %H:%M"),
            m.last_seen.strftime("%Y-%m-%d %H:%M"),
        )
    out.print(table)
    if listing.other:
        # The cap on distinct keywords folded these in; the API's list says the same.
        out.print(f"{listing.other} more misses of keywords beyond the cap (other)")
    if not rows and not listing.other:
        out.print("no misses recorded")


def reload(
    url: Annotated[str | None, typer.Option(help="Base URL of the running service.")] = None,
    token: Annotated[
        str | None, typer.Option(help="Admin token (default: HELPSVC_ADMIN_TOKEN).")
    ] = None,
) -> None:
    """Make a running service reload the docs (or send it SIGHUP)."""
    import httpx

    settings = Settings()
    base = url or f"http://{settings.host}:{settings.port}"
    secret = token or settings.admin_token
    if not secret:
        err.print("[red]error:[/] no admin token: pass --token or set HELPSVC_ADMIN_TOKEN")
        raise typer.Exit(2)
    try:
        response = httpx.post(
            f"{base.rstrip('/')}/api/v1/admin/reload",
            headers={"Authorization": f"Bearer {secret}"},
            timeout=60,
        )
    except httpx.HTTPError as exc:
        err.print(f"[red]error:[/] cannot reach {base}: {exc}")
        raise typer.Exit(1) from None
    if response.status_code != 200:
        err.print(f"[red]error:[/] {response.status_code}: {response.text}")
        raise typer.Exit(1)
    body = response.json()
    out.print("reloaded: " + ", ".join(f"{lg} {n}" for lg, n in body["pages"].items()))
    for error in body["errors"]:
        kept = " (last good version kept)" if error["path"] in body["kept"] else ""
        print(f"{error['path']}:{error['line']}: {error['message']}{kept}")


def register(app: typer.Typer) -> None:
    """Add the docs commands to ``helpsvc`` (in the order ``--help`` lists them)."""
    app.command()(serve)
    app.command()(build)
    app.add_typer(check_app, name="check")
    app.command()(index)
    app.command()(misses)
    app.command()(reload)
