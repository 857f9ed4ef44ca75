"""Find glossary terms in running text, the way each language forms its words.

- Chinese has no spaces: a term is found as a substring; Latin letters at its edges still
  need a boundary ("NCE" is not found in "NCEs").
- English: whole words, case-insensitive, with hyphen or space between the words of a
  term and a light inflection on each word (licenses, adding, expired).
- German: words are compared by a folded stem (case, umlauts, inflection endings), articles
  and possessives between the words are skipped, and with ``compounds`` a term is also found
  as the head or tail of a compound ("Gutschrift" in "Kommunikationsgutschriften").

Matching is a small, predictable heuristic, not morphology: it has to run in the test suite
and in the site build, and a translator has to be able to guess what it does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_HAS_CJK = re.compile(f"[{_CJK}]")
_LATIN_EDGE = re.compile(r"[A-Za-z0-9]")
_EN_SUFFIX = r"(?:s|es|d|ed|ing)?"
# German: hyphenated compounds are one word; a trailing hyphen marks a shortened first
# part ("Inlands- und Auslandsanrufplan").
_DE_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*-?")
# A hyphen between two letters, not the one that shortens a word ("Inlands- und ...").
_INNER_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
_DE_ENDINGS = ("ern", "en", "em", "er", "es", "e", "n", "s")
_DE_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# Determiners and possessives: "Anrufe aus diesen Besprechungen" uses the term "Anruf aus
# einer Besprechung" as much as the term itself does.
_DE_SKIP = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "dieser",
        "diese",
        "dieses",
        "diesem",
        "diesen",
        "jeder",
        "jede",
        "jedes",
        "jedem",
        "jeden",
        "ihr",
        "ihre",
        "ihres",
        "ihrem",
        "ihren",
        "ihrer",
        "sein",
        "seine",
        "seines",
        "seinem",
        "seinen",
        "seiner",
        "unser",
        "unsere",
        "unseres",
        "unserem",
        "unseren",
        "unserer",
    ]
)
MIN_COMPOUND = 5  # shorter words ("Kauf", "Satz") are too often part of unrelated compounds
MIN_HEAD = 4  # letters before a compound tail: "Hilfs|mittel" yes, "ver|mitteln" no
MIN_TAIL = 3


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    value: T


def is_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def language_kind(lang: str) -> str:
    """``cjk``, ``de`` or ``latin``: how words of ``lang`` are matched."""
    if lang in ("zh", "ja", "ko") or lang.startswith("zh-"):
        return "cjk"
    if lang == "de" or lang.startswith("de-"):
        return "de"
    return "latin"


def de_fold(word: str) -> str:
    return word.casefold().translate(_DE_FOLD)


def de_stem(folded: str) -> str:
    """Strip inflection endings until none is left: crude, but the same for a term and for
    its inflected forms ("Anrufplan", "Anrufpläne" → "anrufpla")."""
    if folded.endswith("-"):
        return folded
    stem = folded
    while True:
        for ending in _DE_ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 4:
                stem = stem[: -len(ending)]
                break
        else:
            return stem


def normalize(term: str, lang: str) -> str:
    """The form two terms are compared in to decide whether they are the same term."""
    kind = language_kind(lang)
    if kind == "de":
        words = [de_fold(w) for w in _DE_WORD.findall(term)]
        return " ".join(de_stem(w) for w in words if w not in _DE_SKIP)
    if kind == "cjk":
        # Spacing is kept: "PSTN 使用情况报告" is a forbidden spelling of "PSTN使用情况报告".
        return " ".join(term.casefold().split())
    return " ".join(re.findall(r"[^\W_]+", term.casefold()))


def _en_pattern(term: str) -> re.Pattern[str]:
    words = [w for w in re.split(r"[\s\-]+", term.strip()) if w]
    body = r"[\s\-]+".join(re.escape(w) + _EN_SUFFIX for w in words)
    return re.compile(rf"(?<![\w\-]){body}(?![\w])", re.IGNORECASE)


def _cjk_pattern(term: str) -> re.Pattern[str]:
    body = re.escape(term)
    if _LATIN_EDGE.match(term[0]):
        body = r"(?<![A-Za-z0-9])" + body
    if _LATIN_EDGE.match(term[-1]):
        body += r"(?![A-Za-z0-9])"
    return re.compile(body, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _DeWord:
    folded: str
    stem: str


class _DeTerm:
    def __init__(self, term: str) -> None:
        folded = [de_fold(w) for w in _DE_WORD.findall(term)]
        self.words = [_DeWord(f, de_stem(f)) for f in folded if f not in _DE_SKIP]

    @staticmethod
    def _same(token: _DeWord, word: _DeWord) -> bool:
        return token.stem == word.stem or token.folded == word.folded

    @staticmethod
    def _compound(token: _DeWord, word: _DeWord, head: bool, tail: bool) -> bool:
        # A hyphen is an explicit joint: "PSTN-Nutzungsbericht" holds "PSTN" at any length.
        if "-" in token.folded:
            parts = [p for p in token.folded.split("-") if p]
            if (head and parts and de_stem(parts[0]) == word.stem) or (
                tail and parts and de_stem(parts[-1]) == word.stem
            ):
                return True
        if len(word.folded) < MIN_COMPOUND:
            return False
        text = token.folded
        # The term as the first part of a compound: "Lizenz|zuweisung".
        if head and text.startswith(word.folded) and len(text) - len(word.folded) >= MIN_TAIL:
            return True
        if not tail:
            return False
        # The term as the last part, possibly inflected: "Kommunikations|gutschriften".
        for ending in ("", *_DE_ENDINGS):
            if ending and not text.endswith(ending):
                continue
            core = text[: len(text) - len(ending)] if ending else text
            if core.endswith(word.folded):
                before = core[: -len(word.folded)]
                if len(before) >= MIN_HEAD or before.endswith("-"):
                    return True
        return False

    def match_at(
        self, tokens: Sequence[tuple[int, int, _DeWord]], i: int, compounds: bool, gaps: int
    ) -> int | None:
        """Index of the last token of a match starting at token ``i``, or None."""
        last = len(self.words) - 1
        position = i
        for n, word in enumerate(self.words):
            limit = position if n == 0 else min(len(tokens) - 1, position + gaps)
            found = None
            for j in range(position, limit + 1):
                if j >= len(tokens):
                    break
                token = tokens[j][2]
                if self._same(token, word) or (
                    compounds and self._compound(token, word, head=n == last, tail=n == 0)
                ):
                    found = j
                    break
            if found is None:
                return None
            position = found + 1
        return position - 1


class TermMatcher(Generic[T]):
    """Finds occurrences of many terms of one language in a text.

    ``compounds`` (German) also finds a term inside a compound; ``gaps`` lets up to that many
    words stand between the words of a German term ("Guthaben manuell aufladen").
    """

    def __init__(
        self,
        lang: str,
        terms: Iterable[tuple[str, T]],
        *,
        compounds: bool = False,
        gaps: int = 0,
    ) -> None:
        self.kind = language_kind(lang)
        self.compounds = compounds
        self.gaps = gaps
        self._patterns: list[tuple[re.Pattern[str], T]] = []
        self._de: dict[str, list[tuple[_DeTerm, T]]] = {}  # by the first word's stem
        self._de_parts: dict[str, list[tuple[_DeTerm, T]]] = {}  # by its folded form
        for term, value in terms:
            term = term.strip()
            if not term:
                continue
            if self.kind == "de" and not is_cjk(term):
                parsed = _DeTerm(term)
                if parsed.words:
                    first = parsed.words[0]
                    self._de.setdefault(first.stem, []).append((parsed, value))
                    if compounds:
                        self._de_parts.setdefault(first.folded, []).append((parsed, value))
            elif self.kind == "cjk" or is_cjk(term):
                self._patterns.append((_cjk_pattern(term), value))
            else:
                self._patterns.append((_en_pattern(term), value))

    def find(self, text: str) -> list[Hit[T]]:
        """Every occurrence, overlapping ones included, in order of position."""
        hits: list[Hit[T]] = []
        for pattern, value in self._patterns:
            hits.extend(Hit(m.start(), m.end(), value) for m in pattern.finditer(text))
        if self._de:
            hits.extend(self._find_de(text))
            if "-" in text:
                hits.extend(self._find_de_hyphenated(text, hits))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits

    def _find_de_hyphenated(self, text: str, found: list[Hit[T]]) -> list[Hit[T]]:
        """Terms of several words inside a hyphenated compound: German joins them with
        hyphens ("Direct-Routing-Anrufe" uses "Direct Routing"). The compound is read
        again with its words apart; a hyphen and a space are one character each, so the
        offsets hold."""
        spaced = _INNER_HYPHEN.sub(" ", text)
        known = {(h.start, h.end, id(h.value)) for h in found}
        return [
            hit
            for hit in self._find_de(spaced, min_words=2)
            if (hit.start, hit.end, id(hit.value)) not in known
        ]

    def _find_de(self, text: str, min_words: int = 1) -> list[Hit[T]]:
        tokens: list[tuple[int, int, _DeWord]] = []
        for m in _DE_WORD.finditer(text):
            folded = de_fold(m.group(0))
            if folded not in _DE_SKIP:
                tokens.append((m.start(), m.end(), _DeWord(folded, de_stem(folded))))
        hits: list[Hit[T]] = []
        for i, (start, _end, token) in enumerate(tokens):
            for term, value in self._candidates(token):
                if len(term.words) < min_words:
                    continue
                last = term.match_at(tokens, i, self.compounds, self.gaps)
                if last is not None:
                    hits.append(Hit(start, tokens[last][1], value))
        return hits

    def _candidates(self, token: _DeWord) -> list[tuple[_DeTerm, T]]:
        """Terms whose first word could match ``token``: same stem, or (with compounds) a
        head, tail or hyphen-separated part of it."""
        found = list(self._de.get(token.stem, ()))
        if not self.compounds:
            return found
        text = token.folded
        pieces = {text[:k] for k in range(MIN_COMPOUND, len(text) + 1)}
        for ending in ("", *_DE_ENDINGS):
            if ending and not text.endswith(ending):
                continue
            core = text[: len(text) - len(ending)] if ending else text
            pieces.update(core[k:] for k in range(0, len(core) - MIN_COMPOUND + 1))
        if "-" in text:
            for part in text.split("-"):
                found.extend(self._de.get(de_stem(part), ()))
        seen = {id(term) for term, _ in found}
        for piece in pieces:
            for term, value in self._de_parts.get(piece, ()):
                if id(term) not in seen:
                    seen.add(id(term))
                    found.append((term, value))
        return found


def longest_first(hits: Iterable[Hit[T]]) -> list[Hit[T]]:
    """Drop every hit that lies inside or overlaps a longer one found at the same place:
    "Domestic Calling Plan" is one term, not also "Calling Plan"."""
    kept: list[Hit[T]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
