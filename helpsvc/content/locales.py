"""Which of the site's languages a reader gets: ``?lang=``, then Accept-Language, then English.

Matching follows the BCP 47 lookup idea (RFC 4647 §3.4): a range is tried as given and then
with subtags cut from the end, so ``de-AT`` and ``de-CH-1996`` find ``de``.

Chinese: the site's ``zh`` is Simplified Chinese (``zh-Hans``). ``zh``, ``zh-CN``, ``zh-SG``,
``zh-Hans`` and ``zh-Hans-*`` get it. Readers who ask for Traditional Chinese (``zh-Hant``,
``zh-TW``, ``zh-HK``, ``zh-MO``) are not handed Simplified text they did not ask for: their
range is skipped and the next language they accept is used, English in the end. A reader
who accepts both lists ``zh-Hans`` or ``zh`` as well, and then gets it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

CONTENT_LANGUAGE = {"en": "en", "de": "de", "zh": "zh-Hans"}
_TRADITIONAL = {"zh-hant", "zh-tw", "zh-hk", "zh-mo"}
_RANGE = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$|^\*$")
MAX_HEADER = 1024


def parse_accept_language(header: str | None) -> list[str]:
    """Language ranges by descending q-value; ties keep header order; q=0 is dropped."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header[:MAX_HEADER].split(",")):
        parts = item.strip().split(";")
        tag = parts[0].strip()
        if not tag or not _RANGE.match(tag):
            continue
        quality = 1.0
        for param in parts[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if 0 < quality <= 1:
            weighted.append((-quality, position, tag))
    return [tag for _q, _p, tag in sorted(weighted)]


def _is_traditional(tag: str) -> bool:
    lower = tag.lower()
    return any(lower == t or lower.startswith(t + "-") for t in _TRADITIONAL)


def match_range(tag: str, available: Iterable[str]) -> str | None:
    """The site language a single range selects, or None."""
    langs = set(available)
    if _is_traditional(tag):
        return None
    subtags = tag.lower().split("-")
    while subtags:
        candidate = "-".join(subtags)
        if candidate in langs:
            return candidate
        subtags.pop()
    return None


def negotiate(
    requested: str | None, accept_language: str | None, available: Iterable[str], default: str
) -> str:
    return _negotiate(requested, accept_language, tuple(available), default)


# Products send the same few headers over and over; parsing them once per distinct value
# keeps negotiation off the F1 hot path.
@lru_cache(maxsize=4096)
def _negotiate(
    requested: str | None, accept_language: str | None, langs: tuple[str, ...], default: str
) -> str:
    if requested:
        chosen = match_range(requested.strip(), langs)
        if chosen:
            return chosen
    for tag in parse_accept_language(accept_language):
        if tag == "*":
            return default
        chosen = match_range(tag, langs)
        if chosen:
            return chosen
    return default


def content_language(lang: str) -> str:
    return CONTENT_LANGUAGE.get(lang, lang)
