"""TBX-Basic export and import: TBX v3 (ISO 30042:2019, DCA style) and the older TBX v2.

Shape of an entry (v3; v2 spells the same as ``martif``/``termEntry``/``langSet``/``tig``):

    <conceptEntry id="auto-recharge">
      <note>…concept notes…</note>
      <langSec xml:lang="de">
        <descrip type="definition">…</descrip>
        <note>…notes for German translators…</note>
        <termSec>
          <term>automatische Aufladung</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="grammaticalGender">feminine</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
        </termSec>
        <termSec>… admittedTerm-admn-sts …</termSec>
        <termSec>
          <term>Auto-Ladeleuchte</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          <note>…the reason…</note>
        </termSec>

The first preferred term of a language is the glossary's preferred term; further preferred
terms are its forms. TBX-Basic has no data category for a measure word, so it travels as a
term note ``<note>measure word: 笔</note>``, and an admin center label as a note of the
language section, ``<note>UI label: 通信额度 | where it appears</note>``. Every TBX-Basic
consumer keeps what it does not understand as a note, so nothing is lost on a round trip
through a CAT tool.

Import accepts both versions and both namespaces in use for v3 (``…:ed-2`` of the ISO text
and ``…:ed:3.0`` of the current dialect schemas); errors name the line of the file.
"""

from __future__ import annotations

from datetime import date

from lxml import etree

from helpsvc.glossary.model import (
    GENDERS,
    PARTS_OF_SPEECH,
    SOURCE_LANG,
    Concept,
    Entry,
    Forbidden,
    Glossary,
    UiLabel,
)

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
TBX3_NAMESPACES = (TBX3_NS, "urn:iso:std:iso:30042:ed:3.0")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
TBX_TO_STATUS = {
    **{v.casefold(): k for k, v in STATUS_TO_TBX.items()},
    "supersededterm-admn-sts": "forbidden",
    # TBX v2 files written by older tools use the short forms.
    "preferredterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "forbidden",
}
MEASURE_WORD = "measure word: "
UI_LABEL = "UI label: "
SEARCH_TERM = "search term: "  # words admins type for the concept; the help search uses them


class TbxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class _Names:
    """Element names of one TBX version."""

    def __init__(self, version: int, ns: str | None) -> None:
        prefix = f"{{{ns}}}" if ns else ""
        v3 = version == 3
        self.root = prefix + ("tbx" if v3 else "martif")
        self.header = prefix + ("tbxHeader" if v3 else "martifHeader")
        self.entry = prefix + ("conceptEntry" if v3 else "termEntry")
        self.lang = prefix + ("langSec" if v3 else "langSet")
        self.term_group = prefix + ("termSec" if v3 else "tig")
        self.prefix = prefix

    def __call__(self, local: str) -> str:
        return self.prefix + local


def to_tbx(glossary: Glossary, version: int = 3, title: str | None = None) -> bytes:
    """The glossary as a TBX-Basic document (UTF-8 bytes)."""
    if version not in (2, 3):
        raise ValueError("TBX version must be 2 or 3")
    n = _Names(version, TBX3_NS if version == 3 else None)
    if version == 3:
        root = etree.Element(n.root, nsmap={None: TBX3_NS})
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
    else:
        root = etree.Element(n.root)
        root.set("type", "TBX-Basic")
    root.set(XML_LANG, SOURCE_LANG)
    header = etree.SubElement(root, n.header)
    file_desc = etree.SubElement(header, n("fileDesc"))
    title_stmt = etree.SubElement(file_desc, n("titleStmt"))
    etree.SubElement(title_stmt, n("title")).text = title or "Communications Credits glossary"
    source_desc = etree.SubElement(file_desc, n("sourceDesc"))
    etree.SubElement(
        source_desc, n("p")
    ).text = f"Exported by helpsvc from glossary/*.yaml on {date.today().isoformat()}."
    body = etree.SubElement(etree.SubElement(root, n("text")), n("body"))
    for concept in glossary.concepts:
        entry_el = etree.SubElement(body, n.entry)
        entry_el.set("id", concept.id)
        if concept.notes:
            etree.SubElement(entry_el, n("note")).text = concept.notes
        for lang in glossary.languages:
            entry = glossary.entry(lang, concept.id)
            if entry is not None:
                _lang_section(entry_el, n, lang, entry, concept.pos)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _lang_section(parent, n: _Names, lang: str, entry: Entry, pos: str) -> None:  # noqa: ANN001
    section = etree.SubElement(parent, n.lang)
    section.set(XML_LANG, lang)
    if entry.definition:
        # TBX-Basic puts a definition in a descripGrp, where a source could go beside it.
        group = etree.SubElement(section, n("descripGrp"))
        descrip = etree.SubElement(group, n("descrip"))
        descrip.set("type", "definition")
        descrip.text = entry.definition
    if entry.notes:
        etree.SubElement(section, n("note")).text = entry.notes
    for ui in entry.ui_labels:
        etree.SubElement(section, n("note")).text = UI_LABEL + ui.as_text()
    for word in entry.search_terms:
        etree.SubElement(section, n("note")).text = SEARCH_TERM + word
    for index, (term, status) in enumerate(entry.terms()):
        group = etree.SubElement(section, n.term_group)
        etree.SubElement(group, n("term")).text = term
        _term_note(group, n, "partOfSpeech", pos)
        if index == 0 and entry.gender:
            _term_note(group, n, "grammaticalGender", entry.gender)
        _term_note(group, n, "administrativeStatus", STATUS_TO_TBX[status])
        if index == 0 and entry.measure_word:
            etree.SubElement(group, n("note")).text = MEASURE_WORD + entry.measure_word
        if status == "forbidden":
            reason = next(f.reason for f in entry.forbidden if f.term == term)
            etree.SubElement(group, n("note")).text = reason


def _term_note(parent, n: _Names, kind: str, value: str) -> None:  # noqa: ANN001
    note = etree.SubElement(parent, n("termNote"))
    note.set("type", kind)
    note.text = value


def _text(el) -> str:  # noqa: ANN001
    return " ".join("".join(el.itertext()).split())


def from_tbx(data: bytes) -> Glossary:
    """Read a TBX-Basic document (v2 or v3) written by this project or by a CAT tool."""
    # No DTD loading, no entities, no network: a term base is data, not a program.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TbxError(exc.lineno or 1, f"not well-formed XML: {exc.msg}") from None
    qname = etree.QName(root)
    if qname.localname == "tbx" and qname.namespace in TBX3_NAMESPACES:
        n = _Names(3, qname.namespace)
    elif qname.localname == "martif":
        n = _Names(2, qname.namespace)
    else:
        raise TbxError(root.sourceline or 1, f"root element <{qname.localname}> is not TBX")
    concepts: list[Concept] = []
    entries: dict[str, dict[str, Entry]] = {}
    seen: set[str] = set()
    for entry_el in root.iter(n.entry):
        concept_id = entry_el.get("id")
        if not concept_id:
            raise TbxError(entry_el.sourceline, "a concept entry without an id")
        if concept_id in seen:
            raise TbxError(entry_el.sourceline, f"concept id '{concept_id}' appears twice")
        seen.add(concept_id)
        notes = [_text(el) for el in entry_el.findall(n("note"))]
        pos = None
        for lang_el in entry_el.findall(n.lang):
            lang = lang_el.get(XML_LANG)
            if not lang:
                raise TbxError(
                    lang_el.sourceline, f"a language section of '{concept_id}' has no xml:lang"
                )
            entry, lang_pos = _read_lang(lang_el, n, concept_id)
            pos = pos or lang_pos
            entries.setdefault(lang, {})[concept_id] = entry
        concepts.append(Concept(concept_id, pos or "noun", " ".join(notes) or None))
    return Glossary(tuple(concepts), entries)


def _read_lang(lang_el, n: _Names, concept_id: str) -> tuple[Entry, str | None]:  # noqa: ANN001
    definition = None
    for descrip in lang_el.iter(n("descrip")):
        if descrip.get("type") == "definition":
            definition = _text(descrip)
    notes, ui_labels, search_terms = _section_notes(
        [_text(el) for el in lang_el.findall(n("note"))]
    )
    preferred: list[str] = []
    admitted: list[str] = []
    forbidden: list[Forbidden] = []
    gender = measure_word = pos = None
    for group in lang_el.findall(n.term_group):
        term_el = group.find(n("term"))
        if term_el is None or not _text(term_el):
            raise TbxError(group.sourceline, f"a term section of '{concept_id}' has no term")
        term = _text(term_el)
        status = "preferred" if not preferred else "admitted"
        term_notes = []
        for note in group.iter(n("termNote"), n("note")):
            value = _text(note)
            kind = note.get("type")
            if note.tag == n("termNote") and kind == "administrativeStatus":
                status = TBX_TO_STATUS.get(value.casefold(), status)
            elif note.tag == n("termNote") and kind == "partOfSpeech" and value in PARTS_OF_SPEECH:
                pos = pos or value
            elif note.tag == n("termNote") and kind == "grammaticalGender" and value in GENDERS:
                gender = gender or value
            elif note.tag == n("note") and value.startswith(MEASURE_WORD):
                measure_word = value[len(MEASURE_WORD) :]
            elif note.tag == n("note"):
                term_notes.append(value)
        if status == "preferred":
            preferred.append(term)
        elif status == "admitted":
            admitted.append(term)
        else:
            forbidden.append(Forbidden(term, " ".join(term_notes) or "deprecated in the term base"))
    if not preferred:
        if not admitted:
            raise TbxError(
                lang_el.sourceline, f"'{concept_id}' has no usable term in this language"
            )
        preferred.append(admitted.pop(0))
    entry = Entry(
        preferred=preferred[0],
        definition=definition,
        forms=tuple(preferred[1:]),
        admitted=tuple(admitted),
        forbidden=tuple(forbidden),
        gender=gender,
        measure_word=measure_word,
        notes=notes,
        ui_labels=ui_labels,
        search_terms=search_terms,
    )
    return entry, pos


def _is_ui(note: str) -> bool:
    return note.startswith(UI_LABEL)


def _section_notes(
    section_notes: list[str],
) -> tuple[str | None, tuple[UiLabel, ...], tuple[str, ...]]:
    """A language section's notes: the translators' notes, the UI labels, the search terms."""
    ui_labels = tuple(
        UiLabel.from_text(note[len(UI_LABEL) :]) for note in section_notes if _is_ui(note)
    )
    search_terms = tuple(
        note[len(SEARCH_TERM) :] for note in section_notes if note.startswith(SEARCH_TERM)
    )
    rest = [n for n in section_notes if not _is_ui(n) and not n.startswith(SEARCH_TERM)]
    return " ".join(rest) or None, ui_labels, search_terms
