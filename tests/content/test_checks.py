"""Every check rule fails on a bad tree and stays quiet on a good one and on the real docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpsvc.content.checks import CHECKS, run_checks
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from tests.conftest import REPO

EN_GUIDE = """
---
title: Auto-recharge
page_id: auto-recharge
f1_keywords:
  - Key_AutoRecharge
---
# Auto-recharge
## How it works {#how-it-works}
Back to the [start](../index.md#start-here).
## Choose values {#choose-values}
"""
EN_HOME = """
---
title: Home
page_id: home
f1_keywords: []
---
# Home
## Start here {#start-here}
Read [auto-recharge](guides/auto-recharge.md#choose-values).
"""
DE_GUIDE = """
---
title: Automatische Aufladung
page_id: auto-recharge
f1_keywords:
  - Key_AutoRecharge
translation:
  source_hash: pending
  type: human
---
# Automatische Aufladung
## So funktioniert es {#how-it-works}
Zurück zur [Startseite](../index.md#start-here).
## Werte wählen {#choose-values}
"""
DE_HOME = """
---
title: Startseite
page_id: home
f1_keywords: []
---
# Startseite
## Hier beginnen {#start-here}
"""

GOOD = {
    "en/index.md": EN_HOME,
    "en/guides/auto-recharge.md": EN_GUIDE,
    "de/index.md": DE_HOME,
    "de/guides/auto-recharge.md": DE_GUIDE,
}


def findings_for(root: Path):
    corpus = load_corpus(root)
    return run_checks(corpus, build_index(corpus))


def test_good_tree_has_no_findings(make_tree):
    assert findings_for(make_tree(GOOD)) == []


def test_the_projects_docs_pass_every_check():
    findings = findings_for(REPO / "docs")
    assert [f.format("docs") for f in findings] == []


# (check id, files to change, path of the finding, a fragment of its message, line or None)
ENGLISH_PROSE = (
    "\nThis page was never translated: it explains in English how the balance is topped up"
    " automatically when it falls below the trigger amount.\n"
)

BAD_CASES = [
    (
        "language-mismatch",
        {"de/guides/auto-recharge.md": DE_GUIDE + ENGLISH_PROSE},
        "de/guides/auto-recharge.md",
        "reads as 'en', but its folder says 'de'",
        None,
    ),
    (
        "front-matter-invalid",
        {"de/guides/auto-recharge.md": DE_GUIDE.replace("  - Key_AutoRecharge", "Key_Bare\n  - K")},
        "de/guides/auto-recharge.md",
        "lacks its leading '- '",
        5,
    ),
    (
        "page-id-missing",
        {"en/guides/auto-recharge.md": EN_GUIDE.replace("page_id: auto-recharge\n", "")},
        "en/guides/auto-recharge.md",
        "no 'page_id'",
        1,
    ),
    (
        "keyword-conflict",
        {"en/index.md": EN_HOME.replace("f1_keywords: []", "f1_keywords: [key_autorecharge ]")},
        "en/index.md",
        "also claimed by en/guides/auto-recharge.md",
        None,
    ),
    (
        "translation-anchors",
        {"de/guides/auto-recharge.md": DE_GUIDE.replace("{#choose-values}", "{#werte-waehlen}")},
        "de/guides/auto-recharge.md",
        "'#choose-values'",
        None,
    ),
    (
        "translation-keywords",
        {"de/guides/auto-recharge.md": DE_GUIDE.replace("Key_AutoRecharge", "Key_Aufladung")},
        "de/guides/auto-recharge.md",
        "missing Key_AutoRecharge",
        1,
    ),
    (
        "link-broken",
        {"en/index.md": EN_HOME.replace("#choose-values", "#choose-value")},
        "en/index.md",
        "anchor '#choose-value' does not exist",
        8,
    ),
    (
        "link-broken",
        {"de/index.md": DE_HOME + "Siehe [NCE](guides/switch-to-nce.md).\n"},
        "de/index.md",
        "'guides/switch-to-nce.md' does not exist",
        8,
    ),
    (
        "notice-anchor",
        {
            "en/guides/troubleshooting.md": EN_HOME.replace(
                "page_id: home", "page_id: troubleshooting"
            )
            + "## Zero balance {#zero-balance}\n## Recharge failed {#recharge-failed}\n"
            + "## License missing {#license-missing}\n"
        },
        "en/guides/troubleshooting.md",
        "no section '{#nce-auto-recharge}'",
        1,
    ),
    (
        "translation-orphan",
        {"de/guides/extra.md": DE_HOME.replace("page_id: home", "page_id: extra")},
        "de/guides/extra.md",
        "not in 'en'",
        1,
    ),
]


@pytest.mark.parametrize(("check_id", "change", "path", "fragment", "line"), BAD_CASES)
def test_bad_tree_is_reported_where_it_is_wrong(make_tree, check_id, change, path, fragment, line):
    findings = findings_for(make_tree({**GOOD, **change}))
    hits = [f for f in findings if f.check == check_id]
    assert hits, f"{check_id} found nothing; all findings: {findings}"
    assert hits[0].path == path
    assert fragment in hits[0].message
    if line is not None:
        assert hits[0].line == line


def test_every_registered_check_has_a_failing_case():
    assert {c.id for c in CHECKS} - {case[0] for case in BAD_CASES} <= {"page-id-duplicate"}


def test_duplicate_page_id_in_one_language(make_tree):
    other = EN_GUIDE.replace("Key_AutoRecharge", "Key_Other")
    findings = findings_for(make_tree({**GOOD, "en/guides/copy.md": other}))
    assert any(f.check == "page-id-duplicate" and f.path == "en/guides/copy.md" for f in findings)


def test_a_bad_file_does_not_stop_the_rest(make_tree):
    root = make_tree({**GOOD, "en/broken.md": "---\ntitle: [x\n---\n"})
    corpus = load_corpus(root)
    assert len(corpus.pages) == 4
    assert [(e.path, e.line) for e in corpus.errors] == [("en/broken.md", 2)]
