"""Splitting compounds into words the guides know.

German writes "Kreditkartenablauf" where the guides say "Kreditkarte" and "abgelaufen", and
an admin types "autorecharge" for "auto-recharge". A compound is split into the fewest parts
that are all in the index's vocabulary (stems), allowing the German linking letters between
them ("Kommunikation-s-guthaben", "Karte-n-ablauf"); among equally short splits the one with
the longest last part (the head of a German compound) wins.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from helpsvc.content.stemming import stem

MIN_PART = 4
_LINKS = {"de": ("s", "es", "n", "en", "e", "er"), "en": ()}


def split_compound(word: str, known: Container[str], lang: str) -> list[str]:
    """The vocabulary stems ``word`` is made of (at least two), or [] when it is no compound
    of known words. ``word`` is a case-folded word or stem."""
    if len(word) < 2 * MIN_PART or not word.isalpha():
        return []
    links = _LINKS.get(lang, ())

    def part(piece: str, last: bool) -> str | None:
        """The vocabulary stem ``piece`` stands for, if any."""
        candidates = (
            [piece] if last else [piece, *(piece[: -len(x)] for x in links if piece.endswith(x))]
        )
        for candidate in candidates:
            if len(candidate) < MIN_PART:
                continue
            for form in (candidate, stem(candidate, lang)):
                if form in known:
                    return form
        return None

    @cache
    def best(start: int) -> tuple[str, ...] | None:
        whole = part(word[start:], last=True)
        if whole is not None:
            return (whole,)
        found: tuple[str, ...] | None = None
        for cut in range(start + MIN_PART, len(word) - MIN_PART + 1):
            head = part(word[start:cut], last=False)
            if head is None:
                continue
            rest = best(cut)
            if rest is not None and (found is None or len(rest) + 1 < len(found)):
                found = (head, *rest)
        return found

    split = best(0)
    return list(split) if split is not None and len(split) > 1 else []
