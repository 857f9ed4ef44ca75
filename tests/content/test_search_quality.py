"""Relevance floors over the benchmark's realistic queries (bench/data/search_queries*.tsv).

The benchmark (bench/search_quality.py) reports the figures and has the goal; these tests
keep relevance from silently falling below a floor in any language, on the set the goal is
measured on and on the held-out set written without sight of the ranking.
"""

from __future__ import annotations

import pytest

from bench.search_quality import HOLDOUT, QUERIES, evaluate, load_queries
from helpsvc.content.text import sections_text

FLOORS = {QUERIES: 0.9, HOLDOUT: 0.65}  # top-3 per language


@pytest.mark.parametrize("path", list(FLOORS), ids=lambda p: p.stem)
def test_the_right_guide_is_in_the_top_three_for_realistic_queries(service_parts, path):
    queries = load_queries(path)
    assert {q.lang for q in queries} == {"en", "de", "zh"}
    result = evaluate(service_parts.content.search, queries)
    for lang, figures in result.items():
        assert figures["n"] >= 40, lang
        missed = [m["query"] for m in figures["misses"] if not m["rank"] or m["rank"] > 3]
        assert figures["top3"] >= FLOORS[path], (lang, figures["top3"], missed)


@pytest.mark.parametrize("path", list(FLOORS), ids=lambda p: p.stem)
def test_every_expected_answer_exists_in_the_guides(service_parts, path):
    """A renamed anchor or page must fail here, not quietly count as a miss."""
    index = service_parts.content.index
    for query in load_queries(path):
        for wanted in query.acceptable:
            page_id, _, anchor = wanted.partition("#")
            page = index.page(page_id, query.lang)
            assert page is not None and page.lang == query.lang, (query.text, wanted)
            if anchor:
                anchors = {a for a, _heading, _text in sections_text(page)}
                assert anchor in anchors, (query.text, wanted)
