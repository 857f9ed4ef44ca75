"""The usage replay page (``/simulate``) in Chromium, German and Chinese, desktop and phone.

An admin types amounts as their language writes them ("100,50", "１００") and sees them
back formatted in the report; a mistake brings the form back with the values kept and the
focus on an error summary that links to the field; the report speaks in words and local
dates, never in the export's codes; nothing makes the page wider than a 390 px phone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpsvc.api.security_headers import SERVICE_POLICY
from helpsvc.usage.generate import generate_rows, write_csv
from tests.browser.conftest import TAB_PARAMS, localized_tab, submit

TEXT = {
    "de": {
        "funds": "Startbetrag",
        "typed": "100,50",
        "shown": "100,50 €",
        "trigger": "90",
        "delay": "0,5",
        "submit": "Wiedergeben",
        "months": ("März", "Apr.", "Mai", "Juni"),
        "error": "„zehn“ ist kein Betrag",
        "notification": "Aufladung erfolgreich",
    },
    "zh": {
        "funds": "起始金额",
        "typed": "１００",
        "shown": "€100.00",
        "trigger": "９０",
        "delay": "0.5",
        "submit": "回放",
        "months": ("2026年3月", "2026年4月", "2026年5月", "2026年6月"),
        "error": "“zehn”不是金额",
        "notification": "充值成功",
    },
}
# Codes of the export and the engine that must reach the reader as words.
CODES = ("recharge_succeeded", "user_out", "user_in", "conf_in", "conf_out", "PREPAID", "T09:")


def write_export(path: Path) -> Path:
    """A small euro export from March to June: long enough for month names on the axis."""
    rows = generate_rows(users=6, days=100, seed=7, start=date(2026, 3, 2), currency="EUR")
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(handle, rows)
    return path


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_export(tmp_path_factory.mktemp("export") / "PSTN.calls.20260302.csv")


@pytest.fixture(params=TAB_PARAMS, ids=lambda p: "-".join(p))
def tab(chromium, request):
    viewport, lang = request.param
    with localized_tab(chromium, viewport, lang, TEXT[lang], "simulate") as page:
        yield page


def fits(page) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]"
    )
    assert max(widths[:2]) <= widths[2], f"page wider than the viewport {widths}"


def visible_text(page) -> str:
    return page.locator("main").inner_text().replace("\xa0", " ")


def test_amounts_as_typed_give_a_report_in_words_and_local_dates(service, tab, export):
    text = tab.text
    tab.goto(f"{service.base}/simulate?lang={tab.lang}")
    fits(tab)
    tab.shot("form")
    tab.locator("#file").set_input_files(export)
    tab.get_by_label(text["funds"], exact=True).fill(text["typed"])
    tab.locator("#trigger").fill(text["trigger"])
    tab.locator("#recharge_delay_days").fill(text["delay"])
    submit(tab.get_by_role("button", name=text["submit"]))
    settings = tab.locator(".report table").first.inner_text().replace("\xa0", " ")
    assert text["shown"] in settings
    shown = visible_text(tab)
    for code in CODES:
        assert code not in shown, f"{code!r} shown to the reader"
    assert text["notification"] in shown
    labels = " ".join(tab.locator(".report figure.chart svg text").all_text_contents())
    assert any(month in labels for month in text["months"]), labels
    assert "Mar" not in labels and "Jun" not in labels.replace("Juni", "")
    fits(tab)
    tab.shot("result")


def test_a_bad_amount_puts_focus_on_the_summary_and_keeps_the_values(service, tab, export):
    text = tab.text
    tab.goto(f"{service.base}/simulate?lang={tab.lang}")
    tab.locator("#file").set_input_files(export)
    tab.get_by_label(text["funds"], exact=True).fill("zehn")
    tab.locator("#trigger").fill(text["typed"])
    tab.locator("#nce").check()
    submit(tab.get_by_role("button", name=text["submit"]))
    # autofocus moves the focus once the page has loaded: wait for it
    # Not wait_for_function: its string predicate is an eval the page's CSP may refuse
    expect(tab.get_by_test_id("error-summary")).to_be_focused(timeout=30_000)
    link = tab.get_by_test_id("error-summary").get_by_role("link")
    assert link.get_attribute("href") == "#funds" and text["error"] in link.inner_text()
    funds = tab.locator("#funds")
    assert funds.input_value() == "zehn" and funds.get_attribute("aria-invalid") == "true"
    assert "funds-error" in funds.get_attribute("aria-describedby")
    assert tab.locator("#trigger").input_value() == text["typed"]
    assert tab.locator("#nce").is_checked()
    fits(tab)
    tab.shot("error")
    link.click()
    expect(funds).to_be_focused()


def test_the_pages_need_nothing_a_strict_content_security_policy_forbids(service, chromium, export):
    """No inline style or script (charts included): the page works under the policy of the
    other service pages, stricter than the one ``/simulate`` has needed for its charts.

    Chromium hands a route no file upload body, so each page the form posts is shown again
    from a copy, this time under the strict policy.
    """
    context = chromium.new_context(locale="de-DE")
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Security Policy" in m.text else None)
    copy: dict[str, str] = {}

    def strict(route):
        if route.request.method != "GET":
            route.continue_()
            return
        headers = {
            "content-type": "text/html; charset=utf-8",
            "content-security-policy": SERVICE_POLICY,
        }
        if "again" in route.request.url:
            route.fulfill(body=copy["html"], headers=headers)
            return
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, **headers})

    def under_policy() -> None:
        copy["html"] = page.content()
        page.goto(f"{service.base}/simulate/again?lang=de")

    page.route("**/simulate?*", strict)
    page.route("**/simulate/again*", strict)
    try:
        page.goto(f"{service.base}/simulate?lang=de")
        page.locator("#file").set_input_files(export)
        page.locator("#funds").fill("zehn")
        submit(page.get_by_role("button", name="Wiedergeben"))
        under_policy()
        page.get_by_test_id("error-summary").get_by_role("link").click()
        # Following the link focuses the field: Chromium focuses a focusable target of
        # a fragment, no script needed (and the policy runs none).
        expect(page.locator("#funds")).to_be_focused()
        page.goto(f"{service.base}/simulate?lang=de")
        page.locator("#file").set_input_files(export)
        page.locator("#funds").fill("100,50")
        submit(page.get_by_role("button", name="Wiedergeben"))
        under_policy()
        expect(page.locator(".report figure.chart svg").first).to_be_visible()
        # Attributes, not inline style, colour the chart: the line is not black.
        line = page.locator(".report figure.chart svg path[stroke='#3f51b5']").first
        assert line.evaluate("e => getComputedStyle(e).stroke") == "rgb(63, 81, 181)"
        # The report's own stylesheet applies: its tables scroll inside their box.
        box = page.locator(".report .scroll").first
        assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        assert not blocked, blocked
    finally:
        context.close()
