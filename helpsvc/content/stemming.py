"""Word stems for the search, from the Snowball stemmers (PyStemmer).

Index and query pass every word through the same function, so "recharges", "recharging"
and "recharge" meet, and so do "Anrufplan", "Anrufpläne" and "Anrufplänen": the German
stemmer folds umlauts (ä → a, ö → o, ü → u) and ß → ss after it strips the ending, and words
it leaves alone are folded here too, so a plural with an umlaut meets its singular.
"""

from __future__ import annotations

from functools import cache, lru_cache

import Stemmer

_ALGORITHMS = {"en": "english", "de": "german"}
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    algorithm = _ALGORITHMS.get(lang)
    return Stemmer.Stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The stem of a case-folded word in ``lang``; languages without a stemmer keep it."""
    stemmer = _stemmer(lang)
    if stemmer is None:
        return word
    stemmed = stemmer.stemWord(word)
    return stemmed.translate(_UMLAUTS) if lang == "de" else stemmed


def fold(word: str) -> str:
    """German umlauts and ß as the stems write them: "aufladebeträge" → "aufladebetrage"."""
    return word.translate(_UMLAUTS)
