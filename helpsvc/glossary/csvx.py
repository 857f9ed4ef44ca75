"""CSV exchange with one column per language, as CAT tools and translation platforms read it.

Columns: ``Concept ID``, ``Part of Speech``, ``Concept Note``, then per language
``Term [en]``, ``Status [en]``, ``Definition [en]``, ``Note [en]`` (and ``Gender [de]``,
``Measure Word [zh]``, ``UI Labels [zh]``, ``Search Terms [zh]`` where the language uses
them). UI labels stand on the preferred row, one per line, each ``label | where it appears``;
so do search terms, one per line.

The first row of a concept holds the preferred term of every language side by side, so a
tool that only pairs ``Term [en]`` with ``Term [de]`` gets the right equivalents. Every
further term (forms, admitted and forbidden variants) has a row of its own with only its
language filled in: no tool can mistake a forbidden German variant for the translation of
an English variant that happens to stand on the same row. ``Status`` is ``preferred``,
``admitted`` or ``forbidden``; the reason for a forbidden term is its ``Note``.

Files are written as UTF-8 with a byte order mark, which Excel needs to show Chinese.
"""

from __future__ import annotations

import csv
import io

from helpsvc.glossary.model import (
    GENDERS,
    PARTS_OF_SPEECH,
    SOURCE_LANG,
    STATUSES,
    Concept,
    Entry,
    Forbidden,
    Glossary,
    UiLabel,
)

ID, POS, NOTE = "Concept ID", "Part of Speech", "Concept Note"


class CsvError(ValueError):
    def __init__(self, row: int, message: str) -> None:
        super().__init__(f"row {row}: {message}")
        self.row = row
        self.message = message


def _columns(glossary: Glossary) -> list[str]:
    columns = [ID, POS, NOTE]
    for lang in glossary.languages:
        entries = glossary.entries[lang].values()
        columns += [f"Term [{lang}]", f"Status [{lang}]", f"Definition [{lang}]", f"Note [{lang}]"]
        if any(e.gender for e in entries):
            columns.append(f"Gender [{lang}]")
        if any(e.measure_word for e in entries):
            columns.append(f"Measure Word [{lang}]")
        if any(e.ui_labels for e in entries):
            columns.append(f"UI Labels [{lang}]")
        if any(e.search_terms for e in entries):
            columns.append(f"Search Terms [{lang}]")
    return columns


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    columns = _columns(glossary)
    writer = csv.DictWriter(out, columns, lineterminator="\r\n")
    writer.writeheader()
    for concept in glossary.concepts:
        first = {ID: concept.id, POS: concept.pos, NOTE: concept.notes or ""}
        extra: list[dict[str, str]] = []
        for lang in glossary.languages:
            entry = glossary.entry(lang, concept.id)
            if entry is None:
                continue
            first[f"Term [{lang}]"] = entry.preferred
            first[f"Status [{lang}]"] = "preferred"
            first[f"Definition [{lang}]"] = entry.definition or ""
            first[f"Note [{lang}]"] = entry.notes or ""
            if f"Gender [{lang}]" in columns:
                first[f"Gender [{lang}]"] = entry.gender or ""
            if f"Measure Word [{lang}]" in columns:
                first[f"Measure Word [{lang}]"] = entry.measure_word or ""
            if f"UI Labels [{lang}]" in columns:
                first[f"UI Labels [{lang}]"] = "\n".join(u.as_text() for u in entry.ui_labels)
            if f"Search Terms [{lang}]" in columns:
                first[f"Search Terms [{lang}]"] = "\n".join(entry.search_terms)
            reasons = {f.term: f.reason for f in entry.forbidden}
            for term, status in list(entry.terms())[1:]:
                extra.append(
                    {
                        ID: concept.id,
                        f"Term [{lang}]": term,
                        f"Status [{lang}]": status,
                        f"Note [{lang}]": reasons.get(term, "") if status == "forbidden" else "",
                    }
                )
        writer.writerow(first)
        writer.writerows(extra)
    return "\ufeff" + out.getvalue()


def _languages(header: list[str]) -> list[str]:
    return [h[len("Term [") : -1] for h in header if h.startswith("Term [") and h.endswith("]")]


_Terms = dict[tuple[str, str], list[tuple[str, str, dict[str, str]]]]
"""(concept id, language) -> (term, status, its other fields) in file order."""


def from_csv(text: str) -> Glossary:
    """Read a CSV in the layout of ``to_csv``; rows of a concept may come in any order."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    if ID not in header:
        raise CsvError(1, f"the header has no '{ID}' column")
    langs = _languages(header)
    if SOURCE_LANG not in langs:
        raise CsvError(1, f"the header has no 'Term [{SOURCE_LANG}]' column")
    order: list[str] = []
    concept_fields: dict[str, tuple[str, str | None]] = {}
    terms: _Terms = {}
    for row_number, row in enumerate(reader, start=2):
        concept_id = (row.get(ID) or "").strip()
        if not concept_id:
            if any((v or "").strip() for v in row.values()):
                raise CsvError(row_number, f"'{ID}' is empty")
            continue
        if concept_id not in concept_fields:
            order.append(concept_id)
            concept_fields[concept_id] = ("noun", None)
        pos = (row.get(POS) or "").strip()
        if pos:
            if pos not in PARTS_OF_SPEECH:
                raise CsvError(
                    row_number, f"part of speech '{pos}' is not one of {PARTS_OF_SPEECH}"
                )
            concept_fields[concept_id] = (pos, (row.get(NOTE) or "").strip() or None)
        for lang in langs:
            term = _term(row, lang, row_number)
            if term is not None:
                terms.setdefault((concept_id, lang), []).append(term)
    concepts = tuple(Concept(i, *concept_fields[i]) for i in order)
    return Glossary(concepts, _entries(terms))


def _term(
    row: dict[str, str | None], lang: str, row_number: int
) -> tuple[str, str, dict[str, str]] | None:
    """The term of ``lang`` on this row with its status and fields; None when it has none."""
    term = (row.get(f"Term [{lang}]") or "").strip()
    if not term:
        return None
    status = (row.get(f"Status [{lang}]") or "").strip().casefold() or "preferred"
    if status not in STATUSES:
        raise CsvError(row_number, f"status '{status}' of '{term}' is not one of {STATUSES}")
    fields = {
        key: (row.get(f"{key} [{lang}]") or "").strip()
        for key in ("Definition", "Note", "Gender", "Measure Word", "UI Labels", "Search Terms")
    }
    if fields["Gender"] and fields["Gender"] not in GENDERS:
        raise CsvError(row_number, f"gender '{fields['Gender']}' is not one of {GENDERS}")
    return term, status, fields


def _entries(terms: _Terms) -> dict[str, dict[str, Entry]]:
    entries: dict[str, dict[str, Entry]] = {}
    for (concept_id, lang), items in terms.items():
        preferred = [(t, f) for t, s, f in items if s == "preferred"]
        if not preferred:
            raise CsvError(1, f"'{concept_id}' has no preferred term in '{lang}'")
        main_fields = preferred[0][1]
        entries.setdefault(lang, {})[concept_id] = Entry(
            preferred=preferred[0][0],
            definition=main_fields["Definition"] or None,
            forms=tuple(t for t, _ in preferred[1:]),
            admitted=tuple(t for t, s, _ in items if s == "admitted"),
            forbidden=tuple(
                Forbidden(t, f["Note"] or "forbidden in the imported term base")
                for t, s, f in items
                if s == "forbidden"
            ),
            gender=main_fields["Gender"] or None,
            measure_word=main_fields["Measure Word"] or None,
            notes=main_fields["Note"] or None,
            ui_labels=tuple(
                UiLabel.from_text(line)
                for line in main_fields["UI Labels"].splitlines()
                if line.strip()
            ),
            search_terms=tuple(
                line.strip() for line in main_fields["Search Terms"].splitlines() if line.strip()
            ),
        )
    return entries
