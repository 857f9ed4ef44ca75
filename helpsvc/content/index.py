"""The content index: pages by language and page id, and the F1 keyword map.

Built once from a corpus and never changed afterwards, so a reload can build a new index
beside the old one and swap it in whole.

A keyword several pages claim goes to one of them, for a reason the conflict report names:
the page with the highest ``f1_priority`` in its front matter, else a page of the default
language, else the first path in case-insensitive order. Learn repositories reuse
``ms.assetid`` across files; a page whose id is only such a reused asset id is kept under
its path (``guides/x``) with all its keywords, and the reuse is reported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from helpsvc.content.corpus import Corpus, LoadError
from helpsvc.content.meta import normalize_keyword
from helpsvc.content.page import Page
from helpsvc.content.urls import page_url, pattern_url


@dataclass(frozen=True, slots=True)
class KeywordClaim:
    keyword: str  # as written in the front matter
    page_id: str
    path: str
    priority: int = 0
    lang: str = ""


@dataclass(frozen=True, slots=True)
class KeywordConflict:
    keyword: str
    kept: KeywordClaim
    other: KeywordClaim
    reason: str = ""  # why ``kept`` wins


def _why(kept: KeywordClaim, other: KeywordClaim, default_lang: str) -> str:
    if kept.priority != other.priority:
        return f"f1_priority {kept.priority} is higher than {other.priority}"
    if (kept.lang == default_lang) != (other.lang == default_lang):
        return f"{kept.path} is in the default language ({default_lang})"
    return f"{kept.path} comes first in path order (set f1_priority to choose)"


def _rank(claim: KeywordClaim, default_lang: str) -> tuple[int, bool, str]:
    return (-claim.priority, claim.lang != default_lang, claim.path.casefold())


@dataclass(slots=True)
class ContentIndex:
    default_lang: str
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)  # lang -> page_id -> page
    keywords: dict[str, KeywordClaim] = field(default_factory=dict)  # normalised -> claim
    conflicts: list[KeywordConflict] = field(default_factory=list)
    duplicates: list[tuple[Page, Page]] = field(default_factory=list)  # same lang + page_id
    errors: tuple[LoadError, ...] = ()
    url_pattern: str | None = None  # where the pages live when not on this service's site

    def url(self, page: Page) -> str:
        """Where a reader opens ``page``: this service's site, or the docs' own site."""
        if self.url_pattern:
            return pattern_url(page, self.url_pattern)
        return page_url(page, self.default_lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """Default language first, then the others alphabetically."""
        return tuple(sorted(self.pages, key=lambda lang: (lang != self.default_lang, lang)))

    def page(self, page_id: str, lang: str) -> Page | None:
        return self.pages.get(lang, {}).get(page_id)

    def page_for(self, page_id: str, lang: str) -> Page | None:
        """The page in ``lang``, else in the default language, else in any language it has:
        a repository of German pages only still answers an English reader (the caller marks
        the fallback by the page's ``lang``)."""
        page = self.page(page_id, lang) or self.page(page_id, self.default_lang)
        if page is None:
            page = next(
                (self.pages[x][page_id] for x in self.languages if page_id in self.pages[x]), None
            )
        return page

    def languages_of(self, page_id: str) -> list[str]:
        return [lang for lang in self.languages if page_id in self.pages[lang]]

    def lookup(self, keyword: str) -> KeywordClaim | None:
        return self.keywords.get(normalize_keyword(keyword))

    def all_pages(self) -> list[Page]:
        return [page for lang in self.languages for page in self.pages[lang].values()]


def build_index(
    corpus: Corpus, default_lang: str = "en", url_pattern: str | None = None
) -> ContentIndex:
    index = ContentIndex(default_lang=default_lang, errors=corpus.errors, url_pattern=url_pattern)
    by_lang: dict[str, dict[str, Page]] = defaultdict(dict)
    claims: dict[str, list[KeywordClaim]] = defaultdict(list)
    ordered = sorted(
        corpus.pages, key=lambda p: (p.lang != default_lang, p.lang, p.path.casefold())
    )
    for page in ordered:
        existing = by_lang[page.lang].get(page.page_id)
        if existing is not None:
            index.duplicates.append((existing, page))
            if page.has_page_id:
                continue
            # A reused asset id: the page stays, under its path, with its keywords.
            page = replace(page, page_id=page.rel_path.rsplit(".", 1)[0])
            if page.page_id in by_lang[page.lang]:
                continue
        by_lang[page.lang][page.page_id] = page
        for keyword in page.keywords:
            claims[normalize_keyword(keyword)].append(
                KeywordClaim(keyword, page.page_id, page.path, page.f1_priority, page.lang)
            )
    for key, found in claims.items():
        # The default language's page wins over a translation, so a translation can never
        # steal a keyword; the owner decides between pages with f1_priority.
        found.sort(key=lambda claim: _rank(claim, default_lang))
        kept = found[0]
        index.keywords[key] = kept
        for other in found[1:]:
            if other.page_id != kept.page_id:
                reason = _why(kept, other, default_lang)
                index.conflicts.append(KeywordConflict(other.keyword, kept, other, reason))
    index.pages = dict(by_lang)
    return index
