"""The glossary on the built site: glossary pages, hover explanations, translation banners.

One strict MkDocs build of a copy of the docs in which one English page changed (its
translations are stale), one Chinese page is a machine translation and one German page
does not exist yet.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.site_build import build_site
from helpsvc.content.translation import stamp_source_hash
from helpsvc.glossary.status import translation_status
from tests.conftest import REPO


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("glossary-site")
    docs = root / "docs"
    import shutil

    shutil.copytree(REPO / "docs", docs)
    # Stamp every translation first: other work may be changing the English pages.
    for status in translation_status(build_index(load_corpus(docs))):
        if status.path:
            file = docs / status.path
            file.write_text(stamp_source_hash(file.read_text("utf-8"), status.source_hash), "utf-8")
    english = docs / "en/guides/auto-recharge.md"
    english.write_text(
        english.read_text("utf-8").replace(
            "We recommend auto-recharge", "We strongly recommend auto-recharge"
        ),
        "utf-8",
    )
    chinese = docs / "zh/guides/licensing.md"
    chinese.write_text(chinese.read_text("utf-8").replace("type: human", "type: machine"), "utf-8")
    (docs / "de/guides/licensing.md").unlink()
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    # Every hook of the project (glossary, site, site search), wherever the copy is built.
    config = re.sub(
        r"^(\s*- )((?:helpsvc|overrides)/\S+\.py)$",
        lambda m: f"{m.group(1)}{REPO / m.group(2)}",
        config,
        flags=re.MULTILINE,
    )
    (root / "mkdocs.yml").write_text(config, "utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("HELPSVC_GLOSSARY_DIR", str(REPO / "glossary"))
    try:
        code = build_site(root / "mkdocs.yml", root / "site", strict=True, quiet=True)
    finally:
        mp.undo()
    assert code == 0, "mkdocs build --strict failed with the glossary hooks"
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def test_stale_pages_say_so_in_their_language(site):
    german = _html(site, "de/guides/auto-recharge")
    assert 'class="admonition warning translation-banner translation-stale"' in german
    assert "Übersetzung nicht aktuell" in german
    assert '<a href="../../../guides/auto-recharge/" hreflang="en">auf Englisch</a>' in german
    chinese = _html(site, "zh/guides/auto-recharge")
    assert "译文不是最新的" in chinese
    assert "translation-banner" not in _html(site, "guides/auto-recharge")
    assert "translation-banner" not in _html(site, "de/guides/add-funds")


def test_machine_translations_say_so(site):
    chinese = _html(site, "zh/guides/licensing")
    assert "translation-machine" in chinese and "本页由机器翻译" in chinese


def test_a_missing_translation_says_so_in_the_readers_language(site):
    page = _html(site, "de/guides/licensing")
    assert '<html lang="de"' in page
    assert "translation-missing" in page
    assert "Diese Seite gibt es noch nicht auf Deutsch" in page
    # The English text is marked as English.
    assert '<div lang="en">' in page
    assert "Licensing for Communications Credits" in page


def test_the_german_site_search_finds_a_missing_translation_in_english(site):
    # overrides/hooks/site_search.py: every section of the English page, marked, linked to
    # the German site's copy (with its banner); none of the fallback page's own entries.
    index = json.loads((site / "de/search/search_index.json").read_text("utf-8"))
    english = json.loads((site / "search/search_index.json").read_text("utf-8"))
    licensing = [d for d in index["docs"] if "guides/licensing/" in d["location"]]
    expected = [d["location"] for d in english["docs"] if d["location"].startswith("guides/lic")]
    assert [d["location"] for d in licensing] == expected
    assert all(d["title"].endswith(" (English)") for d in licensing)


def test_a_glossary_page_in_every_language(site):
    english, german, chinese = (
        _html(site, "glossary"),
        _html(site, "de/glossary"),
        _html(site, "zh/glossary"),
    )
    for page in (english, german, chinese):
        assert 'id="auto-recharge"' in page and 'id="communications-credits"' in page
    assert "<title>Glossar - " in german and "<title>术语表 - " in chinese
    assert "<del>Auto-Ladeleuchte</del>" in german and "Nicht verwenden" in german
    assert "<del>通信贷项</del>" in chinese
    switcher = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link">', german
        )
    )
    assert switcher == {"en": "../../glossary/", "de": "./", "zh": "../../zh/glossary/"}


def test_glossary_terms_are_explained_on_hover(site):
    german = _html(site, "de/guides/auto-recharge")
    assert re.search(r'<abbr title="Der Saldo, unterhalb dessen[^"]*">Auslösebetrag</abbr>', german)
    chinese = _html(site, "zh/guides/auto-recharge")
    # Inside running Chinese text, where \\b word boundaries never match.
    assert re.search(r'<abbr title="余额低于此值时[^"]*">触发金额</abbr>', chinese)
    english = _html(site, "guides/auto-recharge")
    assert re.search(r'<abbr title="The balance below which[^"]*">trigger amount</abbr>', english)
