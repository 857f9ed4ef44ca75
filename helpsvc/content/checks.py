"""Named checks over a docs tree with language folders or a Learn repository.

Each check has a stable id, a one-line description and a severity, and yields findings;
``run_checks`` runs them and stamps each finding with its id's severity. The default
language is the source every translation is compared with. ``TOC.md`` files and
``includes/`` fragments are Markdown but not pages: page checks skip them, link checks do not.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import unquote

from helpsvc.content.corpus import Corpus
from helpsvc.content.findings import Finding, Severity
from helpsvc.content.index import ContentIndex
from helpsvc.content.language import detect_language
from helpsvc.content.learn_paths import is_toc_or_include
from helpsvc.content.meta import normalize_keyword
from helpsvc.content.page import Page
from helpsvc.content.scan import Link
from helpsvc.content.troubleshooting import NOTICE_SECTIONS, TROUBLESHOOTING

CheckFn = Callable[[Corpus, ContentIndex], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check id a finding can carry, and how much a finding of it matters."""

    id: str
    description: str
    severity: Severity = "error"


@dataclass(frozen=True, slots=True)
class Check:
    id: str
    description: str
    run: CheckFn
    severity: Severity = "error"
    # Further ids the same pass reports: one walk over the links tells a missing target from
    # one that differs only in letter case or lies outside the tree.
    also: tuple[Rule, ...] = ()

    @property
    def rules(self) -> tuple[Rule, ...]:
        return (Rule(self.id, self.description, self.severity), *self.also)


CHECKS: list[Check] = []


def check(
    check_id: str, description: str, severity: Severity = "error", also: tuple[Rule, ...] = ()
) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(check_id, description, fn, severity, also))
        return fn

    return register


def rules() -> list[Rule]:
    """Every id ``run_checks`` can report, in registration order."""
    return [rule for item in CHECKS for rule in item.rules]


def _pages(corpus: Corpus) -> Iterator[Page]:
    """The pages proper: a TOC or an include is published only as part of other pages."""
    return (page for page in corpus.pages if not is_toc_or_include(page.rel_path))


@check("front-matter-invalid", "Front matter that is not valid YAML or cannot be read")
def _front_matter(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for error in corpus.errors:
        yield Finding(error.path, error.line, "front-matter-invalid", error.message)
    for page in corpus.pages:
        for problem in page.problems:
            yield Finding(page.path, 1, "front-matter-invalid", problem.message)


@check("page-id-missing", "A page with neither page_id nor ms.assetid in its front matter")
def _page_id_missing(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for page in _pages(corpus):
        if not page.has_page_id and not page.asset_id:
            yield Finding(
                page.path, 1, "page-id-missing", "page has no 'page_id' in its front matter"
            )


@check("page-id-duplicate", "Two pages of one language with the same page_id or ms.assetid")
def _page_id_duplicate(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for first, second in index.duplicates:
        if is_toc_or_include(second.rel_path):
            continue
        key, theirs = _id_key(corpus, second), _id_key(corpus, first)
        how = "" if theirs == key else f" (as its {theirs})"
        yield Finding(
            second.path,
            1,
            "page-id-duplicate",
            f"{key} '{second.page_id}' is also used by {first.path}{how}",
        )


_ASSET_KEY = re.compile(r"^(ms[.:]assetid)[ \t]*:", re.IGNORECASE | re.MULTILINE)


def _id_key(corpus: Corpus, page: Page) -> str:
    """The front matter key a page's id comes from, spelled as the file spells it."""
    if page.has_page_id:
        return "page_id"
    if page.asset_id != page.page_id:
        return "path-derived id"
    try:  # the page keeps the value only, not which of the Learn spellings held it
        text = (corpus.root / page.path).read_text(encoding="utf-8")
    except OSError:
        return "ms.assetid"
    front_matter = "\n".join(text.split("\n", page.body_line - 1)[: page.body_line - 1])
    match = _ASSET_KEY.search(front_matter)
    return match.group(1) if match else "ms.assetid"


@check(
    "language-mismatch",
    "A page whose text reads as another language than its folder or ms.contentlocale says",
    "warning",
)
def _language_mismatch(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for page in corpus.pages:
        if page.lang_source not in ("folder", "ms.contentlocale") or is_toc_or_include(page.path):
            continue
        found = detect_language(page.body)
        if found is not None and found != page.lang:
            said = (
                f"ms.contentlocale '{page.content_locale}'"
                if page.lang_source == "ms.contentlocale"
                else "its folder"
            )
            yield Finding(
                page.path,
                page.body_line,
                "language-mismatch",
                f"the text reads as '{found}', but {said} says '{page.lang}'; F1 serves it to "
                f"'{page.lang}' readers",
            )


@check("keyword-conflict", "An F1 keyword claimed by two different pages")
def _keyword_conflict(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    for conflict in index.conflicts:
        yield Finding(
            conflict.other.path,
            _keyword_line(corpus, conflict.other.path, conflict.keyword),
            "keyword-conflict",
            f"F1 keyword '{conflict.keyword}' is also claimed by {conflict.kept.path} "
            f"(page '{conflict.kept.page_id}'), which wins: {conflict.reason}",
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
    for page in _pages(corpus):
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


_LINK_RULES = (
    Rule(
        "link-case-mismatch",
        "An internal link whose target exists with different letter case (breaks on a "
        "case-sensitive web server)",
        "warning",
    ),
    Rule(
        "link-outside-docs",
        "An internal link to a file outside the checked tree, which cannot be checked",
        "info",
    ),
)


@check(
    "link-broken",
    "An internal link to a page, file or anchor that does not exist",
    also=_LINK_RULES,
)
def _link_broken(corpus: Corpus, index: ContentIndex) -> Iterator[Finding]:
    targets = _Targets(corpus)
    for page in corpus.pages:
        for link in page.links:
            finding = _link_finding(corpus, targets, page, link)
            if finding is not None:
                yield finding


def _link_finding(corpus: Corpus, targets: _Targets, page: Page, link: Link) -> Finding | None:
    shown = link.target + (f"#{link.anchor}" if link.anchor else "")
    target_path = _resolve(page, link)

    def finding(check_id: str, message: str) -> Finding:
        return Finding(page.path, link.line, check_id, message, link.column)

    if target_path.startswith("../") or target_path == "..":
        return finding("link-outside-docs", f"link '{shown}' leaves the docs tree; not checked")
    if corpus.layout == "languages" and target_path.split("/", 1)[0] != page.lang:
        return finding("link-broken", f"link '{shown}' points into another language tree")
    if target_path not in corpus.files:
        actual = targets.actual(target_path)
        if actual is None:
            return finding("link-broken", f"link target '{shown}' does not exist")
        if actual != target_path:
            return finding(
                "link-case-mismatch",
                f"link '{shown}' differs in letter case from the file {actual}",
            )
        return None
    target = targets.page(target_path)
    if link.anchor and target is not None and link.anchor not in target.anchors:
        return finding("link-broken", f"anchor '#{link.anchor}' does not exist in {target_path}")
    return None


def _resolve(page: Page, link: Link) -> str:
    """The link's target relative to the corpus root (``../`` first when it leaves it).
    DocFX's ``~/`` starts at the root of the docs (of the page's language folder)."""
    if not link.target:
        return page.path
    target = unquote(link.target) if "%" in link.target else link.target
    if target.startswith("~/"):
        folder = page.path[: len(page.path) - len(page.rel_path)].rstrip("/")
        return posixpath.normpath(posixpath.join(folder, target[2:]))
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.path), target))


class _Targets:
    """What a link can point to: the Markdown files read, else any file on disk, found
    regardless of letter case so a near miss is told apart from a missing file."""

    def __init__(self, corpus: Corpus) -> None:
        self._root = corpus.root
        self._by_path = {page.path: page for page in corpus.pages}
        self._folded = {path.casefold(): path for path in corpus.files}
        self._listings: dict[str, dict[str, str]] = {}

    def page(self, path: str) -> Page | None:
        return self._by_path.get(path)

    def actual(self, path: str) -> str | None:
        """The path as it is spelled on disk, or None when nothing matches even ignoring case.
        A Markdown file that was not read is missing: hidden folders are not published."""
        if path.endswith((".md", ".markdown")):
            return self._folded.get(path.casefold())
        found = ""
        for part in path.split("/"):
            name = self._listing(found).get(part.casefold())
            if name is None:
                return None
            found = f"{found}/{name}" if found else name
        return found

    def _listing(self, folder: str) -> dict[str, str]:
        # Listed once per folder; comparing names in Python also finds a case mismatch on
        # a case-insensitive file system, where Path.exists() would say yes.
        if folder not in self._listings:
            try:
                names = os.listdir(self._root / folder)
            except OSError:
                names = []
            self._listings[folder] = {name.casefold(): name for name in names}
        return self._listings[folder]


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
    """Findings of every check, or of the ids in ``only``, each with its id's severity."""
    severity = {rule.id: rule.severity for rule in rules()}
    findings: list[Finding] = []
    for item in CHECKS:
        if only is None or any(rule.id in only for rule in item.rules):
            findings.extend(
                replace(f, severity=severity[f.check])
                for f in item.run(corpus, index)
                if only is None or f.check in only
            )
    return sorted(findings)
