"""The server-rendered pages: sign-in, sandbox, CSRF, labels, CSP, dashboard."""

from __future__ import annotations

import re

from tests.api.tenant_helpers import Tenant


def start_sandbox(client, flow: str, lang: str):
    """Follow a "try it" link and press the page's start button."""
    page = client.get(f"/try/{flow}?lang={lang}")
    assert page.status_code == 200, page.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post(f"/try/{flow}?lang={lang}", data={"csrf": csrf})


def test_try_link_creates_a_sandbox_and_signs_in(client):
    response = start_sandbox(client, "set-up", "de")
    assert response.status_code == 303 and response.headers["location"] == "/guide/set-up?lang=de"
    cookie = response.headers["set-cookie"]
    assert "helpsvc_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    page = client.get("/guide/set-up?lang=de")
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    html = page.text
    assert '<html lang="de">' in html and "Schritt 1 von 3" in html
    # every input has a label, and the form carries a CSRF token
    ids = set(re.findall(r'<input id="([^"]+)"', html))
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert ids <= labelled
    assert re.search(r'name="csrf" value="[^"]{20,}"', html)


def test_form_posts_without_the_csrf_token_are_refused(client):
    start_sandbox(client, "add-funds", "en")
    page = client.get("/guide/add-funds?lang=en").text
    session_id = re.search(r'name="session_id" value="([^"]+)"', page).group(1)
    forged = client.post(
        "/guide/add-funds?lang=en",
        data={
            "session_id": session_id,
            "csrf": "forged",
            "card_last4": "4242",
            "card_exp_month": "12",
            "card_exp_year": "2030",
        },
    )
    assert forged.status_code == 403


def test_invalid_amount_keeps_what_was_typed_and_explains_in_chinese(client):
    start_sandbox(client, "add-funds", "zh")
    page = client.get("/guide/add-funds?lang=zh").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    session_id = re.search(r'name="session_id" value="([^"]+)"', page).group(1)
    client.post(
        "/guide/add-funds?lang=zh",
        data={
            "csrf": token,
            "session_id": session_id,
            "card_last4": "4242",
            "card_exp_month": "12",
            "card_exp_year": "2030",
        },
    )
    wrong = client.post(
        "/guide/add-funds?lang=zh",
        data={"csrf": token, "session_id": session_id, "amount": "12,34,5"},
    )
    assert wrong.status_code == 422
    assert 'value="12,34,5"' in wrong.text
    assert "请输入大于零的金额" in wrong.text and 'aria-invalid="true"' in wrong.text


def test_sign_in_with_an_api_key_and_see_the_dashboard(client):
    t = Tenant(client, language="en")
    t.setup_user()
    t.card()
    t.fund("30")
    form = client.get("/signin?lang=en")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    wrong = client.post("/signin?lang=en", data={"csrf": token, "api_key": "hsk_nope", "next": "/"})
    assert wrong.status_code == 401
    ok = client.post(
        "/signin?lang=en", data={"csrf": token, "api_key": t.key, "next": "//evil.example"}
    )
    assert ok.status_code == 303 and ok.headers["location"] == f"/tenants/{t.id}?lang=en"
    dashboard = client.get(f"/tenants/{t.id}?lang=en")
    assert dashboard.status_code == 200
    assert "30.00 USD" in dashboard.text and "<svg" in dashboard.text
    assert "2027-01-10" in dashboard.text  # the lot's expiry
    other = Tenant(client, name="Other")
    assert client.get(f"/tenants/{other.id}").status_code == 404


def test_guide_page_without_sign_in_offers_the_sandbox(client):
    page = client.get("/guide/set-up?lang=de")
    assert page.status_code == 200
    assert 'href="/try/set-up?lang=de"' in page.text and 'name="api_key"' in page.text


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def step_form(client, flow: str, lang: str) -> dict[str, str]:
    html = client.get(f"/guide/{flow}?lang={lang}").text
    return {k: hidden(html, k) for k in ("csrf", "session_id", "step_token")}


CARD = {"card_last4": "4242", "card_exp_month": "12", "card_exp_year": "2030"}


def test_a_resent_form_changes_nothing_and_the_result_page_says_what_changed(client):
    start_sandbox(client, "add-funds", "de")
    client.post("/guide/add-funds?lang=de", data={**step_form(client, "add-funds", "de"), **CARD})
    sent = {**step_form(client, "add-funds", "de"), "amount": "25,50"}
    first = client.post("/guide/add-funds?lang=de", data=sent)
    assert first.status_code == 303
    result = client.get("/guide/add-funds?lang=de").text
    assert "25,50\xa0€ hinzugefügt, Saldo jetzt 25,50\xa0€" in result
    again = client.post("/guide/add-funds?lang=de", data=sent)  # a replayed POST
    assert again.status_code == 303 and again.headers["location"].endswith("&sent=1")
    shown = client.get(again.headers["location"]).text
    assert "Es wurde nichts ein zweites Mal geändert." in shown
    tenant = re.search(r'href="/tenants/([0-9a-f]+)\?lang=de"', shown).group(1)
    board = client.get(f"/tenants/{tenant}?lang=de").text
    assert board.count("<td>Kauf</td>") == 2  # one lot row, one ledger row: bought once
    # Finished is never silently restarted; starting again is an explicit button.
    assert "Alle Schritte sind erledigt." in client.get("/guide/add-funds?lang=de").text
    restart = {"csrf": sent["csrf"], "session_id": sent["session_id"], "action": "restart"}
    client.post("/guide/add-funds?lang=de", data=restart)
    assert 'name="amount"' in client.get("/guide/add-funds?lang=de").text


def test_back_keeps_what_was_typed_and_cancel_ends_on_the_cancelled_page(client):
    start_sandbox(client, "set-up", "en")
    first = step_form(client, "set-up", "en")
    client.post(
        "/guide/set-up?lang=en",
        data={**first, "user_id": "ada@contoso.com", "license_path": "audio_conferencing"},
    )
    second = step_form(client, "set-up", "en")
    client.post("/guide/set-up?lang=en", data={**second, "amount": "75", "action": "back"})
    back = client.get("/guide/set-up?lang=en").text
    assert 'value="ada@contoso.com"' in back and 'value="audio_conferencing" checked' in back
    client.post(
        "/guide/set-up?lang=en",
        data={
            **step_form(client, "set-up", "en"),
            **{"user_id": "ada@contoso.com", "license_path": "audio_conferencing"},
        },
    )
    assert 'value="75"' in client.get("/guide/set-up?lang=en").text  # the draft came back
    cancel = {**step_form(client, "set-up", "en"), "action": "cancel"}
    client.post("/guide/set-up?lang=en", data=cancel)
    page = client.get("/guide/set-up?lang=en").text
    assert "Walkthrough cancelled" in page and 'name="amount"' not in page


def test_errors_come_with_a_summary_that_links_to_the_field(client):
    start_sandbox(client, "add-funds", "de")
    client.post("/guide/add-funds?lang=de", data={**step_form(client, "add-funds", "de"), **CARD})
    wrong = client.post(
        "/guide/add-funds?lang=de", data={**step_form(client, "add-funds", "de"), "amount": "x"}
    )
    assert wrong.status_code == 422
    assert 'class="error-summary"' in wrong.text and "autofocus" in wrong.text
    assert 'href="#f-amount"' in wrong.text and "z. B. 50,00" in wrong.text


def test_try_links_share_one_sandbox_and_unknown_flows_get_a_404_page(client):
    first = start_sandbox(client, "set-up", "zh")
    assert "helpsvc_session=" in first.headers["set-cookie"]
    second = client.get("/try/add-funds?lang=zh")
    assert second.status_code == 303 and "set-cookie" not in second.headers
    missing = client.get("/try/unknown-flow?lang=de")
    assert missing.status_code == 404 and 'name="api_key"' not in missing.text
    assert "„unknown-flow“" in missing.text and 'href="/try/add-funds?lang=de"' in missing.text


def test_sandbox_page_moves_time_places_calls_and_signs_out(client):
    start_sandbox(client, "set-up", "de")
    page = client.get("/sandbox?lang=de").text
    csrf = hidden(page, "csrf")
    moved = client.post("/sandbox/clock?lang=de", data={"csrf": csrf, "period": "week"})
    assert "Die Uhr zeigt jetzt" in client.get(moved.headers["location"]).text
    calls = client.post("/sandbox/calls?lang=de", data={"csrf": csrf})
    assert "Beispielanrufe brauchen" in client.get(calls.headers["location"]).text
    out = client.post("/signout?lang=de", data={"csrf": csrf})
    assert out.status_code == 303
    assert 'name="api_key"' in client.get("/sandbox?lang=de").text


def test_dashboard_names_a_failed_recharge_on_an_expired_card(client):
    t = Tenant(client, country="DE", currency="EUR", language="de")
    t.setup_user()
    t.card(month=2, year=2026)
    t.fund("10")
    t.ok("put", "/auto-recharge", {"enabled": True, "trigger_amount": "5", "recharge_amount": "20"})
    t.ok("post", "/clock", {"to": "2026-03-01T00:00:00Z"})
    t.call(60 * 50)
    form = client.get("/signin?lang=de")
    client.post("/signin?lang=de", data={"csrf": hidden(form.text, "csrf"), "api_key": t.key})
    board = client.get(f"/tenants/{t.id}?lang=de").text
    assert "Die automatische Aufladung am 01.03.2026" in board
    assert "Endziffern 4242 ist Ende Feb. 2026 abgelaufen" in board
    assert "aktivieren Sie die automatische Aufladung" not in board
    assert 'href="/guide/auto-recharge?lang=de"' in board
    assert "PREPAID" not in board and "lot-1" not in board and "T00:00:00Z" not in board
