"""`helpsvc check terms`: forbidden variants and cross-language consistency."""

from __future__ import annotations

import json

import pytest

from helpsvc.cli import app
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.glossary.lint import lint_terms, prose
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.matching import TermMatcher, longest_first
from tests.conftest import REPO
from tests.glossary.conftest import DE_SMALL, EN_SMALL, ZH_SMALL


def _found(lang: str, terms: list[str], text: str, **options) -> list[str]:
    matcher = TermMatcher(lang, [(t, t) for t in terms], **options)
    return [text[h.start : h.end] for h in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Gutschrift kommt.", ["Gutschrift"]),
        ("Kommunikationsgutschriften sind falsch.", ["Kommunikationsgutschriften"]),
        ("Gutschriftenbetrag eingeben.", ["Gutschriftenbetrag"]),
        ("Dem Saldo gutgeschrieben.", []),  # another word, not the compound part
    ],
)
def test_german_forbidden_words_are_found_inside_compounds(text, expected):
    assert _found("de", ["Gutschrift"], text, compounds=True) == expected


def test_german_matching_knows_inflection_and_leaves_short_words_alone():
    assert _found("de", ["Anrufplan"], "Zwei Anrufpläne.") == ["Anrufpläne"]
    assert _found("de", ["automatische Aufladung"], "der automatischen Aufladung") == [
        "automatischen Aufladung"
    ]
    assert _found("de", ["Satz"], "Beide Lizenzsätze, die Sätze.", compounds=True) == ["Sätze"]
    assert _found("de", ["Mittel"], "Sie vermitteln.", compounds=True) == []
    gaps = _found("de", ["Guthaben aufladen"], "Guthaben manuell aufladen", gaps=2)
    assert gaps == ["Guthaben manuell aufladen"]
    assert _found("de", ["Guthaben aufladen"], "Guthaben manuell aufladen") == []


def test_german_terms_of_several_words_inside_hyphenated_compounds():
    assert _found("de", ["Direct Routing"], "Die Direct-Routing-Datei.") == ["Direct-Routing"]
    assert _found("de", ["Guthaben Karte"], "Eine Guthaben-Karte.", compounds=True) == [
        "Guthaben-Karte"
    ]
    # Words of one term only: "Routing" alone is not "Direct Routing".
    assert _found("de", ["Direct Routing"], "Die Routing-Datei.") == []


def test_chinese_substrings_and_latin_edges():
    assert _found("zh", ["充电"], "不是自动充电而是自动充值") == ["充电"]
    assert _found("zh", ["NCE"], "切换到NCE后；NCEs不算") == ["NCE"]
    matcher = TermMatcher("zh", [("国内和国际通话套餐", "long"), ("国际通话套餐", "short")])
    hits = longest_first(matcher.find("分配国内和国际通话套餐"))
    assert [h.value for h in hits] == ["long"]


def test_english_words_with_inflection():
    text = "Licenses, adding funds and auto recharge; not unlicensed."
    assert _found("en", ["license", "add funds", "auto-recharge"], text) == [
        "Licenses",
        "adding funds",
        "auto recharge",
    ]


def test_prose_keeps_offsets_and_drops_code_links_and_front_matter():
    text = (
        "---\ntitle: Gutschrift\npage_id: gutschrift\n---\n\n# Titel {#gutschrift}\n\n"
        "Text `Gutschrift` und [Link](gutschrift.md) und Gutschrift.\n"
        "<!-- terms: off -->\nGutschrift zitiert\n<!-- terms: on -->\n"
    )
    out = prose(text)
    assert len(out) == len(text)
    assert out.count("Gutschrift") == 2  # the title and the last word of the paragraph
    assert out.splitlines()[1] == "       Gutschrift"


def test_the_project_docs_pass():
    glossary, problems = load_glossary(REPO / "glossary")
    assert problems == []
    corpus = load_corpus(REPO / "docs")
    assert lint_terms(corpus, build_index(corpus), glossary) == []


PAGES = {
    "en/guide.md": """
        ---
        title: Guide
        page_id: guide
        ---

        # Guide

        ## Credits {#credits}

        Communications Credits pay for calls on a Calling Plan.

        ## Recharge {#recharge}

        Turn on auto-recharge.
        """,
    "de/guide.md": """
        ---
        title: Anleitung
        page_id: guide
        translation:
          source_hash: 0
          type: machine
        ---

        # Anleitung

        ## Guthaben {#credits}

        Kommunikation Gutschriften bezahlen Anrufe mit einem Anrufplan. Die
        Kommunikationsgutschriften und Guthaben für Kommunikationen auch.

        ## Aufladen {#recharge}

        Aktivieren Sie die Auto-Ladeleuchte oder das automatische Aufladen.
        """,
    "zh/guide.md": """
        ---
        title: 指南
        page_id: guide
        ---

        # 指南

        ## 额度 {#credits}

        通信贷项用于支付通话。

        ## 充值 {#recharge}

        启用自动充电。
        """,
}


@pytest.fixture
def seeded(make_tree, write_glossary):
    docs = make_tree(PAGES)
    terms = write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE_SMALL, "zh.yaml": ZH_SMALL})
    return docs, terms


def test_seed_mistakes_are_found_with_line_column_and_suggestion(seeded):
    docs, terms = seeded
    glossary, _ = load_glossary(terms)
    corpus = load_corpus(docs)
    findings = lint_terms(corpus, build_index(corpus), glossary)
    shown = [f.format("docs") for f in findings]
    forbidden = [f for f in findings if f.check == "term-forbidden"]
    assert [(f.path, f.line, f.column, f.suggestion) for f in forbidden] == [
        ("de/guide.md", 13, 15, "use 'Kommunikationsguthaben'"),  # Kommunikation Gutschriften
        ("de/guide.md", 14, 1, "use 'Kommunikationsguthaben'"),  # Kommunikationsgutschriften
        ("de/guide.md", 14, 32, "use 'Kommunikationsguthaben'"),  # Guthaben für Kommunikationen
        ("de/guide.md", 18, 20, "use 'automatische Aufladung'"),  # Auto-Ladeleuchte
        ("zh/guide.md", 10, 1, "use '通信点数'"),  # 通信贷项
        ("zh/guide.md", 14, 5, "use '自动充值'"),  # 充电 in 自动充电
    ]
    assert (
        "docs/de/guide.md:14:1: 'Kommunikationsgutschriften' is a forbidden variant of "
        "'communications-credits': Eine Gutschrift ist ein Buchungsbeleg. "
        "(use 'Kommunikationsguthaben') [term-forbidden]"
    ) in shown
    inconsistent = [f for f in findings if f.check == "term-inconsistent"]
    # Where a variant stands in for the preferred term, the finding points at it.
    assert [(f.path, f.line, f.column, f.suggestion) for f in inconsistent] == [
        ("de/guide.md", 13, 15, "use 'Kommunikationsguthaben'"),
        ("de/guide.md", 18, 20, "use 'automatische Aufladung'"),
        ("zh/guide.md", 10, 1, "use '通信点数'"),
        ("zh/guide.md", 14, 5, "use '自动充值'"),
    ]
    assert inconsistent[0].message.startswith("en/guide.md:10 uses 'Communications Credits'")
    # Calling Plan: used in German; not in the Chinese glossary, so not checked there.
    assert not any("Anrufplan" in (f.suggestion or "") for f in findings)


def test_cli_formats(seeded, runner):
    docs, terms = seeded
    base = ["check", "terms", "--docs", str(docs), "--glossary", str(terms)]
    text = runner.invoke(app, base)
    assert text.exit_code == 1
    first = text.stdout.splitlines()[0]
    assert first.startswith(f"{docs.as_posix()}/de/guide.md:13:15: 'Gutschriften' is a forbidden")
    assert first.endswith("(use 'Kommunikationsguthaben') [term-forbidden]")
    as_json = runner.invoke(app, [*base, "--format", "json"])
    rows = json.loads(as_json.stdout)
    assert {"path", "line", "column", "check", "message", "suggestion"} <= set(rows[0])
    github = runner.invoke(app, [*base, "--format", "github"])
    assert github.stdout.startswith(f"::error file={docs.as_posix()}/de/guide.md,line=13,col=15,")
    listing = runner.invoke(app, ["check", "terms", "--list"])
    assert "term-forbidden" in listing.stdout and "term-inconsistent" in listing.stdout


def test_cli_passes_on_the_project(runner, tmp_path):
    # The docs alone: an empty catalogs folder (test_catalog_term_lint.py reads the real one).
    result = runner.invoke(
        app,
        ["check", "terms", "--docs", str(REPO / "docs"), "--glossary", str(REPO / "glossary"),
         "--catalogs", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def test_a_translation_without_the_term_is_reported_at_the_matching_section(
    make_tree, write_glossary
):
    docs = make_tree(
        {
            "en/a.md": "---\npage_id: a\n---\n# A\n\n## One {#one}\n\nText.\n\n"
            "## Two {#two}\n\nTurn on auto-recharge.\n",
            "de/a.md": "---\npage_id: a\n---\n# A\n\n## Eins {#one}\n\nText.\n\n"
            "## Zwei {#two}\n\nSchalten Sie es ein.\n",
        }
    )
    glossary, _ = load_glossary(write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE_SMALL}))
    corpus = load_corpus(docs)
    [finding] = lint_terms(corpus, build_index(corpus), glossary)
    assert (finding.path, finding.line, finding.check) == ("de/a.md", 10, "term-inconsistent")
    assert "en/a.md:12 uses 'auto-recharge'" in finding.message
    assert "(section #two)" in finding.message
