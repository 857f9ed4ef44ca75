"""TBX and CSV exchange: round trips, real consumers, and imports that respect the files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tbx import tbxfile

from helpsvc.cli import app
from helpsvc.glossary.csvx import CsvError, from_csv, to_csv
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.tbx import TBX3_NS, TbxError, from_tbx, to_tbx
from helpsvc.glossary.write import dump_language
from tests.conftest import REPO

SCHEMA = Path(__file__).with_name("tbx_basic_v3_subset.rng")
NS = {"t": TBX3_NS}


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_round_trip_gives_back_the_same_glossary(project_glossary, version):
    assert from_tbx(to_tbx(project_glossary, version)) == project_glossary


def test_csv_round_trip_gives_back_the_same_glossary(project_glossary):
    assert from_csv(to_csv(project_glossary)) == project_glossary


def test_yaml_written_back_loads_as_the_same_glossary(project_glossary, tmp_path):
    for lang in project_glossary.languages:
        (tmp_path / f"{lang}.yaml").write_text(dump_language(project_glossary, lang), "utf-8")
    again, findings = load_glossary(tmp_path)
    assert findings == []
    assert again == project_glossary


def test_tbx_v3_is_valid_tbx_basic_for_lxml(project_glossary):
    document = etree.fromstring(to_tbx(project_glossary, 3))
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    assert schema.validate(document), schema.error_log
    assert document.tag == f"{{{TBX3_NS}}}tbx"
    assert document.get("type") == "TBX-Basic" and document.get("style") == "dca"
    entry = document.find(".//t:conceptEntry[@id='auto-recharge']", NS)
    german = entry.find(
        "t:langSec[@xml:lang='de']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"}
    )
    rows = [
        (
            sec.findtext("t:term", namespaces=NS),
            sec.findtext("t:termNote[@type='administrativeStatus']", namespaces=NS),
        )
        for sec in german.findall("t:termSec", NS)
    ]
    assert rows[0] == ("automatische Aufladung", "preferredTerm-admn-sts")
    assert ("Auto-Ladeleuchte", "deprecatedTerm-admn-sts") in rows
    gender = german.findtext("t:termSec/t:termNote[@type='grammaticalGender']", namespaces=NS)
    assert gender == "feminine"


def test_translate_toolkit_reads_the_tbx_export(project_glossary, tmp_path):
    # translate-toolkit (and so Pootle and Weblate) reads TBX v2, the martif form; our
    # importer reads both, and `--format tbx2` writes this one for such tools.
    path = tmp_path / "glossary.tbx"
    path.write_bytes(to_tbx(project_glossary, 2))
    store = tbxfile.parsefile(str(path))
    store.settargetlanguage("de")
    assert len(store.units) == len(project_glossary.concepts)
    unit = store.findid("auto-recharge")
    assert unit.source == "auto-recharge"
    assert unit.target == "automatische Aufladung"
    german = unit.get_target_terms("de")
    assert [t.text for t in german if t.deprecated] == [
        "Auto-Ladeleuchte",
        "Auto-Aufladung",
        "automatisches Aufstellen",
    ]
    assert not german[0].deprecated
    chinese = store.findid("communications-credits").get_target_terms("zh")
    assert chinese[0].text == "通信点数"
    assert "通信贷项" in [t.text for t in chinese if t.deprecated]
    notes = store.findid("communications-credits").get_common_notes(source=True)
    assert any(n.origin == "definition" and "prepaid" in n.text for n in notes)


def test_csv_has_one_column_per_language_and_safe_rows(project_glossary):
    text = to_csv(project_glossary)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    header = list(rows[0])
    for column in ("Term [en]", "Term [de]", "Term [zh]", "Status [de]", "Definition [zh]"):
        assert column in header
    assert "Gender [de]" in header and "Measure Word [zh]" in header
    first = next(r for r in rows if r["Concept ID"] == "auto-recharge")
    assert (first["Term [en]"], first["Term [de]"], first["Term [zh]"]) == (
        "auto-recharge",
        "automatische Aufladung",
        "自动充值",
    )
    # A variant row fills one language only, so no tool pairs it with another language.
    for row in rows:
        filled = [c for c in header if c.startswith("Term [") and row[c]]
        assert len(filled) == 1 or row["Status [en]"] == "preferred"
    bad = next(
        r for r in rows if r["Term [de]"] == "Auto-Ladeleuchte" and r["Status [de]"] == "forbidden"
    )
    assert "Ladeleuchte" in bad["Note [de]"]


def test_import_errors_name_the_line_or_row():
    with pytest.raises(TbxError) as error:
        from_tbx(b'<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n</tbx>')
    assert error.value.line == 4
    with pytest.raises(TbxError, match="not TBX"):
        from_tbx(b"<html/>")
    with pytest.raises(CsvError) as csv_error:
        from_csv("Concept ID,Term [en],Status [en]\nx,foo,bogus\n")
    assert csv_error.value.row == 2


def test_import_reports_conflicts_and_keeps_the_files(
    project_glossary, glossary_copy, runner, tmp_path
):
    changed_entries = {lang: dict(items) for lang, items in project_glossary.entries.items()}
    trigger = changed_entries["de"]["trigger-amount"]
    changed_entries["de"]["trigger-amount"] = type(trigger)(
        **{
            **{name: getattr(trigger, name) for name in trigger.__slots__},
            "preferred": "Schwellenbetrag",
        }
    )
    edited = type(project_glossary)(project_glossary.concepts, changed_entries)
    export = tmp_path / "from-cat-tool.tbx"
    export.write_bytes(to_tbx(edited, 3))
    before = (glossary_copy / "de.yaml").read_text("utf-8")

    result = runner.invoke(app, ["glossary", "import", str(export), "--dir", str(glossary_copy)])
    assert result.exit_code == 1
    assert "conflict: de/trigger-amount: preferred: 'Auslösebetrag' in the file" in result.stdout
    assert (glossary_copy / "de.yaml").read_text("utf-8") == before

    result = runner.invoke(
        app, ["glossary", "import", str(export), "--dir", str(glossary_copy), "--overwrite"]
    )
    assert result.exit_code == 0, result.output
    reloaded, findings = load_glossary(glossary_copy)
    assert findings == []
    assert reloaded.term("de", "trigger-amount") == "Schwellenbetrag"
    assert reloaded.term("zh", "trigger-amount") == "触发金额"
    # The translator's header comment survives the rewrite.
    assert (glossary_copy / "de.yaml").read_text("utf-8").startswith("# Deutsche Terminologie")


def test_import_adds_new_terms_from_csv(glossary_copy, runner, tmp_path):
    csv_file = tmp_path / "new.csv"
    csv_file.write_text(
        "Concept ID,Part of Speech,Term [en],Definition [en],Term [de],Status [de]\n"
        "sandbox,noun,sandbox,A simulated organization.,Sandbox,preferred\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["glossary", "import", str(csv_file), "--dir", str(glossary_copy)])
    assert result.exit_code == 0, result.output
    assert "added sandbox" in result.stdout and "added de/sandbox" in result.stdout
    reloaded, findings = load_glossary(glossary_copy)
    assert findings == []
    assert reloaded.term("de", "sandbox") == "Sandbox"


def test_export_command_writes_each_format(runner, tmp_path):
    for fmt, check in (
        ("tbx", lambda b: b"urn:iso:std:iso:30042:ed-2" in b),
        ("tbx2", lambda b: b"<martif" in b),
        ("csv", lambda b: b"Term [zh]" in b),
        ("abbr", lambda b: b"*[Kommunikationsguthaben]: " in b),
    ):
        target = tmp_path / f"out.{fmt}"
        args = [
            "glossary",
            "export",
            "--format",
            fmt,
            "-o",
            str(target),
            "--dir",
            str(REPO / "glossary"),
        ]
        if fmt == "abbr":
            args += ["--lang", "de"]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert check(target.read_bytes()), fmt
