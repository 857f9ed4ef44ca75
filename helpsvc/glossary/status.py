"""Translation status: for every page and language, is the translation keeping up?

A translation records in ``translation.source_hash`` the hash of the English body it was
made from (``helpsvc i18n stamp`` writes it after a review). When the English page changes,
its hash no longer matches and the translation is stale. Machine translations are shown as
such even when current, because a reader should know.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from helpsvc.content.index import ContentIndex
from helpsvc.content.meta import Translation

UP_TO_DATE, STALE, MISSING, MACHINE = "up-to-date", "stale", "missing", "machine"
STATES = (UP_TO_DATE, STALE, MISSING, MACHINE)


def translation_state(source_hash: str, translation: Translation | None) -> str:
    """The state of a translation that exists, given the current hash of its source."""
    if translation is None or translation.source_hash != source_hash:
        # No recorded hash means nobody said which source the text follows: treat as stale.
        return STALE
    return MACHINE if translation.type == "machine" else UP_TO_DATE


@dataclass(frozen=True, slots=True)
class PageStatus:
    page_id: str
    lang: str
    state: str
    source_path: str
    path: str | None  # the translation's file, None when missing
    source_hash: str
    recorded_hash: str | None
    kind: str | None  # human | machine, None when missing

    def to_dict(self) -> dict[str, object]:
        return {
            "page_id": self.page_id,
            "lang": self.lang,
            "state": self.state,
            "source": self.source_path,
            "path": self.path,
            "source_hash": self.source_hash,
            "recorded_hash": self.recorded_hash,
            "type": self.kind,
        }


def translation_status(index: ContentIndex, languages: list[str] | None = None) -> list[PageStatus]:
    """One status per English page and target language, in page path order."""
    default = index.default_lang
    langs = languages or [lang for lang in index.languages if lang != default]
    statuses = []
    for source in sorted(index.pages.get(default, {}).values(), key=lambda p: p.path):
        source_hash = source.source_hash
        for lang in langs:
            page = index.page(source.page_id, lang)
            if page is None:
                statuses.append(
                    PageStatus(
                        source.page_id, lang, MISSING, source.path, None, source_hash, None, None
                    )
                )
                continue
            translation = page.translation
            statuses.append(
                PageStatus(
                    source.page_id,
                    lang,
                    translation_state(source_hash, translation),
                    source.path,
                    page.path,
                    source_hash,
                    translation.source_hash if translation else None,
                    translation.type if translation else "human",
                )
            )
    return statuses


@dataclass(frozen=True, slots=True)
class LanguageSummary:
    lang: str
    total: int
    counts: dict[str, int]

    @property
    def up_to_date(self) -> int:
        return self.counts.get(UP_TO_DATE, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.up_to_date / self.total) if self.total else 100

    def to_dict(self) -> dict[str, object]:
        return {"lang": self.lang, "total": self.total, "percent": self.percent, **self.counts}


def summarize(statuses: list[PageStatus]) -> list[LanguageSummary]:
    """Per language: how many pages are up to date, stale, missing or machine-translated."""
    by_lang: dict[str, Counter[str]] = {}
    for status in statuses:
        by_lang.setdefault(status.lang, Counter())[status.state] += 1
    return [
        LanguageSummary(lang, sum(counts.values()), {s: counts.get(s, 0) for s in STATES})
        for lang, counts in by_lang.items()
    ]
