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
from helpsvc.content.checks import CHECKS, run_checks
from helpsvc.content.corpus import Corpus, load_corpus
from helpsvc.content.findings import Finding
from helpsvc.content.index import ContentIndex, build_index
from helpsvc.settings import Settings

# Below this many files a progress bar only flickers.
_PROGRESS_MIN_FILES = 200

check_app = typer.Typer(help="Validate the docs tree.", invoke_without_command=True)


def _load(path: Path, default_lang: str, suffixes: tuple[str, ...]) -> Corpus:
    """The docs under ``path``, with a progress bar on a terminal when there are many."""
    if not path.is_dir():
        err.print(f"[red]error:[/] {path}: no such folder")
        raise typer.Exit(2)
    total = sum(1 for p in path.rglob("*") if p.suffix in suffixes)
    if total < _PROGRESS_MIN_FILES or not err.is_terminal:
        return load_corpus(path, default_lang=default_lang, suffixes=suffixes)
    with counting("indexing", total, err) as advance:
        return load_corpus(
            path, default_lang=default_lang, suffixes=suffixes, on_file=lambda _: advance()
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
            print(
                f"::error file={finding.path},line={finding.line},"
                f"title={finding.check}::{finding.message}"
            )
        else:
            print(finding.format())


@check_app.callback()
def check(
    ctx: typer.Context,
    docs: Annotated[
        Path | None, typer.Option(help="Docs tree (default: settings docs_dir).")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="Output format: text, json or github.")
    ] = "text",
    list_checks: Annotated[bool, typer.Option("--list", help="List the checks and exit.")] = False,
    flows: Annotated[
        bool | None,
        typer.Option(
            "--flows/--no-flows",
            help="Also check that every walkthrough step's guide section exists in every "
            "language (default: on for the configured docs tree).",
        ),
    ] = None,
) -> None:
    """Check the docs tree; prints `file:line: message [check]` and exits 1 on findings.

    Checks: front matter YAML, page_id, F1 keyword conflicts, translation anchors and
    keywords, internal links, translations without an English page.
    """
    if ctx.invoked_subcommand is not None:
        return
    if fmt not in ("text", "json", "github"):
        err.print(f"[red]error:[/] --format must be text, json or github, not '{fmt}'")
        raise typer.Exit(2)
    if list_checks:
        for item in CHECKS:
            print(f"{item.id:24} {item.description}")
        return
    settings = Settings()
    root = docs or settings.docs_dir
    corpus = _load(root, settings.default_lang, (".md",))
    index = build_index(corpus, settings.default_lang)
    shown = root.as_posix().rstrip("/")
    findings = [replace(f, path=f"{shown}/{f.path}") for f in run_checks(corpus, index)]
    if flows if flows is not None else docs is None:
        from helpsvc.walkthroughs.check import check_flows

        findings += check_flows(index)
    _print_findings(findings, fmt)
    if fmt == "text":
        summary = f"{len(corpus.pages)} pages in {len(index.languages)} languages checked"
        if findings:
            err.print(f"[red]{len(findings)} problem(s)[/]; {summary}")
        else:
            err.print(f"[green]no problems[/]; {summary}")
    if findings:
        raise typer.Exit(1)


def index(
    path: Annotated[Path, typer.Argument(help="Folder of Markdown files with YAML front matter.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the index as JSON.")] = False,
    lang: Annotated[
        str, typer.Option(help="Language of a single-language folder without ms.contentlocale.")
    ] = "en",
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
    corpus = _load(path, lang, suffixes)
    idx = build_index(corpus, lang)
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
                "translation": p.translation.type if p.translation else None,
            }
            for p in sorted(corpus.pages, key=lambda p: p.path)
        ],
        "keywords": {c.keyword: c.page_id for c in idx.keywords.values()},
        "conflicts": [
            {"keyword": c.keyword, "kept": c.kept.path, "other": c.other.path}
            for c in idx.conflicts
        ],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in corpus.errors],
    }


def _print_index(path: Path, corpus: Corpus, idx: ContentIndex) -> None:
    root = path.as_posix().rstrip("/")
    pages = sorted(corpus.pages, key=lambda p: p.path)
    table = Table(title=f"{path} ({corpus.layout} layout)")
    for column in ("path", "lang", "page id", "title", "F1 keywords"):
        table.add_column(column, overflow="fold")
    for p in pages:
        table.add_row(p.path, p.lang, p.page_id, p.title, ", ".join(p.keywords))
    out.print(table)
    langs = Counter(p.lang for p in corpus.pages)
    out.print(
        f"{len(pages)} pages; languages: "
        + ", ".join(f"{lg} {n}" for lg, n in sorted(langs.items()))
        + f"; {len(idx.keywords)} F1 keywords"
    )
    for conflict in idx.conflicts:
        print(
            f"{root}/{conflict.other.path}: keyword '{conflict.keyword}' already "
            f"belongs to {conflict.kept.path}"
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
