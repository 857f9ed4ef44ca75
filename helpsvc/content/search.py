"""Typo-tolerant full-text search over the guides, one index per language.

Documents are sections (the lead of a page and each ``##``/``###`` section). Scores are
BM25 impacts computed when the index is built; each term keeps only its strongest
postings (``MAX_POSTINGS``), so a query costs about the same on ten times the pages.
Query words that are not in the vocabulary are widened to words that start with them and
to words one or two edits away (a swap of two letters is one edit); compounds such as
"Guthabenaufladung" are matched by their parts.

Synonyms (from the glossary: a concept's preferred term, its admitted variants and the
English term) widen a query: when the query contains one of them, the words of all the
others count for the same query position, so "Schwellenwert" finds the page that says
"Auslösebetrag". The index itself is unchanged; a query costs one dictionary lookup per word.
"""

from __future__ import annotations

import bisect
import html
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.content.text import CJK_RUN, TOKEN, compound_parts, sections_text, stem_word, tokens
from helpsvc.content.urls import page_url

MAX_POSTINGS = 400
K1, B = 1.2, 0.75
BOOST_TITLE, BOOST_KEYWORD, BOOST_HEADING, BOOST_DESCRIPTION, BOOST_BODY = 4.0, 4.0, 2.0, 1.5, 1.0
COMPOUND_PART_WEIGHT = 0.6
PREFIX_FACTOR, FUZZY_FACTOR = 0.7, 0.55
SYNONYM_FACTOR = 0.9  # a page with the query's own words ranks above one with a synonym
SNIPPET_CHARS = 180
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


@dataclass(frozen=True, slots=True)
class _Doc:
    page_id: str
    anchor: str | None
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    page_id: str
    lang: str
    title: str
    url: str
    anchor: str | None
    section: str
    snippet: str  # HTML-escaped text with <mark> around the matches
    score: float
    fallback: bool


def keyword_tokens(keyword: str) -> list[str]:
    """``O365E_SFBVoiceCredit`` → the whole keyword and its parts (o365e, sfb, voice, credit)."""
    parts = [keyword.casefold()]
    for chunk in re.split(r"[_.\-\s]+", keyword):
        parts.extend(p.casefold() for p in _CAMEL.findall(chunk))
    return parts


# Groups of phrases that name the same thing, per language: {"de": [("Auslösebetrag",
# "Schwellenwert", "trigger amount"), ...]}. The glossary provides them.
Synonyms = Mapping[str, Sequence[Sequence[str]]]


class LanguageIndex:
    def __init__(
        self, lang: str, pages: list[Page], synonyms: Sequence[Sequence[str]] = ()
    ) -> None:
        self.lang = lang
        self.docs: list[_Doc] = []
        weighted: list[Counter[str]] = []
        for page in pages:
            for anchor, heading, text in sections_text(page):
                counts: Counter[str] = Counter()
                if anchor is None:
                    for t in tokens(page.title, lang):
                        counts[t] += BOOST_TITLE
                    for keyword in page.keywords:
                        for t in keyword_tokens(keyword):
                            counts[t] += BOOST_KEYWORD
                    for t in tokens(page.description or "", lang):
                        counts[t] += BOOST_DESCRIPTION
                else:
                    for t in tokens(heading, lang):
                        counts[t] += BOOST_HEADING
                for t in tokens(text, lang):
                    counts[t] += BOOST_BODY
                self.docs.append(_Doc(page.page_id, anchor, heading, text))
                weighted.append(counts)
        self.vocabulary: set[str] = {t for counts in weighted for t in counts}
        if lang == "de":
            self._add_compound_parts(weighted)
        self._build_postings(weighted)
        self.sorted_vocab = sorted(self.postings)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.sorted_vocab:
            self._by_length[len(term)].append(term)
        # Phrase tokens by their first token: (tokens, index of the group).
        self._groups: list[list[tuple[str, ...]]] = []
        self._phrases: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for group in synonyms:
            phrases = [tuple(tokens(p, lang)) for p in group]
            phrases = [p for p in dict.fromkeys(phrases) if p]
            if len(phrases) < 2:
                continue
            self._groups.append(phrases)
            for phrase in phrases:
                self._phrases[phrase[0]].append((phrase, len(self._groups) - 1))

    def _add_compound_parts(self, weighted: list[Counter[str]]) -> None:
        cache: dict[str, list[str]] = {}
        for counts in weighted:
            for term, weight in list(counts.items()):
                if len(term) < 8:
                    continue
                parts = cache.get(term)
                if parts is None:
                    parts = cache[term] = compound_parts(term, self.vocabulary)
                for part in parts:
                    if part != term:
                        counts[part] += weight * COMPOUND_PART_WEIGHT

    def _build_postings(self, weighted: list[Counter[str]]) -> None:
        total = len(weighted) or 1
        lengths = [sum(c.values()) for c in weighted]
        average = (sum(lengths) / total) or 1.0
        frequency: Counter[str] = Counter()
        for counts in weighted:
            frequency.update(counts.keys())
        postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for doc_id, counts in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[doc_id] / average)
            for term, tf in counts.items():
                idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
                postings[term].append((idf * tf * (K1 + 1) / (tf + norm), doc_id))
        self.postings: dict[str, list[tuple[float, int]]] = {}
        for term, items in postings.items():
            items.sort(reverse=True)
            self.postings[term] = items[:MAX_POSTINGS]

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The vocabulary terms a query term stands for, with how much each counts."""
        found: list[tuple[str, float]] = []
        if term in self.postings:
            found.append((term, 1.0))
        if CJK_RUN.match(term):
            return found
        if len(term) >= 3:
            start = bisect.bisect_left(self.sorted_vocab, term)
            for candidate in self.sorted_vocab[start : start + 12]:
                if not candidate.startswith(term):
                    break
                if candidate != term:
                    found.append((candidate, PREFIX_FACTOR))
        if not found and len(term) >= 4:
            distance = 1 if len(term) < 8 else 2
            pool = [
                t
                for n in range(len(term) - distance, len(term) + distance + 1)
                for t in self._by_length.get(n, ())
            ]
            for candidate, _dist, _i in process.extract(
                term, pool, scorer=OSA.distance, score_cutoff=distance, limit=5
            ):
                found.append((candidate, FUZZY_FACTOR))
        return found

    def query_terms(self, query: str) -> list[str]:
        terms = tokens(query, self.lang)
        # Words written together that the guides write apart ("Guthabenaufladung",
        # "autorecharge") are searched as their parts.
        widened: list[str] = []
        for term in terms:
            parts = [] if term in self.postings else compound_parts(term, self.vocabulary)
            widened.extend(parts or [term])
        terms = widened
        return list(dict.fromkeys(terms))

    def _synonym_slots(self, query: str) -> tuple[list[dict[str, float]], str]:
        """Query positions for the synonym phrases the query contains, and the query with
        those phrases' words left out. Each slot maps vocabulary terms to their weight."""
        if not self._phrases:
            return [], query
        raw = tokens(query, self.lang)
        used: set[int] = set()
        slots: list[dict[str, float]] = []
        for i, token in enumerate(raw):
            for phrase, group in self._phrases.get(token, ()):
                span = range(i, i + len(phrase))
                if tuple(raw[i : i + len(phrase)]) != phrase or used & set(span):
                    continue
                used.update(span)
                slot: dict[str, float] = {}
                for other in self._groups[group]:
                    weight = 1.0 if other == phrase else SYNONYM_FACTOR
                    for word in other:
                        for candidate, factor in self.expand(word):
                            slot[candidate] = max(slot.get(candidate, 0.0), factor * weight)
                slots.append(slot)
        if not used:
            return [], query
        rest = " ".join(t for j, t in enumerate(raw) if j not in used)
        return slots, rest

    def search(self, query: str) -> list[tuple[float, int, set[str]]]:
        """``(score, doc id, matched vocabulary terms)``, best first."""
        slots, rest = self._synonym_slots(query)
        for term in self.query_terms(rest) if rest else ():
            slots.append(dict(self.expand(term)))
        if not slots:
            return []
        scores: dict[int, float] = defaultdict(float)
        covered: dict[int, set[int]] = defaultdict(set)
        matched: dict[int, set[str]] = defaultdict(set)
        for position, slot in enumerate(slots):
            for candidate, factor in slot.items():
                for impact, doc_id in self.postings[candidate]:
                    scores[doc_id] += impact * factor
                    covered[doc_id].add(position)
                    matched[doc_id].add(candidate)
        ranked = [
            (score * (len(covered[doc_id]) / len(slots)) ** 2, doc_id, matched[doc_id])
            for doc_id, score in scores.items()
        ]
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return ranked


def snippet(text: str, terms: set[str], lang: str, size: int = SNIPPET_CHARS) -> str:
    """A window of ``text`` around the first match, HTML-escaped, matches in ``<mark>``."""
    spans: list[tuple[int, int]] = []
    cjk_terms = [t for t in terms if CJK_RUN.match(t)]
    for match in TOKEN.finditer(text):
        word = match.group(0)
        if CJK_RUN.match(word):
            for term in cjk_terms:
                for hit in re.finditer(re.escape(term), word):
                    spans.append((match.start() + hit.start(), match.start() + hit.end()))
        else:
            stem = stem_word(word.casefold(), lang)
            # A compound contains the matched part: "Guthabenaufladung" shows "guthab…".
            if stem in terms or any(len(t) >= 4 and stem.startswith(t) for t in terms):
                spans.append((match.start(), match.end()))
    spans = sorted(set(spans))
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 20 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.find(" ", end)
        end = space if space != -1 and space - end < 20 else end
    out: list[str] = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        out.append(html.escape(text[cursor:span_start]))
        out.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(html.escape(text[cursor:end]))
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")


class SearchIndex:
    """Search in one language; pages the language lacks come from the default language."""

    def __init__(self, index: ContentIndex, synonyms: Synonyms | None = None) -> None:
        self._index = index
        self._langs = {
            lang: LanguageIndex(lang, list(pages.values()), (synonyms or {}).get(lang, ()))
            for lang, pages in index.pages.items()
        }

    def search(self, query: str, lang: str, limit: int = 10) -> list[Hit]:
        default = self._index.default_lang
        hits = self._hits(query, lang, limit, fallback=False)
        if lang != default and lang in self._langs:
            present = set(self._index.pages.get(lang, {}))
            extra = [
                h
                for h in self._hits(query, default, limit * 3, fallback=True)
                if h.page_id not in present
            ]
            hits = sorted(hits + extra, key=lambda h: -h.score)
        return hits[:limit]

    def _hits(self, query: str, lang: str, limit: int, fallback: bool) -> list[Hit]:
        language = self._langs.get(lang)
        if language is None:
            return []
        hits: list[Hit] = []
        seen: set[str] = set()
        for score, doc_id, matched in language.search(query):
            doc = language.docs[doc_id]
            if doc.page_id in seen:
                continue
            seen.add(doc.page_id)
            page = self._index.page(doc.page_id, lang)
            if page is None:
                continue
            url = page_url(page, self._index.default_lang)
            text = doc.text or page.description or ""
            hits.append(
                Hit(
                    page_id=doc.page_id,
                    lang=lang,
                    title=page.title,
                    url=url + (f"#{doc.anchor}" if doc.anchor else ""),
                    anchor=doc.anchor,
                    section=doc.heading,
                    snippet=snippet(text, matched, lang),
                    # English results for a missing translation rank below native ones.
                    score=round(score * (0.8 if fallback else 1.0), 4),
                    fallback=fallback,
                )
            )
            if len(hits) == limit:
                break
        return hits
