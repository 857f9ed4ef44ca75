"""The server-rendered pages: sign-in, sandbox, CSRF, labels, CSP, dashboard."""

from __future__ import annotations

import re

from tests.api.tenant_helpers import Tenant


def test_try_link_creates_a_sandbox_and_signs_in(client):
    response = client.get("/try/set-up?lang=de")
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
    client.get("/try/add-funds?lang=en")
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
    client.get("/try/add-funds?lang=zh")
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
        data={"csrf": token, "session_id": session_id, "amount": "12,345"},
    )
    assert wrong.status_code == 422
    assert 'value="12,345"' in wrong.text
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
