"""Looking terms up: typo-tolerant search in the glossary, and synonyms for the help search.

Both are read-only views of a loaded glossary, built once and asked many times.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from helpsvc.content.search import SynonymGroup
from helpsvc.glossary.model import SOURCE_LANG, Glossary

MIN_SCORE = 72  # WRatio: one typo in a long word still passes, an unrelated word does not


@dataclass(frozen=True, slots=True)
class TermHit:
    concept: str
    term: str  # the term that matched the query
    status: str  # preferred | admitted | forbidden
    lang: str  # the language of the matched term
    score: float


def _fold(text: str) -> str:
    """Case, accents and punctuation do not count: "auslosebetrag" finds "Auslösebetrag"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


class TermIndex:
    """Every term of the glossary, searchable from one language's point of view: its own
    terms first, then the English ones (a German admin may type the English term)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._choices: dict[str, list[tuple[str, str, str, str]]] = {}

    def _terms(self, lang: str) -> list[tuple[str, str, str, str]]:
        if lang not in self._choices:
            rows = []
            for source in dict.fromkeys([lang, SOURCE_LANG]):
                for concept_id, entry in self.glossary.entries.get(source, {}).items():
                    for term, status in entry.terms():
                        rows.append((_fold(term), concept_id, term, f"{status}:{source}"))
            self._choices[lang] = rows
        return self._choices[lang]

    def search(self, query: str, lang: str, limit: int = 10) -> list[TermHit]:
        """The concepts whose terms are closest to ``query``, best first, one per concept."""
        rows = self._terms(lang)
        folded = _fold(query)
        if not folded or not rows:
            return []
        keys = [row[0] for row in rows]
        found = process.extract(
            folded, keys, scorer=fuzz.WRatio, score_cutoff=MIN_SCORE, limit=limit * 8
        )
        best: dict[str, TermHit] = {}
        for _key, score, i in found:
            _fold_key, concept_id, term, tag = rows[i]
            status, source = tag.split(":")
            # An exact hit in the reader's own language beats a fuzzy one in English.
            score += 1 if source == lang else 0
            if concept_id not in best or score > best[concept_id].score:
                best[concept_id] = TermHit(concept_id, term, status, source, round(score, 1))
        return sorted(best.values(), key=lambda h: -h.score)[:limit]


def search_synonyms(glossary: Glossary) -> dict[str, list[SynonymGroup]]:
    """Per language, the phrases that name one concept: preferred term, its forms, admitted
    variants (Microsoft's own terms where they differ from ours are admitted variants), for
    translations the English term and variants, and the forbidden variants. A forbidden
    variant is what users copy from machine-translated pages: it finds the concept's pages,
    and the search says which term the guides use (``SynonymGroup.avoid``). The words admins
    type that the guides do not use at all (``search_terms``) find the pages too."""
    groups: dict[str, list[SynonymGroup]] = {}
    for lang in glossary.languages:
        out = []
        for concept_id, entry in glossary.entries[lang].items():
            phrases = [*entry.accepted, *entry.admitted]
            english = glossary.entry(SOURCE_LANG, concept_id)
            if lang != SOURCE_LANG and english is not None:
                phrases += [*english.accepted, *english.admitted]
            phrases += entry.search_terms
            wrong = tuple(f.term for f in entry.forbidden if f.term not in phrases)
            unique = tuple(dict.fromkeys([*phrases, *wrong]))
            if len(unique) > 1:
                out.append(SynonymGroup(unique, entry.preferred, wrong, entry.search_terms))
        groups[lang] = out
    return groups
