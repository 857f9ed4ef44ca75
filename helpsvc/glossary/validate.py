"""Checks over the glossary itself, as named units like the content checks.

Schema errors and repeated ids come from the loader (they need the YAML nodes); these
checks look at the loaded glossary: entries for concepts that do not exist, a term that is
forbidden and preferred at once, one term naming two concepts. Missing translations are not
errors: they are reported as progress per language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from helpsvc.content.findings import Finding
from helpsvc.glossary.matching import normalize
from helpsvc.glossary.model import SOURCE_LANG, Glossary, Location

GlossaryCheckFn = Callable[[Glossary], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class GlossaryCheck:
    id: str
    description: str
    run: GlossaryCheckFn


GLOSSARY_CHECKS: list[GlossaryCheck] = []


def glossary_check(check_id: str, description: str) -> Callable[[GlossaryCheckFn], GlossaryCheckFn]:
    def register(fn: GlossaryCheckFn) -> GlossaryCheckFn:
        GLOSSARY_CHECKS.append(GlossaryCheck(check_id, description, fn))
        return fn

    return register


def _where(glossary: Glossary, lang: str, concept_id: str) -> Location:
    return glossary.location(lang, concept_id) or Location(f"{lang}.yaml", 1)


@glossary_check("concept-unknown", "An entry for a concept id that en.yaml does not define")
def _unknown(glossary: Glossary) -> Iterator[Finding]:
    known = {c.id for c in glossary.concepts}
    for lang in glossary.target_languages:
        for concept_id in glossary.entries[lang]:
            if concept_id not in known:
                where = _where(glossary, lang, concept_id)
                yield Finding(
                    where.path,
                    where.line,
                    "concept-unknown",
                    f"concept '{concept_id}' is not defined in {SOURCE_LANG}.yaml",
                )


@glossary_check("term-forbidden-preferred", "A forbidden term that is also a used term")
def _forbidden_preferred(glossary: Glossary) -> Iterator[Finding]:
    for lang in glossary.languages:
        used: dict[str, tuple[str, str, str]] = {}
        for concept_id, entry in glossary.entries[lang].items():
            for term, status in entry.terms():
                if status != "forbidden":
                    used.setdefault(normalize(term, lang), (concept_id, term, status))
        for concept_id, entry in glossary.entries[lang].items():
            for item in entry.forbidden:
                clash = used.get(normalize(item.term, lang))
                if clash is None:
                    continue
                other, term, status = clash
                where = _where(glossary, lang, concept_id)
                owner = "this concept" if other == concept_id else f"concept '{other}'"
                yield Finding(
                    where.path,
                    where.line,
                    "term-forbidden-preferred",
                    f"'{item.term}' is forbidden for '{concept_id}' but is the {status} "
                    f"term '{term}' of {owner}",
                )


@glossary_check("term-ambiguous", "One preferred term for two concepts of a language")
def _ambiguous(glossary: Glossary) -> Iterator[Finding]:
    for lang in glossary.languages:
        owners: dict[str, list[str]] = defaultdict(list)
        for concept_id, entry in glossary.entries[lang].items():
            owners[normalize(entry.preferred, lang)].append(concept_id)
        for ids in owners.values():
            for concept_id in ids[1:]:
                where = _where(glossary, lang, concept_id)
                preferred = glossary.entries[lang][concept_id].preferred
                yield Finding(
                    where.path,
                    where.line,
                    "term-ambiguous",
                    f"'{preferred}' is already the preferred term of '{ids[0]}'; "
                    "one term must name one concept",
                )


@glossary_check("ui-label-ambiguous", "One admin center label recorded for two concepts")
def _ui_label_ambiguous(glossary: Glossary) -> Iterator[Finding]:
    # The term lint exempts a quoted label whatever concept it names; a label on two
    # concepts would say nothing about which one a guide means.
    for lang in glossary.languages:
        owners: dict[str, str] = {}
        for concept_id, entry in glossary.entries[lang].items():
            for item in entry.ui_labels:
                first = owners.setdefault(item.label, concept_id)
                if first != concept_id:
                    where = _where(glossary, lang, concept_id)
                    yield Finding(
                        where.path,
                        where.line,
                        "ui-label-ambiguous",
                        f"UI label '{item.label}' of '{concept_id}' is already recorded "
                        f"for '{first}'",
                    )


def validate(glossary: Glossary) -> list[Finding]:
    findings: list[Finding] = []
    for item in GLOSSARY_CHECKS:
        findings.extend(item.run(glossary))
    return sorted(findings)


@dataclass(frozen=True, slots=True)
class Progress:
    lang: str
    total: int
    translated: int
    defined: int  # entries with a definition in the language
    missing: tuple[str, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.total) if self.total else 100


def progress(glossary: Glossary) -> list[Progress]:
    """How much of the glossary each target language covers."""
    ids = [c.id for c in glossary.concepts]
    out = []
    for lang in glossary.target_languages:
        entries = glossary.entries[lang]
        missing = tuple(i for i in ids if i not in entries)
        defined = sum(1 for i in ids if i in entries and entries[i].definition)
        out.append(Progress(lang, len(ids), len(ids) - len(missing), defined, missing))
    return out
