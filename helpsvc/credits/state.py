"""The complete simulated credits state of one tenant.

Everything is a frozen dataclass holding tuples, so a state can be shared, compared and
kept as history; the engine builds a new state for every decision instead of editing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from .cards import PaymentCard
from .clock import month_start, require_utc
from .errors import DomainError, ErrorCode
from .ledger import Ledger, current_balance
from .lots import Lot
from .money import Money, exponent, money_sum
from .users import User

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def require_country(value: str, field: str = "country") -> str:
    if not isinstance(value, str) or not _COUNTRY_RE.match(value):
        raise DomainError(ErrorCode.INVALID_COUNTRY, {"field": field, "value": str(value)})
    return value


class CommerceModel(StrEnum):
    PREPAID = "prepaid"
    NCE = "nce"


class PoolBucket(StrEnum):
    DOMESTIC = "domestic"
    INTERNATIONAL = "international"
    DIAL_OUT = "dial_out"


@dataclass(frozen=True, slots=True)
class PoolKey:
    bucket: PoolBucket
    country: str


@dataclass(frozen=True, slots=True)
class PoolUse:
    key: PoolKey
    minutes: int


@dataclass(frozen=True, slots=True)
class PoolUsage:
    """Plan minutes used so far in the calendar month starting at ``period_start``."""

    period_start: datetime
    used: tuple[PoolUse, ...] = ()

    def used_minutes(self, key: PoolKey) -> int:
        return sum(use.minutes for use in self.used if use.key == key)

    def add(self, key: PoolKey, minutes: int) -> PoolUsage:
        if minutes == 0:
            return self
        others = tuple(use for use in self.used if use.key != key)
        return replace(self, used=(*others, PoolUse(key, self.used_minutes(key) + minutes)))


@dataclass(frozen=True, slots=True)
class AutoRecharge:
    enabled: bool = False
    trigger: Money | None = None
    """Recharge when the balance falls below this."""
    amount: Money | None = None


@dataclass(frozen=True, slots=True)
class NceBilling:
    """The open post-usage billing period of an NCE tenant."""

    period_start: datetime
    accrued_overage: Money


@dataclass(frozen=True, slots=True)
class Invoice:
    id: str
    period_start: datetime
    period_end: datetime
    overage: Money


@dataclass(frozen=True, slots=True)
class Folded:
    """What compaction dropped from the state (see ``compaction``): how many spent lots and
    closed invoices, and the invoices' total overage (None until one is folded)."""

    lots: int = 0
    invoices: int = 0
    overage: Money | None = None


@dataclass(frozen=True, slots=True)
class Counters:
    """Next numbers for ids the engine hands out, so ids are deterministic per tenant."""

    lot: int = 1
    call: int = 1
    invoice: int = 1


@dataclass(frozen=True, slots=True)
class TenantState:
    tenant_id: str
    currency: str
    country: str
    model: CommerceModel
    now: datetime
    lots: tuple[Lot, ...]
    debt: Money
    """How far the balance is below zero; never a negative lot."""
    ledger: Ledger
    users: tuple[User, ...]
    card: PaymentCard | None
    auto_recharge: AutoRecharge
    recharge_armed: bool
    """Whether the next fall below the trigger may attempt a recharge (one per crossing)."""
    pools: PoolUsage
    nce: NceBilling | None
    invoices: tuple[Invoice, ...]
    counters: Counters
    folded: Folded = Folded()
    """Spent lots and old invoices compacted away; states stored before compaction lack it."""

    @property
    def balance(self) -> Money:
        return current_balance(self.ledger, self.currency)

    @property
    def spendable(self) -> Money:
        return money_sum((lot.remaining for lot in self.lots if not lot.expired), self.currency)

    @property
    def zero(self) -> Money:
        return Money.zero(self.currency)

    def user(self, user_id: str) -> User | None:
        for user in self.users:
            if user.id == user_id:
                return user
        return None


def new_tenant(
    tenant_id: str,
    currency: str,
    country: str,
    now: datetime,
    *,
    model: CommerceModel = CommerceModel.PREPAID,
    card: PaymentCard | None = None,
) -> TenantState:
    """A tenant with no credits, no users and auto-recharge off, at simulated time ``now``."""
    exponent(currency)
    require_country(country)
    now = require_utc(now, "now")
    if not isinstance(tenant_id, str) or not tenant_id:
        raise DomainError(ErrorCode.INVALID_COMMAND, {"field": "tenant_id"})
    zero = Money.zero(currency)
    return TenantState(
        tenant_id=tenant_id,
        currency=currency,
        country=country,
        model=CommerceModel(model),
        now=now,
        lots=(),
        debt=zero,
        ledger=Ledger(),
        users=(),
        card=card,
        auto_recharge=AutoRecharge(),
        recharge_armed=True,
        pools=PoolUsage(period_start=month_start(now)),
        nce=NceBilling(period_start=now, accrued_overage=zero)
        if model == CommerceModel.NCE
        else None,
        invoices=(),
        counters=Counters(),
    )
