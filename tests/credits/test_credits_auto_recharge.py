"""Auto-recharge: one attempt per fall below the trigger, failures on expired cards."""

from datetime import UTC, datetime

from helpsvc.credits import (
    AddFunds,
    Adjustment,
    AdvanceClock,
    AutoRechargeFailed,
    AutoRechargeSucceeded,
    CallKind,
    ConfigureAutoRecharge,
    EntryType,
    ErrorCode,
    LotSource,
    NotificationKind,
    NotificationQueued,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
)


def spend(sim, text: str) -> list:
    return sim.do(
        PlaceCall(
            "ada",
            CallKind.USER_OUTBOUND_INTERNATIONAL,
            "DE",
            NumberType.GEOGRAPHIC,
            60,
            charge=sim.money(text),
        )
    )


def attempts(events: list) -> list:
    return [e for e in events if isinstance(e, AutoRechargeSucceeded | AutoRechargeFailed)]


def notices(events: list, kind: NotificationKind) -> list:
    return [e for e in events if isinstance(e, NotificationQueued) and e.kind is kind]


def armed(
    sim, balance: str = "20.00", trigger: str = "10.00", amount: str = "25.00", card=(12, 2030)
):
    sim.user().card(*card).fund(balance)
    sim.do(ConfigureAutoRecharge(True, sim.money(trigger), sim.money(amount)))
    return sim


def test_falling_below_the_trigger_recharges_once(sim) -> None:
    armed(sim)
    events = spend(sim, "10.01")
    (success,) = attempts(events)
    assert isinstance(success, AutoRechargeSucceeded)
    assert success.amount == sim.money("25.00") and sim.balance == sim.money("34.99")
    lot = sim.state.lots[-1]
    assert lot.source is LotSource.AUTO_RECHARGE and lot.id == success.lot_id
    assert sim.state.ledger[-1].type is EntryType.AUTO_RECHARGE
    (notice,) = notices(events, NotificationKind.RECHARGE_SUCCEEDED)
    assert notice.amount == sim.money("25.00") and notice.balance == sim.money("34.99")


def test_reaching_exactly_the_trigger_is_not_falling_below_it(sim) -> None:
    armed(sim)
    assert attempts(spend(sim, "10.00")) == []
    assert len(attempts(spend(sim, "0.01"))) == 1


def test_expired_card_fails_the_recharge_with_ledger_entry_and_notification(sim) -> None:
    armed(sim, card=(3, 2024))
    sim.do(AdvanceClock(to=datetime(2024, 4, 1, tzinfo=UTC)))
    lots_before = sim.state.lots
    events = spend(sim, "15.00")
    (failure,) = attempts(events)
    assert isinstance(failure, AutoRechargeFailed) and failure.reason is ErrorCode.CARD_EXPIRED
    entry = sim.state.ledger[-1]
    assert (entry.type, entry.amount, entry.detail) == (
        EntryType.RECHARGE_FAILED,
        sim.money("0"),
        "card_expired",
    )
    assert entry.balance_after == sim.money("5.00") == sim.balance
    assert len(sim.state.lots) == len(lots_before)  # no funds arrived
    (notice,) = notices(events, NotificationKind.RECHARGE_FAILED)
    assert notice.reason is ErrorCode.CARD_EXPIRED and notice.amount == sim.money("25.00")


def test_card_is_valid_through_the_last_day_of_its_expiry_month(sim) -> None:
    armed(sim, card=(3, 2024))
    sim.do(AdvanceClock(to=datetime(2024, 3, 31, 23, 59, 59, tzinfo=UTC)))
    assert isinstance(attempts(spend(sim, "15.00"))[0], AutoRechargeSucceeded)


def test_no_retry_while_still_below_the_trigger(sim) -> None:
    armed(sim, card=(1, 2024))
    sim.do(AdvanceClock(months=1))
    assert len(attempts(spend(sim, "11.00"))) == 1
    assert attempts(spend(sim, "1.00")) == []
    assert attempts(spend(sim, "20.00")) == []  # even into debt
    assert len([e for e in sim.state.ledger if e.type is EntryType.RECHARGE_FAILED]) == 1


def test_new_card_rearms_and_the_next_debit_recharges(sim) -> None:
    armed(sim, card=(1, 2024))
    sim.do(AdvanceClock(months=1))
    spend(sim, "11.00")  # fails: card expired
    sim.do(SetPaymentCard("5555", 12, 2030))
    (success,) = attempts(spend(sim, "1.00"))
    assert isinstance(success, AutoRechargeSucceeded) and sim.balance == sim.money("33.00")


def test_saving_settings_keeps_omitted_values_and_rearms(sim) -> None:
    armed(sim, card=(1, 2024))
    sim.do(AdvanceClock(months=1))
    spend(sim, "11.00")  # fails: card expired, 9.00 left
    sim.do(ConfigureAutoRecharge(False))
    assert sim.state.auto_recharge.trigger == sim.money("10.00")
    assert attempts(spend(sim, "1.00")) == []  # off
    sim.do(SetPaymentCard("5555", 12, 2030))
    sim.do(ConfigureAutoRecharge(True))
    (success,) = attempts(spend(sim, "1.00"))
    assert isinstance(success, AutoRechargeSucceeded) and success.amount == sim.money("25.00")


def test_purchase_that_stays_below_the_trigger_rearms(sim) -> None:
    armed(sim)
    spend(sim, "11.00")  # recharged once: 34.00
    spend(sim, "30.00")  # crossing again: recharged: 29.00
    assert sim.balance == sim.money("29.00")
    sim.do(ConfigureAutoRecharge(True, sim.money("50.00"), sim.money("5.00")))
    spend(sim, "1.00")  # 28 < 50: armed by saving -> 33.00, disarmed (still below)
    assert sim.balance == sim.money("33.00")
    assert attempts(spend(sim, "1.00")) == []
    sim.do(AddFunds(sim.money("1.00")))  # 33.00, still below 50, but the admin acted
    assert len(attempts(spend(sim, "1.00"))) == 1


def test_each_new_crossing_gets_its_own_recharge(sim) -> None:
    armed(sim)
    total = []
    for _ in range(3):
        total += attempts(spend(sim, "25.00"))
    # 20 -> -5 +25 = 20 -> -5 + 25 = 20 ... every debit crosses 10 from above
    assert len(total) == 3 and all(isinstance(a, AutoRechargeSucceeded) for a in total)
    assert sim.balance == sim.money("20.00")


def test_recharge_pays_the_debt_first(sim) -> None:
    armed(sim)
    (success,) = attempts(spend(sim, "30.00"))
    assert success.debt_settled == sim.money("10.00")
    assert sim.state.lots[-1].remaining == sim.money("15.00") == sim.balance


def test_expiry_that_crosses_the_trigger_recharges(sim) -> None:
    armed(sim)
    events = sim.do(AdvanceClock(months=12))
    (success,) = attempts(events)
    assert success.at == sim.state.lots[0].expires_at
    assert sim.state.lots[-1].purchased_at == success.at
    assert sim.balance == sim.money("25.00")


def test_enabling_needs_a_valid_card_and_sane_amounts(sim) -> None:
    t, a = sim.money("5"), sim.money("20")
    assert sim.refused(ConfigureAutoRecharge(True, t, a)).code is ErrorCode.CARD_MISSING
    sim.card()
    assert (
        sim.refused(ConfigureAutoRecharge(True, t, sim.money("0"))).code is ErrorCode.INVALID_AMOUNT
    )
    assert sim.refused(ConfigureAutoRecharge(True, sim.money("-1"), a)).params["field"] == "trigger"
    assert sim.refused(ConfigureAutoRecharge(True, None, a)).params == {
        "field": "trigger",
        "value": "missing",
    }


def test_nce_tenants_cannot_enable_auto_recharge(sim) -> None:
    sim.card().do(SwitchToNce())
    error = sim.refused(ConfigureAutoRecharge(True, sim.money("5"), sim.money("20")))
    assert error.code is ErrorCode.NCE_CANNOT_PURCHASE


def test_negative_adjustment_is_a_debit_that_can_trigger_a_recharge(sim) -> None:
    armed(sim)
    events = sim.do(Adjustment(sim.money("-15.00"), reason="correction"))
    assert len(attempts(events)) == 1 and sim.balance == sim.money("30.00")
