"""The content index: pages by language and page id, and the F1 keyword map.

Built once from a corpus and never changed afterwards, so a reload can build a new index
beside the old one and swap it in whole.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from helpsvc.content.corpus import Corpus, LoadError
from helpsvc.content.meta import normalize_keyword
from helpsvc.content.page import Page


@dataclass(frozen=True, slots=True)
class KeywordClaim:
    keyword: str  # as written in the front matter
    page_id: str
    path: str


@dataclass(frozen=True, slots=True)
class KeywordConflict:
    keyword: str
    kept: KeywordClaim
    other: KeywordClaim


@dataclass(slots=True)
class ContentIndex:
    default_lang: str
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)  # lang -> page_id -> page
    keywords: dict[str, KeywordClaim] = field(default_factory=dict)  # normalised -> claim
    conflicts: list[KeywordConflict] = field(default_factory=list)
    duplicates: list[tuple[Page, Page]] = field(default_factory=list)  # same lang + page_id
    errors: tuple[LoadError, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """Default language first, then the others alphabetically."""
        return tuple(sorted(self.pages, key=lambda lang: (lang != self.default_lang, lang)))

    def page(self, page_id: str, lang: str) -> Page | None:
        return self.pages.get(lang, {}).get(page_id)

    def languages_of(self, page_id: str) -> list[str]:
        return [lang for lang in self.languages if page_id in self.pages[lang]]

    def lookup(self, keyword: str) -> KeywordClaim | None:
        return self.keywords.get(normalize_keyword(keyword))

    def all_pages(self) -> list[Page]:
        return [page for lang in self.languages for page in self.pages[lang].values()]


def build_index(corpus: Corpus, default_lang: str = "en") -> ContentIndex:
    index = ContentIndex(default_lang=default_lang, errors=corpus.errors)
    by_lang: dict[str, dict[str, Page]] = defaultdict(dict)
    # The default language claims keywords first, so a translation can never steal one.
    ordered = sorted(corpus.pages, key=lambda p: (p.lang != default_lang, p.lang, p.path))
    for page in ordered:
        existing = by_lang[page.lang].get(page.page_id)
        if existing is not None:
            index.duplicates.append((existing, page))
            continue
        by_lang[page.lang][page.page_id] = page
        for keyword in page.keywords:
            key = normalize_keyword(keyword)
            claim = KeywordClaim(keyword, page.page_id, page.path)
            kept = index.keywords.get(key)
            if kept is None:
                index.keywords[key] = claim
            elif kept.page_id != page.page_id:
                index.conflicts.append(KeywordConflict(keyword, kept, claim))
    index.pages = dict(by_lang)
    return index
