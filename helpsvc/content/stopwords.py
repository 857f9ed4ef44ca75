"""Stop words: the words of a question that say nothing about its subject.

English and German take the Snowball project's lists of function words: English from the
package ``stopwords`` (175 words), German from ``stop-words`` (263), each the package whose
list for that language is Snowball's. The stopwords-iso lists are three to eight times
longer and carry words that are the subject of a help query ("buy", "call", "more", "order",
"zero"), which then weighed almost nothing. Chinese has no Snowball list; it takes
stopwords-iso (``stopwordsiso``), whose question words (哪些, 如何, 怎么) are what matters
here, and the search adds the function words jieba tags in the query itself.

The search weighs a stop word lightly instead of dropping it, and a word stays a full search
word when a glossary term uses it: the index passes those words as ``keep``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import stop_words as snowball_german
import stopwords as snowball_english
import stopwordsiso

from helpsvc.content.stemming import stem


def _source(lang: str) -> list[str]:
    if lang == "en":
        return list(snowball_english.get_stopwords("english"))
    if lang == "de":
        return list(snowball_german.get_stop_words("german"))
    return list(stopwordsiso.stopwords(lang)) if stopwordsiso.has_lang(lang) else []


@cache
def _listed(lang: str) -> frozenset[str]:
    words = {w.casefold().replace("’", "'") for w in _source(lang) if w.strip()}
    return frozenset(words | {stem(w, lang) for w in words})


def stop_words(lang: str, keep: Iterable[str] = ()) -> frozenset[str]:
    """Stop words of ``lang`` (words and their stems), less the stems in ``keep``."""
    return _listed(lang) - frozenset(keep)
