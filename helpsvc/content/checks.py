"""Named checks over a docs tree with language folders.

Each check has a stable id and a one-line description and yields findings; ``run_checks``
runs them all. The default language is the source every translation is compared with.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from helpsvc.content.corpus import Corpus
from helpsvc.content.findings import Finding
from helpsvc.content.index import ContentIndex
from helpsvc.content.meta import normalize_keyword
from helpsvc.content.page import Page
from helpsvc.content.troubleshooting import NOTICE_SECTIONS, TROUBLESHOOTING

CheckFn = Callable[[Corpus, ContentIndex], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    id: str
    description: str
    run: CheckFn


CHECKS: list[Check] = []


def check(check_id: str, description: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(check_id, description, fn))
        return fn

    return register


@check("front-matter-invalid", "Front matter that is not valid YAML or cannot be read")
def _front_matter(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for error in corpus.errors:
        yield Finding(error.path, error.line, "front-matter-invalid", error.message)
    for page in corpus.pages:
        for problem in page.problems:
            yield Finding(page.path, 1, "front-matter-invalid", problem.message)


@check("page-id-missing", "A page without page_id in its front matter")
def _page_id_missing(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for page in corpus.pages:
        if not page.has_page_id:
            yield Finding(
                page.path, 1, "page-id-missing", "page has no 'page_id' in its front matter"
            )


@check("page-id-duplicate", "Two pages of one language with the same page_id")
def _page_id_duplicate(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for first, second in index.duplicates:
        yield Finding(
            second.path,
            1,
            "page-id-duplicate",
            f"page_id '{second.page_id}' is already used by {first.path}",
        )


@check("keyword-conflict", "An F1 keyword claimed by two different pages")
def _keyword_conflict(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for conflict in index.conflicts:
        yield Finding(
            conflict.other.path,
            _keyword_line(corpus, conflict.other.path, conflict.keyword),
            "keyword-conflict",
            f"F1 keyword '{conflict.keyword}' is also claimed by {conflict.kept.path} "
            f"(page '{conflict.kept.page_id}')",
        )


def _keyword_line(corpus: Corpus, path: str, keyword: str) -> int:
    try:
        lines = (corpus.root / path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines, start=1):
        if keyword in line:
            return number
    return 1


def _source(index: ContentIndex, page: Page) -> Page | None:
    return index.page(page.page_id, index.default_lang)


def _translations(corpus: Corpus, index: ContentIndex) -> Iterator[Page]:
    for page in corpus.pages:
        if page.lang != index.default_lang and index.page(page.page_id, page.lang) is page:
            yield page


@check("translation-orphan", "A page that exists in a translation but not in the default language")
def _translation_orphan(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    default_paths = {p.rel_path for p in corpus.pages if p.lang == index.default_lang}
    default_paths |= {
        f.split("/", 1)[1] for f in corpus.files if f.startswith(index.default_lang + "/")
    }
    for page in _translations(corpus, index):
        if _source(index, page) is None and page.rel_path not in default_paths:
            yield Finding(
                page.path,
                1,
                "translation-orphan",
                f"page '{page.page_id}' exists in '{page.lang}' but not in "
                f"'{index.default_lang}' ({index.default_lang}/{page.rel_path} is missing)",
            )
        elif _source(index, page) is not None and _source(index, page).rel_path != page.rel_path:
            source = _source(index, page)
            yield Finding(
                page.path,
                1,
                "translation-orphan",
                f"page '{page.page_id}' lives at {source.path} in '{index.default_lang}'; "
                f"a translation must use the same relative path",
            )


@check("translation-anchors", "A translation whose explicit anchors differ from its source page")
def _translation_anchors(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for page in _translations(corpus, index):
        source = _source(index, page)
        if source is None:
            continue
        ours, theirs = set(page.explicit_anchors), set(source.explicit_anchors)
        for anchor in sorted(theirs - ours):
            line = source.section(anchor).line if source.section(anchor) else 1
            yield Finding(
                page.path,
                page.body_line,
                "translation-anchors",
                f"anchor '#{anchor}' of {source.path}:{line} is missing here",
            )
        for anchor in sorted(ours - theirs):
            section = page.section(anchor)
            yield Finding(
                page.path,
                section.line if section else page.body_line,
                "translation-anchors",
                f"anchor '#{anchor}' does not exist in {source.path}",
            )


@check("translation-keywords", "A translation whose F1 keywords differ from its source page")
def _translation_keywords(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for page in _translations(corpus, index):
        source = _source(index, page)
        if source is None:
            continue
        ours = {normalize_keyword(k): k for k in page.keywords}
        theirs = {normalize_keyword(k): k for k in source.keywords}
        missing = [theirs[k] for k in theirs if k not in ours]
        extra = [ours[k] for k in ours if k not in theirs]
        if missing or extra:
            parts = []
            if missing:
                parts.append("missing " + ", ".join(missing))
            if extra:
                parts.append("not in the source: " + ", ".join(extra))
            yield Finding(
                page.path,
                1,
                "translation-keywords",
                f"F1 keywords differ from {source.path}: " + "; ".join(parts),
            )


@check("link-broken", "An internal link to a page, file or anchor that does not exist")
def _link_broken(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    by_path = {page.path: page for page in corpus.pages}
    for page in corpus.pages:
        base = posixpath.dirname(page.path)
        for link in page.links:
            if not link.target:
                target_path = page.path
            else:
                target_path = posixpath.normpath(posixpath.join(base, link.target))
                if target_path.endswith("/"):
                    target_path += "index.md"
            where = (page.path, link.line, "link-broken")
            shown = link.target + (f"#{link.anchor}" if link.anchor else "")
            if target_path.startswith("../") or target_path == "..":
                yield Finding(*where, f"link '{shown}' leaves the docs tree", link.column)
                continue
            if corpus.layout == "languages" and target_path.split("/", 1)[0] != page.lang:
                yield Finding(
                    *where, f"link '{shown}' points into another language tree", link.column
                )
                continue
            if target_path not in corpus.files:
                if (
                    target_path.endswith((".md", ".markdown"))
                    or not (corpus.root / target_path).exists()
                ):
                    yield Finding(*where, f"link target '{shown}' does not exist", link.column)
                continue
            target = by_path.get(target_path)
            if link.anchor and target is not None and link.anchor not in target.anchors:
                yield Finding(
                    *where,
                    f"anchor '#{link.anchor}' does not exist in {target_path}",
                    link.column,
                )


@check("notice-anchor", "A troubleshooting guide without a section a notice links to")
def _notice_anchor(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    wanted = sorted(set(NOTICE_SECTIONS.values()))
    for lang in index.languages:
        page = index.page(TROUBLESHOOTING, lang)
        if page is None:
            continue
        for anchor in wanted:
            if anchor not in page.explicit_anchors:
                yield Finding(
                    page.path,
                    1,
                    "notice-anchor",
                    f"no section '{{#{anchor}}}': the state-aware notices link to it",
                )


def run_checks(corpus: Corpus, index: ContentIndex, only: set[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for item in CHECKS:
        if only is None or item.id in only:
            findings.extend(item.run(corpus, index))
    return sorted(findings)
