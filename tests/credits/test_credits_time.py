"""Simulated time: only forward, due events in time order, deterministic."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from helpsvc.credits import (
    AddUser,
    AdvanceClock,
    CallKind,
    ClockAdvanced,
    ConfigureAutoRecharge,
    ErrorCode,
    LotExpired,
    NumberType,
    PlaceCall,
    PlanMinutesReset,
    SwitchToNce,
    apply,
    apply_all,
    new_tenant,
)


def test_clock_never_moves_backwards(sim) -> None:
    now = sim.state.now
    error = sim.refused(AdvanceClock(to=now - timedelta(seconds=1)))
    assert error.code is ErrorCode.CLOCK_BACKWARDS
    assert error.params == {
        "now": now.isoformat(),
        "to": (now - timedelta(seconds=1)).isoformat(),
    }
    assert sim.refused(AdvanceClock(by=timedelta(days=-1))).code is ErrorCode.CLOCK_BACKWARDS
    assert sim.refused(AdvanceClock(months=-1)).code is ErrorCode.CLOCK_BACKWARDS


def test_advance_needs_exactly_one_aware_target(sim) -> None:
    assert sim.refused(AdvanceClock()).code is ErrorCode.INVALID_COMMAND
    both = AdvanceClock(to=sim.state.now, by=timedelta(days=1))
    assert sim.refused(both).code is ErrorCode.INVALID_COMMAND
    assert sim.refused(AdvanceClock(to=datetime(2024, 3, 1))).code is ErrorCode.INVALID_TIME


def test_advancing_to_now_is_allowed_and_changes_nothing_else(sim) -> None:
    before = sim.state
    (event,) = sim.do(AdvanceClock(to=before.now))
    assert isinstance(event, ClockAdvanced) and sim.state == before


def test_due_events_come_out_in_time_order(sim) -> None:
    sim.user().fund("5.00")
    sim.do(SwitchToNce())
    events = sim.do(AdvanceClock(months=13))
    times = [e.at for e in events]
    assert times == sorted(times)
    assert isinstance(events[-1], ClockAdvanced)
    expired_at = next(e.at for e in events if isinstance(e, LotExpired))
    assert expired_at == datetime(2025, 1, 15, 9, 30, tzinfo=UTC)
    resets = [e.at for e in events if isinstance(e, PlanMinutesReset)]
    assert resets == [datetime(2024, m, 1, tzinfo=UTC) for m in range(2, 13)] + [
        datetime(2025, m, 1, tzinfo=UTC) for m in (1, 2)
    ]


def test_long_advance_follows_recharges_that_expire_inside_it(sim) -> None:
    sim.user().fund("5.00")
    sim.do(ConfigureAutoRecharge(True, sim.money("1.00"), sim.money("5.00")))
    events = sim.do(AdvanceClock(months=36))
    expiries = [e.at.year for e in events if isinstance(e, LotExpired)]
    assert expiries == [2025, 2026, 2027]
    assert sim.balance == sim.money("5.00")


def test_anything_already_due_is_processed_before_a_command(sim, tariff) -> None:
    sim.fund("5.00")
    late = replace(sim.state, now=datetime(2025, 6, 1, tzinfo=UTC))  # e.g. restored from a store
    decision = apply(late, AddUser("ada"), tariff)
    assert isinstance(decision.events[0], PlanMinutesReset)
    assert any(isinstance(e, LotExpired) for e in decision.events)
    assert decision.state.balance.is_zero


def test_same_commands_give_the_same_result(tariff) -> None:
    start = new_tenant("contoso", "USD", "US", datetime(2024, 1, 1, tzinfo=UTC))
    commands = [
        AddUser("ada"),
        PlaceCall("ada", CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.GEOGRAPHIC, 90),
        AdvanceClock(months=2),
    ]
    assert apply_all(start, commands, tariff) == apply_all(start, commands, tariff)
