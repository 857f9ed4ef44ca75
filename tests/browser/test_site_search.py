"""The site's search box in the reader's language, and its way to the help search.

Material's search answers in a web worker that first loads the language's index. Until the
worker is ready, the result line shows "Initializing search"; once it is, Material sends the
field's value and the line shows the placeholder ("Type to start searching"). After that,
Material reads the field on keyup only: a value put in by ``fill()`` (an input event) after
the worker was ready was never searched for, which made the first version of these tests
flaky. So the tests wait for the placeholder, fill the field, release a key (End moves the
caret and changes nothing; typing key by key cannot enter Chinese), and wait for Material's
verdict on that one query, which replaces the placeholder.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.browser.conftest import localized_tab
from tests.conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Generous: the suite runs under xdist on two CPUs, with Chromium and the service sharing them.
WAIT_MS = 60_000
# Material's own texts for the result line, in the page's language (from its #__config).
TRANSLATION = (
    "(key) => JSON.parse(document.getElementById('__config').textContent).translations[key]"
)
META = ".md-search-result__meta"
READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = JSON.parse(document.getElementById('__config').textContent);
  return meta !== null
    && meta.textContent.trim() === config.translations['search.result.placeholder'];
}"""
ANSWERED = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  const text = meta.textContent.trim();
  return text === t['search.result.none'] || text === t['search.result.one']
    || /\\d/.test(text);
}"""
# Typos the site search cannot match and the help search can ("劢" looks like "动").
TYPOS = {"de": ("/de/guides/licensing/", "Guthabn"), "zh": ("/zh/guides/licensing/", "自劢充值")}


def _search(page, url: str, query: str) -> str:  # noqa: ANN001 - a Playwright page
    """Material's answer (its result line) to ``query`` typed into the search on ``url``."""
    page.goto(url)
    page.keyboard.press("s")  # Material's shortcut: opens the search at every width
    field = page.locator(".md-search__input")
    field.wait_for(state="visible", timeout=WAIT_MS)
    page.wait_for_function(READY, timeout=WAIT_MS)
    field.fill(query)
    field.press("End")
    page.wait_for_function(ANSWERED, timeout=WAIT_MS)
    return page.locator(META).inner_text()


def _result_paths(page) -> list[str]:  # noqa: ANN001 - a Playwright page
    return page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => new URL(a.href, document.baseURI).pathname)"
    )


@pytest.mark.parametrize(
    ("lang", "query", "guide"),
    [("de", "NCE", "switch-to-nce"), ("zh", "自动充值", "auto-recharge")],
)
def test_the_search_box_shows_only_the_readers_language(service, page, lang, query, guide):
    _search(page, service.base + f"/{lang}/", query)
    paths = _result_paths(page)
    assert paths and all(p.startswith(f"/{lang}/") for p in paths), paths
    assert any(f"/{lang}/guides/{guide}/" in p for p in paths), paths
    page.shot(guide)


def test_english_search_box_shows_no_german_or_chinese_pages(service, page):
    _search(page, service.base + "/", "auto recharge")
    paths = _result_paths(page)
    assert paths and not any(p.startswith(("/de/", "/zh/")) for p in paths), paths


def test_results_come_with_the_offer_but_without_the_nothing_found_hint(service, page):
    _search(page, service.base + "/de/", "NCE")
    offer = page.locator(".help-search__link")
    offer.wait_for(timeout=WAIT_MS)
    assert offer.get_attribute("href") == "/search?q=NCE&lang=de"
    assert offer.inner_text() == "In der Hilfe nach „NCE“ suchen"
    assert not page.locator(".help-search__none").is_visible()
    # Below Material's list, not in the middle of it.
    assert page.locator(".md-search-result > :last-child").get_attribute("class") == "help-search"


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
@pytest.mark.parametrize("lang", ["de", "zh"])
def test_a_typo_offers_the_help_search(service, chromium, viewport, lang):
    text = {
        "de": "Die Hilfesuche findet auch Wörter mit Tippfehlern:",
        "zh": "帮助搜索也能找到含拼写错误的词：",
    }
    path, query = TYPOS[lang]
    with localized_tab(chromium, viewport, lang, text, "site-search") as tab:
        verdict = _search(tab, service.base + path, query)
        assert verdict == tab.evaluate(TRANSLATION, "search.result.none")
        assert tab.locator(".md-search-result__item").count() == 0
        hint = tab.locator(".help-search__none")
        offer = tab.locator(".help-search__link")
        offer.wait_for(timeout=WAIT_MS)
        assert hint.is_visible() and hint.inner_text() == text[lang]
        assert offer.get_attribute("href") == "/search?" + urlencode({"q": query, "lang": lang})
        assert query in offer.inner_text()
        # The offer sits inside the visible search panel, below Material's result line.
        meta_box = tab.locator(META).bounding_box()
        offer_box = offer.bounding_box()
        width = tab.viewport_size["width"]
        assert meta_box and offer_box
        assert offer_box["y"] >= meta_box["y"] + meta_box["height"]
        assert offer_box["x"] >= 0 and offer_box["x"] + offer_box["width"] <= width
        tab.shot("typo")
        if AXE.exists():
            # The whole result panel: Material's result line included (site-edges.css).
            tab.evaluate(AXE.read_text(encoding="utf-8"))
            found = tab.evaluate(
                "async () => (await axe.run(document.querySelector('.md-search-result'),"
                " {resultTypes: ['violations']})).violations"
                ".filter(v => ['serious', 'critical'].includes(v.impact))"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            assert not found, found


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_the_offer_leads_to_the_help_search_which_finds_the_page(service, page, lang):
    path, query = TYPOS[lang]
    _search(page, service.base + path, query)
    offer = page.locator(".help-search__link")
    offer.wait_for(timeout=WAIT_MS)
    with page.expect_navigation(timeout=WAIT_MS):
        offer.click()
    assert page.url == service.base + "/search?" + urlencode({"q": query, "lang": lang})
    first = page.locator("ol.results a").first
    assert (first.get_attribute("href") or "").startswith(f"/{lang}/guides/")
    page.shot("help-search")
    with page.expect_navigation(timeout=WAIT_MS):
        first.click()
    assert f"/{lang}/guides/" in page.url


def test_each_language_has_its_own_site_index(built_site: Path):
    indexes = {
        lang: json.loads((built_site / folder / "search/search_index.json").read_text("utf-8"))
        for lang, folder in (("en", "."), ("de", "de"), ("zh", "zh"))
    }
    for lang, index in indexes.items():
        locations = [doc["location"] for doc in index["docs"]]
        assert locations and not any(loc.startswith(("de/", "zh/")) for loc in locations), lang
    # Every page is translated: no language falls back to English.
    assert not any(d["location"].startswith("../") for i in indexes.values() for d in i["docs"])
    # Chinese keeps the word segmentation of the site index (jieba, zero-width spaces).
    assert any("\u200b" in doc["text"] for doc in indexes["zh"]["docs"])
    assert not any("\u200b" in doc["text"] for doc in indexes["de"]["docs"])


def _hook():  # noqa: ANN202 - the hook module, loaded from the theme folder
    spec = importlib.util.spec_from_file_location(
        "site_search", REPO / "overrides/hooks/site_search.py"
    )
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


MERGED = {
    "config": {"lang": ["en", "de"]},
    "docs": [
        {"location": "guides/a/", "title": "A", "text": "a"},
        {"location": "guides/a/#x", "title": "X", "text": "x"},
        {"location": "guides/b/", "title": "B", "text": "b"},
        {"location": "guides/b/#y", "title": "Y", "text": "y"},
        {"location": "de/guides/a/", "title": "A de", "text": "a"},
    ],
}


def test_a_page_a_language_lacks_is_searched_in_english_and_marked():
    split = _hook().split_index(MERGED, "en", ["en", "de"], "English")
    assert [d["location"] for d in split["en"]["docs"]] == [
        "guides/a/",
        "guides/a/#x",
        "guides/b/",
        "guides/b/#y",
    ]
    german = split["de"]["docs"]
    # The reader's own pages first, then the English ones, linked back and marked.
    assert german[0] == {"location": "guides/a/", "title": "A de", "text": "a"}
    assert german[1:] == [
        {"location": "../guides/b/", "title": "B (English)", "text": "b"},
        {"location": "../guides/b/#y", "title": "B › Y (English)", "text": "y"},
    ]
    assert split["de"]["config"] == MERGED["config"]


def test_a_fallback_page_is_searched_in_english_in_full():
    # mkdocs-static-i18n built guides/b/ into de/ from the English file and dropped the
    # section that equals the English one: all of it comes from English, marked.
    merged = {**MERGED, "docs": [*MERGED["docs"], {"location": "de/guides/b/", "title": "B"}]}
    split = _hook().split_index(merged, "en", ["en", "de"], "English", {"de": {"guides/b/"}})
    # Linked to that copy, where the German navigation and the missing-translation banner are.
    assert [(d["location"], d["title"]) for d in split["de"]["docs"]] == [
        ("guides/a/", "A de"),
        ("guides/b/", "B (English)"),
        ("guides/b/#y", "B › Y (English)"),
    ]
