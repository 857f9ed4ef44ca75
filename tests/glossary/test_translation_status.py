"""`helpsvc i18n status`: up to date, stale, missing or machine-translated, per page."""

from __future__ import annotations

import json
import shutil

from helpsvc.cli import app
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.translation import stamp_source_hash
from helpsvc.glossary.status import summarize, translation_status


def _outdated_docs(docs):
    """The project's docs, every translation stamped as current (others may be editing the
    English pages right now), then one English change, one machine translation, one gap."""
    index = build_index(load_corpus(docs))
    for status in translation_status(index):
        if status.path is not None:
            file = docs / status.path
            file.write_text(stamp_source_hash(file.read_text("utf-8"), status.source_hash), "utf-8")
    english = docs / "en/guides/auto-recharge.md"
    english.write_text(
        english.read_text("utf-8").replace(
            "We recommend auto-recharge", "We strongly recommend auto-recharge"
        ),
        "utf-8",
    )
    chinese = docs / "zh/guides/licensing.md"
    chinese.write_text(chinese.read_text("utf-8").replace("type: human", "type: machine"), "utf-8")
    (docs / "de/guides/licensing.md").unlink()
    return docs


def test_states(docs_copy):
    docs = _outdated_docs(docs_copy)
    statuses = translation_status(build_index(load_corpus(docs)))
    state = {(s.page_id, s.lang): s.state for s in statuses}
    assert state[("auto-recharge", "de")] == "stale"
    assert state[("auto-recharge", "zh")] == "stale"
    assert state[("licensing", "zh")] == "machine"
    assert state[("licensing", "de")] == "missing"
    assert state[("add-funds", "de")] == "up-to-date"
    by_lang = {s.lang: s for s in summarize(statuses)}
    pages = len(list((docs / "en").rglob("*.md")))
    assert by_lang["de"].counts == {
        "up-to-date": pages - 2,
        "stale": 1,
        "missing": 1,
        "machine": 0,
    }


def test_cli_table_json_fail_on_and_stamp(docs_copy, runner):
    docs = _outdated_docs(docs_copy)
    table = runner.invoke(app, ["i18n", "status", "--docs", str(docs)])
    assert table.exit_code == 0, table.output
    # Every English page but the changed one and the gap / machine translation.
    pages = len(list((docs / "en").rglob("*.md")))
    share = round(100 * (pages - 2) / pages)
    assert f"de: {pages - 2}/{pages} up to date ({share} %); 1 stale, 1 missing" in table.stdout
    assert f"zh: {pages - 2}/{pages} up to date ({share} %); 1 stale, 0 missing, 1" in table.stdout

    as_json = json.loads(
        runner.invoke(app, ["i18n", "status", "--docs", str(docs), "--json"]).stdout
    )
    assert as_json["languages"]["de"]["stale"] == 1
    stale = [p for p in as_json["pages"] if p["state"] == "stale"]
    assert {p["path"] for p in stale} == {
        "de/guides/auto-recharge.md",
        "zh/guides/auto-recharge.md",
    }
    assert stale[0]["recorded_hash"] != stale[0]["source_hash"]

    failing = runner.invoke(app, ["i18n", "status", "--docs", str(docs), "--fail-on", "stale"])
    assert failing.exit_code == 1
    assert "de/guides/auto-recharge.md: stale in 'de'" in failing.stderr

    for lang in ("de", "zh"):
        stamp = runner.invoke(app, ["i18n", "stamp", "auto-recharge", lang, "--docs", str(docs)])
        assert stamp.exit_code == 0, stamp.output
    assert (
        runner.invoke(app, ["i18n", "status", "--docs", str(docs), "--fail-on", "stale"]).exit_code
        == 0
    )
    missing = runner.invoke(
        app, ["i18n", "status", "--docs", str(docs), "--fail-on", "missing,machine"]
    )
    assert missing.exit_code == 1
    wrong = runner.invoke(app, ["i18n", "status", "--docs", str(docs), "--fail-on", "late"])
    assert wrong.exit_code == 2


def test_a_new_language_folder_shows_every_page_missing(docs_copy, runner):
    (docs_copy / "fr").mkdir()
    shutil.copy(docs_copy / "de/index.md", docs_copy / "fr/index.md")
    result = runner.invoke(
        app, ["i18n", "status", "--docs", str(docs_copy), "--lang", "fr", "--json"]
    )
    doc = json.loads(result.stdout)
    # Every English page but the home page, which the French folder has.
    assert doc["languages"]["fr"]["missing"] == len(list((docs_copy / "en").rglob("*.md"))) - 1
    assert doc["languages"]["fr"]["up-to-date"] == 1
