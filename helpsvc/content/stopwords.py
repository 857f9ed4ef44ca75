"""Stop words: the words of a question that say nothing about its subject.

The lists come from stopwords-iso (``stopwordsiso``). They are long and general (English has
"amount", "zero", "order"; Chinese has "哪些", "如何" but also "开始"), so the search weighs a
stop word lightly instead of dropping it, and a word stays a full search word when a
glossary term uses it: the index passes those words as ``keep``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import stopwordsiso

from helpsvc.content.stemming import stem


@cache
def _listed(lang: str) -> frozenset[str]:
    if not stopwordsiso.has_lang(lang):
        return frozenset()
    words = {w.casefold().replace("’", "'") for w in stopwordsiso.stopwords(lang)}
    return frozenset(words | {stem(w, lang) for w in words})


def stop_words(lang: str, keep: Iterable[str] = ()) -> frozenset[str]:
    """Stop words of ``lang`` (words and their stems), less the stems in ``keep``."""
    return _listed(lang) - frozenset(keep)
