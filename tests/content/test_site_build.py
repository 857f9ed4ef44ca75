"""The real MkDocs build in strict mode, and the built site served by the app."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from fastapi.testclient import TestClient

from helpsvc.api import create_app
from helpsvc.settings import Settings
from tests.conftest import REPO


@pytest.fixture(scope="session")
def client(built_site: Path):
    settings = Settings(site_dir=built_site, docs_dir=REPO / "docs")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _search_separator() -> re.Pattern[str]:
    # mkdocs.yml uses !ENV tags; a loader that ignores unknown tags is enough to read it.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    return re.compile(search["separator"])


def test_every_language_is_built_at_its_prefix(built_site: Path):
    for prefix, lang in (("", "en"), ("de/", "de"), ("zh/", "zh")):
        html = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        page = built_site / prefix / "guides" / "add-funds" / "index.html"
        assert page.is_file()


def test_chinese_body_text_is_segmented_into_search_tokens(built_site: Path):
    # Each language has its own index (overrides/hooks/site_search.py).
    index = json.loads((built_site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    separator = _search_separator()
    zh_docs = index["docs"]
    assert zh_docs
    tokens = {t for d in zh_docs for t in separator.split(d["text"]) if t}
    # A word from the body of the Chinese guides; unsegmented, it would be buried in a sentence.
    body = (REPO / "docs/zh/guides/add-funds.md").read_text(encoding="utf-8")
    assert "余额" in body
    assert "余额" in tokens
    assert "\u200b" in "".join(d["text"] for d in zh_docs)


def test_nothing_is_loaded_from_the_network(built_site: Path):
    external = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//""")
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        offending = [
            m.group(0)
            for m in external.finditer(html)
            if 'rel="alternate"' not in m.group(0) and 'rel="canonical"' not in m.group(0)
        ]
        assert not offending, f"{html_file}: {offending}"


def test_german_page_has_switcher_to_the_same_page(client: TestClient):
    response = client.get("/de/guides/auto-recharge/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="de"' in html
    switcher = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link">', html
        )
    )
    assert switcher == {
        "en": "../../../guides/auto-recharge/",
        "de": "./",
        "zh": "../../../zh/guides/auto-recharge/",
    }


def _sitemap_alternates(built_site: Path) -> dict[str, dict[str, str]]:
    sitemap = ElementTree.parse(built_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    return {
        url.findtext("s:loc", namespaces=ns): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in sitemap.findall("s:url", ns)
    }


def test_hreflang_alternates_are_absolute_and_in_the_sitemap(built_site: Path):
    alternates = _sitemap_alternates(built_site)
    base = "http://127.0.0.1:8000/"
    for path in ("guides/auto-recharge/", "glossary/", ""):
        expected = {
            "en": base + path,
            "x-default": base + path,
            "de": f"{base}de/{path}",
            "zh": f"{base}zh/{path}",
        }
        for lang in ("en", "de", "zh"):
            assert alternates[expected[lang]] == expected, path


def test_pages_carry_no_alternate_links_that_make_the_theme_fetch(built_site: Path):
    # Material fetches "sitemap.xml" next to every <link rel="alternate"> of a page: with
    # hreflang links in the head, every page load made 3-4 failing requests.
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert '<link rel="alternate"' not in html, html_file


@pytest.mark.parametrize(
    ("prefix", "lang", "title", "permalink"),
    [
        ("", "en", "Page not found", "Link to this section"),
        ("de/", "de", "Seite nicht gefunden", "Link zu diesem Abschnitt"),
        ("zh/", "zh", "找不到页面", "指向本节的链接"),
    ],
)
def test_each_language_has_its_own_404_page_and_permalink_title(
    built_site: Path, prefix: str, lang: str, title: str, permalink: str
):
    html = (built_site / prefix / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{title}</h1>" in html
    # Its language switcher leads to the home pages, whatever page the build rendered last.
    switcher = re.findall(r'<a href="([^"]+)" hreflang="[a-z]+" class="md-select__link">', html)
    assert switcher == ["/", "/de/", "/zh/"]
    guide = (built_site / prefix / "guides/auto-recharge/index.html").read_text(encoding="utf-8")
    titles = set(re.findall(r'<a class="headerlink" href="#[^"]+" title="([^"]+)"', guide))
    assert titles == {permalink}


def test_site_root_languages_and_health(client: TestClient):
    assert '<html lang="en"' in client.get("/").text
    assert '<html lang="de"' in client.get("/de/").text
    assert '<html lang="zh"' in client.get("/zh/").text
    health = client.get("/healthz")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok"
    assert body["site_built"] is True
    assert body["pages"] == {"en": 11, "de": 11, "zh": 11}


@pytest.mark.parametrize(
    ("path", "accept_language", "lang"),
    [
        ("/no/such/page/", None, "en"),
        ("/no/such/page/", "de-CH,de;q=0.9,en;q=0.5", "de"),
        ("/no/such/page/", "zh-CN,zh;q=0.9", "zh"),
        ("/no/such/page/", "fr-FR", "en"),
        ("/de/guides/no-such-guide/", "zh-CN", "de"),
        ("/zh/nope", "de-DE", "zh"),
    ],
)
def test_an_unknown_path_is_a_404_in_the_readers_language(
    client: TestClient, path: str, accept_language: str | None, lang: str
):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    assert f'<html lang="{lang}"' in response.text
    assert response.headers["content-language"] == {"zh": "zh-Hans"}.get(lang, lang)
    assert "Accept-Language" in response.headers["vary"]


def test_without_a_built_site_the_service_says_how_to_build_it(tmp_path: Path):
    app = create_app(Settings(site_dir=tmp_path / "missing", docs_dir=REPO / "docs"))
    with TestClient(app) as test_client:
        response = test_client.get("/de/")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "helpsvc build" in response.json()["detail"]
        assert test_client.get("/healthz").json()["status"] == "degraded"


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
def test_the_funding_guide_links_to_the_usage_replay_page_in_its_language(
    client: TestClient, lang: str
):
    prefix = "" if lang == "en" else f"/{lang}"
    html = client.get(f"{prefix}/guides/estimate-funding/").text
    assert f'href="/simulate?lang={lang}"' in html
    # The link leads to the replay form in the same language.
    page = client.get(f"/simulate?lang={lang}")
    assert page.status_code == 200 and f'lang="{"zh-Hans" if lang == "zh" else lang}"' in page.text
