"""The guide site and the service's pages work in Chromium under their
Content-Security-Policy: the browser reports no violation, and the site's search answers."""

from __future__ import annotations

from collections.abc import Callable

from tests.browser.conftest import try_it


def violations_while(page, visit: Callable[[], None], base: str) -> list[str]:  # noqa: ANN001
    seen: list[str] = []

    def note(message) -> None:  # noqa: ANN001 - a Playwright console message
        text = message.text
        # The language menu fetches sitemap.xml at the site_url the site was built for
        # (port 8000), not at this test server's port: another origin only in this test.
        elsewhere = "sitemap.xml" in text and "127.0.0.1:8000/" in text and ":8000" not in base
        if "Content Security Policy" in text and not elsewhere:
            seen.append(text)

    page.on("console", note)
    visit()
    return seen


def test_the_guide_site_and_its_search_work_under_the_site_policy(service, page):
    def visit() -> None:
        page.goto(service.base + "/de/guides/add-funds/")
        page.wait_for_load_state("networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("Aufladung", delay=20)
        page.locator(".md-search-result__item").first.wait_for()

    assert violations_while(page, visit, service.base) == []


def test_service_pages_load_under_the_strict_policy_without_violations(service, page):
    def visit() -> None:
        try_it(page, service.base + "/try/set-up?lang=de")
        page.goto(service.base + "/sandbox?lang=de")
        page.goto(service.base + "/simulate?lang=de")
        page.goto(service.base + "/f1/No_Such_Keyword?lang=de")
        page.wait_for_load_state("networkidle")

    assert violations_while(page, visit, service.base) == []
