"""NCE post-usage billing: no purchases, credits first, then overage per calendar month."""

from datetime import UTC, datetime

from helpsvc.credits import (
    AddFunds,
    Adjustment,
    AdvanceClock,
    BillingPeriodClosed,
    CallKind,
    CallRated,
    CommerceModel,
    ConfigureAutoRecharge,
    EntryType,
    ErrorCode,
    NotificationKind,
    NotificationQueued,
    NumberType,
    PlaceCall,
    SwitchedToNce,
    SwitchToNce,
    new_tenant,
)


def spend(sim, text: str) -> list:
    command = PlaceCall(
        "ada",
        CallKind.USER_OUTBOUND_INTERNATIONAL,
        "DE",
        NumberType.GEOGRAPHIC,
        60,
        charge=sim.money(text),
    )
    return sim.do(command)


def closes(events: list) -> list[BillingPeriodClosed]:
    return [e for e in events if isinstance(e, BillingPeriodClosed)]


def test_switch_is_refused_while_auto_recharge_is_on(sim) -> None:
    sim.card().do(ConfigureAutoRecharge(True, sim.money("5"), sim.money("20")))
    assert sim.refused(SwitchToNce()).code is ErrorCode.AUTO_RECHARGE_MUST_BE_OFF
    sim.do(ConfigureAutoRecharge(False))
    (switched,) = sim.do(SwitchToNce())
    assert isinstance(switched, SwitchedToNce) and sim.state.model is CommerceModel.NCE


def test_switch_is_refused_with_a_negative_balance_and_when_already_nce(sim) -> None:
    sim.user().fund("1.00")
    spend(sim, "3.00")
    error = sim.refused(SwitchToNce())
    assert error.code is ErrorCode.DEBT_OUTSTANDING and error.params["debt"] == "2.00"
    sim.do(AddFunds(sim.money("2.00")), SwitchToNce())
    assert sim.refused(SwitchToNce()).code is ErrorCode.ALREADY_NCE


def test_nce_tenant_cannot_buy_credits(sim) -> None:
    sim.fund("3.00").do(SwitchToNce())
    error = sim.refused(AddFunds(sim.money("10.00")))
    assert error.code is ErrorCode.NCE_CANNOT_PURCHASE


def test_remaining_credits_are_used_first_then_overage(sim) -> None:
    sim.user().fund("3.00").do(SwitchToNce())
    (call,) = [e for e in spend(sim, "5.00") if isinstance(e, CallRated)]
    assert (call.from_credits, call.overage, call.to_debt) == (
        sim.money("3.00"),
        sim.money("2.00"),
        sim.money("0"),
    )
    assert sim.balance == sim.money("0") and sim.state.debt.is_zero
    overage = sim.state.ledger[-1]
    assert (overage.type, overage.amount, overage.invoiced, overage.call_id) == (
        EntryType.OVERAGE,
        sim.money("0"),
        sim.money("2.00"),
        call.call_id,
    )
    assert sim.state.nce.accrued_overage == sim.money("2.00")


def test_nce_calls_are_not_refused_at_zero_balance(sim) -> None:
    sim.user().do(SwitchToNce())
    (call,) = sim.do(
        PlaceCall("ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC, 120)
    )
    assert isinstance(call, CallRated) and call.overage == sim.money("0.08")
    assert sim.balance.is_zero


def test_overage_is_billed_per_calendar_month(sim) -> None:
    sim.user().do(SwitchToNce())  # Jan 15 09:30
    spend(sim, "1.00")
    spend(sim, "2.50")
    events = sim.do(AdvanceClock(to=datetime(2024, 2, 10, tzinfo=UTC)))
    spend(sim, "4.00")
    events += sim.do(AdvanceClock(to=datetime(2024, 4, 1, tzinfo=UTC)))
    summary = [(c.period_start.date(), c.period_end.date(), c.overage) for c in closes(events)]
    assert summary == [
        (datetime(2024, 1, 15).date(), datetime(2024, 2, 1).date(), sim.money("3.50")),
        (datetime(2024, 2, 1).date(), datetime(2024, 3, 1).date(), sim.money("4.00")),
        (datetime(2024, 3, 1).date(), datetime(2024, 4, 1).date(), sim.money("0")),
    ]
    assert closes(events)[0].period_start == datetime(2024, 1, 15, 9, 30, tzinfo=UTC)
    assert [i.id for i in sim.state.invoices] == ["inv-1", "inv-2", "inv-3"]
    assert sim.state.nce.accrued_overage.is_zero


def test_prepaid_tenants_have_no_billing_periods(sim) -> None:
    events = sim.do(AdvanceClock(months=3))
    assert closes(events) == [] and sim.state.invoices == ()


def test_tenant_can_start_on_nce() -> None:
    state = new_tenant("fabrikam", "EUR", "DE", datetime(2024, 5, 2, tzinfo=UTC), model="nce")
    assert state.model is CommerceModel.NCE and state.nce is not None
    assert state.nce.period_start == datetime(2024, 5, 2, tzinfo=UTC)


def test_nce_tenant_gets_no_credit_lot_by_adjustment_but_may_lose_credits(sim) -> None:
    sim.fund("3.00").do(SwitchToNce())
    error = sim.refused(Adjustment(sim.money("50.00"), reason="goodwill"))
    assert error.code is ErrorCode.NCE_CANNOT_PURCHASE
    assert sim.state.balance == sim.money("3.00")
    sim.do(Adjustment(sim.money("-1.00"), reason="correction"))
    assert sim.state.balance == sim.money("2.00")


def test_nce_tenant_is_told_its_credits_are_used_up_not_that_calls_are_refused(sim) -> None:
    sim.user().fund("1.00").do(SwitchToNce())
    events = spend(sim, "3.00")
    kinds = [e.kind for e in events if isinstance(e, NotificationQueued)]
    assert kinds == [NotificationKind.CREDITS_USED_UP]
    rated = [e for e in spend(sim, "3.00") if isinstance(e, CallRated)]
    assert rated  # the next call is connected all the same, and no second e-mail is queued
