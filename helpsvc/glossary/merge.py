"""Merge an imported glossary into the existing one without losing a translator's work.

New concepts and new entries are added. Where the import and the files disagree about an
entry, that is a conflict: it is reported and the file's version stays, unless the caller
asks to overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from helpsvc.glossary.model import Concept, Entry, Glossary


@dataclass(frozen=True, slots=True)
class Conflict:
    lang: str | None  # None: the concept itself (part of speech, notes)
    concept: str
    ours: Entry | Concept
    theirs: Entry | Concept

    def describe(self) -> str:
        where = f"{self.lang}/{self.concept}" if self.lang else self.concept
        fields = [
            name
            for name in self.ours.__slots__  # type: ignore[union-attr]
            if getattr(self.ours, name) != getattr(self.theirs, name)
        ]
        details = "; ".join(
            f"{name}: {getattr(self.ours, name)!r} in the file, "
            f"{getattr(self.theirs, name)!r} in the import"
            for name in fields
        )
        return f"{where}: {details}"


@dataclass(frozen=True, slots=True)
class MergeResult:
    glossary: Glossary
    added: tuple[str, ...]  # "lang/concept" or "concept"
    conflicts: tuple[Conflict, ...]
    changed_languages: tuple[str, ...]


def merge(
    existing: Glossary,
    imported: Glossary,
    *,
    overwrite: bool = False,
    languages: list[str] | None = None,
) -> MergeResult:
    """``existing`` plus what ``imported`` adds; conflicts win only with ``overwrite``."""
    langs = languages or imported.languages
    concepts = {c.id: c for c in existing.concepts}
    order = [c.id for c in existing.concepts]
    added: list[str] = []
    conflicts: list[Conflict] = []
    changed: set[str] = set()
    # A concept lives in en.yaml: it is only added or changed when English is imported.
    for concept in imported.concepts if "en" in langs else ():
        ours = concepts.get(concept.id)
        if ours is None:
            concepts[concept.id] = concept
            order.append(concept.id)
            added.append(concept.id)
            changed.add("en")
        elif ours != concept:
            conflicts.append(Conflict(None, concept.id, ours, concept))
            if overwrite:
                concepts[concept.id] = concept
                changed.add("en")
    entries = {lang: dict(items) for lang, items in existing.entries.items()}
    for lang in langs:
        for concept_id, theirs in imported.entries.get(lang, {}).items():
            ours_entry = entries.get(lang, {}).get(concept_id)
            if concept_id not in concepts:
                continue  # an entry for a concept that does not exist would be an orphan
            if ours_entry is not None and not theirs.ui_labels:
                # TBX and CSV carry no UI labels: an import keeps the ones the file records.
                theirs = replace(theirs, ui_labels=ours_entry.ui_labels)
            if ours_entry is not None and not theirs.search_terms:
                # A term base from another tool has no search terms: keep the file's.
                theirs = replace(theirs, search_terms=ours_entry.search_terms)
            if ours_entry is None:
                entries.setdefault(lang, {})[concept_id] = theirs
                added.append(f"{lang}/{concept_id}")
                changed.add(lang)
            elif ours_entry != theirs:
                conflicts.append(Conflict(lang, concept_id, ours_entry, theirs))
                if overwrite:
                    entries[lang][concept_id] = theirs
                    changed.add(lang)
    merged = Glossary(tuple(concepts[i] for i in order), entries, existing.locations)
    return MergeResult(merged, tuple(added), tuple(conflicts), tuple(sorted(changed)))
