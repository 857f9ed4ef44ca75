"""The site's search box in the reader's language, and its way to the help search."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import REPO

RESULTS = (
    "document.querySelectorAll('.md-search-result__item').length > 0"
    " && /\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
)


def _search(page, base: str, path: str, query: str) -> None:
    page.goto(base + path)
    page.keyboard.press("s")  # Material's shortcut: opens the search at every width
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__meta").wait_for()


def _result_links(page) -> list[str]:
    # Material shows "n results" once its worker has answered; a query typed while the
    # worker still loads the index may never be answered, so it is typed again.
    field = page.locator(".md-search__input")
    query = field.input_value()
    for _attempt in range(3):
        try:
            page.wait_for_function(RESULTS, timeout=10_000)
            break
        except Exception:  # noqa: BLE001 - playwright's timeout; type the query again
            field.fill("")
            field.fill(query)
    page.wait_for_function(RESULTS)
    links = page.locator(".md-search-result__link")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def _absolute(page, href: str) -> str:
    return page.evaluate("(href) => new URL(href, document.baseURI).pathname", href)


def test_german_search_box_shows_only_german_pages(service, page):
    _search(page, service.base, "/de/", "NCE")
    paths = [_absolute(page, href) for href in _result_links(page)]
    assert paths and all(p.startswith("/de/") for p in paths), paths
    assert any("switch-to-nce" in p for p in paths)
    page.shot("nce")


def test_chinese_search_box_shows_only_chinese_pages(service, page):
    _search(page, service.base, "/zh/", "自动充值")
    paths = [_absolute(page, href) for href in _result_links(page)]
    assert paths and all(p.startswith("/zh/") for p in paths), paths
    assert any("auto-recharge" in p for p in paths)
    page.shot("auto-recharge")


def test_english_search_box_shows_no_german_pages(service, page):
    _search(page, service.base, "/", "auto recharge")
    paths = [_absolute(page, href) for href in _result_links(page)]
    assert paths and not any(p.startswith(("/de/", "/zh/")) for p in paths), paths


def test_a_typo_offers_the_help_search_which_finds_the_page(service, page):
    for width, name in ((1280, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 844})
        _search(page, service.base, "/de/guides/licensing/", "Guthabn")
        offer = page.locator(".help-search__link")
        offer.wait_for()
        assert page.locator(".md-search-result__item").count() == 0
        assert page.locator(".help-search__none").is_visible()
        assert offer.get_attribute("href") == "/search?q=Guthabn&lang=de"
        page.shot(f"offer-{name}")
    offer.click()
    page.wait_for_url("**/search?q=Guthabn&lang=de")
    first = page.locator("ol.results a").first
    assert first.get_attribute("href").startswith("/de/guides/")
    page.shot("help-search")
    first.click()
    page.wait_for_load_state()
    assert "/de/guides/" in page.url


def test_each_language_has_its_own_site_index(built_site: Path):
    indexes = {
        lang: json.loads((built_site / folder / "search/search_index.json").read_text("utf-8"))
        for lang, folder in (("en", "."), ("de", "de"), ("zh", "zh"))
    }
    for lang, index in indexes.items():
        locations = [doc["location"] for doc in index["docs"]]
        assert locations and not any(loc.startswith(("de/", "zh/")) for loc in locations), lang
    # Chinese keeps the word segmentation of the site index (jieba, zero-width spaces).
    assert any("\u200b" in doc["text"] for doc in indexes["zh"]["docs"])


def test_a_page_a_language_lacks_is_searched_in_english_and_marked():
    spec = importlib.util.spec_from_file_location(
        "site_search", REPO / "overrides/hooks/site_search.py"
    )
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    merged = {
        "config": {"lang": ["en", "de"]},
        "docs": [
            {"location": "guides/a/", "title": "A", "text": "a"},
            {"location": "guides/a/#x", "title": "X", "text": "x"},
            {"location": "guides/b/", "title": "B", "text": "b"},
            {"location": "de/guides/a/", "title": "A de", "text": "a"},
        ],
    }
    split = hook.split_index(merged, "en", ["en", "de"], "English")
    assert [d["location"] for d in split["en"]["docs"]] == ["guides/a/", "guides/a/#x", "guides/b/"]
    german = split["de"]["docs"]
    assert german[0] == {"location": "guides/a/", "title": "A de", "text": "a"}
    assert german[1:] == [{"location": "../guides/b/", "title": "B (English)", "text": "b"}]
    assert split["de"]["config"] == merged["config"]
