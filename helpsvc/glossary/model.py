"""The glossary as data: concepts, and per language the terms that name them.

A concept is language-independent (a stable id, its part of speech, notes for everyone);
each language holds an ``Entry`` per concept: the preferred term, other forms of it, admitted
variants and forbidden variants with the reason. English is a language like the others, so
an English term can be forbidden too ("Communication Credits").

A concept may also have UI labels per language: the words the localized admin center shows
on a button, page or license toggle. They are not terms the guides choose: a guide quotes
them exactly, in bold, and the term lint leaves a quoted label alone even where it differs
from the preferred term (the zh-CN admin center shows 通信额度 where the guides say 通信点数).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

SOURCE_LANG = "en"
# TBX-Basic's picklists, so that an export needs no mapping and an import no guessing.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
GENDERS = ("masculine", "feminine", "neuter", "otherGender")
STATUSES = ("preferred", "admitted", "forbidden")
_WHERE = " | "


@dataclass(frozen=True, slots=True)
class Forbidden:
    term: str
    reason: str


@dataclass(frozen=True, slots=True)
class UiLabel:
    """A label as the localized admin center shows it, and where it shows it."""

    label: str
    where: str | None = None

    def as_text(self) -> str:
        """``label`` or ``label | where``: how TBX notes and CSV cells carry it."""
        return f"{self.label}{_WHERE}{self.where}" if self.where else self.label

    @classmethod
    def from_text(cls, text: str) -> UiLabel:
        label, _, where = text.partition(_WHERE)
        return cls(label.strip(), where.strip() or None)


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept's terms in one language."""

    preferred: str
    definition: str | None = None
    # Other forms of the preferred term that count as using it: a verb phrase for a noun
    # ("verfallen" for "Verfall"), the short form of a spelled-out name ("NCE").
    forms: tuple[str, ...] = ()
    admitted: tuple[str, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()
    gender: str | None = None
    measure_word: str | None = None
    notes: str | None = None
    # Labels of the admin center that name this concept; not terms (see the module doc).
    ui_labels: tuple[UiLabel, ...] = ()
    # Words admins type for this concept that the guides do not use ("top up" for add
    # funds): the help search finds the concept's pages with them. Not terms: the term lint
    # and the exports leave them alone.
    search_terms: tuple[str, ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """The preferred term and its forms: what the consistency check looks for."""
        return (self.preferred, *self.forms)

    def terms(self) -> Iterator[tuple[str, str]]:
        """``(term, status)`` for every term of the entry, preferred first."""
        for term in self.accepted:
            yield term, "preferred"
        for term in self.admitted:
            yield term, "admitted"
        for item in self.forbidden:
            yield item.term, "forbidden"


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    pos: str
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int


@dataclass(frozen=True)
class Glossary:
    """Concepts in the order of ``en.yaml`` and ``entries[lang][concept id]``."""

    concepts: tuple[Concept, ...] = ()
    entries: Mapping[str, Mapping[str, Entry]] = field(default_factory=dict)
    # Where each concept / entry was defined, for messages; not part of the glossary's value.
    locations: Mapping[tuple[str, str], Location] = field(default_factory=dict, compare=False)

    @property
    def languages(self) -> list[str]:
        """Every language of the glossary, the source language first."""
        return sorted(self.entries, key=lambda lang: (lang != SOURCE_LANG, lang))

    @property
    def target_languages(self) -> list[str]:
        return [lang for lang in self.languages if lang != SOURCE_LANG]

    def concept(self, concept_id: str) -> Concept | None:
        return next((c for c in self.concepts if c.id == concept_id), None)

    def entry(self, lang: str, concept_id: str) -> Entry | None:
        return self.entries.get(lang, {}).get(concept_id)

    def term(self, lang: str, concept_id: str) -> str | None:
        entry = self.entry(lang, concept_id)
        return entry.preferred if entry else None

    def definition(self, lang: str, concept_id: str) -> str | None:
        """The definition in ``lang``, or the English one when it is not translated yet."""
        entry = self.entry(lang, concept_id)
        if entry is not None and entry.definition:
            return entry.definition
        source = self.entry(SOURCE_LANG, concept_id)
        return source.definition if source else None

    def location(self, lang: str, concept_id: str) -> Location | None:
        return self.locations.get((lang, concept_id))

    def ui_labels(self, lang: str) -> dict[str, str]:
        """``{label: concept id}`` of every UI label recorded in ``lang``."""
        return {
            item.label: concept_id
            for concept_id, entry in self.entries.get(lang, {}).items()
            for item in entry.ui_labels
        }
