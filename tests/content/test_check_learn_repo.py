"""`helpsvc check` on a Microsoft Learn / DocFX style repository reports its real problems
and none of the noise: asset ids count as ids, link queries are not part of the path, TOC
and include files are not pages, case mismatches and links out of the tree have their own
ids and severities, and --select / --ignore / --json work as a docs owner scripts them.

The repository is tests/fixtures/learn/teams/ (pages written for these tests).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from helpsvc.cli import app
from helpsvc.content.checks import rules, run_checks
from helpsvc.content.corpus import Corpus, load_corpus, load_page
from helpsvc.content.index import build_index
from helpsvc.content.learn_paths import is_include, is_toc, is_toc_or_include
from helpsvc.content.scan import scan
from tests.conftest import FIXTURES

LEARN = FIXTURES / "learn"
runner = CliRunner()

# Every finding the fixture must give, and nothing else: (file, line, check id, severity).
EXPECTED = {
    ("teams/auto-recharge.md", 7, "link-case-mismatch", "warning"),
    ("teams/auto-recharge.md", 8, "link-outside-docs", "info"),
    ("teams/auto-recharge.md", 9, "link-broken", "error"),
    ("teams/auto-recharge.md", 10, "link-broken", "error"),
    ("teams/duplicate-asset.md", 1, "page-id-duplicate", "error"),
    ("teams/no-id.md", 1, "page-id-missing", "error"),
}


def check(*args: str):
    return runner.invoke(app, ["check", "--docs", str(LEARN), *args])


def report(*args: str) -> dict:
    result = check("--json", *args)
    return json.loads(result.stdout)


def test_a_learn_repository_reports_its_real_problems_and_no_noise():
    root = LEARN.as_posix()
    found = {
        (f["path"].removeprefix(root + "/"), f["line"], f["check"], f["severity"])
        for f in report()["findings"]
    }
    assert found == EXPECTED


def test_messages_name_the_id_key_the_case_and_the_anchor():
    messages = {(f["check"], f["line"]): f["message"] for f in report()["findings"]}
    assert messages[("page-id-duplicate", 1)] == (
        "ms.assetid '5f0c2a8e-0000-4000-8000-00000000a001' is also used by teams/add-funds.md"
    )
    assert (
        "differs in letter case from the file teams/add-funds.md"
        in messages[("link-case-mismatch", 7)]
    )
    # The query is dropped to find the file; the anchor behind it is still checked.
    assert messages[("link-broken", 10)] == (
        "anchor '#no-such-values' does not exist in teams/set-up-credits.md"
    )


ID_PAGES = {
    "dotted.md": "---\ntitle: A\nms.assetid: aaa\n---\n# A\n",
    "colon.md": "---\ntitle: B\nms:assetid: bbb\n---\n# B\n",
    "own.md": "---\ntitle: C\npage_id: c\n---\n# C\n",
    "none.md": "---\ntitle: D\n---\n# D\n",
}


def findings_for(root, only=None):
    corpus = load_corpus(root)
    return run_checks(corpus, build_index(corpus), only)


def test_only_a_page_with_neither_page_id_nor_asset_id_misses_its_id(make_tree):
    findings = findings_for(make_tree(ID_PAGES), {"page-id-missing"})
    assert [f.path for f in findings] == ["none.md"]


@pytest.mark.parametrize(
    ("copy", "key"),
    [
        ("---\ntitle: X\nms:assetid: bbb\n---\n", "ms:assetid 'bbb' is also used by colon.md"),
        ("---\ntitle: X\npage_id: aaa\n---\n", "page_id 'aaa' is also used by dotted.md"),
    ],
)
def test_a_duplicate_id_names_the_key_it_comes_from(make_tree, copy, key):
    findings = findings_for(make_tree({**ID_PAGES, "z-copy.md": copy}), {"page-id-duplicate"})
    assert [f.message.split(" (as its")[0] for f in findings] == [key]


def test_a_case_mismatch_on_any_file_is_a_warning_not_a_broken_link(make_tree):
    root = make_tree(
        {
            "guide.md": "---\npage_id: g\n---\n"
            "[rates](media/Rates.csv) [sheet](Media/rates.csv) [ok](media/rates.csv)\n"
            "[gone](media/fees.csv)\n",
            "media/rates.csv": "a,b\n",
        }
    )
    findings = findings_for(root)
    assert sorted((f.line, f.column, f.check, f.severity) for f in findings) == [
        (4, 1, "link-case-mismatch", "warning"),
        (4, 26, "link-case-mismatch", "warning"),
        (5, 1, "link-broken", "error"),
    ]


def test_a_docfx_root_link_starts_at_the_root_of_the_docs(make_tree):
    page = "---\npage_id: g\n---\n[note](~/includes/note.md) [gone](~/includes/none.md)\n"
    # The docs folder the owner points at is the docset root (where docfx.json is).
    root = make_tree({"teams/deep/guide.md": page, "includes/note.md": "Note.\n"})
    found = findings_for(root, {"link-broken"})
    assert [(f.path, f.message) for f in found] == [
        ("teams/deep/guide.md", "link target '~/includes/none.md' does not exist")
    ]


def test_links_keep_their_anchor_and_lose_their_query():
    links = scan("[a](x.md?toc=/t/toc.json) [b](y.md?view=o365-worldwide#part) [c](?view=v#top)\n")
    assert [(link.target, link.anchor) for link in links.links] == [
        ("x.md", None),
        ("y.md", "part"),
        ("", "top"),
    ]


@pytest.mark.parametrize(
    ("path", "toc", "include"),
    [
        ("teams/TOC.md", True, False),
        ("toc.yml", True, False),
        ("teams/includes/note.md", False, True),
        ("Includes/note.md", False, True),
        ("teams/includes.md", False, False),
        ("teams/toc-guide.md", False, False),
    ],
)
def test_toc_and_include_paths(path, toc, include):
    assert (is_toc(path), is_include(path), is_toc_or_include(path)) == (
        toc,
        include,
        toc or include,
    )


def test_page_checks_skip_a_toc_and_an_include_even_when_they_are_loaded(tmp_path):
    # The corpus may hand them over (another loader, an older one): the checks still know.
    pages = [
        load_page("# Credits\n[Add](add.md)\n", "TOC.md", "TOC.md", "en", "en")[0],
        load_page("Note [gone](../gone.md)\n", "includes/n.md", "includes/n.md", "en", "en")[0],
    ]
    files = frozenset({"TOC.md", "includes/n.md"})
    corpus = Corpus(tmp_path, "single", tuple(pages), (), files)
    findings = run_checks(corpus, build_index(corpus))
    # Their links are still checked: a TOC entry or an include can break too.
    assert [(f.path, f.check) for f in findings] == [
        ("TOC.md", "link-broken"),
        ("includes/n.md", "link-broken"),
    ]


def test_only_errors_fail_the_run():
    assert check().exit_code == 1
    warnings_only = check("--ignore", "link-broken,page-id")
    assert warnings_only.exit_code == 0
    assert "[link-case-mismatch]" in warnings_only.stdout


def test_select_and_ignore_take_ids_and_word_prefixes():
    def ids(*args):
        return sorted({f["check"] for f in report(*args)["findings"]})

    assert ids("--select", "link") == ["link-broken", "link-case-mismatch", "link-outside-docs"]
    assert ids("--select", "page-id-missing", "--select", "link-case-mismatch") == [
        "link-case-mismatch",
        "page-id-missing",
    ]
    assert ids("--select", "link", "--ignore", "link-outside-docs,link-case-mismatch") == [
        "link-broken"
    ]
    assert ids("--ignore", "page-id,link") == []


def test_an_unknown_check_id_is_an_error_not_an_empty_selection():
    result = check("--select", "lnk-broken")
    assert result.exit_code == 2
    assert "lnk-broken" in result.stderr
    assert check("--select", "lin").exit_code == 2  # prefixes are whole words


def test_the_summary_counts_findings_per_check_id():
    result = check()
    summary = [line.split() for line in result.stderr.splitlines() if line.startswith(" ")]
    assert summary == [
        ["2", "error", "link-broken"],
        ["1", "warning", "link-case-mismatch"],
        ["1", "info", "link-outside-docs"],
        ["1", "error", "page-id-duplicate"],
        ["1", "error", "page-id-missing"],
    ]
    assert "6 problem(s) (4 error, 1 warning, 1 info)" in result.stderr


def test_json_carries_severity_and_the_summary():
    doc = report("--select", "link")
    assert doc["summary"] == [
        {"check": "link-broken", "severity": "error", "count": 2},
        {"check": "link-case-mismatch", "severity": "warning", "count": 1},
        {"check": "link-outside-docs", "severity": "info", "count": 1},
    ]
    assert doc["by_severity"] == {"error": 2, "warning": 1, "info": 1}
    assert doc["pages"] == 5


def test_github_annotations_follow_the_severity():
    lines = check("--format", "github", "--select", "link").stdout.splitlines()
    assert sorted(line.split(" ", 1)[0] for line in lines) == [
        "::error",
        "::error",
        "::notice",
        "::warning",
    ]


def test_list_and_help_explain_the_ids_and_options():
    listed = runner.invoke(app, ["check", "--list"]).stdout
    for rule in rules():
        assert f"{rule.id:24} {rule.severity:8} " in listed
    helped = runner.invoke(app, ["check", "--help"], terminal_width=200).stdout
    assert "--select" in helped and "--ignore" in helped and "whole words" in helped
