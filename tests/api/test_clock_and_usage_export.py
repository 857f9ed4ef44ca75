"""The clock takes one way of moving at a time; the usage export says what paid each call."""

from __future__ import annotations

import csv
import io

import pytest

from tests.api.tenant_helpers import Tenant


@pytest.fixture
def tenant(client):
    return Tenant(client)


@pytest.mark.parametrize(
    "body",
    [
        {"days": 1, "months": 1},
        {"to": "2026-03-01T00:00:00Z", "hours": 5},
        {"to": "2026-03-01T00:00:00Z", "months": 2},
    ],
)
def test_two_ways_of_moving_the_clock_at_once_are_refused(tenant, body) -> None:
    before = tenant.state()["clock"]
    response = tenant.post("/clock", body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert "one of 'to', 'months' or 'days'/'hours'" in problem["detail"]
    assert tenant.state()["clock"] == before  # nothing moved


def test_days_and_hours_together_are_one_duration(tenant) -> None:
    tenant.ok("post", "/clock", {"days": 1, "hours": 2})
    assert tenant.state()["clock"] == "2026-01-11T11:00:00Z"


def test_usage_export_names_the_meeting_and_what_paid(tenant) -> None:
    tenant.setup_user()  # Audio Conferencing, domestic calling plan, credits license; in US
    tenant.card()
    tenant.fund("20")
    calls = [
        (120, "US", "geographic", "toll_free_dial_in"),  # always credits
        (300, "US", "geographic", "conference_dial_out"),  # the dial-out pool
        (60, "IN", "geographic", "conference_dial_out"),  # outside the pool: credits
        (120, "US", "geographic", "user_outbound_domestic"),  # the calling plan
        (60, "GB", "mobile", "user_outbound_international"),  # credits
    ]
    ids = []
    for seconds, destination, number_type, kind in calls:
        response = tenant.call(seconds, destination, number_type, kind)
        assert response.status_code == 201, response.text
        ids.append(response.json()["call"]["call_id"])
    rows = list(csv.DictReader(io.StringIO(tenant.get("/usage.csv").text)))
    assert [row["Capability"] for row in rows] == [
        "MCOMEETACPEA",
        "MCOMEETADV",
        "MCOMEETACPEA",
        "MCOPSTN1",
        "MCOPSTNPP",
    ]
    assert [row["Conference ID"] for row in rows] == [ids[0], ids[1], ids[2], "", ""]
    assert [row["Call Type"] for row in rows[:3]] == ["conf_in", "conf_out", "conf_out"]
    assert rows[1]["Charge"] == "0.00" and rows[2]["Charge"] != "0.00"
