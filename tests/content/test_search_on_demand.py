"""A language's search index is built by its first search (or ``warm()``), not with the
content: F1 answers from a large docs repository do not wait for it."""

from __future__ import annotations

import threading

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.search import SearchIndex
from tests.conftest import REPO


def test_the_index_of_a_language_is_built_by_its_first_search():
    search = SearchIndex(build_index(load_corpus(REPO / "docs")))
    assert search.built_languages == ()
    assert search.search("Guthaben", "de")[0].lang == "de"
    # German, and English for the pages German might lack; Chinese is still not built.
    assert set(search.built_languages) == {"de", "en"}
    search.warm()
    assert set(search.built_languages) == {"en", "de", "zh"}


def test_first_searches_at_once_build_one_index():
    search = SearchIndex(build_index(load_corpus(REPO / "docs")))
    built: list[object] = []
    start = threading.Barrier(8)

    def first_search() -> None:
        start.wait()
        search.search("自动充值", "zh")
        built.append(search._language("zh"))

    threads = [threading.Thread(target=first_search) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(index) for index in built}) == 1


def test_readyz_names_the_built_search_indexes(make_client):
    client = make_client(search_warmup=False)
    facts = client.get("/readyz").json()["checks"]["docs"]
    assert facts["pages"]["en"] >= 10
    before = set(facts["search_indexes_built"])
    client.get("/api/v1/search", params={"q": "NCE", "lang": "zh"})
    after = set(client.get("/readyz").json()["checks"]["docs"]["search_indexes_built"])
    assert "zh" in after and after >= before
