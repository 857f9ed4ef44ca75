"""Walkthroughs through the API: every flow, every branch, invalid input, resumption."""

from __future__ import annotations

import pytest

from tests.api.tenant_helpers import ADA, Tenant

CARD = {"card_last4": "4242", "card_exp_month": "12", "card_exp_year": "2030"}


class Walk:
    def __init__(self, tenant: Tenant, flow: str, lang: str = "en") -> None:
        response = tenant.post("/walkthroughs", {"flow": flow, "lang": lang})
        assert response.status_code == 201, response.text
        self.tenant = tenant
        self.view = response.json()
        self.id = self.view["id"]

    def submit(self, values: dict, expect: int = 200) -> dict:
        response = self.tenant.post(f"/walkthroughs/{self.id}/submit", {"values": values})
        assert response.status_code == expect, response.text
        self.view = response.json() if expect == 200 else response.json()["walkthrough"]
        return response.json()

    def step(self) -> str | None:
        return self.view["step"]["id"] if self.view["step"] else None


@pytest.fixture
def tenant(client):
    return Tenant(client, country="DE", currency="EUR", language="de")


def test_set_up_flow_to_a_funded_tenant_with_auto_recharge(tenant):
    walk = Walk(tenant, "set-up", "de")
    assert walk.step() == "licenses"
    assert walk.view["step"]["progress_text"] == "Schritt 1 von 3"
    assert "<li>" in walk.view["step"]["html"]  # the guide's own section, in German
    assert walk.view["step"]["url"].endswith(
        "/de/guides/set-up-communications-credits/#step-licenses"
    )
    walk.submit({"user_id": "ada@contoso.com", "license_path": "phone_system_domestic"})
    assert walk.step() == "credits"
    walk.submit(
        {
            "amount": "100",
            "auto_recharge": "on",
            "trigger_amount": "20",
            "recharge_amount": "50",
            **CARD,
        }
    )
    assert walk.step() == "assign"
    assert [o["value"] for o in walk.view["step"]["inputs"][0]["options"]] == ["ada@contoso.com"]
    walk.submit({"users": ["ada@contoso.com"]})
    assert walk.view["status"] == "done" and walk.view["progress"]["done"] == 3
    state = tenant.state()
    assert state["balance"] == "100.00"
    assert state["auto_recharge"] == {
        "enabled": True,
        "trigger_amount": "20.00",
        "recharge_amount": "50.00",
        "armed": True,
    }
    assert state["users_without_credits_license"] == []


def test_steps_already_done_are_skipped(tenant):
    tenant.ok(
        "post", "/users", {"user_id": "ada", "licenses": {**ADA, "communications_credits": False}}
    )
    walk = Walk(tenant, "set-up")
    assert walk.step() == "credits"
    assert [s["id"] for s in walk.view["skipped"]] == ["licenses"]


def test_nce_tenant_is_told_why_and_offered_the_nce_guide(client):
    t = Tenant(client, commerce_model="nce", language="zh")
    walk = Walk(t, "set-up", "zh")
    assert walk.view["status"] == "stopped" and walk.view["step"] is None
    stop = walk.view["stop"]
    assert stop["code"] == "nce_cannot_purchase"
    assert "使用后计费" in stop["message"]
    assert stop["guide"]["url"] == "/zh/guides/switch-to-nce/#what-changes"


def test_invalid_input_is_reported_field_by_field_in_the_admins_language(tenant):
    walk = Walk(tenant, "set-up", "de")
    walk.submit({"user_id": "ada@contoso.com", "license_path": "audio_conferencing"})
    problem = walk.submit(
        {
            "amount": "zehn",
            "auto_recharge": "on",
            "card_last4": "42",
            "card_exp_month": "13",
            "card_exp_year": "2030",
        },
        expect=422,
    )
    fields = {e["field"]: e["message"] for e in problem["errors"]}
    assert set(fields) == {
        "amount",
        "trigger_amount",
        "recharge_amount",
        "card_last4",
        "card_exp_month",
    }
    assert fields["card_last4"] == "Geben Sie genau vier Ziffern ein."
    assert "Nachkommastellen" in fields["amount"]
    assert problem["values"]["amount"] == "zehn"  # what was typed comes back
    assert walk.step() == "credits" and tenant.state()["balance"] == "0.00"


def test_a_refusal_of_the_rules_is_shown_and_nothing_moves_on(client):
    t = Tenant(client, start="2026-06-01T00:00:00Z")
    walk = Walk(t, "add-funds")
    problem = walk.submit(
        {"card_last4": "4242", "card_exp_month": "1", "card_exp_year": "2026"}, expect=422
    )
    assert "4242" in problem["detail"] and walk.step() == "card"


def test_add_funds_asks_for_a_card_only_when_needed(tenant):
    walk = Walk(tenant, "add-funds")
    assert walk.step() == "card"
    walk.submit(CARD)
    walk.submit({"amount": "25.50"})
    assert walk.view["status"] == "done" and tenant.state()["balance"] == "25.50"
    again = Walk(tenant, "add-funds")
    assert again.step() == "funds" and [s["id"] for s in again.view["skipped"]] == ["card"]


def test_auto_recharge_flow(tenant):
    walk = Walk(tenant, "auto-recharge")
    walk.submit(CARD)
    walk.submit({"trigger_amount": "10", "recharge_amount": "40"})
    assert walk.view["status"] == "done"
    assert tenant.state()["auto_recharge"]["enabled"] is True


def test_switch_to_nce_flow_turns_auto_recharge_off_first(tenant):
    tenant.card()
    tenant.ok(
        "put", "/auto-recharge", {"enabled": True, "trigger_amount": "5", "recharge_amount": "20"}
    )
    walk = Walk(tenant, "switch-to-nce")
    assert walk.step() == "auto-recharge-off"
    assert walk.submit({}, expect=422)["errors"][0]["field"] == "confirm"
    walk.submit({"confirm": "on"})
    assert walk.step() == "switch" and tenant.state()["auto_recharge"]["enabled"] is False
    walk.submit({"confirm": "on"})
    assert walk.view["status"] == "done" and tenant.state()["commerce_model"] == "nce"
    stopped = Walk(tenant, "switch-to-nce")
    assert stopped.view["stop"]["code"] == "already_nce"


def test_sessions_resume_go_back_and_cancel(make_client, tmp_path):
    first = make_client()
    t = Tenant(first)
    walk = Walk(t, "set-up")
    walk.submit({"user_id": "ada@contoso.com", "license_path": "audio_conferencing"})
    first.__exit__(None, None, None)

    second = make_client()  # same database: a restart of the service
    t.client = second
    resumed = t.get(f"/walkthroughs/{walk.id}").json()
    assert resumed["step"]["id"] == "credits" and resumed["progress"]["done"] == 1
    back = t.post(f"/walkthroughs/{walk.id}/back").json()
    assert back["step"]["id"] == "licenses" and back["step"]["already_done"] is True
    cancelled = t.post(f"/walkthroughs/{walk.id}/cancel").json()
    assert cancelled["status"] == "cancelled" and cancelled["step"] is None
    other = Tenant(second, name="Other")
    assert (
        other.client.get(
            f"/api/v1/tenants/{other.id}/walkthroughs/{walk.id}", headers=other.headers
        ).status_code
        == 404
    )


def test_state_aware_f1_answers(client):
    t = Tenant(client, language="de")
    t.ok("post", "/users", {"user_id": "bob", "licenses": {**ADA, "communications_credits": False}})
    plain = client.get("/api/v1/f1/O365E_SFBVoiceCredit").json()
    assert plain["tenant"] is None
    answer = client.get("/api/v1/f1/O365E_SFBVoiceCredit?lang=de", headers=t.headers).json()
    codes = {n["code"]: n for n in answer["tenant"]["notices"]}
    assert set(codes) == {"balance_not_positive", "license_missing"}
    assert codes["balance_not_positive"]["walkthrough"] == "/guide/add-funds?lang=de"
    assert "bob" in codes["license_missing"]["message"]
    # Each notice links to the troubleshooting section with its cause and fix, in German.
    assert codes["balance_not_positive"]["help"] == "/de/guides/troubleshooting/#zero-balance"
    assert codes["license_missing"]["help"] == "/de/guides/troubleshooting/#license-missing"


def test_state_aware_f1_for_a_failed_recharge_and_for_nce(client):
    t = Tenant(client, start="2026-01-10T09:00:00Z")
    t.ok("post", "/users", {"user_id": "ada", "licenses": ADA})
    t.card(month=2, year=2026)
    t.fund("10")
    t.ok("put", "/auto-recharge", {"enabled": True, "trigger_amount": "5", "recharge_amount": "20"})
    t.ok("post", "/clock", {"to": "2026-03-01T00:00:00Z"})
    t.call(60 * 50)
    codes = [
        n["code"]
        for n in client.get("/api/v1/f1/O365E_SFBVoiceCredit", headers=t.headers).json()["tenant"][
            "notices"
        ]
    ]
    assert codes == ["recharge_failed"]
    failed = client.get("/api/v1/f1/O365E_SFBVoiceCredit", headers=t.headers).json()
    assert failed["tenant"]["notices"][0]["help"] == "/guides/troubleshooting/#recharge-failed"

    nce = Tenant(client, commerce_model="nce")
    answer = client.get("/api/v1/f1/O365E_SFBVoiceCredit?lang=zh", headers=nce.headers).json()
    assert answer["page_id"] == "switch-to-nce" and answer["url"] == "/zh/guides/switch-to-nce/"
    assert answer["tenant"]["notices"][0]["code"] == "nce_cannot_purchase"
    assert answer["tenant"]["notices"][0]["help"] == "/zh/guides/troubleshooting/#nce-auto-recharge"
    redirect = client.get("/f1/O365E_SFBVoiceCredit?lang=de", headers=nce.headers)
    assert redirect.headers["location"] == "/de/guides/switch-to-nce/"
    assert redirect.headers["cache-control"] == "private, no-store"
