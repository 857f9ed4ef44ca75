"""Read page metadata from front matter as it is found in the wild.

Microsoft Learn / DocFX front matter spells the F1 keyword key several ways (``f1_keywords``,
``F1keywords``, ``f1.keywords``: the key's letter case does not matter) and gives the value
as a list, a scalar, ``None`` or ``''``; values may carry trailing spaces. In current Learn
front matter ``f1.keywords`` also carries ``CSH`` and ``NOCSH``: flags that switch
context-sensitive help on or off for the page, not keywords; they are read as ``help_flag``.
This module turns all of that into one shape, and reports what it cannot use instead of
guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEYWORD_KEYS = ("f1_keywords", "f1keywords", "f1.keywords")
ASSET_ID_KEYS = ("ms.assetid", "ms:assetid")
HELP_FLAGS = ("CSH", "NOCSH")
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
    help_flag: str | None = None  # "CSH" or "NOCSH" when the page sets one
    # Which page wins a keyword that several pages claim: the highest ``f1_priority``.
    f1_priority: int = 0


def normalize_keyword(keyword: str) -> str:
    """The form keywords are compared in: trimmed and case-folded."""
    return keyword.strip().casefold()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _folded_keys(meta: dict[str, Any], wanted: tuple[str, ...]) -> list[str]:
    """The keys of ``meta`` that are one of ``wanted`` in any letter case, in ``wanted``'s order."""
    by_fold = {str(key).casefold(): key for key in meta}
    return [by_fold[key] for key in wanted if key in by_fold]


def _keywords(
    meta: dict[str, Any], problems: list[MetaProblem]
) -> tuple[tuple[str, ...], str | None]:
    """The page's F1 keywords, and its help flag (CSH or NOCSH) when it sets one."""
    found: list[str] = []
    seen: set[str] = set()
    flag: str | None = None
    for key in _folded_keys(meta, KEYWORD_KEYS):
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
            if text.upper() in HELP_FLAGS:
                flag = text.upper()
                continue
            if any(char.isspace() for char in text):
                problems.append(
                    MetaProblem(
                        key,
                        f"F1 keyword '{text}' contains a space; products send keywords without "
                        "spaces, so it is kept but may never be asked for",
                    )
                )
            folded = normalize_keyword(text)
            if folded not in seen:
                seen.add(folded)
                found.append(text)
    return tuple(found), flag


def _priority(meta: dict[str, Any], problems: list[MetaProblem]) -> int:
    raw = meta.get("f1_priority")
    if raw is None:
        return 0
    if isinstance(raw, bool) or not isinstance(raw, int):
        problems.append(
            MetaProblem("f1_priority", f"'f1_priority' must be a whole number: {raw!r}")
        )
        return 0
    return raw


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
    keywords, flag = _keywords(meta, problems)
    asset_keys = _folded_keys(meta, ASSET_ID_KEYS)
    locale_keys = _folded_keys(meta, ("ms.contentlocale",))
    return PageMeta(
        title=_text(meta.get("title")),
        description=_text(meta.get("description")),
        page_id=_text(meta.get("page_id")),
        keywords=keywords,
        translation=_translation(meta, problems),
        asset_id=_text(meta[asset_keys[0]]) if asset_keys else None,
        content_locale=_text(meta[locale_keys[0]]) if locale_keys else None,
        problems=tuple(problems),
        help_flag=flag,
        f1_priority=_priority(meta, problems),
    )
