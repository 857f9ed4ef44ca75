"""Resolve F1 keywords to a page in the reader's language, and suggest pages for a miss."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from helpsvc.content.index import ContentIndex
from helpsvc.content.meta import normalize_keyword
from helpsvc.content.page import Page

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Longer input is no keyword any product sends; refusing it keeps fuzzy matching cheap.
MAX_KEYWORD_LENGTH = 200
SUGGESTION_CUTOFF = 60.0


@dataclass(frozen=True, slots=True)
class Resolution:
    keyword: str  # as asked
    matched: str  # as written in the front matter
    match: str  # "exact" | "normalized"
    page: Page
    requested_lang: str

    @property
    def fell_back(self) -> bool:
        return self.page.lang != self.requested_lang


@dataclass(frozen=True, slots=True)
class Suggestion:
    page_id: str
    title: str
    url: str
    lang: str
    matched: str
    score: float


def clean_keyword(raw: str) -> str | None:
    """The keyword trimmed; None when it cannot be a keyword (empty, control chars, too long)."""
    keyword = raw.strip()
    if not keyword or len(keyword) > MAX_KEYWORD_LENGTH:
        return None
    if _CONTROL.search(keyword):
        return None
    return keyword


def resolve(index: ContentIndex, keywords: Sequence[str], lang: str) -> Resolution | None:
    """The first keyword that names a page, in ``lang`` or else in the default language."""
    for raw in keywords:
        keyword = clean_keyword(raw)
        if keyword is None:
            continue
        claim = index.lookup(keyword)
        if claim is None:
            continue
        page = index.page_for(claim.page_id, lang)
        if page is None:
            continue
        kind = "exact" if keyword == claim.keyword else "normalized"
        return Resolution(keyword, claim.keyword, kind, page, lang)
    return None


class Suggester:
    """Fuzzy matching of a missed keyword against every keyword and every title."""

    def __init__(self, index: ContentIndex) -> None:
        self._index = index
        self._choices: list[str] = []
        self._owners: list[str] = []
        for claim in index.keywords.values():
            self._choices.append(claim.keyword)
            self._owners.append(claim.page_id)
        for page in index.all_pages():
            self._choices.append(page.title)
            self._owners.append(page.page_id)
        self._processed = [utils.default_process(choice) for choice in self._choices]

    def suggest(self, query: str, lang: str, limit: int = 5) -> list[Suggestion]:
        text = utils.default_process(query[:MAX_KEYWORD_LENGTH])
        if not text:
            return []
        hits = process.extract(
            text,
            self._processed,
            scorer=fuzz.WRatio,
            processor=None,
            limit=limit * 8,
            score_cutoff=SUGGESTION_CUTOFF,
        )
        seen: set[str] = set()
        found: list[Suggestion] = []
        for _choice, score, position in hits:
            page_id = self._owners[position]
            if page_id in seen:
                continue
            seen.add(page_id)
            page = self._index.page_for(page_id, lang)
            if page is None:
                continue
            found.append(
                Suggestion(
                    page_id,
                    page.title,
                    self._index.url(page),
                    page.lang,
                    self._choices[position],
                    round(score, 1),
                )
            )
            if len(found) == limit:
                break
        return found


def is_normalized_equal(a: str, b: str) -> bool:
    return normalize_keyword(a) == normalize_keyword(b)
