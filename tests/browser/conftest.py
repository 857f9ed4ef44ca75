"""Headless Chromium (Debian's package) driven by Playwright against the real service."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.live_server import LiveServer

CHROMIUM = os.environ.get("HELPSVC_CHROMIUM", "/usr/bin/chromium")
SHOTS = REPO / "test-output" / "screenshots"
# The desktop and the 390 px phone every service page is looked at on, in German and Chinese.
VIEWPORTS = {"desktop": (1366, 900), "mobile": (390, 844)}
LOCALES = {"de": "de-DE", "zh": "zh-CN"}
TAB_PARAMS = [(v, lang) for v in VIEWPORTS for lang in LOCALES]


@pytest.fixture(scope="session")
def browser_site(built_site: Path) -> Path:
    return built_site


@pytest.fixture(scope="session")
def service(browser_site: Path, tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("browser-data")
    live = LiveServer({"HELPSVC_SITE_DIR": str(browser_site)}, data).start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is required under CI (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium, request):
    context = chromium.new_context(locale="de-DE")
    tab = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.shot = lambda name: tab.screenshot(  # type: ignore[attr-defined]
        path=str(SHOTS / f"{request.node.name}-{name}.png"), full_page=True
    )
    try:
        yield tab
    finally:
        context.close()


@contextmanager
def localized_tab(
    chromium: Any, viewport: str, lang: str, text: dict[str, str], prefix: str
) -> Iterator[Any]:
    """A page in a browser context of ``lang``'s locale and ``viewport``'s size, with its
    ``lang``, the expected ``text`` and ``shot(name)`` saving ``prefix-viewport-lang-name``."""
    width, height = VIEWPORTS[viewport]
    context = chromium.new_context(
        locale=LOCALES[lang], viewport={"width": width, "height": height}
    )
    page = context.new_page()
    page.lang = lang
    page.text = text
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.shot = lambda name: page.screenshot(
        path=str(SHOTS / f"{prefix}-{viewport}-{lang}-{name}.png"), full_page=True
    )
    try:
        yield page
    finally:
        context.close()


def submit(control) -> None:
    """Click a control that posts its form and wait for the answering page.

    Playwright's click does not wait for the navigation it starts, so a read right after
    it could still see the page that was left.
    """
    with control.page.expect_navigation():
        control.click()


def try_it(page, url: str):  # noqa: ANN001, ANN201 - a Playwright page and response
    """Follow a "try it" link as a reader does: a link only shows the start page (unless the
    browser already has a fitting sandbox), and its button starts the sandbox."""
    response = page.goto(url)
    start = page.locator("form[action^='/try/'] button[type=submit]")
    if start.count():
        submit(start)
    return response
