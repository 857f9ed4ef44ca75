from datetime import UTC, datetime
from decimal import Decimal

import pytest

from helpsvc.credits import (
    CallingPlan,
    CallKind,
    DomainError,
    ErrorCode,
    Licenses,
    Money,
    NumberType,
    PoolBucket,
    PoolKey,
    Rate,
    Tariff,
    User,
)
from helpsvc.credits.rating import billable_minutes, pool_size, price, rate_call
from helpsvc.credits.state import PoolUsage
from helpsvc.credits.tariff import PlanAllowance

MONTH = PoolUsage(period_start=datetime(2024, 1, 1, tzinfo=UTC))


def user(uid: str, plan: CallingPlan | None, country: str = "US", conf: bool = False) -> User:
    licenses = Licenses(
        audio_conferencing=conf, phone_system=True, calling_plan=plan, communications_credits=True
    )
    return User(uid, country, licenses)


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(0, 0), (1, 1), (59, 1), (60, 1), (61, 2), (3600, 60), (3601, 61)]
)
def test_every_started_minute_is_billed(seconds: int, minutes: int) -> None:
    assert billable_minutes(seconds) == minutes


def test_connection_fee_is_added_once_per_call() -> None:
    rate = Rate(per_minute_minor=Decimal("5"), connection_fee_minor=Decimal("10"))
    assert price(rate, 3, "USD") == Money(25, "USD")
    assert price(rate, 0, "USD") == Money(0, "USD")


def test_fractional_cents_are_rounded_once_per_call_not_per_minute() -> None:
    rate = Rate(per_minute_minor=Decimal("12.34"))
    # 3 x 12.34 = 37.02 cents -> 37; rounding each minute first would give 36.
    assert price(rate, 3, "USD") == Money(37, "USD")


def test_pool_is_minutes_per_user_times_users_of_that_country(tariff: Tariff) -> None:
    users = [
        user("a", CallingPlan.DOMESTIC),
        user("b", CallingPlan.DOMESTIC),
        user("c", CallingPlan.INTERNATIONAL),
        user("d", CallingPlan.PAY_AS_YOU_GO),
        user("e", CallingPlan.DOMESTIC, country="GB"),
        user("f", None, conf=True),
    ]
    assert pool_size(PoolKey(PoolBucket.DOMESTIC, "US"), users, tariff) == 300
    assert pool_size(PoolKey(PoolBucket.INTERNATIONAL, "US"), users, tariff) == 50
    assert pool_size(PoolKey(PoolBucket.DOMESTIC, "GB"), users, tariff) == 40
    assert pool_size(PoolKey(PoolBucket.DIAL_OUT, "US"), users, tariff) == 10


def _rate(tariff: Tariff, caller: User, kind: CallKind, dest: str, seconds: int, **kw: object):
    return rate_call(
        kind=kind,
        user=caller,
        destination=dest,
        number_type=kw.get("number_type", NumberType.GEOGRAPHIC),  # type: ignore[arg-type]
        duration_seconds=seconds,
        users=kw.get("users", [caller]),  # type: ignore[arg-type]
        pools=kw.get("pools", MONTH),  # type: ignore[arg-type]
        tariff=tariff,
        currency="USD",
    )


def test_plan_minutes_first_then_credits(tariff: Tariff) -> None:
    caller = user("a", CallingPlan.DOMESTIC)
    used = MONTH.add(PoolKey(PoolBucket.DOMESTIC, "US"), 90)
    rating = _rate(tariff, caller, CallKind.USER_OUTBOUND_DOMESTIC, "US", 14 * 60 + 1, pools=used)
    assert (rating.billed_minutes, rating.plan_minutes, rating.credit_minutes) == (15, 10, 5)
    assert rating.charge == Money(10, "USD")  # 5 minutes x 0.02


def test_pay_as_you_go_and_toll_free_never_use_plan_minutes(tariff: Tariff) -> None:
    payg = user("p", CallingPlan.PAY_AS_YOU_GO)
    rating = _rate(tariff, payg, CallKind.PAYG_OUTBOUND, "US", 120)
    assert (rating.plan_minutes, rating.credit_minutes, rating.charge.minor) == (0, 2, 4)
    organizer = user("o", CallingPlan.DOMESTIC, conf=True)
    tfi = _rate(
        tariff, organizer, CallKind.TOLL_FREE_DIAL_IN, "US", 180, number_type=NumberType.MOBILE
    )
    assert (tfi.plan_minutes, tfi.credit_minutes, tfi.charge.minor) == (0, 3, 23)  # 18 + 5 fee


def test_dial_out_pool_covers_only_listed_destinations(tariff: Tariff) -> None:
    organizer = user("o", None, conf=True)
    home = _rate(tariff, organizer, CallKind.CONFERENCE_DIAL_OUT, "US", 300)
    assert (home.plan_minutes, home.charge.minor) == (5, 0)
    abroad = _rate(tariff, organizer, CallKind.CONFERENCE_DIAL_OUT, "GB", 300)
    assert (abroad.plan_minutes, abroad.credit_minutes, abroad.charge.minor) == (0, 5, 35)


def test_missing_rate_names_what_was_looked_up(tariff: Tariff) -> None:
    caller = user("a", CallingPlan.DOMESTIC)
    with pytest.raises(DomainError) as info:
        _rate(tariff, caller, CallKind.USER_OUTBOUND_INTERNATIONAL, "FR", 60)
    assert info.value.code is ErrorCode.RATE_MISSING
    assert info.value.params == {
        "currency": "USD",
        "service": "outbound",
        "country": "FR",
        "number_type": "geographic",
    }


def test_no_rate_is_needed_when_plan_minutes_cover_the_call() -> None:
    plans_only = Tariff(
        name="plans only",
        calling_plans={("US", CallingPlan.DOMESTIC): PlanAllowance(domestic_minutes=5)},
    )
    caller = user("a", CallingPlan.DOMESTIC)
    covered = _rate(plans_only, caller, CallKind.USER_OUTBOUND_DOMESTIC, "US", 300)
    assert covered.charge.is_zero and covered.plan_minutes == 5
    with pytest.raises(DomainError):
        _rate(plans_only, caller, CallKind.USER_OUTBOUND_DOMESTIC, "US", 301)
