"""The clock refuses steps it can't take quickly, and long histories keep the state small.

A POST to /clock runs inside the tenant's write transaction, so its work is what every other
writer waits for. The engine bounds a step (10 years, never past 2200-01-01) and compacts
spent lots and old invoices, so the stored state stays small however long the history.
"""

from __future__ import annotations

import pytest

from helpsvc.credits import DEFAULT_RETENTION
from helpsvc.store.codec import dump_state
from tests.api.tenant_helpers import Tenant

# What a state is made of, from the retention the engine keeps, with room to spare: the
# fixed part (clock, card, settings, counters, pools, summary) is under 2 KB, one user
# under 300 bytes, a lot (id, source, four amounts, two times) under 400 bytes and an
# invoice under 250. Five years of monthly recharges keep at most 13 lots that still hold
# credits (a lot lives 12 months) plus the retained spent ones, and 24 invoices: under
# 20 KB, where the same history without compaction keeps growing (7.2 MB for 65,801
# invoices when the issue was filed).
STATE_BYTES_BOUND = (
    2_000 + 300 + 400 * (13 + DEFAULT_RETENTION.spent_lots) + 250 * DEFAULT_RETENTION.invoices
)


def stored_state_bytes(client, tenant: Tenant) -> int:
    loaded = client.app.state.services.tenants.load(tenant.id)
    return len(dump_state(loaded.state).encode("utf-8"))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "can't go past 2200-01-01T00:00:00Z"),
        ("de", "kann nicht über 2200-01-01T00:00:00Z hinaus"),
        ("zh", "模拟时钟不能超过 2200-01-01T00:00:00Z"),
    ],
)
def test_the_year_7510_is_refused_at_once_in_the_callers_language(client, lang, words) -> None:
    tenant = Tenant(client, commerce_model="nce")
    before = tenant.state()["clock"]
    response = client.post(
        tenant.url("/clock") + f"?lang={lang}",
        json={"to": "7510-05-10T18:21:28Z"},
        headers=tenant.headers,
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "clock_too_far"
    assert problem["params"] == {"field": "to", "horizon": "2200-01-01T00:00:00Z"}
    assert words in problem["detail"]
    assert tenant.state()["clock"] == before


@pytest.mark.parametrize(
    ("body", "field", "maximum", "lang", "words"),
    [
        ({"months": 121}, "months", "120", "en", "“Number of months” can be at most 120"),
        ({"months": 121}, "months", "120", "de", "„Anzahl der Monate“ darf höchstens 120"),
        ({"months": 121}, "months", "120", "zh", "“月数”最多为 120"),
        ({"days": 3000, "hours": 20_000}, "by", "3660", "en", "at most 3660 days"),
        ({"days": 3661}, "by", "3660", "de", "höchstens 3660 Tage"),
        ({"hours": 87_841}, "by", "3660", "zh", "最多为 3660 天"),
        (
            {"to": "2036-01-18T09:00:01Z"},
            "to",
            "2036-01-18T09:00:00Z",
            "en",
            "“Target time” can be at most 2036-01-18T09:00:00Z",
        ),
    ],
)
def test_a_step_over_ten_years_names_the_field_and_its_maximum(
    client, body, field, maximum, lang, words
) -> None:
    tenant = Tenant(client)  # its clock is at 2026-01-10T09:00:00Z
    response = client.post(
        tenant.url("/clock"), json=body, headers={**tenant.headers, "Accept-Language": lang}
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert (problem["code"], problem["params"]) == (
        "clock_too_far",
        {"field": field, "max": maximum},
    )
    assert words in problem["detail"]


def test_five_years_in_one_step_answer_and_leave_a_small_state(client) -> None:
    tenant = Tenant(client, commerce_model="nce")
    tenant.setup_user()
    response = tenant.post("/clock", {"months": 60})
    assert response.status_code == 200, response.text
    view = tenant.state()
    assert view["clock"] == "2031-01-10T09:00:00Z"
    assert len(view["invoices"]) == DEFAULT_RETENTION.invoices
    assert view["invoices"][-1]["id"] == "inv-60"  # the newest are the ones kept
    assert stored_state_bytes(client, tenant) < STATE_BYTES_BOUND


def test_five_years_of_monthly_recharges_keep_the_stored_state_under_the_bound(client) -> None:
    tenant = Tenant(client)
    tenant.setup_user()
    tenant.card(year=2035)
    tenant.fund("30.00")
    tenant.ok(
        "put",
        "/auto-recharge",
        {"enabled": True, "trigger_amount": "15.00", "recharge_amount": "24.00"},
    )
    sizes = []
    for month in range(60):
        # 200 minutes to a UK mobile at the sample rate (0.12 USD) cost 24.00: from 30.00
        # below the trigger, and the recharge of 24.00 brings it back: one a month.
        assert tenant.call(200 * 60).status_code == 201
        tenant.ok("post", "/clock", {"months": 1})
        if month in (35, 59):
            sizes.append(stored_state_bytes(client, tenant))
    types = tenant.ledger_types()
    assert types.count("auto_recharge") == 60
    assert sizes[1] < STATE_BYTES_BOUND
    # Steady state: two more years of history add (almost) nothing.
    assert sizes[1] < sizes[0] * 1.2
    view = tenant.state()
    assert len(view["lots"]) <= 13 + DEFAULT_RETENTION.spent_lots


def test_a_tenant_cannot_start_beyond_the_horizon_its_clock_never_passes(client) -> None:
    base = {"name": "Far", "country": "DE", "currency": "EUR"}
    late = client.post("/api/v1/tenants", json={**base, "start": "2200-01-01T00:00:00Z"})
    assert late.status_code == 422, late.text
    assert late.json()["errors"][0]["field"] == "body.start"
    assert "2200-01-01" in late.json()["errors"][0]["message"]
    ok = client.post("/api/v1/tenants", json={**base, "start": "2199-12-31T00:00:00Z"})
    assert ok.status_code == 201, ok.text
