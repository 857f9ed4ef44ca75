"""Typo-tolerant full-text search over the guides, one index per language.

Documents are sections (the lead of a page and each ``##``/``###`` section). Scores are
BM25 impacts computed when the index is built; each term keeps only its strongest
postings (``MAX_POSTINGS``), so a query costs about the same on ten times the pages.
Query words that are not in the vocabulary are widened to words that start with them and
to words one or two edits away (a swap of two letters is one edit); compounds such as
"Guthabenaufladung" or "autorecharge" are matched by their parts (``compounds``).

The page whose subject is the query ranks first: a page's title counts in each of its
sections (so the section a query names wins on its heading and its page's subject), and
hub pages without F1 keywords (the home page lists every guide) count less. Stop words of
a question ("how", "was", "怎么"; for Chinese also what jieba tags as a function word, 一张,
多久, 吗) still count, but little, and a page need not contain them. A section that lacks
some of the query's words is scored down by the share it misses, weighed by how rare the
missing words are; a code typed as it is (MCOPSTNPP) weighs double.

Results are pages: a page scores its best section plus a tenth of its next three, and the
hit opens the section that answers rather than the page's lead when one scores at least
half as well.

Synonyms (from the glossary: a concept's preferred term, its admitted variants, the English
term, the wrong terms users copy from machine-translated pages, and the words admins search
with that the guides do not use) widen a query: when the query contains one of them, the
words of all the others count for the same query position, so "Schwellenwert" finds the
page that says "Auslösebetrag". A synonym counts no more than the words it stands for (not
two words against one, not a rare word against a common one), and a Chinese synonym only
where it is written as one word. A wrong term finds the right page, and ``term_notes`` says
which term the guides use instead. The index itself is unchanged; a query costs one
dictionary lookup per word.
"""

from __future__ import annotations

import bisect
import html
import math
import re
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from helpsvc.content.compounds import split_compound
from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.content.stopwords import stop_words
from helpsvc.content.text import (
    CJK_RUN,
    TOKEN,
    function_words,
    sections_text,
    stem_word,
    sub_words,
    tokens,
)

MAX_POSTINGS = 400
K1, B = 1.2, 0.75
BOOST_TITLE, BOOST_KEYWORD, BOOST_HEADING, BOOST_DESCRIPTION, BOOST_BODY = 4.0, 4.0, 5.0, 1.5, 1.0
BOOST_SUBJECT = BOOST_TITLE  # the page's title counts in each of its sections alike
HUB_PRIOR = 0.5  # a page without F1 keywords: an overview, rarely the answer itself
COMPOUND_PART_WEIGHT = 0.6
PREFIX_FACTOR, FUZZY_FACTOR = 0.7, 0.55
SYNONYM_FACTOR = 0.9  # a page with the query's own words ranks above one with a synonym
STOP_FACTOR = 0.15  # a stop word of the query counts this much, and is not required
SNIPPET_CHARS = 180
PAGE_SPREAD, PAGE_DEPTH = 0.1, 4  # how much a page's other matching sections add
LEAD_YIELD = 0.5  # a section this close to its page's lead opens instead of the lead
SYNONYM_FLOOR = 0.1  # a synonym far rarer than the query word still counts this much of it
CODE_WEIGHT = 2.0  # a code typed as it is (MCOPSTNPP) is what the query is about
_CODE = re.compile(r"\b[A-Z][A-Z0-9_]{4,}\b|\b\w+_\w+\b")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


@dataclass(frozen=True, slots=True)
class _Doc:
    page_id: str
    anchor: str | None
    heading: str
    text: str
    prior: float


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


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Phrases that name one concept in one language. ``avoid`` are among ``phrases`` but
    are not what the guides say (wrong machine translations): they find the concept's pages
    and a ``TermNote`` names ``preferred`` instead. ``searched`` are among ``phrases`` too:
    words admins type that the guides do not use; their words stay stop words."""

    phrases: tuple[str, ...]
    preferred: str | None = None
    avoid: tuple[str, ...] = ()
    searched: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TermNote:
    """The query used ``used``; the guides say ``preferred``."""

    used: str
    preferred: str


# One word of a phrase: the vocabulary terms it stands for, with how much each counts.
_Word = dict[str, float]


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[_Word, ...]
    whole: bool = False  # counts only where all its words are (a synonym of the query's words)
    # A Chinese synonym of several words counts only where it is written as one: "剩余" and
    # "金额" in two sentences are not "剩余金额".
    text: str | None = None


@dataclass(frozen=True, slots=True)
class _Slot:
    """One position of the query and the phrases that fill it: the query's own word, or a
    glossary phrase and its synonyms. A section scores the best of them, not their sum, so
    a section that says the same thing three ways does not win over one that says it once."""

    phrases: tuple[_Phrase, ...]
    weight: float = 1.0
    required: bool = True  # counts for coverage (stop words do not)


def keyword_tokens(keyword: str) -> list[str]:
    """``O365E_SFBVoiceCredit`` → the whole keyword and its parts (o365e, sfb, voice, credit)."""
    parts = [keyword.casefold()]
    for chunk in re.split(r"[_.\-\s]+", keyword):
        parts.extend(p.casefold() for p in _CAMEL.findall(chunk))
    return parts


# Groups of phrases that name the same thing, per language: {"de": [("Auslösebetrag",
# "Schwellenwert", "trigger amount"), ...]} or SynonymGroups. The glossary provides them.
Synonyms = Mapping[str, Sequence[Sequence[str] | SynonymGroup]]


def _group(group: Sequence[str] | SynonymGroup) -> SynonymGroup:
    return group if isinstance(group, SynonymGroup) else SynonymGroup(tuple(group))


def _page_counts(
    page: Page, anchor: str | None, heading: str, text: str, lang: str
) -> Counter[str]:
    """Weighted term counts of one section of ``page``."""
    counts: Counter[str] = Counter()

    def add(words: Iterable[str], weight: float) -> None:
        for t in words:
            counts[t] += weight

    if anchor is None:
        add(tokens(page.title, lang), BOOST_TITLE)
        for keyword in page.keywords:
            add(keyword_tokens(keyword), BOOST_KEYWORD)
        add(tokens(page.description or "", lang), BOOST_DESCRIPTION)
    else:
        add(tokens(heading, lang), BOOST_HEADING)
        add(tokens(page.title, lang), BOOST_SUBJECT)
    add(tokens(text, lang), BOOST_BODY)
    return counts


class LanguageIndex:
    def __init__(
        self,
        lang: str,
        pages: list[Page],
        synonyms: Sequence[Sequence[str] | SynonymGroup] = (),
    ) -> None:
        self.lang = lang
        self.docs: list[_Doc] = []
        weighted: list[Counter[str]] = []
        for page in pages:
            prior = 1.0 if page.keywords else HUB_PRIOR
            for anchor, heading, text in sections_text(page):
                weighted.append(_page_counts(page, anchor, heading, text, lang))
                self.docs.append(_Doc(page.page_id, anchor, heading, text, prior))
        self.vocabulary: set[str] = {t for counts in weighted for t in counts}
        if lang == "de":
            self._add_compound_parts(weighted)
        self._build_postings(weighted)
        self.sorted_vocab = sorted(self.postings)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.sorted_vocab:
            self._by_length[len(term)].append(term)
        self._build_synonyms([_group(g) for g in synonyms])

    def _build_synonyms(self, groups: list[SynonymGroup]) -> None:
        # Phrase tokens by their first token: (tokens, index of the group); Chinese phrases
        # are found as substrings of the query, whatever jieba makes of their neighbours.
        self._groups: list[list[tuple[str, ...]]] = []
        self._avoid: dict[tuple[str, ...], TermNote] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        self._cjk: list[tuple[str, tuple[str, ...], int]] = []
        self._cjk_text: dict[tuple[str, ...], str] = {}
        keep: set[str] = set()
        for group in groups:
            phrases = [tuple(tokens(p, self.lang)) for p in group.phrases]
            unique = [p for p in dict.fromkeys(phrases) if p]
            if len(unique) < 2:
                continue
            self._groups.append(unique)
            number = len(self._groups) - 1
            for text, phrase in zip(group.phrases, phrases, strict=True):
                if not phrase:
                    continue
                # A term that is a stop word of the list stays a search word; the "für" in
                # "Guthaben für Kommunikation" or a wrong term's words do not.
                if len(phrase) == 1 and text not in group.searched and text not in group.avoid:
                    keep.update(phrase)
                if text in group.avoid and group.preferred:
                    self._avoid[phrase] = TermNote(text, group.preferred)
                if CJK_RUN.match(text.replace(" ", "")):
                    self._cjk.append((text.replace(" ", "").casefold(), phrase, number))
                    if len(phrase) > 1:
                        self._cjk_text[phrase] = text.replace(" ", "")
                else:
                    self._phrases[phrase[0]].append((phrase, number))
        self._cjk.sort(key=lambda item: -len(item[0]))  # the longest phrase first
        self.stop = stop_words(self.lang, keep)

    def _add_compound_parts(self, weighted: list[Counter[str]]) -> None:
        """A compound of the guides also counts for its parts: "Kommunikationsguthaben"
        is found by "Guthaben"."""
        cache: dict[str, list[str]] = {}
        for counts in weighted:
            for term, weight in list(counts.items()):
                if len(term) < 8:
                    continue
                parts = cache.get(term)
                if parts is None:
                    parts = cache[term] = split_compound(term, self.vocabulary, self.lang)
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
        # Impacts and section ids in two typed arrays per term: 12 bytes a posting instead of
        # a tuple and a float object (about 90), which made a 5,000-page index 400 MB.
        impacts: dict[str, array[float]] = defaultdict(lambda: array("d"))
        sections: dict[str, array[int]] = defaultdict(lambda: array("I"))
        self.idf = {
            term: math.log(1 + (total - count + 0.5) / (count + 0.5))
            for term, count in frequency.items()
        }
        self._rarest = max(self.idf.values(), default=1.0)
        for doc_id, counts in enumerate(weighted):
            norm = K1 * (1 - B + B * lengths[doc_id] / average)
            for term, tf in counts.items():
                impacts[term].append(self.idf[term] * tf * (K1 + 1) / (tf + norm))
                sections[term].append(doc_id)
        self.postings: dict[str, tuple[array[float], array[int]]] = {}
        for term, values in impacts.items():
            ids = sections[term]
            order = sorted(range(len(values)), key=lambda k: (values[k], ids[k]), reverse=True)
            del order[MAX_POSTINGS:]
            self.postings[term] = (
                array("d", (values[k] for k in order)),
                array("I", (ids[k] for k in order)),
            )

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
        terms = tokens(query, self.lang, precise=True)
        # Words written together that the guides write apart ("Guthabenaufladung",
        # "autorecharge") are searched as their parts.
        widened: list[str] = []
        for term in terms:
            parts = [] if term in self.postings else split_compound(term, self.postings, self.lang)
            widened.extend(parts or [term])
        return list(dict.fromkeys(widened))

    def _synonym_slots(self, query: str) -> tuple[list[_Slot], str, list[TermNote]]:
        """Query positions for the synonym phrases the query contains, the query with those
        phrases left out, and notes for the wrong terms among them."""
        if not self._phrases and not self._cjk:
            return [], query, []
        found: list[tuple[tuple[str, ...], int]] = []
        for text, phrase, group in self._cjk:
            if text in query.casefold():
                query = re.sub(re.escape(text), " ", query, flags=re.IGNORECASE)
                found.append((phrase, group))
        raw = tokens(query, self.lang)
        used: set[int] = set()
        for i, token in enumerate(raw):
            for phrase, group in self._phrases.get(token, ()):
                span = range(i, i + len(phrase))
                if tuple(raw[i : i + len(phrase)]) != phrase or used & set(span):
                    continue
                used.update(span)
                found.append((phrase, group))
        slots = [_Slot(self._synonym_phrases(phrase, group)) for phrase, group in found]
        notes = [self._avoid[phrase] for phrase, _group in found if phrase in self._avoid]
        rest = " ".join(t for j, t in enumerate(raw) if j not in used) if used else query
        return slots, rest, notes

    def _synonym_phrases(self, phrase: tuple[str, ...], group: int) -> tuple[_Phrase, ...]:
        out = []
        own = self._phrase_idf(phrase)
        for other in self._groups[group]:
            # A synonym counts as much as the words it stands for and no more: not two
            # words against one ("剩余金额" for "余额"), and not a rare word for a common
            # one (the English product name in a Chinese query, found only in F1 keywords).
            weight = 1.0
            if other != phrase:
                theirs = self._phrase_idf(other)
                share = (
                    min(1.0, max(SYNONYM_FLOOR, own / theirs))
                    if own and theirs
                    else len(phrase) / len(other)
                )
                weight = SYNONYM_FACTOR * share
            words = tuple(
                # A stop word in a phrase ("wie lange") is only itself, and counts little.
                ({word: STOP_FACTOR * weight} if word in self.postings else {})
                if word in self.stop
                else {candidate: factor * weight for candidate, factor in self.expand(word)}
                for word in other
            )
            whole = other != phrase
            out.append(_Phrase(words, whole, self._cjk_text.get(other) if whole else None))
        return tuple(out)

    def term_notes(self, query: str) -> list[TermNote]:
        """The wrong terms (from the glossary) in ``query`` and what the guides say instead."""
        return self._synonym_slots(query)[2]

    def _slots(self, query: str) -> list[_Slot]:
        slots, rest, _notes = self._synonym_slots(query)
        stop = self.stop | function_words(rest) if self.lang == "zh" else self.stop
        codes = {stem_word(c.casefold(), self.lang) for c in _CODE.findall(rest)}
        for term in self.query_terms(rest) if rest.strip() else ():
            if term in stop:
                # A stop word is only itself: "the" does not stand for "there".
                exact = {term: 1.0} if term in self.postings else {}
                slots.append(_Slot((_Phrase((exact,)),), STOP_FACTOR, required=False))
            else:
                weight = CODE_WEIGHT if term in codes else 1.0
                slots.append(_Slot((self._term_phrase(term),), weight))
        if slots and not any(slot.required for slot in slots):
            # A query of stop words only ("what") means them.
            slots = [_Slot(slot.phrases) for slot in slots]
        return slots

    def _term_phrase(self, term: str) -> _Phrase:
        """A query word as the index knows it; a Chinese word it does not know stands for
        the words inside it (通信点数 → 通信 + 点数)."""
        if CJK_RUN.match(term) and term not in self.postings:
            inner = [w for w in sub_words(term) if w in self.postings]
            if inner:
                return _Phrase(tuple({w: PREFIX_FACTOR} for w in inner))
        return _Phrase((dict(self.expand(term)),))

    def _slot_scores(self, slot: _Slot, matched: dict[int, set[str]]) -> dict[int, float]:
        """Per section, the score of the slot's best phrase there."""
        best: dict[int, float] = {}
        for phrase in slot.phrases:
            sums: dict[int, float] = defaultdict(float)
            counts: Counter[int] = Counter()
            for word in phrase.words:
                strongest: dict[int, float] = {}
                for candidate, factor in word.items():
                    for impact, doc_id in zip(*self.postings[candidate], strict=True):
                        if impact * factor > strongest.get(doc_id, 0.0):
                            strongest[doc_id] = impact * factor
                        matched[doc_id].add(candidate)
                for doc_id, value in strongest.items():
                    sums[doc_id] += value
                    counts[doc_id] += 1
            for doc_id, value in sums.items():
                if phrase.whole and counts[doc_id] < len(phrase.words):
                    continue
                if phrase.text is not None and not self._writes(doc_id, phrase.text):
                    continue
                best[doc_id] = max(best.get(doc_id, 0.0), value)
        return best

    def _phrase_idf(self, phrase: tuple[str, ...]) -> float:
        """How rare a phrase's words are in the guides (0 when none is in them)."""
        return sum(self.idf.get(word, 0.0) for word in phrase)

    def _rarity(self, slot: _Slot) -> float:
        """How much a slot says about a section: the idf of the query's own rarest word
        (of a synonym's, when the guides lack the query's words). A word the index does not
        know counts as the rarest (it lowers every section alike)."""
        for phrases in ([p for p in slot.phrases if not p.whole], slot.phrases):
            found = [self.idf[term] for p in phrases for word in p.words for term in word]
            if found:
                return max(found)
        return self._rarest

    def _writes(self, doc_id: int, text: str) -> bool:
        doc = self.docs[doc_id]
        return text in doc.text or text in doc.heading

    def search(self, query: str) -> list[tuple[float, int, set[str]]]:
        """``(score, doc id, matched vocabulary terms)``, best first.

        A section that lacks some of the query's words is scored down by the share of the
        query it misses, weighed by rarity: missing "MCOPSTNPP" costs far more than missing
        "mean"."""
        slots = self._slots(query)
        rarity = [self._rarity(slot) * slot.weight if slot.required else 0.0 for slot in slots]
        required = sum(rarity)
        if not required:
            return []
        scores: dict[int, float] = defaultdict(float)
        covered: defaultdict[int, float] = defaultdict(float)
        matched: dict[int, set[str]] = defaultdict(set)
        for slot, weight in zip(slots, rarity, strict=True):
            for doc_id, value in self._slot_scores(slot, matched).items():
                scores[doc_id] += value * slot.weight
                covered[doc_id] += weight
        ranked = [
            (
                score * self.docs[doc_id].prior * (covered[doc_id] / required) ** 2,
                doc_id,
                matched[doc_id],
            )
            for doc_id, score in scores.items()
            if covered[doc_id]
        ]
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return ranked

    def pages(self, query: str) -> list[tuple[float, int, set[str]]]:
        """One ``(score, doc id, matched terms)`` per page, best first: the page's score, and
        the section a hit should open.

        A page scores its best section plus a share of its other matching sections, so
        the page that is about the query's subject throughout ranks above a page with one
        section that happens to share its words. The hit opens the best section, unless that
        is the page's lead and a section scores nearly as well: then the section, which
        answers the question where the lead only announces it."""
        by_page: dict[str, list[tuple[float, int, set[str]]]] = defaultdict(list)
        for item in self.search(query):
            by_page[self.docs[item[1]].page_id].append(item)
        ranked = []
        for items in by_page.values():
            best = items[0]
            score = best[0] + PAGE_SPREAD * sum(item[0] for item in items[1:PAGE_DEPTH])
            if self.docs[best[1]].anchor is None:
                section = next((i for i in items[1:] if self.docs[i[1]].anchor), None)
                if section is not None and section[0] >= LEAD_YIELD * best[0]:
                    best = section
            ranked.append((score, best[1], best[2]))
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
    """Search in one language; pages the language lacks come from the default language.

    A language's index is built on its first search, not with the content: F1 answers need
    only the keyword map, and a docs repository of thousands of pages would otherwise keep
    the service from answering for seconds and hold the memory of every language's index
    from the start. ``warm()`` builds them all ahead (``helpsvc serve`` does so in the
    background)."""

    def __init__(self, index: ContentIndex, synonyms: Synonyms | None = None) -> None:
        self._index = index
        self._synonyms = synonyms or {}
        self._built: dict[str, LanguageIndex] = {}
        self._lock = threading.Lock()

    @property
    def built_languages(self) -> tuple[str, ...]:
        """The languages whose index exists already."""
        return tuple(self._built)

    def _language(self, lang: str) -> LanguageIndex | None:
        language = self._built.get(lang)
        if language is not None or lang not in self._index.pages:
            return language
        with self._lock:  # one build per language, however many first searches arrive
            language = self._built.get(lang)
            if language is None:
                pages = list(self._index.pages[lang].values())
                language = LanguageIndex(lang, pages, self._synonyms.get(lang, ()))
                self._built[lang] = language
        return language

    def warm(self) -> None:
        """Build every language's index now."""
        for lang in self._index.languages:
            self._language(lang)

    def search(self, query: str, lang: str, limit: int = 10) -> list[Hit]:
        default = self._index.default_lang
        hits = self._hits(query, lang, limit, fallback=False)
        if lang != default and lang in self._index.pages:
            present = set(self._index.pages.get(lang, {}))
            extra = [
                h
                for h in self._hits(query, default, limit * 3, fallback=True)
                if h.page_id not in present
            ]
            hits = sorted(hits + extra, key=lambda h: -h.score)
        return hits[:limit]

    def term_notes(self, query: str, lang: str) -> list[TermNote]:
        """Wrong terms in ``query`` (glossary: forbidden) and the term the guides use."""
        language = self._language(lang)
        return language.term_notes(query) if language is not None else []

    def _hits(self, query: str, lang: str, limit: int, fallback: bool) -> list[Hit]:
        language = self._language(lang)
        if language is None:
            return []
        hits: list[Hit] = []
        seen: set[str] = set()
        for score, doc_id, matched in language.pages(query):
            doc = language.docs[doc_id]
            if doc.page_id in seen:
                continue
            seen.add(doc.page_id)
            page = self._index.page(doc.page_id, lang)
            if page is None:
                continue
            url = self._index.url(page)
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
