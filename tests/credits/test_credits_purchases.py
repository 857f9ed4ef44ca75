"""Buying credits, lots, expiry and debt."""

import copy
from datetime import UTC, datetime, timedelta

from helpsvc.credits import (
    AddFunds,
    Adjusted,
    Adjustment,
    AdvanceClock,
    CallKind,
    EntryType,
    ErrorCode,
    FundsAdded,
    LotExpired,
    LotSource,
    Money,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    apply,
)


def call(seconds: int, user: str = "ada", dest: str = "DE") -> PlaceCall:
    # DE geographic costs 0.04 per minute in the test tariff and never has plan minutes.
    return PlaceCall(
        user, CallKind.USER_OUTBOUND_INTERNATIONAL, dest, NumberType.GEOGRAPHIC, seconds
    )


def test_purchase_is_a_lot_expiring_twelve_months_later(sim) -> None:
    events = sim.card().do(AddFunds(sim.money("25.00")))
    (lot,) = sim.state.lots
    assert (lot.amount, lot.remaining, lot.source) == (
        sim.money("25.00"),
        sim.money("25.00"),
        LotSource.PURCHASE,
    )
    assert lot.expires_at == datetime(2025, 1, 15, 9, 30, tzinfo=UTC)
    entry = sim.state.ledger[-1]
    assert (entry.type, entry.amount, entry.balance_after, entry.lot_id) == (
        EntryType.PURCHASE,
        sim.money("25.00"),
        sim.money("25.00"),
        lot.id,
    )
    assert events == [
        FundsAdded(sim.state.now, lot.id, sim.money("25.00"), sim.money("0"), sim.money("25.00"))
    ]


def test_leap_day_purchase_expires_on_feb_28_and_not_a_moment_earlier(make_sim) -> None:
    sim = make_sim(now=datetime(2024, 2, 29, 10, 0, tzinfo=UTC)).fund("10")
    (lot,) = sim.state.lots
    assert lot.expires_at == datetime(2025, 2, 28, 10, 0, tzinfo=UTC)
    sim.do(AdvanceClock(to=lot.expires_at - timedelta(seconds=1)))
    assert sim.balance == sim.money("10") and not sim.state.lots[0].expired
    sim.do(AdvanceClock(by=timedelta(seconds=1)))
    assert sim.balance == sim.money("0") and sim.state.lots[0].expired


def test_month_end_purchase_keeps_its_day_when_the_month_has_it(make_sim) -> None:
    sim = make_sim(now=datetime(2024, 1, 31, 23, 0, tzinfo=UTC)).fund("10")
    assert sim.state.lots[0].expires_at == datetime(2025, 1, 31, 23, 0, tzinfo=UTC)


def test_expiry_forfeits_exactly_the_remainder(sim) -> None:
    sim.user().fund("10.00")
    sim.do(call(60 * 25))  # 1.00
    sim.do(AdvanceClock(months=6))
    sim.fund("5.00")
    events = sim.do(AdvanceClock(months=6))
    expired = [e for e in events if isinstance(e, LotExpired)]
    assert [(e.lot_id, e.forfeited) for e in expired] == [("lot-1", sim.money("9.00"))]
    entry = sim.state.ledger[-1]
    assert (entry.type, entry.amount, entry.lot_id) == (
        EntryType.EXPIRY,
        sim.money("-9.00"),
        "lot-1",
    )
    assert sim.balance == sim.money("5.00")  # the later lot is untouched


def test_an_emptied_lot_expires_without_forfeiting_anything(sim) -> None:
    sim.user().fund("1.00")
    sim.do(call(60 * 25))
    ledger_before = sim.state.ledger
    events = sim.do(AdvanceClock(months=12))
    assert sim.state.lots[0].expired
    assert not [e for e in events if isinstance(e, LotExpired)]
    assert sim.state.ledger == ledger_before


def test_usage_drains_the_earliest_expiring_lot_first(sim) -> None:
    sim.user().fund("1.00")
    sim.do(AdvanceClock(by=timedelta(days=3)))
    sim.fund("1.00").fund("1.00")  # two lots bought at the same instant
    sim.do(call(60 * 40))  # 1.60
    usage = [e for e in sim.state.ledger if e.type is EntryType.USAGE]
    assert [(e.lot_id, e.amount) for e in usage] == [
        ("lot-1", sim.money("-1.00")),
        ("lot-2", sim.money("-0.60")),
    ]
    assert [lot.remaining for lot in sim.state.lots] == [
        sim.money("0"),
        sim.money("0.40"),
        sim.money("1.00"),
    ]


def test_next_purchase_pays_the_negative_balance_first(sim) -> None:
    sim.user().fund("1.00")
    sim.do(call(60 * 50))  # 2.00: the call in progress is charged in full
    assert sim.balance == sim.money("-1.00") and sim.state.debt == sim.money("1.00")
    events = sim.do(AddFunds(sim.money("5.00")))
    lot = sim.state.lots[-1]
    assert (lot.amount, lot.debt_settled, lot.remaining) == (
        sim.money("5.00"),
        sim.money("1.00"),
        sim.money("4.00"),
    )
    assert sim.state.ledger[-1].amount == sim.money("5.00")  # the ledger shows what was paid
    assert sim.balance == sim.money("4.00") and sim.state.debt.is_zero
    assert events[0].debt_settled == sim.money("1.00")


def test_purchase_smaller_than_the_debt_only_reduces_it(sim) -> None:
    sim.user().fund("1.00")
    sim.do(call(60 * 75))  # 3.00
    sim.do(AddFunds(sim.money("0.50")))
    assert sim.state.lots[-1].remaining.is_zero
    assert sim.state.debt == sim.money("1.50") and sim.balance == sim.money("-1.50")


def test_purchases_need_a_card_that_has_not_expired(sim) -> None:
    assert sim.refused(AddFunds(sim.money("5"))).code is ErrorCode.CARD_MISSING
    sim.do(SetPaymentCard("1111", 1, 2024))
    sim.do(AdvanceClock(to=datetime(2024, 2, 1, tzinfo=UTC)))
    error = sim.refused(AddFunds(sim.money("5")))
    assert error.code is ErrorCode.CARD_EXPIRED
    assert error.params == {"last4": "1111", "expiry": "01/2024"}


def test_setting_an_already_expired_card_is_refused(sim) -> None:
    error = sim.refused(SetPaymentCard("1111", 12, 2023))
    assert error.code is ErrorCode.CARD_EXPIRED
    assert sim.refused(SetPaymentCard("11a1", 12, 2030)).code is ErrorCode.INVALID_CARD
    assert sim.refused(SetPaymentCard("1111", 13, 2030)).params["field"] == "exp_month"


def test_purchase_amount_must_be_positive_and_in_the_tenant_currency(sim) -> None:
    sim.card()
    assert sim.refused(AddFunds(sim.money("0"))).code is ErrorCode.INVALID_AMOUNT
    assert sim.refused(AddFunds(sim.money("-1"))).code is ErrorCode.INVALID_AMOUNT
    error = sim.refused(AddFunds(Money.parse("5", "EUR")))
    assert error.code is ErrorCode.CURRENCY_MISMATCH
    assert error.params == {"field": "amount", "expected": "USD", "got": "EUR"}


def test_positive_adjustment_grants_an_expiring_lot_and_negative_removes_credits(sim) -> None:
    sim.fund("3.00")
    events = sim.do(Adjustment(sim.money("2.00"), reason="goodwill"))
    lot = sim.state.lots[-1]
    assert lot.source is LotSource.ADJUSTMENT and lot.expires_at == sim.state.lots[0].expires_at
    assert isinstance(events[0], Adjusted) and sim.balance == sim.money("5.00")
    sim.do(Adjustment(sim.money("-3.50"), reason="correction"))
    assert sim.balance == sim.money("1.50")
    assert [e.lot_id for e in sim.state.ledger if e.type is EntryType.ADJUSTMENT][1:] == [
        "lot-1",
        "lot-2",
    ]
    error = sim.refused(Adjustment(sim.money("-1.51")))
    assert error.code is ErrorCode.INSUFFICIENT_BALANCE


def test_apply_never_mutates_its_input(sim, tariff) -> None:
    sim.user().fund("2.00")
    state = sim.state
    frozen_copy = copy.deepcopy(state)
    decision = apply(state, call(60 * 100), tariff)
    assert state == frozen_copy and state.balance == sim.money("2.00")
    assert decision.state.balance == sim.money("-2.00")
