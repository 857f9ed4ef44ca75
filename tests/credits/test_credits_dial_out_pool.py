"""Audio Conferencing dial-out minutes, after the Zone A idea, on the bundled sample data.

Audio Conferencing brings a monthly pool of dial-out minutes (sample data: 60 per licensed
user) for conference dial-out to Zone A countries. Dial-out draws on that pool first and on
credits once it is used up; dial-out outside Zone A is always paid from credits. The pool
belongs to the meeting organizer (the user the dial-out is placed for) and resets monthly.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from helpsvc.credits import (
    AdvanceClock,
    CallingPlan,
    CallKind,
    CallRated,
    Licenses,
    NumberType,
    PlaceCall,
    PoolBucket,
    PoolKey,
    RateDataError,
    Tariff,
    load_sample_tariff,
)
from helpsvc.credits.ratedata import parse_plans
from tests.credits.conftest import Sim

DIAL_OUT = CallKind.CONFERENCE_DIAL_OUT
GEO = NumberType.GEOGRAPHIC
T0 = datetime(2024, 3, 4, 10, 0, tzinfo=UTC)

ORGANIZER = Licenses(audio_conferencing=True, communications_credits=True)
NO_CONFERENCING = Licenses(
    phone_system=True, calling_plan=CallingPlan.DOMESTIC, communications_credits=True
)


@pytest.fixture(scope="module")
def sample() -> Tariff:
    return load_sample_tariff()


def _sim(sample: Tariff) -> Sim:
    sim = Sim(sample, currency="USD", country="US", now=T0)
    sim.user("org", ORGANIZER).fund("100.00")
    return sim


def _dial_out(sim: Sim, destination: str, minutes: int, user: str = "org") -> CallRated:
    events = sim.do(PlaceCall(user, DIAL_OUT, destination, GEO, minutes * 60))
    (rated,) = [e for e in events if isinstance(e, CallRated)]
    return rated


def test_sample_plans_state_one_zone_a_list_for_every_organizer_country(sample: Tariff) -> None:
    zone = {"US", "CA", "GB", "DE", "FR", "JP", "AU", "CH"}
    for organizer_country in ("US", "DE", "JP", "IN", "BR"):
        allowance = sample.conferencing_allowance(organizer_country)
        assert allowance.dial_out_minutes == 60
        assert allowance.destinations == zone
    assert "IN" not in zone and "CN" not in zone  # the sample's countries outside Zone A


def test_zone_a_dial_out_draws_on_the_pool_first_then_on_credits(sample: Tariff) -> None:
    sim = _sim(sample)
    first = _dial_out(sim, "DE", 45)
    assert (first.plan_minutes, first.credit_minutes) == (45, 0)
    assert sim.balance == sim.money("100.00")
    second = _dial_out(sim, "GB", 25)  # 15 minutes left in the pool, 10 from credits
    assert (second.plan_minutes, second.credit_minutes) == (15, 10)
    assert sim.balance == sim.money("99.75")  # 10 x 0.025 sample rate
    third = _dial_out(sim, "US", 5)
    assert (third.plan_minutes, third.credit_minutes) == (0, 5)
    assert sim.balance < sim.money("99.75")


def test_dial_out_outside_zone_a_is_paid_from_credits_even_with_a_full_pool(
    sample: Tariff,
) -> None:
    sim = _sim(sample)
    call = _dial_out(sim, "IN", 10)
    assert (call.plan_minutes, call.credit_minutes) == (0, 10)
    assert sim.balance == sim.money("99.08")  # 10 x 0.09 + 0.02 connection fee (sample)
    assert sim.state.pools.used_minutes(PoolKey(PoolBucket.DIAL_OUT, "US")) == 0


def test_the_pool_is_the_organizers_and_grows_with_each_licensed_organizer(
    sample: Tariff,
) -> None:
    sim = _sim(sample)
    sim.user("bob", NO_CONFERENCING)  # no Audio Conferencing: adds nothing to the pool
    assert _dial_out(sim, "DE", 61).credit_minutes == 1
    sim.user("eve", ORGANIZER)  # a second organizer adds 60 minutes for the month
    assert _dial_out(sim, "DE", 59, user="eve").plan_minutes == 59
    # A user without Audio Conferencing can't place conference dial-out at all.
    refused = sim.do(PlaceCall("bob", DIAL_OUT, "DE", GEO, 60))
    assert not [e for e in refused if isinstance(e, CallRated)]


def test_the_pool_resets_at_the_start_of_each_month(sample: Tariff) -> None:
    sim = _sim(sample)
    assert _dial_out(sim, "FR", 60).plan_minutes == 60
    assert _dial_out(sim, "FR", 1).credit_minutes == 1
    sim.do(AdvanceClock(to=datetime(2024, 4, 1, 8, 0, tzinfo=UTC)))
    again = _dial_out(sim, "FR", 60)
    assert (again.plan_minutes, again.credit_minutes) == (60, 0)


def test_zone_plan_files_report_missing_and_unknown_fields() -> None:
    with pytest.raises(RateDataError) as missing:
        parse_plans("audio_conferencing:\n  zone_a: [US]\n", "p.yaml")
    assert "dial_out_minutes is required" in str(missing.value)
    with pytest.raises(RateDataError) as mixed:
        parse_plans("audio_conferencing:\n  dial_out_minutes: 60\n  US: {}\n", "p.yaml")
    assert mixed.value.field == "audio_conferencing.US"
    with pytest.raises(RateDataError) as bad:
        parse_plans("audio_conferencing:\n  dial_out_minutes: 60\n  zone_a: [usa]\n", "p.yaml")
    assert "country code" in str(bad.value)
