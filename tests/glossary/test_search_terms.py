"""Search terms in the glossary (``search_terms``): the words admins type for a concept that
the guides don't use. Translators keep them beside the terms; the help search uses them; the
term lint and the terminology exchange leave them as they are."""

from __future__ import annotations

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.search import SearchIndex
from helpsvc.glossary.csvx import from_csv, to_csv
from helpsvc.glossary.lint import lint_terms
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.lookup import search_synonyms
from helpsvc.glossary.merge import merge
from helpsvc.glossary.tbx import from_tbx, to_tbx
from tests.glossary.conftest import EN_SMALL, with_every_entry

DE = """
    language: de
    terms:
      communications-credits:
        preferred: Kommunikationsguthaben
      auto-recharge:
        preferred: automatische Aufladung
        search_terms:
          - automatisch nachladen
          - Guthaben auffüllen
"""

PAGES = {
    "de/auto.md": (
        "---\ntitle: Automatische Aufladung\npage_id: auto\nf1_keywords: [A_B]\n---\n\n"
        "# Automatische Aufladung\n\nDie automatische Aufladung hält das Kommunikationsguthaben"
        " über dem Auslösebetrag.\n"
    ),
    "de/buy.md": (
        "---\ntitle: Guthaben kaufen\npage_id: buy\nf1_keywords: [C_D]\n---\n\n"
        "# Guthaben kaufen\n\nKaufen Sie Kommunikationsguthaben von Hand. Das Guthaben reicht"
        " dann länger.\n"
    ),
}


def test_search_terms_load_and_reach_the_search(write_glossary, make_tree):
    glossary, problems = load_glossary(write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE}))
    assert problems == []
    entry = glossary.entry("de", "auto-recharge")
    assert entry.search_terms == ("automatisch nachladen", "Guthaben auffüllen")
    group = next(g for g in search_synonyms(glossary)["de"] if "automatisch nachladen" in g.phrases)
    assert group.searched == entry.search_terms and group.avoid == ()

    corpus = load_corpus(make_tree(PAGES))
    search = SearchIndex(build_index(corpus), search_synonyms(glossary))
    # Neither page says "nachladen"; the glossary says it means automatische Aufladung.
    assert [h.page_id for h in search.search("Guthaben automatisch nachladen", "de")][0] == "auto"
    # A search term is no wrong term: the search names no better one.
    assert search.term_notes("automatisch nachladen", "de") == []


def test_a_page_may_use_a_search_term_freely(write_glossary, make_tree):
    glossary, _ = load_glossary(write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE}))
    page = PAGES["de/auto.md"] + "\nSie können das Guthaben auch automatisch nachladen lassen.\n"
    corpus = load_corpus(make_tree({"de/auto.md": page}))
    assert lint_terms(corpus, build_index(corpus), glossary) == []


def test_a_list_is_required_and_reported_at_its_line(write_glossary):
    broken = "language: de\nterms:\n  auto-recharge:\n    preferred: automatische Aufladung\n"
    folder = write_glossary({"en.yaml": EN_SMALL})
    (folder / "de.yaml").write_text(broken + "    search_terms: nachladen\n", encoding="utf-8")
    _, problems = load_glossary(folder)
    [problem] = problems
    assert problem.path.endswith("de.yaml") and problem.line == 5
    assert "'search_terms' must be a list" in problem.message


def test_search_terms_survive_tbx_csv_and_an_import_without_them(project_glossary):
    wanted = project_glossary.entry("de", "pstn-usage-report").search_terms
    assert "Anrufliste" in wanted
    for version in (2, 3):
        again = from_tbx(to_tbx(project_glossary, version))
        assert again.entry("de", "pstn-usage-report").search_terms == wanted
    assert from_csv(to_csv(project_glossary)).entry("de", "pstn-usage-report").search_terms == (
        wanted
    )
    bare = with_every_entry(project_glossary, search_terms=())
    result = merge(project_glossary, bare, overwrite=True)
    assert result.conflicts == ()
    assert result.glossary.entry("de", "pstn-usage-report").search_terms == wanted
