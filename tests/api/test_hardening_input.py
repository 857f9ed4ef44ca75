"""Hostile input leaves the service up and answers with problems (issue 11, items 4, 5, 13).

Bodies over the limit are refused before they are read, values the service cannot hold are
refused with a problem naming the field, and whatever still fails unexpectedly becomes a
logged 500 problem without a trace of the code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute

from tests.api.tenant_helpers import Tenant

PROBLEM = "application/problem+json"


def is_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    return response.json()


def test_a_json_body_over_the_limit_is_refused_413_by_its_declared_length(make_client):
    client = make_client(max_body_bytes=1024)
    body = b'{"name": "' + b"x" * 4096 + b'", "country": "DE", "currency": "EUR"}'
    response = client.post(
        "/api/v1/tenants",
        content=body,
        headers={"Content-Type": "application/json", "Accept-Language": "de"},
    )
    problem = is_problem(response, 413)
    assert problem["code"] == "body_too_large" and problem["limit_bytes"] == 1024
    assert problem["title"] == "Anfragetext zu groß" and "1024 Byte" in problem["detail"]


def test_a_chunked_body_over_the_limit_is_refused_413_while_it_streams(make_client):
    client = make_client(max_body_bytes=1024)

    def chunks() -> Iterator[bytes]:
        # A generator: sent chunked, without a Content-Length to judge it by.
        for _ in range(64):
            yield b" " * 512

    response = client.post(
        "/api/v1/tenants", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert is_problem(response, 413)["code"] == "body_too_large"


def test_a_body_within_the_limit_still_creates_the_tenant(make_client):
    client = make_client(max_body_bytes=1024)
    Tenant(client)


def test_the_upload_route_keeps_its_own_larger_limit(make_client, tmp_path):
    client = make_client(max_body_bytes=1024, simulation_max_bytes=200_000)
    export = tmp_path / "calls.csv"
    export.write_bytes(b"not,an,export\n" * 2000)  # 28 kB: over the JSON limit only
    with export.open("rb") as handle:
        response = client.post(
            "/api/v1/simulations", files={"file": ("calls.csv", handle, "text/csv")}
        )
    # Read and judged by the replay (not a usage report), not refused for its size.
    assert is_problem(response, 422)["code"] != "body_too_large"


def test_a_content_length_that_is_not_a_number_is_a_400_problem(client):
    response = client.post(
        "/api/v1/tenants",
        content=b"{}",
        headers={"Content-Type": "application/json", "Content-Length": "12abc"},
    )
    assert is_problem(response, 400)["code"] == "bad_content_length"


def test_funds_beyond_int64_are_a_422_naming_the_amount_and_change_nothing(tenant_with_card):
    tenant = tenant_with_card
    for amount in ("92233720368547758.08", "1" * 10_000, "1000000000.01"):
        problem = is_problem(tenant.post("/funds", {"amount": amount}), 422)
        assert problem["errors"][0]["field"] == "body.amount"
        assert "1000000000" in problem["detail"]
    assert tenant.state()["balance"] == "0.00"


def test_digits_of_other_scripts_are_refused_where_ascii_digits_are_meant(client):
    tenant = Tenant(client)
    for last4 in ("٤٢٤٢", "４２４２"):
        card = {"last4": last4, "exp_month": 12, "exp_year": 2030}
        problem = is_problem(tenant.put("/payment-card", card), 422)
        assert problem["errors"][0]["field"] == "body.last4"
    assert is_problem(tenant.post("/funds", {"amount": "٥٠"}), 422)["errors"][0]["field"] == (
        "body.amount"
    )
    assert tenant.state()["payment_card"] is None and tenant.state()["balance"] == "0.00"


def test_an_amount_with_ten_million_digits_is_refused_before_it_is_read(client):
    tenant = Tenant(client)
    body = b'{"amount": "' + b"9" * 10_000_000 + b'"}'
    response = client.post(
        tenant.url("/funds"),
        content=body,
        headers={**tenant.headers, "Content-Type": "application/json"},
    )
    assert is_problem(response, 413)["code"] == "body_too_large"


def test_the_balance_cap_is_a_409_and_later_purchases_still_work(tenant_with_card):
    tenant = tenant_with_card
    for _ in range(100):
        tenant.ok("post", "/funds", {"amount": "1000000000.00"})
    refused = is_problem(tenant.post("/funds", {"amount": "0.01"}), 409)
    assert refused["code"] == "balance_limit"
    assert "100000000000.00" in refused["detail"]
    tenant.setup_user()
    tenant.ok("post", "/calls", {**CALL, "charge": "5.00"})
    tenant.ok("post", "/funds", {"amount": "5.00"})
    assert tenant.state()["balance"] == "100000000000.00"


def test_a_ledger_cursor_beyond_int64_is_a_422_not_a_crash(client):
    tenant = Tenant(client)
    response = tenant.get("/ledger", after=2**63)
    assert is_problem(response, 422)["errors"][0]["field"] == "query.after"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "Infinity"])
def test_a_recharge_cap_that_is_not_a_number_is_a_422_naming_the_option(client, value):
    tenant = Tenant(client)
    response = client.post(
        "/api/v1/simulations",
        json={"tenant_id": tenant.id, "max_recharges": value, "advise": True},
        headers=tenant.headers,
    )
    assert is_problem(response, 422)["option"] == "max_recharges"


def test_json_nested_100000_deep_is_a_problem_not_a_crash(client):
    tenant = Tenant(client)
    deep = b"[" * 100_000 + b"]" * 100_000
    for url in ("/api/v1/tenants", tenant.url("/funds"), "/api/v1/simulations"):
        response = client.post(
            url,
            content=deep,
            headers={**tenant.headers, "Content-Type": "application/json"},
        )
        assert response.status_code in (400, 413, 422), (url, response.text)
        assert response.headers["content-type"].startswith(PROBLEM)


def test_a_non_ascii_admin_token_is_a_401_problem(client):
    response = client.post(
        "/api/v1/admin/reload", headers={"Authorization": "Bearer t\u00e9st".encode("latin-1")}
    )
    assert is_problem(response, 401)["code"] == "unauthorized"


def test_a_non_ascii_tenant_key_is_a_401_problem(client):
    tenant = Tenant(client)
    response = client.get(
        tenant.url(), headers={"Authorization": "Bearer hsk_\u00e9\u00e9".encode("latin-1")}
    )
    assert is_problem(response, 401)["code"] == "unauthorized"


def test_an_unexpected_failure_is_a_logged_500_problem_without_a_traceback(client, caplog):
    def explode() -> None:
        raise RuntimeError("secret internals /srv/helpsvc/engine.py line 42")

    client.app.router.routes.insert(0, APIRoute("/api/v1/explode", explode))
    with caplog.at_level(logging.ERROR, logger="helpsvc.api"):
        response = client.get("/api/v1/explode", headers={"Accept-Language": "de"})
    problem = is_problem(response, 500)
    assert problem["code"] == "internal_error" and problem["title"] == "Interner Fehler"
    assert "secret" not in response.text and "Traceback" not in response.text
    assert problem["reference"] in caplog.text and "RuntimeError" in caplog.text


@pytest.mark.parametrize(
    ("method", "path", "status", "allow"),
    [
        ("DELETE", "/api/v1/tenants/x", 405, "GET"),
        ("GET", "/api/v1/admin/reload", 405, "POST"),
        ("PUT", "/api/v1/tenants", 405, "POST"),
        ("GET", "/api/v1/no-such-thing", 404, None),
        ("POST", "/api/v2/tenants", 404, None),
    ],
)
def test_unknown_paths_and_methods_under_api_are_json_problems(client, method, path, status, allow):
    response = client.request(method, path)
    problem = is_problem(response, status)
    assert problem["instance"] == path
    assert response.headers.get("allow") == allow


def test_the_built_site_no_longer_answers_for_the_api(make_client, built_site):
    client = make_client(site_dir=built_site)
    deleted = client.delete("/api/v1/tenants/x")
    assert is_problem(deleted, 405)["code"] == "method_not_allowed"
    assert is_problem(client.get("/api/v1/admin/reload"), 405)["code"] == "method_not_allowed"
    assert is_problem(client.get("/api/v1/nope"), 404)["code"] == "not_found"
    # Everything else is still the site's.
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_every_error_status_is_documented_as_a_problem(client):
    document = client.get("/api/openapi.json").json()
    assert "TenantKey" in document["components"]["securitySchemes"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            for status in ("400", "413", "422", "429", "500", "503"):
                assert PROBLEM in responses[status]["content"], (method, path, status)
            assert "application/json" not in responses["422"]["content"], (method, path)
    funds = document["paths"]["/api/v1/tenants/{tenant_id}/funds"]["post"]
    assert {"TenantKey": []} in funds["security"]
    assert "429" in funds["responses"] and "Retry-After" in funds["responses"]["503"]["headers"]


CALL = {
    "user_id": "ada",
    "kind": "user_outbound_domestic",
    "destination": "US",
    "duration_seconds": 60,
}


@pytest.fixture
def tenant_with_card(client) -> Tenant:
    tenant = Tenant(client)
    tenant.card()
    return tenant
