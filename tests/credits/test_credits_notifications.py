"""'Balance reached zero or below' fires once per crossing."""

from helpsvc.credits import (
    AddFunds,
    AdvanceClock,
    CallKind,
    ConfigureAutoRecharge,
    NotificationKind,
    NotificationQueued,
    NumberType,
    PlaceCall,
)

ZERO = NotificationKind.BALANCE_NOT_POSITIVE


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


def zero_notices(events: list) -> list:
    return [e for e in events if isinstance(e, NotificationQueued) and e.kind is ZERO]


def test_reaching_exactly_zero_notifies_once(sim) -> None:
    sim.user().fund("5.00")
    (notice,) = zero_notices(spend(sim, "5.00"))
    assert notice.balance == sim.money("0")


def test_no_second_notice_until_the_balance_was_positive_again(sim) -> None:
    sim.user().fund("1.00")
    assert len(zero_notices(spend(sim, "3.00"))) == 1  # 1.00 -> -2.00
    assert zero_notices(sim.do(AddFunds(sim.money("1.00")))) == []  # -1.00, still not positive
    assert zero_notices(spend(sim, "0.00")) == []
    sim.do(AddFunds(sim.money("2.00")))  # 1.00: re-armed
    assert len(zero_notices(spend(sim, "1.50"))) == 1


def test_a_debit_that_auto_recharge_covers_does_not_alarm(sim) -> None:
    sim.user().fund("5.00")
    sim.do(ConfigureAutoRecharge(True, sim.money("2.00"), sim.money("10.00")))
    events = spend(sim, "6.00")
    assert zero_notices(events) == []
    kinds = [e.kind for e in events if isinstance(e, NotificationQueued)]
    assert kinds == [NotificationKind.RECHARGE_SUCCEEDED]


def test_expiry_to_zero_notifies(sim) -> None:
    sim.user().fund("5.00")
    (notice,) = zero_notices(sim.do(AdvanceClock(months=12)))
    assert notice.at == sim.state.lots[0].expires_at


def test_refused_calls_do_not_notify_again(sim) -> None:
    sim.user().fund("1.00")
    spend(sim, "1.00")
    events = sim.do(
        PlaceCall("ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC, 60)
    )
    assert zero_notices(events) == []
