"""The helpsvc command as a user runs it: exit codes, file:line output, JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from helpsvc.cli import app
from tests.conftest import FIXTURES, REPO

runner = CliRunner()

MS_LEARN_PAGE = """
---
title: "Add funds"
ms.assetid: 691c9301-1f66-41fe-9b2c-ca24ae987463
ms.contentlocale: de-DE
f1.keywords:
- "O365E_SFBVoiceCredit "
---
# Guthaben
"""


def test_index_reads_a_single_language_folder_and_reports_bad_files(make_tree):
    root = make_tree(
        {
            "teams/add-funds.md": MS_LEARN_PAGE,
            "teams/scalar.md": "---\ntitle: S\nf1keywords: Scalar_Key \n---\n",
            "teams/none.md": "---\ntitle: N\nf1_keywords: None\n---\n",
            "teams/seed.md": (FIXTURES / "docfx-broken-keywords.md").read_text(encoding="utf-8"),
        }
    )
    result = runner.invoke(app, ["index", str(root), "--json"])
    assert result.exit_code == 1  # one file could not be read
    doc = json.loads(result.stdout)
    assert doc["layout"] == "single"
    pages = {p["path"]: p for p in doc["pages"]}
    assert set(pages) == {"teams/add-funds.md", "teams/scalar.md", "teams/none.md"}
    assert pages["teams/add-funds.md"]["lang"] == "de"
    assert pages["teams/add-funds.md"]["keywords"] == ["O365E_SFBVoiceCredit"]
    assert pages["teams/add-funds.md"]["title"] == "Add funds"
    assert pages["teams/scalar.md"]["keywords"] == ["Scalar_Key"]
    assert pages["teams/none.md"]["keywords"] == []
    assert doc["keywords"]["Scalar_Key"] == "teams/scalar"
    assert doc["errors"] == [
        {
            "path": "teams/seed.md",
            "line": 14,
            "message": "front matter is not valid YAML: "
            "item of the 'f1_keywords' list lacks its leading '- '",
        }
    ]


def test_index_text_output_lists_pages_languages_and_errors(make_tree):
    root = make_tree(
        {"en/a.md": "---\ntitle: A\npage_id: a\n---\n", "de/a.md": "---\ntitle: [x\n---\n"}
    )
    result = runner.invoke(app, ["index", str(root)])
    assert result.exit_code == 1
    assert "languages: en 1" in result.stdout
    assert f"{root.as_posix()}/de/a.md:2: front matter is not valid YAML" in result.stdout


def test_index_of_the_projects_docs_has_three_languages():
    result = runner.invoke(app, ["index", str(REPO / "docs"), "--json"])
    assert result.exit_code == 0, result.stdout
    doc = json.loads(result.stdout)
    assert doc["languages"] == {"en": 11, "de": 11, "zh": 11}
    assert doc["keywords"]["O365P_SFBVoiceCreditAether"] == "add-funds"


def test_check_exits_1_with_file_line_messages(make_tree):
    root = make_tree(
        {
            "en/a.md": "---\ntitle: A\npage_id: a\n---\n# A\nSee [b](b.md).\n",
            "de/a.md": "---\ntitle: A\n---\n# A\n",
        }
    )
    result = runner.invoke(app, ["check", "--docs", str(root)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        f"{root.as_posix()}/de/a.md:1: page has no 'page_id' in its front matter [page-id-missing]"
        in lines
    )
    assert any(
        line.startswith(f"{root.as_posix()}/en/a.md:6:") and "[link-broken]" in line
        for line in lines
    )


def test_check_github_and_json_formats(make_tree):
    root = make_tree({"en/a.md": "---\ntitle: A\n---\n"})
    github = runner.invoke(app, ["check", "--docs", str(root), "--format", "github"])
    assert github.stdout.startswith(f"::error file={root.as_posix()}/en/a.md,line=1,")
    as_json = runner.invoke(app, ["check", "--docs", str(root), "--format", "json"])
    assert json.loads(as_json.stdout)[0]["check"] == "page-id-missing"


def test_check_passes_on_the_projects_docs():
    result = runner.invoke(app, ["check", "--docs", str(REPO / "docs")])
    assert result.exit_code == 0, result.stdout


def test_stamp_records_the_english_hash_in_a_translation(make_tree):
    root = make_tree(
        {
            "en/a.md": "---\ntitle: A\npage_id: a\n---\n# A\nBody.\n",
            "de/a.md": "---\ntitle: A\npage_id: a\n# comment kept\n"
            "translation:\n  type: human\n  source_hash: old\nf1_keywords: []\n---\n# A\n",
        }
    )
    result = runner.invoke(app, ["i18n", "stamp", "a", "de", "--docs", str(root)])
    assert result.exit_code == 0, result.stdout
    from helpsvc.content.page import body_hash

    expected = body_hash("# A\nBody.\n")
    text = (root / "de/a.md").read_text(encoding="utf-8")
    assert f"  source_hash: {expected}\n" in text
    assert "# comment kept" in text and "source_hash: old" not in text
    missing = runner.invoke(app, ["i18n", "stamp", "zz", "de", "--docs", str(root)])
    assert missing.exit_code == 2
