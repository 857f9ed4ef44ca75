"""Every page of the walkthroughs, sandbox and dashboard: fits a 390 px phone, passes axe-core.

axe-core comes from the npm registry (package.json at the repository root, ``npm ci`` in
``make browser``) and is evaluated in the page through the DevTools protocol, which the
pages' Content-Security-Policy does not restrict. Screenshots of every page in German and
Chinese land in test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import SHOTS, VIEWPORTS, try_it
from tests.conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
NEXT = {"de": "Speichern und weiter", "zh": "保存并继续"}
CANCEL = {"de": "Geführte Schritte abbrechen", "zh": "取消引导"}
READ = {"de": "Ich habe diesen Schritt gelesen", "zh": "我已阅读此步骤"}
RESTART = {"de": "Geführte Schritte erneut starten", "zh": "重新开始此引导"}


def check(page, name: str, prefix: str) -> None:
    page.screenshot(path=str(SHOTS / f"{prefix}-{name}.png"), full_page=True)
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2], f"{name}: page wider than the viewport {widths}"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    assert not found, f"{name}: {found}"


def submit(page, lang: str) -> None:
    page.get_by_role("button", name=NEXT[lang]).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["de", "zh"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_service_page_fits_and_passes_axe(service, chromium, viewport, lang):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make browser)")
    width, height = VIEWPORTS[viewport]
    context = chromium.new_context(locale=lang, viewport={"width": width, "height": height})
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = f"pages-{viewport}-{lang}"
    base = service.base
    try:
        page.goto(f"{base}/guide/set-up?lang={lang}")
        check(page, "signin-offer", prefix)
        page.goto(f"{base}/try/no-such-flow?lang={lang}")
        check(page, "not-found", prefix)
        page.goto(f"{base}/try/set-up?lang={lang}")
        check(page, "try-start", prefix)
        try_it(page, f"{base}/try/set-up?lang={lang}")
        check(page, "set-up-step1", prefix)
        submit(page, lang)
        check(page, "set-up-errors", prefix)
        page.goto(f"{base}/try/add-funds?lang={lang}")
        page.locator("#f-card_last4").fill("4242")
        page.locator("#f-card_exp_month").fill("12")
        page.locator("#f-card_exp_year").fill("2030")
        submit(page, lang)
        check(page, "add-funds-amount", prefix)
        page.locator("#f-amount").fill("1000000")
        submit(page, lang)
        check(page, "add-funds-confirm", prefix)
        page.locator("button[value=next]").click()
        page.wait_for_load_state()
        check(page, "add-funds-result", prefix)
        page.goto(f"{base}/guide/auto-recharge?lang={lang}")
        check(page, "auto-recharge-amounts", prefix)
        page.get_by_role("button", name=CANCEL[lang]).click()
        check(page, "auto-recharge-cancelled", prefix)
        page.goto(f"{base}/guide/switch-to-nce?lang={lang}")
        page.get_by_label(READ[lang]).check()
        submit(page, lang)
        check(page, "nce-result", prefix)
        page.get_by_role("button", name=RESTART[lang]).click()
        check(page, "nce-already", prefix)
        page.goto(f"{base}/sandbox?lang={lang}")
        page.locator("button[value=week]").click()
        check(page, "sandbox", prefix)
        page.locator("header a.navlink").first.click()
        page.wait_for_url("**/tenants/**")
        check(page, "dashboard", prefix)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["de", "zh"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_usage_replay_pages_fit_and_pass_axe(service, chromium, viewport, lang, tmp_path):
    """``/simulate``: the form, the form with an error, and the report of a small export."""
    from tests.browser.test_simulate_page import write_export

    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make browser)")
    export = write_export(tmp_path / "PSTN.calls.20260302.csv")
    width, height = VIEWPORTS[viewport]
    context = chromium.new_context(locale=lang, viewport={"width": width, "height": height})
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = f"pages-{viewport}-{lang}"
    button = {"de": "Wiedergeben", "zh": "回放"}[lang]
    try:
        page.goto(f"{service.base}/simulate?lang={lang}")
        check(page, "simulate-form", prefix)
        page.locator("#file").set_input_files(export)
        page.locator("#funds").fill("-1")
        page.locator("#recharge_delay_days").fill("99")
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
        assert page.get_by_test_id("error-summary").get_by_role("link").count() == 2
        check(page, "simulate-errors", prefix)
        page.locator("#file").set_input_files(export)
        page.locator("#funds").fill("100,50" if lang == "de" else "１００")
        page.locator("#trigger").fill("90")
        page.locator("#recharge_delay_days").fill("")
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
        assert page.locator(".report svg").count() >= 3
        check(page, "simulate-report", prefix)
    finally:
        context.close()
