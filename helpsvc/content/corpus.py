"""Load a folder of Markdown files into pages, collecting errors instead of stopping.

Two layouts are understood: a docs tree with one folder per language (``en/``, ``de/``,
``zh/``), and a single-language folder such as a clone of a Microsoft Learn docs repository,
whose language comes from ``ms.contentlocale`` or falls back to the default language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from helpsvc.content.frontmatter import FrontMatterError, parse
from helpsvc.content.language import detect_language
from helpsvc.content.learn_paths import is_toc_or_include
from helpsvc.content.meta import read_meta
from helpsvc.content.page import Page
from helpsvc.content.scan import first_heading

_LANG_DIR = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
DEFAULT_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class LoadError:
    path: str  # relative to the corpus root
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    layout: str  # "languages" | "single"
    pages: tuple[Page, ...]
    errors: tuple[LoadError, ...]
    # Every Markdown file found, parsed or not; links to a file that failed to parse are not
    # broken links, the parse error is reported on its own.
    files: frozenset[str]


def language_of_locale(locale: str) -> str:
    """``de-DE`` → ``de``; ``zh-cn`` → ``zh``: the primary language subtag, lower case."""
    return re.split(r"[-_]", locale.strip())[0].lower()


def _walk(root: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Paths of the Markdown files under ``root`` in a stable (sorted, depth-first) order."""
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        dirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                dirs.append(entry.path)
            elif entry.name.endswith(suffixes):
                yield entry.path
        stack.extend(reversed(dirs))


def detect_layout(root: Path, suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> list[str]:
    """Language folders of a docs tree, or an empty list for a single-language folder."""
    langs = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if (
            entry.is_dir()
            and _LANG_DIR.match(entry.name)
            and next(_walk(entry.path, suffixes), None) is not None
        ):
            langs.append(entry.name)
    return langs


def load_page(
    text: str,
    path: str,
    rel_path: str,
    lang: str | None,
    default_lang: str,
    folder_lang: str | None = None,
) -> tuple[Page | None, LoadError | None]:
    """Build one page from its text; ``lang`` None means: take it from the front matter, else
    ``folder_lang`` (what the owner says the folder is in), else the text."""
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        return None, LoadError(path, exc.line, exc.message)
    meta = read_meta(doc.meta)
    lang_source = "folder"
    if lang is None and meta.content_locale:
        lang, lang_source = language_of_locale(meta.content_locale), "ms.contentlocale"
    elif lang is None and folder_lang is not None:
        lang = folder_lang
    elif lang is None:
        detected = detect_language(doc.body)
        lang, lang_source = (detected, "text") if detected else (default_lang, "default")
    page_id = meta.page_id or meta.asset_id or rel_path.rsplit(".", 1)[0]
    page = Page(
        path=path,
        rel_path=rel_path,
        lang=lang,
        page_id=page_id,
        has_page_id=meta.page_id is not None,
        title=meta.title or first_heading(doc.body) or rel_path,
        description=meta.description,
        keywords=meta.keywords,
        translation=meta.translation,
        asset_id=meta.asset_id,
        body=doc.body,
        body_line=doc.body_line,
        problems=meta.problems,
        content_locale=meta.content_locale,
        lang_source=lang_source,
        help_flag=meta.help_flag,
        f1_priority=meta.f1_priority,
    )
    return page, None


def load_corpus(
    root: Path | str,
    *,
    default_lang: str = "en",
    suffixes: tuple[str, ...] = DEFAULT_SUFFIXES,
    on_file: Callable[[str], None] | None = None,
    lang: str | None = None,
) -> Corpus:
    """Read every Markdown file under ``root``; one bad file never stops the rest. ``lang``
    is the language of a single-language folder, said by its owner; without it each file's
    ``ms.contentlocale`` says, or its text."""
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"{root}: not a folder")
    langs = detect_layout(root, suffixes)
    base = str(root)
    trees: list[tuple[str, str | None]] = (
        [(os.path.join(base, folder), folder) for folder in langs] if langs else [(base, None)]
    )
    pages: list[Page] = []
    errors: list[LoadError] = []
    files: set[str] = set()
    for tree, tree_lang in trees:
        # String slicing instead of Path.relative_to: it is a third of the per-file overhead.
        cut_root, cut_tree = len(base) + 1, len(tree) + 1
        for file in _walk(tree, suffixes):
            path = file[cut_root:].replace(os.sep, "/")
            rel_path = file[cut_tree:].replace(os.sep, "/")
            files.add(path)
            if on_file is not None:
                on_file(path)
            if is_toc_or_include(rel_path):
                continue  # a TOC or an include: a file links may point to, not a page
            try:
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
            except UnicodeDecodeError as exc:
                errors.append(LoadError(path, 1, f"not UTF-8 text ({exc.reason})"))
                continue
            except OSError as exc:
                errors.append(LoadError(path, 1, f"cannot be read: {exc.strerror}"))
                continue
            page, error = load_page(text, path, rel_path, tree_lang, default_lang, lang)
            if page is not None:
                pages.append(page)
            if error is not None:
                errors.append(error)
    return Corpus(
        root, "languages" if langs else "single", tuple(pages), tuple(errors), frozenset(files)
    )
