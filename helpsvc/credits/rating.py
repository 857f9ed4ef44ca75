"""Pricing one call: pooled plan minutes first, then credits.

Every started minute is billed (61 seconds are 2 minutes). Plan minutes come from monthly
pools shared by all users of a country holding the plan (pool = minutes per user x users);
whatever the pool cannot cover is priced at the per-minute rate for the destination and
number type, plus the connection fee once per call when any minute is priced. The price of
the whole call is rounded half up to the currency's minor unit, once, so per-minute
fractions of a cent are not lost or multiplied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .commands import CallKind
from .errors import DomainError, ErrorCode
from .money import Money
from .state import PoolBucket, PoolKey, PoolUsage, TenantState
from .tariff import NumberType, Rate, RateService, Tariff
from .users import CallingPlan, User

_POOL_PLANS = (CallingPlan.DOMESTIC, CallingPlan.INTERNATIONAL)


@dataclass(frozen=True, slots=True)
class Rating:
    billed_minutes: int
    plan_minutes: int
    credit_minutes: int
    pool: PoolKey | None
    charge: Money
    """Price of the credit minutes including the connection fee (zero when none)."""
    connection_fee: Money | None = None
    """The part of ``charge`` that is the connection fee, for usage reports."""


def billable_minutes(seconds: int) -> int:
    """Started minutes: ceil(seconds / 60)."""
    return -(-seconds // 60)


def price(rate: Rate, minutes: int, currency: str) -> Money:
    if minutes <= 0:
        return Money.zero(currency)
    exact = rate.per_minute_minor * Decimal(minutes) + rate.connection_fee_minor
    return Money.from_minor_decimal(exact, currency)


def rate_service(kind: CallKind) -> RateService:
    if kind is CallKind.TOLL_FREE_DIAL_IN:
        return RateService.TOLL_FREE_DIAL_IN
    return RateService.OUTBOUND


def pool_for(kind: CallKind, user: User, destination: str, tariff: Tariff) -> PoolKey | None:
    """The plan-minute pool a call may draw on, if any."""
    plan = user.licenses.calling_plan
    if kind is CallKind.USER_OUTBOUND_DOMESTIC and plan in _POOL_PLANS:
        return PoolKey(PoolBucket.DOMESTIC, user.country)
    if kind is CallKind.USER_OUTBOUND_INTERNATIONAL and plan is CallingPlan.INTERNATIONAL:
        return PoolKey(PoolBucket.INTERNATIONAL, user.country)
    if kind is CallKind.CONFERENCE_DIAL_OUT and user.licenses.audio_conferencing:
        allowance = tariff.conferencing_allowance(user.country)
        if destination in allowance.destinations:
            return PoolKey(PoolBucket.DIAL_OUT, user.country)
    return None


def pool_size(key: PoolKey, users: Iterable[User], tariff: Tariff) -> int:
    """Minutes per month in the pool, from the users licensed in that country right now."""
    total = 0
    for user in users:
        if user.country != key.country:
            continue
        if key.bucket is PoolBucket.DIAL_OUT:
            if user.licenses.audio_conferencing:
                total += tariff.conferencing_allowance(key.country).dial_out_minutes
            continue
        allowance = tariff.plan_allowance(key.country, user.licenses.calling_plan)
        if key.bucket is PoolBucket.DOMESTIC:
            total += allowance.domestic_minutes
        else:
            total += allowance.international_minutes
    return total


def pool_remaining(key: PoolKey, users: Iterable[User], pools: PoolUsage, tariff: Tariff) -> int:
    # Licenses removed mid-month can shrink a pool below what was used; it is then empty.
    return max(0, pool_size(key, users, tariff) - pools.used_minutes(key))


def rate_call(
    *,
    kind: CallKind,
    user: User,
    destination: str,
    number_type: NumberType,
    duration_seconds: int,
    users: Iterable[User],
    pools: PoolUsage,
    tariff: Tariff,
    currency: str,
) -> Rating:
    billed = billable_minutes(duration_seconds)
    pool = pool_for(kind, user, destination, tariff)
    plan = min(billed, pool_remaining(pool, users, pools, tariff)) if pool else 0
    credit = billed - plan
    charge = Money.zero(currency)
    fee: Money | None = None
    if credit:
        service = rate_service(kind)
        rate = tariff.rate(currency, service, destination, number_type)
        if rate is None:
            raise DomainError(
                ErrorCode.RATE_MISSING,
                {
                    "currency": currency,
                    "service": service.value,
                    "country": destination,
                    "number_type": number_type.value,
                },
            )
        charge = price(rate, credit, currency)
        if credit > 0:
            fee = Money.from_minor_decimal(rate.connection_fee_minor, currency)
    return Rating(
        billed_minutes=billed,
        plan_minutes=plan,
        credit_minutes=credit,
        pool=pool if plan else None,
        charge=charge,
        connection_fee=fee,
    )


@dataclass(frozen=True, slots=True)
class PoolStatus:
    """One plan-minute pool this month: its size from today's licenses and what is used."""

    key: PoolKey
    minutes: int
    used: int

    @property
    def left(self) -> int:
        return max(0, self.minutes - self.used)


def pool_statuses(state: TenantState, tariff: Tariff) -> list[PoolStatus]:
    """Every pool the tenant's users can draw on, in the order of the users; empty pools
    (a country without an allowance) are left out."""
    keys: dict[PoolKey, None] = {}
    for user in state.users:
        plan = user.licenses.calling_plan
        if plan in _POOL_PLANS:
            keys[PoolKey(PoolBucket.DOMESTIC, user.country)] = None
        if plan is CallingPlan.INTERNATIONAL:
            keys[PoolKey(PoolBucket.INTERNATIONAL, user.country)] = None
        if user.licenses.audio_conferencing:
            keys[PoolKey(PoolBucket.DIAL_OUT, user.country)] = None
    statuses = (
        PoolStatus(key, pool_size(key, state.users, tariff), state.pools.used_minutes(key))
        for key in keys
    )
    return [status for status in statuses if status.minutes > 0]
