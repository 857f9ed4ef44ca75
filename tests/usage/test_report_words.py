"""The HTML report speaks the reader's language: words for codes, Babel for numbers and dates.

The JSON of the API keeps the codes and the machine format; only the report changes.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from helpsvc.i18n.formats import parse_amount
from helpsvc.usage.generate import generate_rows, write_csv
from helpsvc.usage.presentation.report import render_fragment
from helpsvc.usage.presentation.summary import simulation_dict
from helpsvc.usage.presentation.words import call_type
from helpsvc.usage.reader import open_export
from helpsvc.usage.simulate import SimulationOptions, simulate

CODES = ("user_out", "user_in", "conf_in", "conf_out", "recharge_succeeded", "card_expired")


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory, tariff):
    """March to June in euros, with recharges that succeed and, once the card expires,
    fail."""
    path = tmp_path_factory.mktemp("export") / "PSTN.calls.20260302.csv"
    rows = generate_rows(users=6, days=100, seed=7, start=date(2026, 3, 2), currency="EUR")
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(handle, rows)
    options = SimulationOptions(
        funds="100.50", trigger="90", recharge="23", card_expires=(2026, 4), advise=True
    )
    return simulate(lambda strict: open_export(path, strict=strict), options, tariff)


def text_of(html: str) -> str:
    """What a reader sees: the text outside tags, chart labels included."""
    return re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ")


@pytest.mark.parametrize(
    ("lang", "funds", "month", "failed"),
    [
        ("de", "100,50 €", "Apr. 2026", "Kreditkarte abgelaufen"),
        ("zh", "€100.50", "2026年4月", "信用卡已过期"),
    ],
)
def test_the_report_has_words_and_local_formats(sim, lang, funds, month, failed):
    assert sim.result.failed_count > 0 and sim.result.recharge_count > 0
    html = render_fragment(sim, lang)
    shown = text_of(html)
    for code in CODES:
        assert code not in shown, f"{code!r} in the {lang} report"
    assert funds in shown and month in shown and failed in shown
    assert not re.search(r"\d{4}-\d\d-\d\dT", shown)  # no ISO 8601 times
    # Charts colour themselves with attributes, which a strict CSP allows.
    assert "style=" not in html and "<style" not in html and html.count("<svg") == 3


def test_the_api_keeps_codes_and_machine_amounts(sim):
    body = simulation_dict(sim, "de")
    assert body["replay"]["config"]["funds"] == "100.50"
    assert set(body["by_call_type"]) == {"user_in", "user_out", "conf_in", "conf_out"}
    assert "recharge_succeeded" in body["replay"]["notification_counts"]
    assert body["replay"]["failed_recharges"][0]["reason"] == "card_expired"


def test_call_types_are_words_and_unknown_ones_keep_their_code():
    assert call_type("conf_in", "de") == "Einwahl in Besprechungen"
    assert call_type("USER_OUT ", "zh") == "用户拨出的通话"
    assert call_type("dr_out_new", "de") == "Sonstige Anrufe (dr_out_new)"
    assert call_type("", "en") == "Calls without a call type"


@pytest.mark.parametrize(
    ("typed", "lang", "number"),
    [
        ("100,50 €", "de", "100.50"),
        ("1.000,50", "de", "1000.50"),
        ("１００", "zh", "100"),
        ("¥1,000.5", "zh", "1000.5"),
        ("US$ 20", "en", "20"),
    ],
)
def test_amounts_typed_with_a_currency_sign_before_the_export_says_which(typed, lang, number):
    assert str(parse_amount(typed, lang)) == number


def test_a_cli_report_is_a_file_of_its_own(sim):
    from helpsvc.usage.presentation.report import render_report

    html = render_report(sim, "de")
    # The standalone file carries the report's stylesheet (scroll boxes included).
    assert '<html lang="de">' in html and ".report .scroll" in html
