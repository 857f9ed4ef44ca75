"""Read page metadata from front matter as it is found in the wild.

Microsoft Learn / DocFX front matter spells the F1 keyword key three ways and gives the value
as a list, a scalar, ``None`` or ``''``; values may carry trailing spaces. This module turns
all of that into one shape, and reports what it cannot use instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEYWORD_KEYS = ("f1_keywords", "f1keywords", "f1.keywords")
TRANSLATION_TYPES = ("human", "machine")


@dataclass(frozen=True, slots=True)
class MetaProblem:
    key: str
    message: str


@dataclass(frozen=True, slots=True)
class Translation:
    source_hash: str | None
    type: str  # human | machine


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    description: str | None
    page_id: str | None
    keywords: tuple[str, ...]
    translation: Translation | None
    asset_id: str | None
    content_locale: str | None
    problems: tuple[MetaProblem, ...]


def normalize_keyword(keyword: str) -> str:
    """The form keywords are compared in: trimmed and case-folded."""
    return keyword.strip().casefold()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _keywords(meta: dict[str, Any], problems: list[MetaProblem]) -> tuple[str, ...]:
    found: list[str] = []
    seen: set[str] = set()
    for key in KEYWORD_KEYS:
        if key not in meta:
            continue
        value = meta[key]
        if value is None or value == "":
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict | list):
                problems.append(MetaProblem(key, f"'{key}' holds a nested value: {item!r}"))
                continue
            text = _text(item)
            # 'None' as text is how some exports write an empty keyword list.
            if text is None or text == "None":
                continue
            folded = normalize_keyword(text)
            if folded not in seen:
                seen.add(folded)
                found.append(text)
    return tuple(found)


def _translation(meta: dict[str, Any], problems: list[MetaProblem]) -> Translation | None:
    raw = meta.get("translation")
    if raw is not None:
        if not isinstance(raw, dict):
            problems.append(MetaProblem("translation", "'translation' must be a mapping"))
            return None
        kind = _text(raw.get("type")) or "human"
        if kind not in TRANSLATION_TYPES:
            problems.append(
                MetaProblem("translation", f"translation type '{kind}' is not human or machine")
            )
            kind = "human"
        return Translation(_text(raw.get("source_hash")), kind)
    # DocFX: ms.translationtype is HT (human) or MT (machine).
    ms_type = _text(meta.get("ms.translationtype"))
    if ms_type is not None:
        kind = "machine" if ms_type.upper() == "MT" else "human"
        return Translation(_text(meta.get("ms.openlocfilehash")), kind)
    return None


def read_meta(meta: dict[str, Any]) -> PageMeta:
    problems: list[MetaProblem] = []
    return PageMeta(
        title=_text(meta.get("title")),
        description=_text(meta.get("description")),
        page_id=_text(meta.get("page_id")),
        keywords=_keywords(meta, problems),
        translation=_translation(meta, problems),
        asset_id=_text(meta.get("ms.assetid")),
        content_locale=_text(meta.get("ms.contentlocale")),
        problems=tuple(problems),
    )
