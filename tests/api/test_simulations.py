"""``POST /api/v1/simulations`` and the ``/simulate`` page."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from helpsvc.credits import load_sample_tariff
from helpsvc.usage.reader import open_export
from helpsvc.usage.simulate import SimulationOptions, simulate
from tests.api.tenant_helpers import ADA, Tenant

USAGE = Path(__file__).resolve().parent.parent / "fixtures" / "usage"
HAND = USAGE / "hand.csv"
CONFIG = {"funds": "10", "trigger": "4", "recharge": "5"}


def upload(client, path: Path, data=None, url="/api/v1/simulations", **headers):
    with path.open("rb") as handle:
        return client.post(
            url, files={"file": (path.name, handle, "text/csv")}, data=data or {}, headers=headers
        )


def engine_replay():
    return simulate(
        lambda strict: open_export(HAND, strict=strict),
        SimulationOptions(**CONFIG),
        load_sample_tariff(),
    ).result


def test_upload_replays_through_the_engine(client):
    response = upload(client, HAND, CONFIG)
    assert response.status_code == 200, response.text
    body = response.json()
    replay = body["replay"]
    expected = engine_replay()
    assert replay["final_balance"] == "7.50" == f"{expected.final_balance / 100:.2f}"
    assert replay["spent"] == "17.50" and replay["recharge_count"] == 3
    assert [r["at"] for r in replay["recharges"]] == [
        "2026-01-06T09:00:00Z",
        "2026-01-08T09:00:00Z",
        "2026-02-02T09:00:00Z",
    ]
    assert body["credit_funded_rows"] == 6 and body["advice"] is None


def test_zip_upload_with_advice_explains_direct_routing(client, tmp_path):
    path = tmp_path / "Calls.Export.0001.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(HAND, "PSTN.calls.20260105.csv")
        archive.write(
            USAGE / "DirectRouting.calls.20260105.csv", "DirectRouting.calls.20260105.csv"
        )
    response = upload(client, path, {"advise": "true"}, **{"Accept-Language": "de"})
    assert response.status_code == 200, response.text
    body = response.json()
    [note] = body["notes"]
    assert note["code"] == "direct_routing_skipped" and "Kommunikationsguthaben" in note["message"]
    advice = body["advice"]
    assert advice["recommended"]["refuses_calls"] is False
    assert body["recommended_replay"]["refused_count"] == 0
    assert "Startbetrag" in advice["rule_of_thumb"]["text"]


def test_uploads_over_the_limit_are_answered_413(make_client):
    client = make_client(simulation_max_bytes=1000)
    response = upload(client, HAND)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "upload_too_large" and problem["limit_bytes"] == 1000


def test_a_wrong_file_is_a_422_problem_in_the_callers_language(client, tmp_path):
    wrong = tmp_path / "prices.csv"
    wrong.write_text("name,price\napple,3\n", encoding="utf-8")
    response = upload(client, wrong, **{"Accept-Language": "zh-CN"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "not_usage_export" and "PSTN 使用情况报告" in problem["detail"]
    strict = upload(client, USAGE / "bad_rows.csv", {"strict": "true"})
    assert strict.status_code == 422 and strict.json()["row"] == 3
    bad = upload(client, HAND, {"funds": "ten"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_amount"
    nothing = client.post("/api/v1/simulations", json={})
    assert nothing.status_code == 422 and nothing.json()["code"] == "no_file"


def test_a_tenants_own_usage_replays_to_the_cent_like_the_engine(client):
    tenant = Tenant(client, start="2026-01-05T00:00:00Z")
    for user in ("alice@contoso.example", "bob@contoso.example"):
        tenant.ok("post", "/users", {"user_id": user, "licenses": ADA})
    tenant.card()
    tenant.fund("10.00")
    tenant.ok(
        "put", "/auto-recharge", {"enabled": True, "trigger_amount": "4", "recharge_amount": "5"}
    )
    # The credit-funded rows of hand.csv, placed live with their charges.
    calls = [
        ("2026-01-05T09:00:00Z", "alice", "user_outbound_international", "GB", 600, "3.00"),
        ("2026-01-06T09:00:00Z", "alice", "toll_free_dial_in", "US", 1800, "4.00"),
        ("2026-01-07T09:00:00Z", "bob", "conference_dial_out", "DE", 1200, "2.50"),
        ("2026-01-08T09:00:00Z", "alice", "user_outbound_international", "FR", 1800, "5.00"),
        ("2026-01-09T09:00:00Z", "bob", "user_outbound_international", "GB", 240, "1.00"),
        ("2026-02-02T09:00:00Z", "alice", "user_outbound_international", "GB", 480, "2.00"),
    ]
    for at, user, kind, destination, seconds, charge in calls:
        tenant.ok("post", "/clock", {"to": at})
        tenant.ok(
            "post",
            "/calls",
            {
                "user_id": f"{user}@contoso.example",
                "kind": kind,
                "destination": destination,
                "number_type": "geographic",
                "duration_seconds": seconds,
                "charge": charge,
            },
        )
    tenant.ok("post", "/clock", {"to": "2026-02-03T00:00:00Z"})
    live = tenant.state()
    expected = engine_replay()
    assert live["balance"] == f"{expected.final_balance / 100:.2f}" == "7.50"
    assert tenant.ledger_types().count("auto_recharge") == expected.recharge_count == 3

    body = {"tenant_id": tenant.id, **CONFIG, "start": "2026-01-05"}
    response = client.post("/api/v1/simulations", json=body, headers=tenant.headers)
    assert response.status_code == 200, response.text
    replay = response.json()["replay"]
    assert replay["final_balance"] == live["balance"]
    assert replay["spent"] == "17.50" and replay["recharge_count"] == 3
    other = Tenant(client, name="Fabrikam")
    assert client.post("/api/v1/simulations", json=body, headers=other.headers).status_code == 404
    assert client.post("/api/v1/simulations", json=body).status_code == 401


def test_the_page_has_a_labelled_form_in_the_readers_language(client):
    page = client.get("/simulate", headers={"Accept-Language": "de-AT"})
    assert page.status_code == 200 and page.headers["content-language"] == "de"
    html = page.text
    assert "PSTN-Nutzungsbericht wiedergeben" in html and 'enctype="multipart/form-data"' in html
    inputs = set(re.findall(r'<input id="([^"]+)"', html))
    labels = set(re.findall(r'<label for="([^"]+)"', html))
    assert inputs and inputs <= labels
    zh = client.get("/simulate?lang=zh")
    assert "回放你的 PSTN 使用情况报告" in zh.text and 'lang="zh-Hans"' in zh.text


def test_the_page_shows_the_report_with_charts_and_errors_in_place(client):
    response = upload(client, HAND, {"advise": "true", **CONFIG}, url="/simulate?lang=en")
    assert response.status_code == 200
    html = response.text
    assert "<svg" in html and "Funding advice" in html and "7.50 USD" in html
    wrong = upload(client, USAGE / "DirectRouting.calls.20260105.csv", url="/simulate?lang=de")
    assert wrong.status_code == 422 and 'role="alert"' in wrong.text
    assert "Direct-Routing-Datei" in wrong.text


def test_zero_amounts_and_bad_settings_are_422_problems_naming_the_field(client):
    response = upload(client, HAND, {**CONFIG, "recharge": "0"})
    assert response.status_code == 422
    problem = response.json()
    assert (problem["code"], problem["option"], problem["value"]) == (
        "amount_zero",
        "recharge",
        "0",
    )
    assert problem["detail"].startswith("recharge: ") and "no_auto_recharge" in problem["detail"]
    german = upload(client, HAND, {"funds": "0"}, **{"Accept-Language": "de"}).json()
    assert german["option"] == "funds" and "Startbetrag von 0" in german["detail"]
    # "No auto-recharge" is its own field, and then no starting funds is a fair question.
    off = upload(client, HAND, {"funds": "0", "no_auto_recharge": "true"})
    assert off.status_code == 200 and off.json()["replay"]["refused_count"] == 6
    delay = upload(client, HAND, {"advise": "true", "recharge_delay_days": "soon"})
    assert delay.status_code == 422 and delay.json()["option"] == "recharge_delay_days"


def test_the_recharge_delay_field_sets_the_advisors_margin(client):
    response = upload(client, HAND, {"advise": "true", "recharge_delay_days": "2"})
    assert response.status_code == 200, response.text
    margin = response.json()["advice"]["recharge_delay"]
    assert margin["recharge_delay_days"] == 2 and margin["lowest_trigger"] == "7.50"
    assert "up to 2 days" in margin["text"]
    default = upload(client, HAND, {"advise": "true"}).json()["advice"]["recharge_delay"]
    assert default["recharge_delay_days"] == 1 and default["lowest_trigger"] == "5.00"


def test_an_expired_card_and_unreadable_exports_in_the_api(client, tmp_path):
    expired = upload(client, HAND, {**CONFIG, "card_expires": "2025-12"})
    assert expired.status_code == 200, expired.text
    body = expired.json()
    assert body["replay"]["config"]["card_expired_at_start"] is True
    assert body["replay"]["failed_recharge_count"] == 1
    assert body["replay"]["lowest_balance"] == "-4.50"
    lines = HAND.read_bytes().splitlines(keepends=True)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"".join([*lines[:6], lines[6].replace(b"Bob", b"B\xfcb"), *lines[7:]]))
    problem = upload(client, latin).json()
    assert (problem["code"], problem["file"], problem["row"]) == ("not_utf8", "latin.csv", 7)
    header = tmp_path / "header.csv"
    header.write_bytes(lines[0])
    assert upload(client, header, **{"Accept-Language": "zh"}).json()["code"] == "header_only"
