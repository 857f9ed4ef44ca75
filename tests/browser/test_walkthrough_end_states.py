"""Walkthroughs an admin can finish, in Chromium at desktop and phone size, German and Chinese.

Every flow ends on a result page that names the change; a refresh or a replayed POST of
that page changes nothing; cancel ends on the cancelled page; errors move focus to the
error summary; amounts are read as the admin types them; Back keeps values.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.api.tenant_helpers import ADA, Tenant
from tests.browser.conftest import SHOTS, TAB_PARAMS, localized_tab, submit, try_it

TEXT = {
    "de": {
        "next": "Speichern und weiter",
        "back": "Zurück",
        "cancel": "Geführte Schritte abbrechen",
        "last4": "Kreditkarte: letzte 4 Ziffern",
        "month": "Ablaufmonat",
        "year": "Ablaufjahr",
        "amount": "Guthaben aufladen (Betrag)",
        "typed": "25,50",
        "added": "25,50 € hinzugefügt, Saldo jetzt 25,50 €",
        "cancelled": "Geführte Schritte abgebrochen",
        "done": "Alle Schritte sind erledigt.",
        "user": "Benutzer (Anmeldeadresse)",
        "path": "Audiokonferenzen",
        "trigger": "Auslösebetrag (wenn der Saldo unter diesen Wert fällt)",
        "recharge": "Aufladebetrag",
        "confirm": "Bestätigen Sie, dass Sie diesen Schritt gelesen haben",
        "checkbox": "Ich habe diesen Schritt gelesen",
        "nce_done": "Ihre Organisation verwendet jetzt NCE mit Abrechnung nach Nutzung",
        "auto_done": "Automatische Aufladung aktiviert",
        "set_up_done": "Kommunikationsguthaben-Lizenz zugewiesen an: ada@contoso.com",
        "large": "1.000.000",
        "confirm_button": "Ja, 1.000.000,00 € aufladen",
        "trigger_error": "Der Aufladebetrag muss größer sein als der Auslösebetrag",
        "card_error": "ist Ende",
    },
    "zh": {
        "next": "保存并继续",
        "back": "上一步",
        "cancel": "取消引导",
        "last4": "信用卡：后 4 位数字",
        "month": "到期月份",
        "year": "到期年份",
        "amount": "添加资金（金额）",
        "typed": "１００",
        "added": "已添加 ¥100.00，当前余额为 ¥100.00。",
        "cancelled": "引导已取消",
        "done": "所有步骤均已完成。",
        "user": "用户（登录地址）",
        "path": "音频会议",
        "trigger": "触发金额（余额低于此值时）",
        "recharge": "充值金额",
        "confirm": "请确认你已阅读此步骤",
        "checkbox": "我已阅读此步骤",
        "nce_done": "你的组织现在使用 NCE 使用后计费",
        "auto_done": "自动充值已启用",
        "set_up_done": "已向以下用户分配通信点数许可证：ada@contoso.com",
        "large": "1,000,000",
        "confirm_button": "是，添加 ¥1,000,000.00",
        "trigger_error": "充值金额必须大于触发金额",
        "card_error": "已于",
    },
}


@pytest.fixture(params=TAB_PARAMS, ids=lambda p: "-".join(p))
def tab(chromium, request):
    viewport, lang = request.param
    with localized_tab(chromium, viewport, lang, TEXT[lang], "end-states") as page:
        yield page


def changes(page) -> str:
    # Babel writes a no-break space between amount and currency sign.
    return page.get_by_test_id("changes").inner_text().replace("\xa0", " ")


def fill_card(page, year: str = "2030") -> None:
    text = page.text
    page.get_by_label(text["last4"]).fill("4242")
    page.get_by_label(text["month"]).fill("12")
    page.get_by_label(text["year"]).fill(year)


def form_fields(page) -> dict[str, str]:
    """The hidden and typed values of the step form, as the browser would send them."""
    return page.evaluate(
        "Object.fromEntries(new FormData(document.querySelector('form.step-form')))"
    )


def ledger_rows(page, base: str) -> int:
    page.goto(base + f"/sandbox?lang={page.lang}")
    page.get_by_role("link", name=re.compile("Dashboard|仪表板")).first.click()
    page.wait_for_url("**/tenants/**")
    return page.locator("[data-testid=ledger] tbody tr").count()


def test_add_funds_ends_on_a_result_page_and_a_resent_form_buys_nothing(service, tab):
    text = tab.text
    try_it(tab, service.base + f"/try/add-funds?lang={tab.lang}")
    fill_card(tab)
    submit(tab.get_by_role("button", name=text["next"]))
    tab.get_by_label(text["amount"]).fill(text["typed"])
    sent = {**form_fields(tab), "action": "next"}
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["added"] in changes(tab)
    assert text["done"] in tab.get_by_test_id("result").inner_text()
    tab.shot("result")

    tab.reload()  # a refresh of the result page
    assert text["added"] in changes(tab)
    rows = ledger_rows(tab, service.base)
    assert rows == 1

    # The same POST again, as a replay or a browser resubmit would send it.
    replay = tab.request.post(service.base + f"/guide/add-funds?lang={tab.lang}", form=sent)
    assert replay.ok and "sent=1" in replay.url
    assert ledger_rows(tab, service.base) == 1


def test_cancel_ends_on_the_cancelled_page(service, tab):
    text = tab.text
    try_it(tab, service.base + f"/try/auto-recharge?lang={tab.lang}")
    submit(tab.get_by_role("button", name=text["cancel"]))
    assert tab.get_by_role("heading", level=1).inner_text() == text["cancelled"]
    tab.reload()
    expect(tab.get_by_test_id("cancelled")).to_be_visible()  # not silently started again
    tab.shot("cancelled")


def test_switch_to_nce_ends_in_success(service, tab):
    text = tab.text
    try_it(tab, service.base + f"/try/switch-to-nce?lang={tab.lang}")
    tab.get_by_label(text["checkbox"]).check()
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["nce_done"] in changes(tab)
    assert tab.locator(".notice.error").count() == 0
    tab.shot("nce-success")


def test_set_up_and_auto_recharge_build_on_one_sandbox(service, tab):
    text = tab.text
    try_it(tab, service.base + f"/try/set-up?lang={tab.lang}")
    tab.get_by_label(text["user"]).fill("ada@contoso.com")
    tab.get_by_label(text["path"]).check()
    submit(tab.get_by_role("button", name=text["next"]))
    tab.get_by_label(text["amount"]).fill("100")
    fill_card(tab)
    submit(tab.get_by_role("button", name=text["back"]))
    assert tab.get_by_label(text["user"]).input_value() == "ada@contoso.com"  # Back keeps
    submit(tab.get_by_role("button", name=text["next"]))
    assert tab.get_by_label(text["amount"]).input_value() == "100"  # and so does Next
    assert tab.get_by_label(text["last4"]).input_value() == "4242"
    submit(tab.get_by_role("button", name=text["next"]))
    tab.get_by_label("ada@contoso.com").check()
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["set_up_done"] in changes(tab)

    # The next "try it" link opens the same organization: the card is already there.
    try_it(tab, service.base + f"/try/auto-recharge?lang={tab.lang}")
    tab.get_by_label(text["trigger"]).fill("100")
    tab.get_by_label(text["recharge"]).fill("5")
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["trigger_error"] in tab.locator("#recharge_amount-error").inner_text()
    tab.get_by_label(text["recharge"]).fill("400")
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["auto_done"] in changes(tab)


def test_errors_take_focus_and_large_purchases_ask_first(service, tab):
    text = tab.text
    try_it(tab, service.base + f"/try/add-funds?lang={tab.lang}")
    fill_card(tab, year="2020")  # expired in the organization's present
    submit(tab.get_by_role("button", name=text["next"]))
    assert text["card_error"] in tab.locator("#card_exp_month-error").inner_text()
    fill_card(tab)
    submit(tab.get_by_role("button", name=text["next"]))
    tab.get_by_label(text["amount"]).fill("zehn")
    submit(tab.get_by_role("button", name=text["next"]))
    # autofocus moves the focus once the page has loaded: wait for it
    # Not wait_for_function: its string predicate is an eval the page's CSP may refuse
    expect(tab.get_by_test_id("error-summary")).to_be_focused(timeout=30_000)
    summary_link = tab.get_by_test_id("error-summary").get_by_role("link")
    assert summary_link.get_attribute("href") == "#f-amount"
    assert tab.get_by_label(text["amount"]).input_value() == "zehn"
    tab.shot("error-summary")

    tab.get_by_label(text["amount"]).fill(text["large"])
    submit(tab.get_by_role("button", name=text["next"]))
    # Not wait_for_function: its string predicate is an eval the page's CSP may refuse
    expect(tab.get_by_test_id("confirm")).to_be_focused(timeout=30_000)
    tab.shot("confirm")
    submit(tab.get_by_role("button", name=text["confirm_button"]))
    # the click starts a navigation; is_visible() would read the old page
    expect(tab.get_by_test_id("changes")).to_be_visible()


def test_unknown_flow_is_a_localized_404(service, tab):
    response = tab.goto(service.base + f"/try/unknown-flow?lang={tab.lang}")
    assert response.status == 404
    assert tab.locator("input[name=api_key]").count() == 0
    assert "unknown-flow" in tab.inner_text("main")


def test_dashboard_names_an_expired_card_as_the_cause(service, chromium):
    with httpx.Client(base_url=service.base) as client:
        t = Tenant(client, country="DE", currency="EUR", language="de")
        t.ok("post", "/users", {"user_id": "ada", "licenses": ADA})
        t.card(month=2, year=2026)
        t.fund("10")
        auto = {"enabled": True, "trigger_amount": "5", "recharge_amount": "20"}
        t.ok("put", "/auto-recharge", auto)
        t.ok("post", "/clock", {"to": "2026-03-01T00:00:00Z"})
        t.call(60 * 50)
    context = chromium.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(service.base + "/signin?lang=de")
        page.locator("#api_key").fill(t.key)
        submit(page.get_by_role("button", name="Anmelden"))
        notice = page.get_by_test_id("notice-recharge_failed_card_expired").inner_text()
        assert "fehlgeschlagen" in notice and "4242" in notice and "abgelaufen" in notice
        assert "aktivieren Sie die automatische Aufladung" not in page.inner_text("main")
        assert "abgelaufen" in page.get_by_test_id("card").inner_text()
        page.screenshot(path=str(SHOTS / "end-states-mobile-de-expired-card.png"), full_page=True)
        # The notice links to the German troubleshooting section on failed recharges.
        why = page.get_by_test_id("help-recharge_failed_card_expired")
        assert why.inner_text() == "Ursache und Lösung"
        why.click()
        page.wait_for_url("**/de/guides/troubleshooting/#recharge-failed")
        expect(page.locator("h2#recharge-failed")).to_be_in_viewport()
    finally:
        context.close()
