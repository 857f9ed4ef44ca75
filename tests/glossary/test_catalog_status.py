"""`helpsvc i18n status` over the gettext catalogs: translated, untranslated, fuzzy, obsolete."""

from __future__ import annotations

import json

import pytest

from helpsvc.cli import app
from helpsvc.glossary.catalog_status import catalog_status, summarize_catalogs
from helpsvc.glossary.catalogs import load_catalogs
from tests.conftest import REPO
from tests.glossary.conftest import where

DE = r"""
    msgctxt "file.empty"
    msgid "The file is empty."
    msgstr "Die Datei ist leer."

    #, fuzzy, python-brace-format
    msgctxt "file.not_csv"
    msgid "{source} is not a CSV file."
    msgstr "{source} ist keine Textdatei."

    msgctxt "file.too_big"
    msgid "The file is too big."
    msgstr ""

    #, python-brace-format
    msgctxt "rows.more"
    msgid "One more row"
    msgid_plural "{count} more rows"
    msgstr[0] "Eine weitere Zeile"
    msgstr[1] ""

    #~ msgctxt "file.gone"
    #~ msgid "Gone."
    #~ msgstr "Weg."
"""
ZH = r"""
    msgctxt "file.empty"
    msgid "The file is empty."
    msgstr "文件为空。"

    #, fuzzy
    msgctxt "file.too_big"
    msgid "The file is too big."
    msgstr ""
"""


@pytest.fixture
def locale(write_catalogs):
    return write_catalogs({"de": DE, "zh": ZH})


def _status(runner, locale, *options):
    return runner.invoke(
        app, ["i18n", "status", "--docs", str(REPO / "docs"), "--catalogs", str(locale), *options]
    )


def test_states_and_counts(locale):
    catalogs, problems = load_catalogs(locale)
    assert problems == []
    states = {(s.lang, s.context): s.state for s in catalog_status(catalogs)}
    assert states == {
        ("de", "file.empty"): "translated",
        ("de", "file.not_csv"): "fuzzy",
        ("de", "file.too_big"): "untranslated",
        ("de", "rows.more"): "untranslated",  # one plural form is empty
        ("de", "file.gone"): "obsolete",
        ("zh", "file.empty"): "translated",
        ("zh", "file.too_big"): "untranslated",  # empty counts before fuzzy, as for msgfmt
    }
    de, zh = summarize_catalogs(catalogs)
    assert de.to_dict() == {
        "lang": "de",
        "files": ["de/LC_MESSAGES/helpsvc.po"],
        "total": 4,  # obsolete entries are not part of it
        "percent": 25,
        "translated": 1,
        "untranslated": 2,
        "fuzzy": 1,
        "obsolete": 1,
    }
    assert (zh.total, zh.translated, zh.percent) == (2, 1, 50)


def test_text_output_lists_what_needs_a_translator(locale, runner):
    result = _status(runner, locale)
    assert result.exit_code == 0, result.output
    text = (locale / "de/LC_MESSAGES/helpsvc.po").read_text("utf-8")
    out = result.stdout
    assert "Message catalogs in" in out
    fuzzy_line = where(text, 'msgid "{source}')[0]
    assert (
        f"{locale.as_posix()}/de/LC_MESSAGES/helpsvc.po:{fuzzy_line}: fuzzy in 'de' (file.not_csv)"
        in out
    )
    assert "de: 1/4 catalog entries translated (25 %); 2 untranslated, 1 fuzzy, 1 obsolete" in out
    assert "zh: 1/2 catalog entries translated (50 %); 1 untranslated, 0 fuzzy, 0 obsolete" in out
    # The docs' table and totals are still there.
    assert "up to date" in out


def test_fail_on_fuzzy_names_each_entry(locale, runner):
    file = locale / "de/LC_MESSAGES/helpsvc.po"
    text = file.read_text("utf-8")
    result = _status(runner, locale, "--fail-on", "fuzzy")
    assert result.exit_code == 1
    line = where(text, 'msgid "{source}')[0]
    assert result.stderr.splitlines() == [
        f"{locale.as_posix()}/de/LC_MESSAGES/helpsvc.po:{line}: fuzzy in 'de' (file.not_csv)"
    ]
    # Reviewed: the translator drops the flag.
    file.write_text(
        text.replace("#, fuzzy, python-brace-format", "#, python-brace-format"), "utf-8"
    )
    assert _status(runner, locale, "--fail-on", "fuzzy").exit_code == 0
    failing = _status(runner, locale, "--fail-on", "untranslated,obsolete", "--lang", "zh")
    assert failing.exit_code == 1
    assert [row.split(": ", 1)[1] for row in failing.stderr.splitlines()] == [
        "untranslated in 'zh' (file.too_big)"
    ]


def test_json_shape(locale, runner):
    result = _status(runner, locale, "--json", "--lang", "de")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"languages", "pages", "catalogs"}
    catalogs = doc["catalogs"]
    assert catalogs["dir"] == locale.as_posix()
    assert list(catalogs["languages"]) == ["de"]
    assert catalogs["languages"]["de"]["fuzzy"] == 1
    assert catalogs["languages"]["de"]["obsolete"] == 1
    assert catalogs["entries"][1] == {
        "lang": "de",
        "state": "fuzzy",
        "context": "file.not_csv",
        "msgid": "{source} is not a CSV file.",
        "path": "de/LC_MESSAGES/helpsvc.po",
        "line": where((locale / "de/LC_MESSAGES/helpsvc.po").read_text("utf-8"), 'msgid "{source}')[
            0
        ],
    }
    assert {e["state"] for e in catalogs["entries"]} == {
        "translated",
        "untranslated",
        "fuzzy",
        "obsolete",
    }


def test_wrong_fail_on_and_a_missing_catalogs_folder(locale, runner, tmp_path):
    wrong = _status(runner, locale, "--fail-on", "fuzy")
    assert wrong.exit_code == 2
    assert "untranslated, fuzzy or obsolete, not 'fuzy'" in " ".join(wrong.stderr.split())
    missing = _status(runner, tmp_path / "nowhere")
    assert missing.exit_code == 2
    assert str(tmp_path / "nowhere") in " ".join(missing.stderr.split())


def test_the_real_catalogs_with_one_entry_marked_fuzzy(catalogs_copy, runner):
    file = catalogs_copy / "zh" / "LC_MESSAGES" / "helpsvc.po"
    lines = file.read_text("utf-8").split("\n")
    # The first entry after the header: its msgctxt line gets a fuzzy flag above it.
    first = next(i for i, line in enumerate(lines) if line.startswith("msgctxt "))
    context = lines[first].split('"')[1]
    lines.insert(first, "#, fuzzy")
    file.write_text("\n".join(lines), "utf-8")
    before = json.loads(_status(runner, catalogs_copy, "--json", "--lang", "zh").stdout)
    counts = before["catalogs"]["languages"]["zh"]
    assert counts["fuzzy"] == 1
    result = _status(runner, catalogs_copy, "--fail-on", "fuzzy")
    assert result.exit_code == 1
    # The msgid follows the msgctxt, one line below the flag's.
    msgid_line = first + 3
    po = f"{catalogs_copy.as_posix()}/zh/LC_MESSAGES/helpsvc.po"
    assert result.stderr.splitlines() == [f"{po}:{msgid_line}: fuzzy in 'zh' ({context})"]
