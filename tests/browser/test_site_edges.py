"""The guide site's edges as a reader meets them in Chromium: the 404 page, the language
switcher, glossary tooltips, links, failed requests, accessibility, permalinks and the
Chinese glossary's order.

Screenshots of the German and Chinese pages, on a desktop and on a 390 px phone, land in
test-output/screenshots/site-*.png for a person to look at.
"""

from __future__ import annotations

import pytest
from pypinyin import Style, lazy_pinyin

from tests.browser.conftest import SHOTS
from tests.conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
SITE_NAME = {
    "en": "Communications Credits Help",
    "de": "Hilfe zum Kommunikationsguthaben",
}
NOT_FOUND = {"en": "Page not found", "de": "Seite nicht gefunden", "zh": "找不到页面"}
HOME = {"en": "/", "de": "/de/", "zh": "/zh/"}
PERMALINK = {"en": "Link to this section", "de": "Link zu diesem Abschnitt", "zh": "指向本节的链接"}
GUIDE = "guides/auto-recharge/"

# Sections and tooltips as the reader sees them: the first <abbr> of each term after each
# h1-h3 heading, none inside a heading.
ABBR_REPORT = """() => {
  const article = document.querySelector("article");
  const inHeadings = [...article.querySelectorAll("h1 abbr, h2 abbr, h3 abbr, h4 abbr")]
    .map(a => a.textContent);
  const repeated = [];
  let seen = new Set();
  let section = "(top)";
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (/^H[1-3]$/.test(node.tagName)) { seen = new Set(); section = node.id; }
    if (node.tagName === "ABBR") {
      const title = node.getAttribute("title");
      if (seen.has(title)) repeated.push(section + ": " + node.textContent);
      seen.add(title);
    }
  }
  return {count: article.querySelectorAll("abbr").length, inHeadings, repeated};
}"""


def _context(chromium, locale: str, viewport: str = "desktop"):
    width, height = VIEWPORTS[viewport]
    return chromium.new_context(locale=locale, viewport={"width": width, "height": height})


def _shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"site-{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("locale", "path", "lang"),
    [
        ("en-US", "/no/such/page/", "en"),
        ("de-DE", "/no/such/page/", "de"),
        ("zh-CN", "/no/such/page/", "zh"),
        # The path's language wins over the browser's.
        ("en-US", "/de/guides/no-such-guide/", "de"),
        ("de-DE", "/zh/no-such-page", "zh"),
    ],
)
def test_the_404_page_speaks_the_readers_language(service, chromium, locale, path, lang):
    context = _context(chromium, locale)
    tab = context.new_page()
    try:
        response = tab.goto(service.base + path)
        assert response is not None and response.status == 404
        assert tab.locator("html").get_attribute("lang") == lang
        assert tab.locator("article h1").inner_text() == NOT_FOUND[lang]
        # Navigation and site name in the reader's language, and a way home.
        if lang in SITE_NAME:
            assert SITE_NAME[lang] in tab.title()
        home = tab.locator("article a").first
        assert home.get_attribute("href") == HOME[lang]
        home.click()
        tab.wait_for_url(service.base + HOME[lang])
        assert tab.locator("html").get_attribute("lang") == lang
    finally:
        context.close()


def test_the_german_and_chinese_404_pages_look_right(service, chromium):
    for lang in ("de", "zh"):
        for viewport in VIEWPORTS:
            context = _context(chromium, lang, viewport)
            tab = context.new_page()
            try:
                tab.goto(f"{service.base}/{lang}/no-such-page/")
                _shot(tab, f"404-{viewport}-{lang}")
                assert tab.locator("html").get_attribute("lang") == lang
            finally:
                context.close()


def _switch_language(tab, lang: str) -> None:
    # Material's switcher opens on hover; its links are ordinary links.
    tab.locator(".md-header__option .md-select").first.hover()
    link = tab.locator(f"a.md-select__link[hreflang={lang}]")
    with tab.expect_navigation():
        link.click()


def test_switching_language_keeps_the_section(service, page):
    page.goto(f"{service.base}/{GUIDE}#turn-on")
    _switch_language(page, "de")
    assert page.url == f"{service.base}/de/{GUIDE}#turn-on"
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("#turn-on").count() == 1

    # A section reached from the table of contents, after the page was loaded.
    page.goto(f"{service.base}/de/{GUIDE}")
    page.locator('.md-sidebar--secondary a.md-nav__link[href="#failed-recharges"]').click()
    page.wait_for_url("**#failed-recharges")
    _switch_language(page, "zh")
    assert page.url == f"{service.base}/zh/{GUIDE}#failed-recharges"

    # Without a section, the switcher leads to the top of the other page.
    page.goto(f"{service.base}/zh/{GUIDE}")
    _switch_language(page, "en")
    assert page.url == f"{service.base}/{GUIDE}"


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
def test_a_glossary_term_is_explained_once_per_section_and_never_in_a_heading(
    service, chromium, lang
):
    context = _context(chromium, lang)
    tab = context.new_page()
    prefix = "" if lang == "en" else f"{lang}/"
    try:
        tab.goto(f"{service.base}/{prefix}{GUIDE}")
        report = tab.evaluate(ABBR_REPORT)
        assert report["count"] > 0, "the guide explains no glossary term at all"
        assert report["inHeadings"] == []
        assert report["repeated"] == []
        # Links are underlined (not told apart by colour alone); terms by a dotted line.
        link, term = tab.evaluate(
            """() => [document.querySelector("article p a:not(.headerlink)"),
                      document.querySelector("article abbr")]
                .map(e => getComputedStyle(e))
                .map(s => [s.textDecorationLine, s.textDecorationStyle, s.borderBottomStyle])"""
        )
        assert link[:2] == ["underline", "solid"]
        assert term[0] == "none" and term[2] == "dotted"

        # The glossary page defines every term in place: no tooltips, not even on the
        # variants it tells the reader to avoid.
        tab.goto(f"{service.base}/{prefix}glossary/")
        assert tab.evaluate(ABBR_REPORT)["count"] == 0
        assert tab.locator("article del").count() > 0
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["/", f"/{GUIDE}", f"/de/{GUIDE}", "/zh/", "/zh/glossary/", "/de/no-such-page/"]
)
def test_a_page_load_makes_no_failed_request(service, chromium, path):
    context = _context(chromium, "de-DE")
    tab = context.new_page()
    failed: list[str] = []
    tab.on("requestfailed", lambda request: failed.append(f"failed: {request.url}"))
    tab.on(
        "response",
        lambda response: (
            failed.append(f"{response.status}: {response.url}")
            if response.status >= 400 and response.url != service.base + path
            else None
        ),
    )
    try:
        tab.goto(service.base + path, wait_until="networkidle")
        # The language switcher is hovered, as a reader about to switch would.
        tab.locator(".md-header__option .md-select").first.hover()
        tab.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert failed == []


def _axe(tab) -> list[str]:
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    return tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_home_and_a_guide_pass_axe(service, chromium, lang, viewport):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make browser)")
    context = _context(chromium, lang, viewport)
    tab = context.new_page()
    prefix = "" if lang == "en" else f"{lang}/"
    try:
        for name, path in (("home", ""), ("guide", GUIDE)):
            tab.goto(f"{service.base}/{prefix}{path}")
            if lang != "en":
                _shot(tab, f"{name}-{viewport}-{lang}")
            widths = tab.evaluate(
                "[document.documentElement.scrollWidth, document.body.scrollWidth,"
                " window.innerWidth]"
            )
            assert max(widths[:2]) <= widths[2], f"{name}: wider than the viewport {widths}"
            found = _axe(tab)
            assert not found, f"{lang} {name}: {found}"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "de", "zh"])
def test_the_permalink_tooltip_is_in_the_pages_language(service, chromium, lang):
    context = _context(chromium, lang)
    tab = context.new_page()
    prefix = "" if lang == "en" else f"{lang}/"
    try:
        tab.goto(f"{service.base}/{prefix}{GUIDE}")
        titles = set(tab.locator("article a.headerlink").evaluate_all("a => a.map(e => e.title)"))
        assert titles == {PERMALINK[lang]}
    finally:
        context.close()


def test_the_chinese_glossary_is_in_pinyin_order(service, chromium):
    context = _context(chromium, "zh-CN")
    tab = context.new_page()
    try:
        tab.goto(f"{service.base}/zh/glossary/")
        headings = [
            h.strip()
            for h in tab.locator("article h2").evaluate_all(
                "h => h.map(e => e.childNodes[0].textContent)"
            )
        ]
    finally:
        context.close()
    assert len(headings) > 5
    # As a Chinese dictionary orders words: by each character's pinyin, then its tone.
    spelled = [[s.casefold() for s in lazy_pinyin(h, style=Style.TONE3)] for h in headings]
    assert spelled == sorted(spelled), list(zip(headings, spelled, strict=True))
    # Code point (radical-and-stroke) order would be a different one.
    assert headings != sorted(headings)
