"""Term lint over the gettext catalogs: the checks of ``lint``, entry by entry.

For every live entry with a translation, in its catalog's language:

- ``term-forbidden``: a forbidden variant in a msgstr, found with the docs' matchers and
  their exceptions (German compounds, Chinese substrings, a variant inside an allowed term,
  a recorded UI label in bold).
- ``term-inconsistent``: the English msgid uses a concept's term and the msgstr uses none of
  that concept's preferred term and its forms. An entry is checked as the docs check a page,
  since each entry is shown on its own; so is each plural form. Fuzzy entries are left
  out of this check: their msgstr follows an older English text (``i18n status`` shows
  them), while a forbidden variant in one is still reported before it reaches a reader.

A translator comment ``# terms: off`` leaves an entry out of both checks, as
``<!-- terms: off -->`` does a passage of a page. ``# terms: off for expiry: a card's
expiry, not the credits'`` leaves out only the concepts named (comma-separated), with the
reason after the colon: for a text that uses an English word in another sense than the
glossary's (a card "expires" in German as "läuft ab", not "verfällt"), while its other
terms are still checked. A concept id the glossary lacks is reported (``term-off-unknown``).

Placeholders (``{count}``) are blanked before matching, so a placeholder's name never
counts as a term; the rest is read as the docs' prose is (inline code, URLs, tags blanked).
A finding points at the word's line and column in the .po file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from helpsvc.content.findings import Finding
from helpsvc.glossary.catalogs import Catalog, CatalogEntry, entry_name
from helpsvc.glossary.lint import (
    ForbiddenTerm,
    TargetTerms,
    allowed_matcher,
    concept_hits,
    forbidden_hits,
    forbidden_matcher,
    prose,
    source_matcher,
    target_terms,
    without_ui_labels,
)
from helpsvc.glossary.matching import Hit, TermMatcher
from helpsvc.glossary.model import SOURCE_LANG, Entry, Glossary
from helpsvc.glossary.po_scan import PoString

FORBIDDEN, INCONSISTENT = "term-forbidden", "term-inconsistent"
OFF_UNKNOWN = "term-off-unknown"
_OFF = re.compile(r"^\s*terms:\s*off\s*$", re.IGNORECASE)
_OFF_FOR = re.compile(
    r"^\s*terms:\s*off\s+for\s+(?P<ids>[\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::.*)?$", re.IGNORECASE
)


def exempt_concepts(entry: CatalogEntry) -> frozenset[str]:
    """The concept ids a ``# terms: off for <ids>: reason`` comment leaves out."""
    found: set[str] = set()
    for comment in entry.comments:
        match = _OFF_FOR.match(comment)
        if match:
            found.update(part.strip() for part in match["ids"].split(","))
    return frozenset(found)


# A literal brace first, so "{{"tenant_id": ...}}" keeps its text and only fields go.
_FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


def without_placeholders(text: str) -> str:
    """``text`` with every replacement field (and literal ``{{``, ``}}``) blanked, offsets
    unchanged."""
    return _FIELD.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def readable(text: str, labels: frozenset[str]) -> str:
    """What the term matchers read of a message: its prose, placeholders and bold UI
    labels blanked, offsets unchanged."""
    return without_ui_labels(text, prose(without_placeholders(text)), labels)


def glossary_language(lang: str, glossary: Glossary) -> str | None:
    """The glossary's language for a catalog's (``zh_CN`` → ``zh``), None when it has none."""
    if lang in glossary.entries:
        return lang
    base = re.split(r"[-_@.]", lang, maxsplit=1)[0]
    return base if base in glossary.entries else None


@dataclass(frozen=True, slots=True)
class _LanguageTerms:
    """The matchers of one language, built once for all its catalogs."""

    labels: frozenset[str]
    entries: Mapping[str, Entry]
    forbidden: TermMatcher[ForbiddenTerm] | None
    allowed: TermMatcher[str]
    target: TargetTerms | None  # None for English, which the msgids are written in


def _language_terms(glossary: Glossary, lang: str) -> _LanguageTerms:
    return _LanguageTerms(
        frozenset(glossary.ui_labels(lang)),
        glossary.entries[lang],
        forbidden_matcher(glossary, lang),
        allowed_matcher(glossary, lang),
        target_terms(glossary, lang) if lang != SOURCE_LANG else None,
    )


def checked_entries(
    catalogs: list[Catalog], glossary: Glossary
) -> Iterator[tuple[Catalog, str, CatalogEntry]]:
    """(catalog, glossary language, entry) of every entry the lint reads: live, with a
    translation, in a language of the glossary, not marked ``# terms: off``."""
    for catalog in catalogs:
        lang = glossary_language(catalog.lang, glossary)
        if lang is None:
            continue
        for entry in catalog.entries:
            if entry.obsolete or not any(span.text for span in entry.spans):
                continue
            if not any(_OFF.match(comment) for comment in entry.comments):
                yield catalog, lang, entry


def _where(entry: CatalogEntry) -> str:
    name = entry_name(entry.context, entry.msgid)
    return f"msgctxt '{name}'" if entry.context else f"msgid '{name}'"


def _shown(text: str) -> str:
    # A term split by a line break of the message reads as one line in a finding.
    return " ".join(text.split())


def _forbidden(path: str, entry: CatalogEntry, terms: _LanguageTerms) -> Iterator[Finding]:
    if terms.forbidden is None:
        return
    exempt = exempt_concepts(entry)
    for span in entry.spans:
        text = readable(span.text, terms.labels)
        for hit in forbidden_hits(text, terms.forbidden, terms.allowed):
            item = hit.value
            if item.concept in exempt:
                continue
            found = span.text[hit.start : hit.end]
            suggestion = f"use '{terms.entries[item.concept].preferred}'"
            if found in terms.labels:
                suggestion += f", or quote the admin center's label in bold: **{found}**"
            line, column = span.position(hit.start)
            yield Finding(
                path,
                line,
                FORBIDDEN,
                f"{_where(entry)}: {item.message(_shown(found))}",
                column,
                suggestion,
            )


def _english_concepts(
    entry: CatalogEntry, english: TermMatcher[str], labels: frozenset[str]
) -> dict[str, str]:
    """``{concept: the English words}`` of the concepts the msgid (and msgid_plural) use,
    in the order they first appear."""
    used: dict[str, str] = {}
    for text in entry.english:
        hits = concept_hits(readable(text, labels), english)
        for cid, hit in sorted(hits.items(), key=lambda item: item[1].start):
            used.setdefault(cid, _shown(text[hit.start : hit.end]))
    return used


def _drift(
    path: str, entry: CatalogEntry, used: dict[str, str], span: PoString, terms: _LanguageTerms
) -> Iterator[Finding]:
    """The concepts the English text uses whose preferred term one msgstr never uses."""
    target = terms.target
    assert target is not None
    text = readable(span.text, terms.labels)
    present = {hit.value for hit in target.accepted.find(text)}
    others: dict[str, Hit[tuple[str, str]]] = {}
    for hit in target.variants.find(text):
        others.setdefault(hit.value[0], hit)
    for cid, en_term in used.items():
        if cid in present or cid not in target.entries:
            continue
        origin = f"{_where(entry)}: the English text uses '{en_term}'"
        suggestion = f"use '{target.entries[cid].preferred}'"
        variant = others.get(cid)
        if variant is not None:
            line, column = span.position(variant.start)
            found = _shown(span.text[variant.start : variant.end])
            message = (
                f"{origin}; here the {variant.value[1]} variant '{found}' stands for "
                f"'{cid}' and the preferred term is never used"
            )
        else:
            # Nothing stands in for the term: point at the start of the translation.
            line, column = span.position(0)
            message = f"{origin} ('{cid}'); this translation never uses the preferred term"
        yield Finding(path, line, INCONSISTENT, message, column, suggestion)


def lint_catalogs(
    catalogs: list[Catalog], glossary: Glossary, only: set[str] | None = None
) -> list[Finding]:
    """The term findings of the catalogs' translations, in reading order; paths as the
    catalogs hold them (relative to the folder they were read from)."""
    english = source_matcher(glossary)
    english_labels = frozenset(glossary.ui_labels(SOURCE_LANG))
    languages: dict[str, _LanguageTerms] = {}
    findings: list[Finding] = []
    for catalog, lang, entry in checked_entries(catalogs, glossary):
        terms = languages.get(lang)
        if terms is None:
            terms = languages[lang] = _language_terms(glossary, lang)
        if only is None or FORBIDDEN in only:
            findings.extend(_forbidden(catalog.path, entry, terms))
        if (only is None or INCONSISTENT in only) and terms.target is not None and not entry.fuzzy:
            exempt = exempt_concepts(entry)
            used = {
                cid: words
                for cid, words in _english_concepts(entry, english, english_labels).items()
                if cid not in exempt
            }
            for span in entry.spans if used else ():
                if span.text:
                    findings.extend(_drift(catalog.path, entry, used, span, terms))
        findings.extend(_unknown_exemptions(catalog.path, entry, glossary))
    return sorted(findings, key=lambda f: (f.path, f.line, f.column or 0, f.check, f.message))


def _unknown_exemptions(path: str, entry: CatalogEntry, glossary: Glossary) -> Iterator[Finding]:
    known = {concept.id for concept in glossary.concepts}
    for cid in sorted(exempt_concepts(entry) - known):
        line, column = entry.spans[0].position(0)
        yield Finding(
            path,
            line,
            OFF_UNKNOWN,
            f"{_where(entry)}: '# terms: off for {cid}' names no concept of the glossary",
            column,
            "use a concept id from glossary/en.yaml",
        )
