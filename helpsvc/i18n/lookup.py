"""Looking a message up in a catalog of ``{key: {lang: text}}``: English when a language
lacks it, placeholders filled only when parameters are given (so literal braces survive)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FALLBACK = "en"


def pick(entry: Mapping[str, str], lang: str) -> str:
    return entry.get(lang) or entry[FALLBACK]


def message(catalog: Mapping[str, Mapping[str, str]], key: str, lang: str, /, **params: Any) -> str:
    text = pick(catalog[key], lang)
    return text.format(**params) if params else text


def in_language(catalog: Mapping[str, Mapping[str, str]], lang: str) -> dict[str, str]:
    """Every message of the catalog in one language, for templates."""
    return {key: pick(entry, lang) for key, entry in catalog.items()}
