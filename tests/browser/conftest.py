"""Headless Chromium (Debian's package) driven by Playwright against the real service."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.live_server import LiveServer

CHROMIUM = os.environ.get("HELPSVC_CHROMIUM", "/usr/bin/chromium")
SHOTS = REPO / "test-output" / "screenshots"


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


def submit(control) -> None:
    """Click a control that posts its form and wait for the answering page.

    Playwright's click does not wait for the navigation it starts, so a read right after
    it could still see the page that was left.
    """
    with control.page.expect_navigation():
        control.click()
