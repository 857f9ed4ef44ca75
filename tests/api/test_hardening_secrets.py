"""Hostile input at the tenant API: secrets are shown once, keys and names are checked.

Tenant creation is anonymous, so an Idempotency-Key is the only thing that ties a retry to
the first request: the answer remembered for it must hold no API key, and a key copied or
guessed from another client must neither replay that client's answer nor reveal that it
was used. Names and amounts are checked at the edge, with a 422 naming the field.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.api.tenant_helpers import Tenant

BODY = {"name": "Contoso", "country": "DE", "currency": "EUR", "admin_email": "it@contoso.example"}


@pytest.fixture
def app_client(make_client: Callable[..., TestClient], database_url: str) -> TestClient:
    """The service on SQLite and on PostgreSQL, as seen from the address 203.0.113.10."""
    started = make_client(database_url=database_url)
    return TestClient(started.app, client=("203.0.113.10", 50000), follow_redirects=False)


def create(client: TestClient, key: str | bytes | None, body: dict[str, Any] = BODY, **h: str):
    headers = dict(h)
    if key is not None:
        headers["Idempotency-Key"] = key  # type: ignore[assignment]
    return client.post("/api/v1/tenants", json=body, headers=headers)


def stored_replies(database_url: str) -> list[dict[str, Any]]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("select * from idempotency_keys"))
            return [dict(row._mapping) for row in rows]
    finally:
        engine.dispose()


def test_a_replayed_creation_answers_the_tenant_without_its_api_key(app_client):
    first = create(app_client, "create-contoso-1")
    again = create(app_client, "create-contoso-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["api_key"].startswith("hsk_")
    assert "only in this answer" in first.json()["notice"]
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["api_key"] is None
    assert "cannot be shown again" in again.json()["notice"]
    assert again.json()["tenant"] == first.json()["tenant"]
    assert again.headers["location"] == first.headers["location"]
    # The key handed out once still works: the replay did not replace it.
    owner = {"Authorization": f"Bearer {first.json()['api_key']}"}
    assert app_client.get(first.headers["location"], headers=owner).status_code == 200


def test_the_withheld_key_notice_is_in_the_callers_language(app_client):
    create(app_client, "create-de-1", **{"Accept-Language": "de"})
    again = create(app_client, "create-de-1", **{"Accept-Language": "de"})
    assert again.json()["api_key"] is None
    assert "API-Schlüssel" in again.json()["notice"]


def test_the_stored_creation_answer_holds_no_api_key(app_client, database_url):
    created = create(app_client, "create-contoso-2")
    api_key = created.json()["api_key"]
    [row] = stored_replies(database_url)
    dump = repr(row)
    assert api_key not in dump and "hsk_" not in dump
    assert row["key"] == "create-contoso-2"
    # The scope names no client address either: it is a hash of it.
    assert row["scope"].startswith("new:") and "203.0.113.10" not in row["scope"]


def test_another_callers_creation_key_gets_no_api_key_and_learns_nothing(app_client):
    victim = create(app_client, "create-contoso-3")
    other = TestClient(app_client.app, client=("198.51.100.7", 50001), follow_redirects=False)

    same_body = create(other, "create-contoso-3")
    assert same_body.status_code == 201 and "idempotent-replayed" not in same_body.headers
    assert same_body.json()["tenant"]["id"] != victim.json()["tenant"]["id"]
    assert same_body.json()["api_key"] != victim.json()["api_key"]
    stolen = {"Authorization": f"Bearer {same_body.json()['api_key']}"}
    assert other.get(victim.headers["location"], headers=stolen).status_code == 404

    # Another body with the key answers as any new request does, not with a 422 that
    # would say the key was used.
    third = TestClient(app_client.app, client=("192.0.2.33", 50002), follow_redirects=False)
    other_body = create(third, "create-contoso-3", {**BODY, "name": "Fabrikam"})
    assert other_body.status_code == 201 and other_body.json()["tenant"]["name"] == "Fabrikam"
    assert other_body.json()["api_key"].startswith("hsk_")


def test_the_same_caller_reusing_a_creation_key_for_another_body_is_refused(app_client):
    create(app_client, "create-contoso-4")
    reused = create(app_client, "create-contoso-4", {**BODY, "name": "Fabrikam"})
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"


def test_an_explicit_start_is_part_of_the_creation_request(app_client):
    first = create(app_client, "create-start", {**BODY, "start": "2026-01-01T00:00:00Z"})
    moved = create(app_client, "create-start", {**BODY, "start": "2027-01-01T00:00:00Z"})
    assert first.status_code == 201 and moved.status_code == 422


def test_concurrent_retries_of_one_creation_make_one_tenant_and_show_the_key_once(app_client):
    barrier = threading.Barrier(8)
    answers: list[Any] = []

    def retry() -> None:
        barrier.wait()
        answers.append(create(app_client, "create-concurrent"))

    threads = [threading.Thread(target=retry) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [201] * 8
    assert len({answer.json()["tenant"]["id"] for answer in answers}) == 1
    assert len([a for a in answers if a.json()["api_key"] is not None]) == 1


@pytest.mark.parametrize(
    ("key", "detail"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("k" * 256, "256 characters"),
        ("two words", "U+0020 at position 4"),
        ("tab\there", "U+0009 at position 4"),
        ("clé".encode(), "U+00C3 at position 3"),  # UTF-8 bytes read as Latin-1
    ],
    ids=["empty", "blank", "over-long", "space", "tab", "non-ascii"],
)
def test_an_idempotency_key_that_cannot_be_one_is_a_400_problem(app_client, key, detail):
    refused = create(app_client, key)
    assert refused.status_code == 400, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    assert problem["code"] == "idempotency_key_invalid" and problem["status"] == 400
    assert detail in problem["detail"]
    assert problem["title"] == "Invalid Idempotency-Key"


def test_empty_idempotency_keys_of_two_callers_never_meet(app_client):
    """An empty header is not a key: nobody creates anything with it, nobody replays it."""
    other = TestClient(app_client.app, client=("198.51.100.7", 50001))
    assert create(app_client, "").status_code == 400
    assert create(other, "").status_code == 400
    assert create(app_client, "k" * 255).status_code == 201  # the longest key allowed


def test_an_invalid_idempotency_key_on_a_tenant_write_changes_nothing(client):
    tenant = Tenant(client)
    tenant.card()
    refused = tenant.post("/funds", {"amount": "5.00"}, **{"Idempotency-Key": ""})
    assert refused.status_code == 400
    german = client.post(
        tenant.url("/funds"),
        json={"amount": "5.00"},
        headers={**tenant.headers, "Idempotency-Key": " ", "Accept-Language": "de"},
    )
    assert german.json()["title"] == "Ungültiger Idempotency-Key"
    assert "leer" in german.json()["detail"]
    assert tenant.state()["balance"] == "0.00"


# -- names and amounts (422 naming the field) -------------------------------------------

BAD_NAMES = {
    "nul": "Contoso\x00",
    "line-break": "Evil\r\nBcc: victim@evil.example",
    "right-to-left-override": "Contoso\u202etxt.exe",
    "isolate": "Contoso\u2066",
    "only-spaces": "   ",
    "only-zero-width-space": "\u200b",
}


def refused_fields(response) -> list[str]:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation_failed"
    return [error["field"] for error in problem["errors"]]


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
def test_a_tenant_name_with_controls_or_nothing_visible_is_refused(client, name):
    response = client.post("/api/v1/tenants", json={**BODY, "name": name})
    assert refused_fields(response) == ["body.name"]


def test_names_in_any_script_are_still_taken(client):
    for name in ("Müller & Söhne GmbH", "康托索", "شركة كونتوسو", "O'Brien, Ltd."):
        response = client.post("/api/v1/tenants", json={**BODY, "name": name})
        assert response.status_code == 201, response.text


@pytest.fixture
def tenant(client):
    t = Tenant(client)
    t.card()
    return t


@pytest.mark.parametrize("name", BAD_NAMES.values(), ids=BAD_NAMES.keys())
def test_a_user_id_with_controls_or_nothing_visible_is_refused(tenant, name):
    assert refused_fields(tenant.post("/users", {"user_id": name})) == ["body.user_id"]
    call = {
        "user_id": name,
        "kind": "user_outbound_domestic",
        "destination": "US",
        "duration_seconds": 60,
    }
    assert refused_fields(tenant.post("/calls", call)) == ["body.user_id"]


@pytest.mark.parametrize("user_id", ["ada/admin", "/", ".", ".."])
def test_a_user_id_that_cannot_be_addressed_in_a_url_is_refused(tenant, user_id):
    response = tenant.post("/users", {"user_id": user_id})
    assert refused_fields(response) == ["body.user_id"]
    assert "'/'" in response.json()["detail"]
    assert tenant.state()["users"] == []


def test_an_adjustment_reason_with_a_line_break_is_refused(tenant):
    response = tenant.post("/adjustments", {"amount": "1.00", "reason": "ok\nFORGED ENTRY"})
    assert refused_fields(response) == ["body.reason"]


@pytest.mark.parametrize(
    "amount",
    ["٥", "５", "۵.۰۰", "1,50", "1e3", "+5", " 5", "5.", ".5", "1" * 16, 5, 5.5],
    ids=[
        "arabic-indic",
        "fullwidth",
        "persian",
        "comma",
        "exponent",
        "plus",
        "space",
        "trailing-dot",
        "leading-dot",
        "sixteen-digits",
        "json-integer",
        "json-float",
    ],
)
def test_amounts_take_one_machine_format_of_ascii_digits(tenant, amount):
    response = tenant.post("/funds", {"amount": amount})
    assert refused_fields(response) == ["body.amount"]
    assert tenant.state()["balance"] == "0.00"


def test_ascii_amounts_are_still_booked(tenant):
    assert tenant.fund("5")["tenant"]["balance"] == "5.00"
    assert tenant.fund("0.25")["tenant"]["balance"] == "5.25"


def test_disabled_auto_recharge_refuses_negative_amounts(tenant):
    response = tenant.put(
        "/auto-recharge", {"enabled": False, "trigger_amount": "-5", "recharge_amount": "-10"}
    )
    assert refused_fields(response) == ["body.trigger_amount", "body.recharge_amount"]
    zero = tenant.put("/auto-recharge", {"enabled": False, "recharge_amount": "0"})
    assert refused_fields(zero) == ["body.recharge_amount"]
    settings = tenant.state()["auto_recharge"]
    assert settings["trigger_amount"] is None and settings["recharge_amount"] is None
