"""Relevance floor over the benchmark's realistic queries (bench/data/search_queries.tsv).

The benchmark (bench/search_quality.py) reports the figures and has the goal; this test
keeps relevance from silently falling below a floor in any language.
"""

from __future__ import annotations

from bench.search_quality import evaluate, load_queries

FLOOR_TOP3 = 0.9


def test_the_right_guide_is_in_the_top_three_for_realistic_queries(service_parts):
    queries = load_queries()
    assert {q.lang for q in queries} == {"en", "de", "zh"}
    result = evaluate(service_parts.content.search, queries)
    for lang, figures in result.items():
        assert figures["n"] >= 40, lang
        missed = [m["query"] for m in figures["misses"] if not m["rank"] or m["rank"] > 3]
        assert figures["top3"] >= FLOOR_TOP3, (lang, figures["top3"], missed)
