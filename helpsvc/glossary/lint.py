"""Term lint over the docs: forbidden variants, and translations that drift from the glossary.

Two named checks, reported as ``Finding``s like the content checks:

- ``term-forbidden``: a forbidden variant in a page (German: also inside compounds;
  Chinese: as a substring). A forbidden variant that is part of an allowed term ("国际通话套餐"
  inside "国内和国际通话套餐") is not reported.
- ``term-inconsistent``: the English page uses a concept's term, and its translation never
  uses that concept's preferred term (or one of its forms).

Only prose is read: front matter other than title and description, code, link targets,
HTML tags and attribute lists are blanked out first, keeping every offset, so a finding
points at the right line and column. ``<!-- terms: off -->`` ... ``<!-- terms: on -->``
excludes a passage that quotes a wrong term on purpose.

UI labels: the guides write what the admin center shows in bold (``**通信额度**``). A bold
span that contains a label the glossary records for the page's language (``ui_labels``)
quotes the admin center, so that label is not a term choice and is left out of both checks.
Only recorded labels are: bold alone never hides a forbidden variant.

``po_lint`` runs the same two checks over the translations of the gettext catalogs, entry
by entry, with the matchers built here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from helpsvc.content.corpus import Corpus
from helpsvc.content.findings import Finding
from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.glossary.matching import Hit, TermMatcher, language_kind, longest_first
from helpsvc.glossary.model import SOURCE_LANG, Entry, Glossary

# Words that may stand between the words of a German term for it still to count as used:
# "Guthaben manuell aufladen" uses "Guthaben aufladen".
CONSISTENCY_GAPS = 2

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_PROSE_KEY = re.compile(r"^(?:title|description):", re.MULTILINE)
_FENCE = re.compile(
    r"^[ \t]*(```+|~~~+)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE
)
_OFF = re.compile(r"<!--\s*terms:\s*off\s*-->.*?(?:<!--\s*terms:\s*on\s*-->|\Z)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)[^`\n]*?\1")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
_REF_DEF = re.compile(r"^[ \t]*\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_ATTR = re.compile(r"\{[:#.][^}\n]*\}")
_BLOCK_MARKER = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?|===)[ \t]*[\w\- ]*", re.MULTILINE)
_MARKUP = re.compile(r"\*+|\|+|^[ \t]*#+|^[ \t]*>", re.MULTILINE)
# Bold on one line, as the guides mark UI elements: **Billing** > **Your products**.
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``start:end`` replaced by spaces, line breaks kept."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def prose(text: str) -> str:
    """The readable text of a Markdown file, everything else blanked, offsets unchanged."""
    out = text
    fm = _FRONT_MATTER.match(out)
    if fm:
        kept = []
        for line in fm.group(1).splitlines(keepends=True):
            key = _FM_PROSE_KEY.match(line)
            kept.append(" " * key.end() + line[key.end() :] if key else re.sub(r"[^\n]", " ", line))
        opening = re.sub(r"[^\n]", " ", out[: fm.start(1)])
        out = opening + "".join(kept) + _blank(out[fm.end(1) :], 0, fm.end() - fm.end(1))
    for pattern in (
        _FENCE,
        _OFF,
        _COMMENT,
        _INLINE_CODE,
        _LINK_TARGET,
        _REF_DEF,
        _URL,
        _TAG,
        _ATTR,
        _BLOCK_MARKER,
        _MARKUP,
    ):
        for match in reversed(list(pattern.finditer(out))):
            start, end = match.span()
            if pattern is _LINK_TARGET:
                start += 1  # keep the "]" of the link text
            if pattern is _BLOCK_MARKER:
                start = match.end(1)
            out = _blank(out, start, end)
    return out


def without_ui_labels(raw: str, text: str, labels: Iterable[str]) -> str:
    """``text`` (the prose of ``raw``) with every ``labels`` item inside a bold span of
    ``raw`` blanked, offsets unchanged."""
    ordered = sorted(set(labels), key=len, reverse=True)
    if not ordered:
        return text
    pattern = re.compile("|".join(re.escape(label) for label in ordered))
    out = text
    for bold in _BOLD.finditer(raw):
        start = bold.start(1)
        for match in pattern.finditer(bold.group(1)):
            out = _blank(out, start + match.start(), start + match.end())
    return out


@dataclass
class _Text:
    """One page's file: its prose and a way from offsets to line and column."""

    page: Page
    raw: str
    ui_labels: frozenset[str] = frozenset()

    @cached_property
    def prose(self) -> str:
        return without_ui_labels(self.raw, prose(self.raw), self.ui_labels)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.raw)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def section_line(self, line: int) -> tuple[str | None, int]:
        """Anchor and heading line of the section around ``line``."""
        current: tuple[str | None, int] = (None, self.page.body_line)
        for section in self.page.sections:
            if section.line > line:
                break
            current = (section.anchor, section.line)
        return current


TermCheckFn = Callable[[Corpus, ContentIndex, Glossary], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class TermCheck:
    id: str
    description: str
    run: TermCheckFn


TERM_CHECKS: list[TermCheck] = []


def term_check(check_id: str, description: str) -> Callable[[TermCheckFn], TermCheckFn]:
    def register(fn: TermCheckFn) -> TermCheckFn:
        TERM_CHECKS.append(TermCheck(check_id, description, fn))
        return fn

    return register


def _read(corpus: Corpus, page: Page, glossary: Glossary) -> _Text | None:
    labels = frozenset(glossary.ui_labels(page.lang))
    try:
        return _Text(page, (corpus.root / page.path).read_text(encoding="utf-8"), labels)
    except (OSError, UnicodeDecodeError):
        return None  # the content checks report unreadable files


@dataclass(frozen=True, slots=True)
class ForbiddenTerm:
    concept: str
    term: str
    reason: str

    def message(self, found: str) -> str:
        return f"'{found}' is a forbidden variant of '{self.concept}': " + " ".join(
            self.reason.split()
        )


def allowed_matcher(glossary: Glossary, lang: str) -> TermMatcher[str]:
    entries = glossary.entries.get(lang, {})
    terms = [
        (term, cid)
        for cid, entry in entries.items()
        for term, status in entry.terms()
        if status != "forbidden"
    ]
    return TermMatcher(lang, terms)


def forbidden_matcher(glossary: Glossary, lang: str) -> TermMatcher[ForbiddenTerm] | None:
    """The forbidden variants of ``lang`` (German: also inside compounds); None if it has
    none."""
    forbidden = [
        (item.term, ForbiddenTerm(cid, item.term, item.reason))
        for cid, entry in glossary.entries.get(lang, {}).items()
        for item in entry.forbidden
    ]
    if not forbidden:
        return None
    return TermMatcher(lang, forbidden, compounds=language_kind(lang) == "de")


def forbidden_hits(
    text: str, forbidden: TermMatcher[ForbiddenTerm], allowed: TermMatcher[str]
) -> list[Hit[ForbiddenTerm]]:
    """The forbidden variants in ``text`` that are not part of an allowed term."""
    hits = forbidden.find(text)
    if not hits:
        return []
    spans = allowed.find(text)
    return [
        hit for hit in hits if not any(a.start <= hit.start and hit.end <= a.end for a in spans)
    ]


@term_check("term-forbidden", "A forbidden variant of a glossary term in a page or a catalog entry")
def _forbidden(corpus: Corpus, index: ContentIndex, glossary: Glossary) -> Iterator[Finding]:
    for lang in glossary.languages:
        entries = glossary.entries[lang]
        matcher = forbidden_matcher(glossary, lang)
        if matcher is None or lang not in index.pages:
            continue
        allowed = allowed_matcher(glossary, lang)
        for page in sorted(index.pages[lang].values(), key=lambda p: p.path):
            text = _read(corpus, page, glossary)
            if text is None:
                continue
            for hit in forbidden_hits(text.prose, matcher, allowed):
                line, column = text.position(hit.start)
                item = hit.value
                found = text.raw[hit.start : hit.end]
                suggestion = f"use '{entries[item.concept].preferred}'"
                if found in text.ui_labels:
                    suggestion += f", or quote the admin center's label in bold: **{found}**"
                yield Finding(
                    page.path,
                    line,
                    "term-forbidden",
                    item.message(found),
                    column,
                    suggestion,
                )


def concept_hits(text: str, matcher: TermMatcher[str]) -> dict[str, Hit[str]]:
    """The first occurrence of each concept, longer terms winning over the terms inside."""
    first: dict[str, Hit[str]] = {}
    for hit in longest_first(matcher.find(text)):
        first.setdefault(hit.value, hit)
    return first


@dataclass(frozen=True, slots=True)
class TargetTerms:
    """One target language's side of the consistency check."""

    accepted: TermMatcher[str]
    """Preferred terms and their forms, per concept."""
    variants: TermMatcher[tuple[str, str]]
    """Every other term, as (concept, status): what a translation used instead."""
    entries: dict[str, Entry]


def source_matcher(glossary: Glossary) -> TermMatcher[str]:
    source_entries = glossary.entries.get(SOURCE_LANG, {})
    return TermMatcher(
        SOURCE_LANG,
        [
            (term, cid)
            for cid, entry in source_entries.items()
            for term, status in entry.terms()
            if status != "forbidden"
        ],
    )


def target_terms(glossary: Glossary, lang: str) -> TargetTerms:
    entries = glossary.entries[lang]
    kind = language_kind(lang)
    accepted = TermMatcher(
        lang,
        [(t, cid) for cid, e in entries.items() for t in e.accepted],
        compounds=kind == "de",
        gaps=CONSISTENCY_GAPS if kind == "de" else 0,
    )
    variants = TermMatcher(
        lang,
        [
            (t, (cid, status))
            for cid, e in entries.items()
            for t, status in e.terms()
            if status != "preferred"
        ],
    )
    return TargetTerms(accepted, variants, entries)


@term_check(
    "term-inconsistent",
    "A translation that does not use the preferred term of a concept its English page "
    "(or msgid) uses",
)
def _inconsistent(corpus: Corpus, index: ContentIndex, glossary: Glossary) -> Iterator[Finding]:
    english = source_matcher(glossary)
    targets = {lang: target_terms(glossary, lang) for lang in glossary.target_languages}
    for source in sorted(index.pages.get(index.default_lang, {}).values(), key=lambda p: p.path):
        source_text = _read(corpus, source, glossary)
        if source_text is None:
            continue
        used = concept_hits(source_text.prose, english)
        if not used:
            continue
        for lang, terms in targets.items():
            page = index.page(source.page_id, lang)
            if page is None:
                continue
            text = _read(corpus, page, glossary)
            if text is not None:
                yield from _drift(source_text, used, text, terms)


def _drift(
    source: _Text, used: dict[str, Hit[str]], text: _Text, terms: TargetTerms
) -> Iterator[Finding]:
    """The concepts the English page uses whose preferred term its translation never uses."""
    present = {hit.value for hit in terms.accepted.find(text.prose)}
    others: dict[str, Hit] = {}
    for hit in terms.variants.find(text.prose):
        others.setdefault(hit.value[0], hit)
    for cid, hit in sorted(used.items(), key=lambda item: item[1].start):
        if cid in present or cid not in terms.entries:
            continue
        preferred = terms.entries[cid].preferred
        en_line, _ = source.position(hit.start)
        en_term = source.raw[hit.start : hit.end]
        origin = f"{source.page.path}:{en_line} uses '{en_term}'"
        variant = others.get(cid)
        if variant is not None:
            line, column = text.position(variant.start)
            found = text.raw[variant.start : variant.end]
            status = variant.value[1]
            yield Finding(
                text.page.path,
                line,
                "term-inconsistent",
                f"{origin}; here the {status} variant '{found}' stands for '{cid}' "
                "and the preferred term is never used",
                column,
                f"use '{preferred}'",
            )
            continue
        anchor, _line = source.section_line(en_line)
        section = text.page.section(anchor) if anchor else None
        line = section.line if section else text.page.body_line
        yield Finding(
            text.page.path,
            line,
            "term-inconsistent",
            f"{origin} ('{cid}'); this translation never uses the preferred term"
            + (f" (section #{anchor})" if section else ""),
            1,
            f"use '{preferred}'",
        )


def lint_terms(
    corpus: Corpus, index: ContentIndex, glossary: Glossary, only: set[str] | None = None
) -> list[Finding]:
    findings: list[Finding] = []
    for item in TERM_CHECKS:
        if only is None or item.id in only:
            findings.extend(item.run(corpus, index, glossary))
    # In reading order: file, line, column.
    return sorted(findings, key=lambda f: (f.path, f.line, f.column or 0, f.check, f.message))
