"""Replays of a small hand-checked export (tests/fixtures/usage/hand.csv).

The credit-funded rows, in order (row 3 is a domestic call on the calling plan, free):
row 2 Jan 5 09:00 3.00 · row 4 Jan 6 09:00 4.00 (toll-free dial-in) · row 5 Jan 7 09:00
2.50 (dial-out) · row 6 Jan 8 09:00 5.00 · row 7 Jan 9 09:00 1.00 · row 8 Feb 2 09:00 2.00.
The replay starts on Jan 5 00:00 (the day of the first call) and ends on Feb 3 00:00.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from helpsvc.credits import CallKind, Money, NumberType
from helpsvc.usage.calls import ReplayCall
from helpsvc.usage.options import OptionError
from helpsvc.usage.reader import open_export
from helpsvc.usage.replay import ReplayConfig, Replayer
from helpsvc.usage.simulate import SimulationOptions, simulate

HAND = Path(__file__).resolve().parent.parent / "fixtures" / "usage" / "hand.csv"
START = datetime(2026, 1, 5, tzinfo=UTC)
END = datetime(2026, 2, 3, tzinfo=UTC)


def run(tariff, **options):
    return simulate(
        lambda strict: open_export(HAND, strict=strict), SimulationOptions(**options), tariff
    )


def at(day: int, month: int = 1, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def test_auto_recharge_refills_each_time_the_balance_falls_below_the_trigger(tariff):
    sim = run(tariff, funds="10", trigger="4", recharge="5")
    r = sim.result
    # 10.00 -3 = 7.00 | -4 = 3.00 < 4 -> +5 = 8.00 | -2.50 = 5.50 | -5 = 0.50 < 4 -> +5 =
    # 5.50 | -1 = 4.50 | Feb 2: -2 = 2.50 < 4 -> +5 = 7.50
    assert [(x.at, x.balance_after) for x in r.recharges] == [
        (at(6), 800),
        (at(8), 550),
        (at(2, 2), 750),
    ]
    assert r.refused_count == 0 and r.failed_count == 0
    assert r.spent == 300 + 400 + 250 + 500 + 100 + 200
    assert r.final_balance == 750 and r.recharged == 1500
    assert r.notification_counts == {"recharge_succeeded": 3}
    # Time-weighted: 10.00 for 9 h, 7.00 24 h, 8.00 24 h, 5.50 48 h, 4.50 576 h (Jan 9
    # 09:00 - Feb 2 09:00), 7.50 15 h; over 29 days.
    area = 1000 * 9 + 700 * 24 + 800 * 24 + 550 * 48 + 450 * 576 + 750 * 15
    assert r.average_held == round(area / (29 * 24))
    assert (r.start, r.end) == (START, END)


def test_without_auto_recharge_calls_are_refused_once_the_balance_is_spent(tariff):
    sim = run(tariff, funds="5", auto_recharge=False)
    r = sim.result
    # 5.00 -3 = 2.00, then the 4.00 dial-in is charged in full: -2.00. Every later
    # credit-funded call is refused at its start (rows 5, 6, 7, 8).
    assert r.final_balance == -200 and r.spent == 700
    assert [(x.row, x.at, x.charge) for x in r.refused] == [
        (5, at(7), 250),
        (6, at(8), 500),
        (7, at(9), 100),
        (8, at(2, 2), 200),
    ]
    assert r.refused_count == 4 and r.refused_charge == 1050
    assert r.notification_counts == {"balance_not_positive": 1}


def test_an_expired_card_fails_the_recharge_and_then_calls_are_refused(tariff):
    sim = run(tariff, funds="10", trigger="4", recharge="5", card_expires=(2026, 1))
    r = sim.result
    # As with a valid card until Feb 2 (4.50); the card ended with January, so the recharge
    # after the 2.00 call fails and the balance stays at 2.50 (no call left to refuse).
    assert r.recharge_count == 2 and r.failed_count == 1
    assert r.failed[0].at == at(2, 2) and r.failed[0].reason == "card_expired"
    assert r.final_balance == 250 and r.refused_count == 0
    assert r.notification_counts == {"recharge_succeeded": 2, "recharge_failed": 1}


def test_nce_uses_credits_first_then_bills_overage(tariff):
    sim = run(tariff, funds="10", nce=True)
    r = sim.result
    # 10.00 covers 3 + 4 + 2.50 and 0.50 of the 5.00 call; 4.50 + 1.00 in January and
    # 2.00 in February are overage. January closes at Feb 1 00:00.
    assert r.final_balance == 0 and r.refused_count == 0
    assert [(i.period_end, i.overage) for i in r.invoices] == [
        (datetime(2026, 2, 1, tzinfo=UTC), 550)
    ]
    assert r.spent == 1750 and r.overage == 550
    # NCE never refuses: the engine says the credits are used up, not "calls refused".
    assert r.notification_counts == {"credits_used_up": 1}


def test_missing_amounts_come_from_the_rule_of_thumb(tariff):
    sim = run(tariff)
    # Credit-funded spend 17.50 over 29 days, no full month: a month is 17.50 x 30.4375 /
    # 29 = 18.37 -> funds 18.37 x 1.2 = 22.04 -> 23.00, recharge 19.00; busiest 7 days
    # Jan 5 - Jan 11: 15.50 -> trigger 16.00.
    assert sim.defaulted == ("funds", "trigger", "recharge")
    assert sim.config.funds.minor == 2300
    assert sim.config.trigger.minor == 1600 and sim.config.recharge.minor == 1900
    assert sim.passes == 2


def test_rows_out_of_time_order_are_sorted_before_the_replay(tariff, tmp_path):
    lines = HAND.read_text(encoding="utf-8").splitlines(keepends=True)
    shuffled = tmp_path / "shuffled.csv"
    body = lines[1:]
    random.Random(4).shuffle(body)
    shuffled.write_text(lines[0] + "".join(body), encoding="utf-8")
    options = SimulationOptions(funds="10", trigger="4", recharge="5")
    sim = simulate(lambda strict: open_export(shuffled, strict=strict), options, tariff)
    assert not sim.stats.sorted
    assert sim.result.final_balance == 750 and sim.result.recharge_count == 3


def _random_calls(seed: int, count: int) -> list[ReplayCall]:
    rng = random.Random(seed)
    when = START
    calls = []
    for n in range(count):
        when += timedelta(minutes=rng.randrange(1, 800))
        calls.append(
            ReplayCall(
                when,
                n + 2,
                f"user{rng.randrange(5)}@contoso.example",
                "US",
                CallKind.USER_OUTBOUND_INTERNATIONAL,
                "GB",
                NumberType.MOBILE,
                60,
                rng.choice((0, 5, 40, 120, 300, 900)),
                f"c{n}",
            )
        )
    return calls


def test_runs_of_quiet_calls_give_exactly_what_calls_one_by_one_give(tariff):
    calls = _random_calls(11, 1500)  # about a year, across lot expiry and month ends
    end = calls[-1].at + timedelta(days=1)
    configs = [
        {"funds": 5000, "trigger": 2000, "recharge": 3000},
        {"funds": 5000, "trigger": 2000, "recharge": 3000, "card_expires": (2026, 3)},
        {"funds": 1000, "trigger": 2000, "recharge": 500},
        {"funds": 20000, "nce": True},
        {"funds": 3000, "auto_recharge": False},
    ]
    for values in configs:
        money = {
            k: Money(v, "USD") for k, v in values.items() if k in ("funds", "trigger", "recharge")
        }
        config = ReplayConfig(
            currency="USD",
            start=START,
            **money,
            **{k: v for k, v in values.items() if k not in money},
        )
        results = []
        for batch in (True, False):
            replayer = Replayer(config, tariff, batch=batch)
            for call in calls:
                replayer.call(call)
            r = replayer.finish(end)
            results.append(
                (
                    r.spent,
                    r.final_balance,
                    r.refused_count,
                    [(x.at, x.row) for x in r.refused],
                    [(x.at, x.balance_after) for x in r.recharges],
                    [(x.at, x.balance_after) for x in r.failed],
                    [(x.at, x.forfeited) for x in r.expiries],
                    dict(r.notification_counts),
                    [(i.period_end, i.overage) for i in r.invoices],
                    r.average_held,
                    r.lowest_balance,
                    r.peak_balance,
                )
            )
        assert results[0] == results[1], values


def test_the_lowest_balance_is_the_lowest_the_replay_reached(tariff):
    # Funds 10, trigger 5, recharge 20: 10.00 -3 = 7.00 | the 4.00 dial-in of Jan 6 takes
    # it to 3.00, below the trigger, and the recharge follows: 23.00 | ... | 12.50. The
    # balance never was 0.00; its low is the 3.00 the debit left before the recharge.
    sim = run(tariff, funds="10", trigger="5", recharge="20")
    assert sim.result.lowest_balance == 300 and sim.result.final_balance == 1250
    # Trigger 4, recharge 5: the 5.00 call of Jan 8 leaves 0.50 before its recharge.
    assert run(tariff, funds="10", trigger="4", recharge="5").result.lowest_balance == 50
    # Funds that are never spent down: the low is what is left at the end.
    assert run(tariff, funds="100", auto_recharge=False).result.lowest_balance == 8250
    # Below zero: a call in progress is charged in full.
    assert run(tariff, funds="5", auto_recharge=False).result.lowest_balance == -200


def test_explicit_zero_amounts_are_refused_and_name_the_option(tariff):
    # A recharge of 0 used to turn auto-recharge off without a word.
    for options, option in (
        ({"funds": "10", "trigger": "4", "recharge": "0"}, "recharge"),
        ({"funds": "10", "trigger": "0.00", "recharge": "5"}, "trigger"),
        ({"funds": "0", "trigger": "4", "recharge": "5"}, "funds"),
    ):
        with pytest.raises(OptionError) as caught:
            run(tariff, **options)
        assert (caught.value.option, caught.value.code) == (option, "amount_zero")
        assert caught.value.value == options[option]
    # Without auto-recharge or with NCE, no starting funds is a question worth asking.
    assert run(tariff, funds="0", auto_recharge=False).result.refused_count == 6
    assert run(tariff, funds="0", nce=True).result.spent == 1750


def test_a_card_expired_before_the_start_replays_with_every_recharge_failing(tariff):
    sim = run(tariff, funds="10", trigger="4", recharge="5", card_expires=(2025, 12))
    config, r = sim.config, sim.result
    assert config.card_expired_at_start and config.start == START
    # The funds are held from the start (the purchase date is the replay's start):
    # 10.00 -3 = 7.00 | -4 = 3.00 < 4: the recharge fails on the card | -2.50 = 0.50 |
    # -5.00 = -4.50 (charged in full) | rows 7 and 8 are refused.
    assert r.series[0][1:] == (1000, 1000, 1000) and r.series[0][0] == START
    assert r.recharge_count == 0 and r.failed_count == 1
    assert (r.failed[0].at, r.failed[0].reason) == (at(6), "card_expired")
    assert [x.row for x in r.refused] == [7, 8] and r.final_balance == -450
    assert r.spent == 1450 and r.lowest_balance == -450
    assert r.notification_counts == {"recharge_failed": 1, "balance_not_positive": 1}
    # The starting funds expire 12 months after the start like a purchase would.
    later = Replayer(config, tariff)
    assert later.state.lots[0].expires_at == datetime(2027, 1, 5, tzinfo=UTC)
    # NCE with an expired card: the funds are used first, the rest is overage as usual.
    nce = run(tariff, funds="10", nce=True, card_expires=(2025, 12)).result
    assert nce.overage == 550 and nce.spent == 1750 and nce.final_balance == 0


def test_a_card_that_expired_decades_before_the_start_still_replays(tariff):
    # 14 years ago, more than one clock step may move (10 years): the setup moves in steps.
    sim = run(tariff, funds="10", trigger="4", recharge="5", card_expires=(2012, 1))
    assert sim.config.card_expired_at_start
    assert sim.result.failed_count == 1 and sim.result.failed[0].reason == "card_expired"
    assert [x.row for x in sim.result.refused] == [7, 8]
