"""From a guide page to a funded tenant, as a reader does it, in German and Chinese."""

from __future__ import annotations

import pytest

from tests.browser.conftest import submit, try_it

LABELS = {
    "de": {
        "guide": "/de/guides/set-up-communications-credits/",
        "start": "Geführte Einrichtung starten",
        "user": "Benutzer (Anmeldeadresse)",
        "path": "Teams Phone Standard und Inlandsanrufplan",
        "amount": "Guthaben aufladen (Betrag)",
        "auto": "Automatische Aufladung aktivieren",
        "recharge": "Aufladebetrag",
        "trigger": "Auslösebetrag (wenn der Saldo unter diesen Wert fällt)",
        "last4": "Kreditkarte: letzte 4 Ziffern",
        "month": "Ablaufmonat",
        "year": "Ablaufjahr",
        "next": "Speichern und weiter",
        "done": "Alle Schritte sind erledigt.",
        "dashboard": "Dashboard",
        "on": "Aktiviert",
        "currency": "EUR",
        "amount_error": "Geben Sie einen Betrag größer als null",
    },
    "zh": {
        "guide": "/zh/guides/set-up-communications-credits/",
        "start": "开始引导式设置",
        "user": "用户（登录地址）",
        "path": "Teams Phone Standard 与国内通话套餐",
        "amount": "添加资金（金额）",
        "auto": "启用自动充值",
        "recharge": "充值金额",
        "trigger": "触发金额（余额低于此值时）",
        "last4": "信用卡：后 4 位数字",
        "month": "到期月份",
        "year": "到期年份",
        "next": "保存并继续",
        "done": "所有步骤均已完成。",
        "dashboard": "仪表板",
        "on": "已启用",
        "currency": "CNY",
        "amount_error": "请输入大于零的金额",
    },
}


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_set_up_walkthrough_from_the_guide_to_the_dashboard(service, page, lang):
    text = LABELS[lang]
    page.goto(service.base + text["guide"])
    page.shot("guide")
    page.get_by_role("link", name=text["start"]).first.click()
    page.wait_for_url("**/try/set-up?lang=" + lang)  # a link starts nothing by itself
    submit(page.locator("form[action^='/try/'] button[type=submit]"))
    page.wait_for_url("**/guide/set-up?lang=" + lang)

    page.get_by_label(text["user"]).fill("ada@contoso.com")
    page.get_by_label(text["path"]).check()
    page.shot("step1")
    submit(page.get_by_role("button", name=text["next"]))

    # An invalid amount: a localized error, and what was typed stays in the field.
    page.get_by_label(text["amount"]).fill("hundert")
    submit(page.get_by_role("button", name=text["next"]))
    assert text["amount_error"] in page.locator(".error-text").first.inner_text()
    assert page.get_by_label(text["amount"]).input_value() == "hundert"
    page.shot("invalid-amount")

    page.get_by_label(text["amount"]).fill("100")
    page.get_by_label(text["auto"]).check()
    page.get_by_label(text["recharge"]).fill("50")
    page.get_by_label(text["trigger"]).fill("20")
    page.get_by_label(text["last4"]).fill("4242")
    page.get_by_label(text["month"]).fill("12")
    page.get_by_label(text["year"]).fill("2030")
    page.shot("step2")
    submit(page.get_by_role("button", name=text["next"]))

    page.get_by_label("ada@contoso.com").check()
    page.shot("step3")
    submit(page.get_by_role("button", name=text["next"]))
    assert text["done"] in page.inner_text("main")
    page.shot("done")

    page.get_by_role("link", name=text["dashboard"]).first.click()
    # Issue 12: the page writes the balance the reader's way; the machine value stays.
    balance = page.get_by_test_id("balance")
    assert balance.get_attribute("value") == f"100.00 {text['currency']}"
    assert balance.inner_text().replace("\xa0", " ") in ("100,00 €", "¥100.00")
    assert page.get_by_test_id("auto-recharge").inner_text() == text["on"]
    assert page.locator("svg.chart").count() == 1
    page.shot("dashboard")


def test_nce_branch_explains_and_offers_the_nce_guide(service, page):
    try_it(page, service.base + "/try/set-up?lang=de&model=nce")
    main = page.inner_text("main")
    assert "NCE" in main and "Abrechnung nach Nutzung" in main
    link = page.get_by_role("link", name="Zu NCE mit Abrechnung nach Nutzung wechseln")
    page.shot("nce")
    link.click()
    page.wait_for_url("**/de/guides/switch-to-nce/**")


def test_pages_work_with_the_keyboard(service, page):
    try_it(page, service.base + "/try/add-funds?lang=de")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-card_last4":
            break
    assert page.evaluate("document.activeElement.id") == "f-card_last4"
