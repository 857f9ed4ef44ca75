"""The advisor: its pair refuses nothing, a pair holding less refuses something."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from helpsvc.usage.advisor import nice_amounts, rule_of_thumb
from helpsvc.usage.generate import generate_rows, write_csv
from helpsvc.usage.presentation.report import render_report
from helpsvc.usage.presentation.summary import simulation_dict
from helpsvc.usage.reader import open_export
from helpsvc.usage.simulate import SimulationOptions, simulate

HAND = Path(__file__).resolve().parent.parent / "fixtures" / "usage" / "hand.csv"


def replay(path, tariff, **options):
    return simulate(
        lambda strict: open_export(path, strict=strict), SimulationOptions(**options), tariff
    )


def test_the_recommended_pair_refuses_nothing_and_a_cheaper_pair_refuses(tariff):
    sim = replay(HAND, tariff, advise=True)
    advice = sim.advice
    best = advice.recommended
    assert best is not None and not best.refused
    # Proven on the real calls, not only on the per-minute spend the search used.
    assert sim.recommended.refused_count == 0
    exact = replay(
        HAND,
        tariff,
        funds=str(best.funds / 100),
        trigger=str(best.trigger / 100),
        recharge=str(best.recharge / 100),
    )
    assert exact.result.refused_count == 0
    assert exact.result.average_held == sim.recommended.average_held == best.average_held
    # A pair holding less on average refuses a call: the 5.00 call of Jan 8 needs a
    # recharge that still leaves money, and half of the recommended recharge does not.
    cheaper = replay(
        HAND,
        tariff,
        funds=str(best.recharge // 2 / 100),
        trigger=str(best.trigger / 100),
        recharge=str(best.recharge // 2 / 100),
    )
    assert cheaper.result.average_held < best.average_held
    assert cheaper.result.refused_count > 0
    # Every pair of the search that holds less either refused or recharged too often.
    for c in advice.candidates:
        if c.complete and c.average_held < best.average_held:
            assert c.refused or c.recharges_per_month > advice.max_recharges_per_month


def test_the_rule_of_thumb_is_stated_beside_the_advice(tariff):
    sim = replay(HAND, tariff, advise=True)
    rule = sim.advice.rule_of_thumb
    assert (rule.funds, rule.trigger, rule.recharge) == (2300, 1600, 1900)
    assert sim.advice.rule_of_thumb_result is not None
    assert rule == rule_of_thumb(sim.stats, "USD")


def test_advice_on_a_generated_quarter(tariff, tmp_path):
    path = tmp_path / "PSTN.calls.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(handle, generate_rows(users=40, days=90, seed=5))
    sim = replay(path, tariff, advise=True)
    advice = sim.advice
    best = advice.recommended
    assert best is not None and sim.recommended.refused_count == 0
    assert best.recharges_per_month <= 4
    # Holding more buys fewer recharges: along the trade-off, recharges never rise as the
    # recharge amount grows.
    per_month = [c.recharges_per_month for c in advice.tradeoff()]
    assert per_month == sorted(per_month, reverse=True)
    assert best.average_held <= advice.rule_of_thumb_result.average_held


def test_no_credit_usage_means_no_advice(tariff, tmp_path):
    lines = HAND.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "plans-only.csv"
    path.write_text(lines[0] + lines[2], encoding="utf-8")
    sim = replay(path, tariff, advise=True)
    assert sim.advice.recommended is None and sim.advice.reason == "no_credit_usage"


def test_nice_amounts_are_round():
    assert nice_amounts(1320, 15000, "USD") == [
        1500,
        2000,
        2500,
        3000,
        4000,
        5000,
        6000,
        8000,
        10000,
        15000,
    ]


def test_the_recharge_delay_margin_is_the_busiest_spend_over_that_many_days(tariff):
    # Credit-funded spend of hand.csv: Jan 5 09:00 3.00, Jan 6 09:00 4.00, Jan 7 09:00
    # 2.50, Jan 8 09:00 5.00, Jan 9 09:00 1.00, Feb 2 09:00 2.00. Windows slide, so a
    # window of a day holds one call (24 h later is outside it), two days hold two.
    expected = {1.0: (8, 500), 0.5: (8, 500), 2.0: (7, 750), 3.5: (5, 1450)}
    for days, (day, spend) in expected.items():
        sim = replay(HAND, tariff, advise=True, recharge_delay_days=days)
        advice = sim.advice
        assert advice.recharge_delay_days == days
        assert (advice.lowest_trigger_from, advice.lowest_trigger) == (
            datetime(2026, 1, day, 9, tzinfo=UTC),
            spend,
        )
        assert min(c.trigger for c in advice.candidates) >= spend
        assert advice.recommended.trigger >= spend
    instant = replay(HAND, tariff, advise=True, recharge_delay_days=0).advice
    assert instant.lowest_trigger == 0 and min(c.trigger for c in instant.candidates) == 100


def test_the_margin_is_stated_wherever_the_advice_is(tariff):
    sim = replay(HAND, tariff, advise=True, recharge_delay_days=2)
    body = simulation_dict(sim, "en")["advice"]["recharge_delay"]
    assert body["recharge_delay_days"] == 2 and body["lowest_trigger"] == "7.50"
    assert body["lowest_trigger_window_start"] == "2026-01-07T09:00:00Z"
    assert "up to 2 days" in body["text"] and "7.50" in body["text"]
    de = simulation_dict(sim, "de")["advice"]["recharge_delay"]["text"]
    assert "bis zu 2 Tage" in de and "innerhalb von 2 Tagen" in de
    html = render_report(replay(HAND, tariff, advise=True), "en")
    assert "up to a day to arrive" in html and "within any 24 hours: $5.00" in html
    zh = render_report(replay(HAND, tariff, advise=True, recharge_delay_days=0.5), "zh")
    assert "最多可能需要 0.5 天" in zh
