"""Read ``glossary/<lang>.yaml`` into a ``Glossary``, reporting every problem with file:line.

PyYAML's ``compose`` keeps the position of every node, so a schema error points at the
line the translator has to fix, and a concept id written twice is seen (a plain YAML load
would silently keep the last one). A broken file or entry is reported and skipped; the rest
of the glossary still loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpsvc.content.findings import Finding
from helpsvc.glossary.model import (
    GENDERS,
    PARTS_OF_SPEECH,
    SOURCE_LANG,
    Concept,
    Entry,
    Forbidden,
    Glossary,
    Location,
    UiLabel,
)

try:  # Same loader choice as the front matter parser: C when available.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SCHEMA = "glossary-schema"
DUPLICATE = "concept-duplicate"

SOURCE_KEYS = {
    "term": "the English term",
    "definition": "what the concept means, in one or two sentences",
    "pos": "part of speech: " + ", ".join(PARTS_OF_SPEECH),
    "notes": "usage notes for every language",
    "variants": "admitted English variants",
    "forms": "other forms of the term that count as using it",
    "forbidden": "English variants not to use, each with term and reason",
    "ui_labels": "labels of the admin center that name the concept, each with label and where",
    "search_terms": "words admins type for the concept that the guides don't use (search only)",
}
TARGET_KEYS = {
    "preferred": "the preferred term",
    "definition": "the definition in this language",
    "forms": "other forms of the preferred term that count as using it",
    "admitted": "admitted variants",
    "forbidden": "variants not to use, each with term and reason",
    "gender": "grammatical gender: " + ", ".join(GENDERS),
    "measure_word": "the measure word (classifier) used with the term",
    "notes": "notes for translators of this language",
    "ui_labels": "labels of the localized admin center that name the concept, each with label "
    "and where",
    "search_terms": "words admins type for the concept that the guides don't use (search only)",
}


@dataclass
class _Reader:
    """Collects findings while turning nodes of one file into values."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    def problem(self, node: yaml.Node, message: str, check: str = SCHEMA) -> None:
        self.findings.append(
            Finding(self.path, node.start_mark.line + 1, check, message, node.start_mark.column + 1)
        )

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        return node.value

    def text(self, node: yaml.Node, what: str) -> str | None:
        # The raw text, not the resolved value: "no", "on" or "1.0" are terms, not booleans.
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what} must be text")
            return None
        value = node.value.strip()
        if not value or (node.tag.endswith(":null") and node.style is None):
            self.problem(node, f"{what} is empty")
            return None
        return value

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} must be a list (items start with '- ')")
            return ()
        items = (self.text(item, f"an item of {what}") for item in node.value)
        return tuple(item for item in items if item is not None)

    def forbidden(self, node: yaml.Node) -> tuple[Forbidden, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "'forbidden' must be a list of {term, reason}")
            return ()
        found = []
        for item in node.value:
            pairs = self.mapping(item, "an item of 'forbidden'")
            if pairs is None:
                continue
            values = self.fields(pairs, {"term": "", "reason": ""}, "a forbidden term")
            absent = [k for k in ("term", "reason") if k not in values]
            if absent:
                self.problem(item, "a forbidden term needs " + " and ".join(absent))
            term, reason = values.get("term"), values.get("reason")
            if term is None or reason is None:
                continue
            found.append(Forbidden(term, reason))
        return tuple(found)

    def ui_labels(self, node: yaml.Node) -> tuple[UiLabel, ...]:
        """``ui_labels``: items are a label, or ``{label, where}``."""
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "'ui_labels' must be a list of {label, where}")
            return ()
        found = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                label = self.text(item, "an item of 'ui_labels'")
                if label is not None:
                    found.append(UiLabel(label))
                continue
            pairs = self.mapping(item, "an item of 'ui_labels'")
            if pairs is None:
                continue
            values = self.fields(pairs, {"label": "", "where": ""}, "a UI label")
            if "label" not in values:
                self.problem(item, "a UI label needs 'label'")
            if values.get("label") is not None:
                found.append(UiLabel(values["label"], values.get("where")))
        return tuple(found)

    def fields(
        self,
        pairs: list[tuple[yaml.Node, yaml.Node]],
        allowed: dict[str, str],
        what: str,
    ) -> dict[str, str | None]:
        """Scalar fields of a mapping; unknown and repeated keys are reported."""
        values: dict[str, str | None] = {}
        for key_node, value_node in pairs:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                self.problem(
                    key_node,
                    f"unknown key '{key}' in {what}; expected one of: " + ", ".join(allowed),
                )
                continue
            if key in values:
                self.problem(key_node, f"key '{key}' appears twice in {what}")
                continue
            values[key] = self.text(value_node, f"'{key}' of {what}")
        return values


def _raw(pairs: list[tuple[yaml.Node, yaml.Node]], key: str) -> yaml.Node | None:
    return next((v for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _entries(
    reader: _Reader, root_pairs: list[tuple[yaml.Node, yaml.Node]], section: str
) -> Iterator[tuple[str, yaml.Node, list[tuple[yaml.Node, yaml.Node]]]]:
    """``(concept id, node, pairs)`` of every entry of the ``section`` mapping."""
    block = _raw(root_pairs, section)
    if block is None:
        return
    pairs = reader.mapping(block, f"'{section}'")
    if pairs is None:
        return
    seen: dict[str, int] = {}
    for key_node, value_node in pairs:
        concept_id = reader.text(key_node, "a concept id")
        if concept_id is None:
            continue
        if concept_id in seen:
            reader.problem(
                key_node,
                f"concept id '{concept_id}' is already defined on line {seen[concept_id]}",
                DUPLICATE,
            )
            continue
        seen[concept_id] = key_node.start_mark.line + 1
        entry_pairs = reader.mapping(value_node, f"concept '{concept_id}'")
        if entry_pairs is not None:
            yield concept_id, key_node, entry_pairs


def _split_keys(
    reader: _Reader, pairs: list[tuple[yaml.Node, yaml.Node]], allowed: dict[str, str], what: str
) -> tuple[dict[str, str | None], dict[str, yaml.Node]]:
    """Scalar fields and the list-valued fields (forms, admitted, forbidden...) apart."""
    lists = {"variants", "forms", "admitted", "forbidden", "ui_labels", "search_terms"}
    scalar_pairs = [
        (k, v) for k, v in pairs if not (isinstance(k, yaml.ScalarNode) and k.value in lists)
    ]
    list_nodes = {
        k.value: v for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value in lists
    }
    unknown_lists = [k for k in list_nodes if k not in allowed]
    for name in unknown_lists:
        key_node = next(k for k, _ in pairs if isinstance(k, yaml.ScalarNode) and k.value == name)
        reader.problem(
            key_node, f"unknown key '{name}' in {what}; expected one of: " + ", ".join(allowed)
        )
        del list_nodes[name]
    return reader.fields(scalar_pairs, allowed, what), list_nodes


def _root(reader: _Reader, text: str, lang: str, section: str) -> list | None:
    try:
        root = yaml.compose(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        reader.findings.append(
            Finding(reader.path, line, "glossary-yaml", f"not valid YAML: {problem}")
        )
        return None
    if root is None:
        reader.findings.append(Finding(reader.path, 1, SCHEMA, "the file is empty"))
        return None
    pairs = reader.mapping(root, "the file")
    if pairs is None:
        return None
    allowed = {"language", section}
    for key_node, _ in pairs:
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.value in allowed):
            reader.problem(
                key_node,
                f"unknown top-level key '{getattr(key_node, 'value', '?')}'; "
                f"expected 'language' and '{section}'",
            )
    declared = _raw(pairs, "language")
    if declared is not None:
        value = reader.text(declared, "'language'")
        if value is not None and value != lang:
            reader.problem(declared, f"language '{value}' does not match the file name ({lang})")
    if _raw(pairs, section) is None:
        reader.problem(root, f"the file has no '{section}' mapping")
    return pairs


def read_source(
    text: str, path: str
) -> tuple[list[Concept], dict[str, Entry], dict, list[Finding]]:
    """Concepts and English entries of ``en.yaml``."""
    reader = _Reader(path)
    concepts: list[Concept] = []
    entries: dict[str, Entry] = {}
    locations: dict[tuple[str, str], Location] = {}
    pairs = _root(reader, text, SOURCE_LANG, "concepts")
    for concept_id, key_node, entry_pairs in _entries(reader, pairs or [], "concepts"):
        what = f"concept '{concept_id}'"
        values, lists = _split_keys(reader, entry_pairs, SOURCE_KEYS, what)
        missing = [k for k in ("term", "definition", "pos") if k not in values]
        if missing:
            reader.problem(key_node, f"{what} lacks " + ", ".join(f"'{k}'" for k in missing))
        if any(values.get(k) is None for k in ("term", "definition", "pos")):
            continue
        pos = values["pos"]
        if pos not in PARTS_OF_SPEECH:
            node = _raw(entry_pairs, "pos")
            reader.problem(
                node, f"part of speech '{pos}' is not one of: " + ", ".join(PARTS_OF_SPEECH)
            )
            continue
        concepts.append(Concept(concept_id, pos, values.get("notes")))
        entries[concept_id] = Entry(
            preferred=values["term"],
            definition=values["definition"],
            forms=reader.texts(lists["forms"], "'forms'") if "forms" in lists else (),
            admitted=reader.texts(lists["variants"], "'variants'") if "variants" in lists else (),
            forbidden=reader.forbidden(lists["forbidden"]) if "forbidden" in lists else (),
            ui_labels=reader.ui_labels(lists["ui_labels"]) if "ui_labels" in lists else (),
            search_terms=_search_terms(reader, lists),
        )
        locations[(SOURCE_LANG, concept_id)] = Location(path, key_node.start_mark.line + 1)
    return concepts, entries, locations, reader.findings


def _search_terms(reader: _Reader, lists: dict[str, yaml.Node]) -> tuple[str, ...]:
    node = lists.get("search_terms")
    return reader.texts(node, "'search_terms'") if node is not None else ()


def read_target(text: str, path: str, lang: str) -> tuple[dict[str, Entry], dict, list[Finding]]:
    """Entries of a translator's file, ``de.yaml`` or ``zh.yaml``."""
    reader = _Reader(path)
    entries: dict[str, Entry] = {}
    locations: dict[tuple[str, str], Location] = {}
    pairs = _root(reader, text, lang, "terms")
    for concept_id, key_node, entry_pairs in _entries(reader, pairs or [], "terms"):
        what = f"the entry for '{concept_id}'"
        values, lists = _split_keys(reader, entry_pairs, TARGET_KEYS, what)
        if "preferred" not in values:
            reader.problem(key_node, f"{what} lacks 'preferred'")
        if values.get("preferred") is None:
            continue
        gender = values.get("gender")
        if gender is not None and gender not in GENDERS:
            reader.problem(
                _raw(entry_pairs, "gender"),
                f"gender '{gender}' is not one of: " + ", ".join(GENDERS),
            )
            gender = None
        entries[concept_id] = Entry(
            preferred=values["preferred"],
            definition=values.get("definition"),
            forms=reader.texts(lists["forms"], "'forms'") if "forms" in lists else (),
            admitted=reader.texts(lists["admitted"], "'admitted'") if "admitted" in lists else (),
            forbidden=reader.forbidden(lists["forbidden"]) if "forbidden" in lists else (),
            gender=gender,
            measure_word=values.get("measure_word"),
            notes=values.get("notes"),
            ui_labels=reader.ui_labels(lists["ui_labels"]) if "ui_labels" in lists else (),
            search_terms=_search_terms(reader, lists),
        )
        locations[(lang, concept_id)] = Location(path, key_node.start_mark.line + 1)
    return entries, locations, reader.findings


def glossary_files(directory: Path) -> dict[str, Path]:
    """``{lang: path}`` of the glossary files in ``directory``."""
    files = {p.stem: p for p in sorted(directory.glob("*.yaml")) if p.is_file()}
    files.update({p.stem: p for p in sorted(directory.glob("*.yml")) if p.stem not in files})
    return files


def find_glossary_dir(glossary_dir: Path, docs_dir: Path) -> Path:
    """The glossary folder: ``glossary_dir``, or, when that is a relative path that does not
    exist from here, the same path next to the docs tree (a service started elsewhere)."""
    if not glossary_dir.is_absolute() and not glossary_dir.is_dir():
        beside = docs_dir.parent / glossary_dir
        if beside.is_dir():
            return beside
    return glossary_dir


def load_glossary(directory: Path | str) -> tuple[Glossary, list[Finding]]:
    """Read every ``<lang>.yaml`` of ``directory``; problems come back as findings."""
    directory = Path(directory)
    files = glossary_files(directory) if directory.is_dir() else {}
    findings: list[Finding] = []
    if SOURCE_LANG not in files:
        where = directory / f"{SOURCE_LANG}.yaml"
        findings.append(Finding(str(where), 1, SCHEMA, "the English concept file is missing"))
        return Glossary(), findings
    entries: dict[str, dict[str, Entry]] = {}
    locations: dict[tuple[str, str], Location] = {}
    concepts: list[Concept] = []
    for lang, file in files.items():
        path = str(file)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            findings.append(Finding(path, 1, SCHEMA, f"cannot be read: {exc}"))
            continue
        if lang == SOURCE_LANG:
            concepts, lang_entries, where, problems = read_source(text, path)
        else:
            lang_entries, where, problems = read_target(text, path, lang)
        entries[lang] = lang_entries
        locations.update(where)
        findings.extend(problems)
    glossary = Glossary(tuple(concepts), entries, locations)
    return glossary, sorted(findings)
