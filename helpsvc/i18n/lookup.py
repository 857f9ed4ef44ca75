"""Looking a message up in a module's dictionary of catalog entries: placeholders are filled
only when parameters are given (so literal braces survive)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from helpsvc.catalog.entries import Entry, Message


def message(catalog: Mapping[str, Message], key: str, lang: str, /, **params: Any) -> str:
    return catalog[key].render(lang, params)


def in_language(catalog: Mapping[str, Message], lang: str) -> dict[str, str]:
    """Every message without a count in one language, for templates."""
    return {key: entry.text(lang) for key, entry in catalog.items() if isinstance(entry, Entry)}
