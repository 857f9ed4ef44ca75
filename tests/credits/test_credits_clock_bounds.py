"""One command moves the simulated clock at most 10 years, and never past the horizon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from helpsvc.credits import (
    HORIZON,
    MAX_ADVANCE_DAYS,
    MAX_ADVANCE_MONTHS,
    AdvanceClock,
    CommerceModel,
    DomainError,
    ErrorCode,
    Tariff,
    apply,
    apply_all,
    clock_steps,
    new_tenant,
)
from tests.credits.conftest import Sim


def test_ten_years_is_the_largest_step(sim: Sim) -> None:
    start = sim.state.now
    sim.do(AdvanceClock(months=MAX_ADVANCE_MONTHS))
    assert sim.state.now == start.replace(year=start.year + 10)
    sim.do(AdvanceClock(by=timedelta(days=MAX_ADVANCE_DAYS)))
    sim.do(AdvanceClock(to=sim.state.now + timedelta(days=MAX_ADVANCE_DAYS)))


@pytest.mark.parametrize(
    ("command", "field", "maximum"),
    [
        (AdvanceClock(months=MAX_ADVANCE_MONTHS + 1), "months", "120"),
        (AdvanceClock(months=10**30), "months", "120"),
        (AdvanceClock(by=timedelta(days=MAX_ADVANCE_DAYS, seconds=1)), "by", "3660"),
        (AdvanceClock(by=timedelta(days=999_999_999)), "by", "3660"),
    ],
)
def test_a_larger_step_is_refused_naming_the_field_and_its_maximum(
    sim: Sim, command: AdvanceClock, field: str, maximum: str
) -> None:
    error = sim.refused(command)
    assert error.code is ErrorCode.CLOCK_TOO_FAR
    assert error.params == {"field": field, "max": maximum}


def test_a_target_time_more_than_ten_years_ahead_names_the_latest_allowed(sim: Sim) -> None:
    latest = sim.state.now + timedelta(days=MAX_ADVANCE_DAYS)
    error = sim.refused(AdvanceClock(to=latest + timedelta(seconds=1)))
    assert error.code is ErrorCode.CLOCK_TOO_FAR
    assert error.params == {"field": "to", "max": latest.isoformat().replace("+00:00", "Z")}


def test_the_reported_year_7510_jump_is_refused_at_once(sim: Sim) -> None:
    error = sim.refused(AdvanceClock(to=datetime(7510, 5, 10, 18, 21, 28, tzinfo=UTC)))
    assert error.code is ErrorCode.CLOCK_TOO_FAR
    assert error.params == {"field": "to", "horizon": "2200-01-01T00:00:00Z"}


def test_the_clock_never_passes_the_horizon(tariff: Tariff) -> None:
    near = HORIZON - timedelta(days=30)
    sim = Sim(tariff, now=near)
    for command, field in (
        (AdvanceClock(months=2), "months"),
        (AdvanceClock(by=timedelta(days=31)), "by"),
        (AdvanceClock(to=HORIZON + timedelta(seconds=1)), "to"),
    ):
        error = sim.refused(command)
        assert (error.code, error.params["field"]) == (ErrorCode.CLOCK_TOO_FAR, field)
    sim.do(AdvanceClock(to=HORIZON))
    assert sim.state.now == HORIZON


def test_a_state_stored_beyond_the_horizon_is_refused_without_overflowing(tariff: Tariff) -> None:
    """States saved before the limits existed may sit near the end of the calendar."""
    state = new_tenant(
        "old", "USD", "US", datetime(9999, 6, 1, tzinfo=UTC), model=CommerceModel.NCE
    )
    for command in (
        AdvanceClock(months=MAX_ADVANCE_MONTHS),
        AdvanceClock(by=timedelta(days=MAX_ADVANCE_DAYS)),
    ):
        with pytest.raises(DomainError) as info:
            apply(state, command, tariff)
        assert info.value.code is ErrorCode.CLOCK_TOO_FAR
    assert apply(state, AdvanceClock(months=0), tariff).state.now == state.now


def test_a_huge_step_backwards_is_refused_as_backwards(sim: Sim) -> None:
    for command in (AdvanceClock(by=-timedelta(days=999_999_999)), AdvanceClock(months=-(10**9))):
        assert sim.refused(command).code is ErrorCode.CLOCK_BACKWARDS


def test_a_longer_span_goes_in_accepted_steps_with_every_month_closed(tariff: Tariff) -> None:
    start = datetime(2001, 1, 1, tzinfo=UTC)
    target = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    state = new_tenant("replay", "USD", "US", start, model=CommerceModel.NCE)
    steps = clock_steps(start, target)
    assert len(steps) == 3
    decision = apply_all(state, steps, tariff)
    assert decision.state.now == target
    closed = [e for e in decision.events if e.name == "billing_period_closed"]
    assert len(closed) == 25 * 12
