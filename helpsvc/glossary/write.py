"""Write the glossary back to ``glossary/<lang>.yaml`` in the layout translators edit.

Used by ``helpsvc glossary import``. Keys keep a fixed order, long texts are folded at
the line width, and the comment block at the top of an existing file is kept; comments
inside the entries are not (they have no place in the model).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from helpsvc.glossary.model import SOURCE_LANG, Entry, Glossary

WIDTH = 92


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 60 and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _entry_fields(entry: Entry, source: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {"term" if source else "preferred": entry.preferred}
    if entry.gender:
        fields["gender"] = entry.gender
    if entry.measure_word:
        fields["measure_word"] = entry.measure_word
    if entry.forms:
        fields["forms"] = list(entry.forms)
    if entry.definition:
        fields["definition"] = entry.definition
    if entry.notes and not source:
        fields["notes"] = entry.notes
    if entry.admitted:
        fields["variants" if source else "admitted"] = list(entry.admitted)
    if entry.forbidden:
        fields["forbidden"] = [{"term": f.term, "reason": f.reason} for f in entry.forbidden]
    if entry.ui_labels:
        fields["ui_labels"] = [
            {"label": u.label, "where": u.where} if u.where else {"label": u.label}
            for u in entry.ui_labels
        ]
    if entry.search_terms:
        fields["search_terms"] = list(entry.search_terms)
    return fields


def dump_language(glossary: Glossary, lang: str) -> str:
    """The YAML text of one language's file."""
    if lang == SOURCE_LANG:
        concepts = {}
        for concept in glossary.concepts:
            entry = glossary.entry(lang, concept.id)
            if entry is None:
                continue
            fields = _entry_fields(entry, source=True)
            fields = {"term": fields.pop("term"), "pos": concept.pos, **fields}
            if concept.notes:
                fields["notes"] = concept.notes
            concepts[concept.id] = fields
        doc: dict[str, Any] = {"language": lang, "concepts": concepts}
    else:
        order = [c.id for c in glossary.concepts]
        entries = glossary.entries.get(lang, {})
        ids = [i for i in order if i in entries] + [i for i in entries if i not in order]
        doc = {
            "language": lang,
            "terms": {i: _entry_fields(entries[i], source=False) for i in ids},
        }
    return yaml.dump(
        doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH, indent=2
    )


def _header(path: Path) -> str:
    """The leading comment block of an existing file."""
    if not path.is_file():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("#") or (lines and not line.strip()):
            lines.append(line)
            continue
        break
    return "".join(lines).rstrip("\n") + "\n" if lines else ""


def write_language(glossary: Glossary, lang: str, directory: Path) -> Path:
    path = directory / f"{lang}.yaml"
    text = _header(path) + dump_language(glossary, lang)
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
