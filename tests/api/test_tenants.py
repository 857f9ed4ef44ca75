"""The credit simulator through its HTTP API: every domain rule as a user meets it."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import create_engine, text

from tests.api.tenant_helpers import ADA, Tenant


@pytest.fixture
def tenant(client):
    t = Tenant(client)
    t.setup_user()
    t.card()
    return t


def test_create_shows_the_key_once_and_stores_only_its_hash(make_client, tmp_path):
    client = make_client()
    t = Tenant(client)
    assert t.key.startswith("hsk_") and len(t.key) > 40
    assert t.created.headers["location"] == f"/api/v1/tenants/{t.id}"
    body = t.state()
    assert "api_key" not in body and body["balance"] == "0.00"
    engine = create_engine(f"sqlite:///{tmp_path / 'var' / 'helpsvc.sqlite3'}")
    with engine.connect() as connection:
        dump = "".join(str(row) for row in connection.execute(text("select * from tenants")))
    assert t.key not in dump


def test_keys_never_reach_another_tenant(client):
    first, second = Tenant(client), Tenant(client, name="Fabrikam")
    assert client.get(first.url()).status_code == 401
    wrong = client.get(first.url(), headers=second.headers)
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "tenant_not_found"
    assert client.get("/api/v1/tenants/doesnotexist", headers=second.headers).status_code == 404
    changed = client.post(first.url("/funds"), json={"amount": "5"}, headers=second.headers)
    assert changed.status_code == 404
    bad = client.get(first.url(), headers={"Authorization": "Bearer hsk_forged"})
    assert bad.status_code == 401 and bad.headers["www-authenticate"].startswith("Bearer")


def test_funds_become_a_lot_expiring_twelve_months_later(tenant):
    body = tenant.fund("50.00")
    [lot] = body["tenant"]["lots"]
    assert lot["amount"] == "50.00" and lot["remaining"] == "50.00"
    assert lot["purchased_at"] == "2026-01-10T09:00:00Z"
    assert lot["expires_at"] == "2027-01-10T09:00:00Z"
    assert body["tenant"]["balance"] == "50.00"
    assert [e["type"] for e in body["events"]] == ["funds_added"]


def test_calls_are_rated_per_started_minute_with_connection_fee(tenant):
    tenant.fund("50.00")
    gb = tenant.call(754)  # 13 started minutes x 0.12 (sample rate, GB mobile)
    assert gb.status_code == 201, gb.text
    assert gb.json()["call"]["charge"] == {"minor": 156, "currency": "USD"}
    jp = tenant.call(60, destination="JP")  # 1 minute x 0.18 + 0.05 connection fee
    assert jp.json()["call"]["charge"] == {"minor": 23, "currency": "USD"}
    assert tenant.state()["balance"] == "48.21"


def test_plan_minutes_first_then_credits_and_pools_reset_monthly(client):
    t = Tenant(client)
    t.setup_user()  # domestic plan in the US: 3000 pooled minutes a month (sample)
    t.card()
    t.fund("10.00")
    domestic = {"destination": "US", "number_type": "geographic", "kind": "user_outbound_domestic"}
    for _ in range(3):  # 3 x 1000 minutes use the whole pool
        covered = t.call(60_000, **domestic).json()["call"]
        assert (covered["plan_minutes"], covered["charge"]["minor"]) == (1000, 0)
    call = t.call(90, **domestic).json()["call"]
    assert (call["plan_minutes"], call["credit_minutes"]) == (0, 2)
    assert call["charge"]["minor"] == 4  # 2 minutes x 0.019, rounded half up once
    [pool] = [p for p in t.state()["plan_minutes"] if p["pool"] == "domestic"]
    assert pool["left"] == 0
    t.ok("post", "/clock", {"months": 1})
    [pool] = [p for p in t.state()["plan_minutes"] if p["pool"] == "domestic"]
    assert pool["left"] == 3000


def test_credit_funded_call_is_refused_at_zero_and_without_license(tenant):
    refused = tenant.call(60)
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "balance_not_positive"
    tenant.ok(
        "post", "/users", {"user_id": "bob", "licenses": {**ADA, "communications_credits": False}}
    )
    tenant.fund("5")
    no_license = tenant.call(60, user="bob")
    assert no_license.status_code == 409 and no_license.json()["code"] == "license_missing"
    assert tenant.state()["users_without_credits_license"] == ["bob"]
    assert tenant.ledger_types() == ["purchase"]


def test_localized_refusal_messages(client):
    t = Tenant(client, commerce_model="nce")
    t.card()
    de = client.post(
        t.url("/funds"), json={"amount": "5"}, headers={**t.headers, "Accept-Language": "de-DE"}
    )
    assert de.status_code == 409 and de.json()["code"] == "nce_cannot_purchase"
    assert "Abrechnung nach Nutzung" in de.json()["detail"]
    zh = client.post(t.url("/funds?lang=zh"), json={"amount": "5"}, headers=t.headers)
    assert "使用后计费" in zh.json()["detail"]


def test_call_in_progress_goes_below_zero_and_next_purchase_pays_it_first(tenant):
    tenant.fund("1.00")
    assert tenant.call(1200).status_code == 201  # 20 minutes x 0.12 = 2.40
    state = tenant.state()
    assert state["balance"] == "-1.40" and state["blocked"]["credit_funded_calls"] is True
    assert state["blocked"]["reasons"][0]["code"] == "balance_not_positive"
    body = tenant.fund("10.00")["tenant"]
    assert body["balance"] == "8.60"
    assert body["lots"][-1]["amount"] == "10.00" and body["lots"][-1]["remaining"] == "8.60"
    assert tenant.outbox() == ["balance_not_positive"]


def test_auto_recharge_once_per_crossing_with_notification(tenant):
    tenant.fund("10.00")
    tenant.ok(
        "put",
        "/auto-recharge",
        {"enabled": True, "trigger_amount": "5.00", "recharge_amount": "20.00"},
    )
    tenant.call(60 * 30)  # 3.60 -> 6.40, still above the trigger
    assert "auto_recharge" not in tenant.ledger_types()
    body = tenant.call(60 * 20).json()  # 2.40 -> 4.00 < 5.00: one recharge
    assert body["tenant"]["balance"] == "24.00"
    assert [e["type"] for e in body["events"]].count("auto_recharge_succeeded") == 1
    tenant.call(60)
    assert tenant.ledger_types().count("auto_recharge") == 1
    assert tenant.outbox() == ["recharge_succeeded"]


def test_expired_card_fails_the_recharge(client):
    t = Tenant(client, start="2026-01-10T09:00:00Z")
    t.setup_user()
    t.card(month=2, year=2026)
    t.fund("10.00")
    t.ok(
        "put",
        "/auto-recharge",
        {"enabled": True, "trigger_amount": "5.00", "recharge_amount": "20.00"},
    )
    t.ok("post", "/clock", {"to": "2026-03-01T00:00:00Z"})  # the card expired with February
    body = t.call(60 * 50).json()  # 6.00 -> 4.00, below the trigger
    assert body["tenant"]["balance"] == "4.00"
    assert "recharge_failed" in t.ledger_types() and "auto_recharge" not in t.ledger_types()
    assert t.outbox() == ["recharge_failed"]
    [failed] = [n for n in t.get("/notifications").json()["notifications"]]
    assert "4242" in failed["body"] or "card" in failed["body"].lower()


def test_expiry_forfeits_the_remainder_as_the_clock_passes(tenant):
    tenant.fund("10.00")
    tenant.call(60)  # 0.12
    tenant.ok("post", "/clock", {"to": "2027-01-10T09:00:01Z"})
    state = tenant.state()
    assert state["balance"] == "0.00" and state["lots"][0]["expired"] is True
    [expiry] = tenant.get("/ledger", type="expiry").json()["entries"]
    assert expiry["amount"] == "-9.88"
    backwards = tenant.post("/clock", {"to": "2026-01-01T00:00:00Z"})
    assert backwards.status_code == 409 and backwards.json()["code"] == "clock_backwards"


def test_nce_switch_rules_and_overage_per_billing_period(tenant):
    tenant.fund("2.00")
    tenant.ok(
        "put", "/auto-recharge", {"enabled": True, "trigger_amount": "1", "recharge_amount": "5"}
    )
    refused = tenant.post("/nce")
    assert refused.status_code == 409 and refused.json()["code"] == "auto_recharge_must_be_off"
    tenant.ok("put", "/auto-recharge", {"enabled": False})
    switched = tenant.ok("post", "/nce")
    assert switched["tenant"]["commerce_model"] == "nce"
    assert tenant.post("/funds", {"amount": "5"}).json()["code"] == "nce_cannot_purchase"
    tenant.call(60 * 25)  # 3.00: 2.00 from credits, 1.00 overage
    state = tenant.state()
    assert state["balance"] == "0.00" and state["nce"]["accrued_overage"] == "1.00"
    assert tenant.call(60).status_code == 201  # NCE calls are never refused for balance
    tenant.ok("post", "/clock", {"months": 1})
    [invoice] = tenant.state()["invoices"]
    assert invoice["overage"] == "1.12"


def test_ledger_is_paginated_and_filtered(tenant):
    for _ in range(5):
        tenant.fund("1.00")
    page = tenant.get("/ledger", limit=2).json()
    assert [e["seq"] for e in page["entries"]] == [1, 2] and page["next_after"] == 2
    rest = tenant.get("/ledger", after=page["next_after"], limit=10).json()
    assert [e["seq"] for e in rest["entries"]] == [3, 4, 5] and rest["next_after"] is None
    assert [e["balance_after"] for e in rest["entries"]] == ["3.00", "4.00", "5.00"]
    assert tenant.get("/ledger", type="usage").json()["entries"] == []
    assert tenant.get("/ledger", type="nonsense").status_code == 422


def test_usage_export_has_the_admin_center_columns(tenant):
    tenant.fund("20")
    tenant.call(754)
    tenant.call(120, destination="US", number_type="geographic", kind="user_outbound_domestic")
    response = tenant.get("/usage.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "UsageId",
        "Call ID",
        "Conference ID",
        "User Location",
        "AAD ObjectId",
        "UPN",
        "User Display Name",
        "Caller ID",
        "Call Type",
        "Number Type",
        "Domestic/International",
        "Destination Dialed",
        "Destination Number",
        "Start Time",
        "End Time",
        "Duration Seconds",
        "Connection Fee",
        "Charge",
        "Currency",
        "Capability",
    ]
    assert rows[0]["Call Type"] == "user_out" and rows[0]["Charge"] == "1.56"
    assert (
        rows[0]["Capability"] == "MCOPSTNPP"
        and rows[0]["Domestic/International"] == "International"
    )
    assert rows[1]["Capability"] != "MCOPSTNPP" and rows[1]["Charge"] == "0.00"
    assert rows[0]["Start Time"].endswith("Z")


def test_idempotency_key_returns_the_first_answer(tenant):
    first = tenant.post("/funds", {"amount": "7.00"}, **{"Idempotency-Key": "fund-1"})
    again = tenant.post("/funds", {"amount": "7.00"}, **{"Idempotency-Key": "fund-1"})
    assert again.status_code == first.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert tenant.state()["balance"] == "7.00"
    reused = tenant.post("/funds", {"amount": "8.00"}, **{"Idempotency-Key": "fund-1"})
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    # A refusal is an answer too: the retry gets it back even though the switch would now work.
    tenant.ok(
        "put", "/auto-recharge", {"enabled": True, "trigger_amount": "1", "recharge_amount": "5"}
    )
    refused = tenant.post("/nce", None, **{"Idempotency-Key": "nce-1"})
    assert refused.status_code == 409
    tenant.ok("put", "/auto-recharge", {"enabled": False})
    replayed = tenant.post("/nce", None, **{"Idempotency-Key": "nce-1"})
    assert replayed.status_code == 409 and replayed.json() == refused.json()
    assert replayed.headers["idempotent-replayed"] == "true"
    assert tenant.state()["commerce_model"] == "prepaid"


def test_idempotent_tenant_creation(client):
    body = {"name": "Once", "country": "DE", "currency": "EUR"}
    first = client.post("/api/v1/tenants", json=body, headers={"Idempotency-Key": "create-1"})
    again = client.post("/api/v1/tenants", json=body, headers={"Idempotency-Key": "create-1"})
    assert first.json()["tenant"]["id"] == again.json()["tenant"]["id"]
    other = client.post(
        "/api/v1/tenants", json={**body, "name": "Twice"}, headers={"Idempotency-Key": "create-1"}
    )
    assert other.status_code == 422


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/funds", {"amount": "abc"}, "amount"),
        ("/funds", {"amount": "0.001"}, "amount"),
        ("/funds", {"amount": "-5"}, "amount"),
        ("/payment-card", {"last4": "42", "exp_month": 13, "exp_year": 2027}, "last4"),
        ("/auto-recharge", {"enabled": True, "trigger_amount": "x"}, "trigger_amount"),
    ],
)
def test_invalid_values_are_422_naming_the_field(tenant, path, body, field):
    method = tenant.put if path in ("/payment-card", "/auto-recharge") else tenant.post
    response = method(path, body)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["status"] == 422
    text_of = str(problem.get("errors", "")) + str(problem.get("params", "")) + problem["detail"]
    assert field in text_of or field.replace("_", " ") in text_of.lower()
    assert tenant.state()["balance"] == "0.00"


def test_validation_errors_name_the_field_in_the_callers_language(tenant):
    response = tenant.client.put(
        tenant.url("/payment-card"),
        json={"last4": "4242", "exp_month": 13, "exp_year": 2027},
        headers={**tenant.headers, "Accept-Language": "de"},
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["title"] == "Ungültige Anfrage"
    assert problem["errors"][0]["field"] == "body.exp_month"
    assert problem["errors"][0]["label"] in problem["detail"]
