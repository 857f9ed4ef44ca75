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
    assert problem["code"] == "not_usage_export" and "PSTN使用情况报告" in problem["detail"]
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
    assert "回放你的PSTN使用情况报告" in zh.text and 'lang="zh-Hans"' in zh.text


def page_post(client, lang: str, data: dict[str, str], path: Path | None = HAND):
    """Post the /simulate form as a browser would: the page first (its token and cookie)."""
    form = client.get(f"/simulate?lang={lang}")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    fields = {"csrf": token, **data}
    if path is None:
        return client.post(f"/simulate?lang={lang}", data=fields, files={"file": ("", b"")})
    return upload(client, path, fields, url=f"/simulate?lang={lang}")


def field_error(html: str, name: str) -> str:
    match = re.search(rf'<p class="error-text" id="{name}-error">([^<]*)</p>', html)
    return match.group(1) if match else ""


def test_the_page_shows_the_report_with_charts_and_errors_in_place(client):
    response = page_post(client, "en", {"advise": "true", **CONFIG})
    assert response.status_code == 200
    html = response.text
    assert "<svg" in html and "Funding advice" in html and "$7.50" in html
    # The charts style themselves with attributes: a policy without 'unsafe-inline' keeps them.
    assert "style=" not in html and "<style" not in html
    wrong = page_post(client, "de", {}, USAGE / "DirectRouting.calls.20260105.csv")
    assert wrong.status_code == 422 and 'data-testid="error-summary"' in wrong.text
    assert "Direct-Routing-Datei" in field_error(wrong.text, "file")


def test_the_form_reads_amounts_as_the_pages_language_writes_them(client):
    german = page_post(client, "de", {"funds": "1.000,50", "trigger": "4", "recharge": "5,00"})
    assert german.status_code == 200, field_error(german.text, "funds")
    assert "1.000,50\xa0$" in german.text and "5,00\xa0$" in german.text
    chinese = page_post(client, "zh", {"funds": "１００", "trigger": "４", "recharge": "5.5"})
    assert chinese.status_code == 200
    assert "US$100.00" in chinese.text and "US$5.50" in chinese.text
    english = page_post(client, "en", {"funds": "$1,000.50", "trigger": "4", "recharge": "5"})
    assert english.status_code == 200 and "$1,000.50" in english.text
    # A German admin pasting an amount from an English invoice is understood too.
    pasted = page_post(client, "de", {"funds": "100.50", "trigger": "4", "recharge": "5"})
    assert pasted.status_code == 200 and "100,50\xa0$" in pasted.text
    # The API keeps its machine format: a decimal comma is not an amount there.
    api = upload(client, HAND, {"funds": "100,50"})
    assert api.status_code == 422 and api.json()["code"] == "invalid_amount"


def test_a_bad_amount_comes_back_with_the_values_and_a_summary_linking_the_field(client):
    sent = {"funds": "zehn", "trigger": "4,50", "nce": "true", "recharge_delay_days": "2"}
    response = page_post(client, "de", sent)
    assert response.status_code == 422
    html = response.text
    summary = html[html.index('data-testid="error-summary"') : html.index("</ul>")]
    assert 'href="#funds"' in summary and "Startbetrag" in summary and "zehn" in summary
    assert "„zehn“ ist kein Betrag" in field_error(html, "funds")
    assert "50,00" in field_error(html, "funds")  # the example in German notation
    funds = re.search(r'<input id="funds"[^>]*>', html).group(0)
    assert 'value="zehn"' in funds and 'aria-invalid="true"' in funds
    assert "funds-error" in funds
    assert re.search(r'<input id="trigger"[^>]*value="4,50"', html)
    assert re.search(r'<input id="nce"[^>]*checked', html)
    assert not re.search(r'<input id="advise"[^>]*checked', html)
    assert "<title>Bitte prüfen Sie Ihre Eingaben:" in html


def test_amounts_the_export_currency_cannot_hold_are_named_at_the_field(client):
    too_fine = page_post(client, "de", {"funds": "10,005"})
    assert too_fine.status_code == 422
    message = field_error(too_fine.text, "funds")
    assert "„10,005“" in message and "USD" in message and "2 Nachkommastellen" in message
    negative = page_post(client, "zh", {"trigger": "-5"})
    assert "小于零" in field_error(negative.text, "trigger")
    zero = page_post(client, "en", {"recharge": "0,00"})
    assert "0,00" in field_error(zero.text, "recharge")
    assert "“Replay without auto-recharge”" in field_error(zero.text, "recharge")
    delay = page_post(client, "de", {"advise": "true", "recharge_delay_days": "viel"})
    assert "zwischen 0 und 31" in field_error(delay.text, "recharge_delay_days")
    assert "0,5" in field_error(delay.text, "recharge_delay_days")
    missing = page_post(client, "zh", {"funds": "10"}, path=None)
    assert missing.status_code == 422 and "请选择要回放的导出文件" in missing.text


def test_the_recharge_delay_is_read_in_the_pages_language(client):
    response = page_post(client, "de", {"advise": "true", "recharge_delay_days": "0,5"})
    assert response.status_code == 200, field_error(response.text, "recharge_delay_days")
    assert "0,5 Tage" in response.text


def test_a_form_post_without_the_pages_token_changes_nothing(client):
    forged = upload(client, HAND, {"csrf": "made-up", **CONFIG}, url="/simulate?lang=de")
    assert forged.status_code == 403
    assert "<svg" not in forged.text and "ließ sich nicht bestätigen" in forged.text
    # The form comes back with what was typed and a new token in a cookie.
    assert re.search(r'<input id="funds"[^>]*value="10"', forged.text)
    assert "helpsvc_simulate_csrf" in forged.headers["set-cookie"]
    assert page_post(client, "de", CONFIG).status_code == 200


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


def test_an_upload_over_the_limit_comes_back_as_the_form_with_the_limit_named(make_client):
    client = make_client(simulation_max_bytes=1000)
    response = page_post(client, "de", CONFIG)
    assert response.status_code == 413
    assert 'href="#file"' in response.text and "größer als 1000 bytes" in response.text
