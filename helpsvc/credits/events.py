"""What happened, in order: the engine's output next to the new state.

Events carry the facts a caller needs to record, notify or render (amounts, balances,
codes), never prose. ``name`` is the stable wire name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from .commands import CallKind
from .errors import ErrorCode, Param
from .money import Money
from .state import PoolKey
from .tariff import NumberType
from .users import Licenses


class NotificationKind(StrEnum):
    RECHARGE_SUCCEEDED = "recharge_succeeded"
    RECHARGE_FAILED = "recharge_failed"
    BALANCE_NOT_POSITIVE = "balance_not_positive"
    # NCE: the credits left at the switch are used up; calls go on, billed as overage.
    CREDITS_USED_UP = "credits_used_up"


@dataclass(frozen=True, slots=True)
class FundsAdded:
    name: ClassVar[str] = "funds_added"
    at: datetime
    lot_id: str
    amount: Money
    debt_settled: Money
    balance_after: Money


@dataclass(frozen=True, slots=True)
class AutoRechargeSucceeded:
    name: ClassVar[str] = "auto_recharge_succeeded"
    at: datetime
    lot_id: str
    amount: Money
    debt_settled: Money
    balance_after: Money


@dataclass(frozen=True, slots=True)
class AutoRechargeFailed:
    name: ClassVar[str] = "auto_recharge_failed"
    at: datetime
    reason: ErrorCode
    amount: Money
    balance_after: Money


@dataclass(frozen=True, slots=True)
class CallRated:
    """A call that took place. ``charge`` = ``from_credits`` + ``to_debt`` + ``overage``."""

    name: ClassVar[str] = "call_rated"
    at: datetime
    call_id: str
    user_id: str
    kind: CallKind
    destination: str
    number_type: NumberType
    duration_seconds: int
    connected_seconds: int
    """Shorter than ``duration_seconds`` when the call was cut as plan minutes ran out."""
    billed_minutes: int
    plan_minutes: int
    credit_minutes: int
    pool: PoolKey | None
    charge: Money
    from_credits: Money
    to_debt: Money
    overage: Money
    balance_after: Money
    cut_reason: ErrorCode | None = None
    connection_fee: Money | None = None
    """The part of ``charge`` that is a connection fee (for the usage export)."""


@dataclass(frozen=True, slots=True)
class CallRefused:
    """A call refused at start; nothing was charged and the ledger is unchanged."""

    name: ClassVar[str] = "call_refused"
    at: datetime
    call_id: str
    user_id: str
    kind: CallKind
    destination: str
    number_type: NumberType
    duration_seconds: int
    reason: ErrorCode
    params: Mapping[str, Param] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LotExpired:
    name: ClassVar[str] = "lot_expired"
    at: datetime
    lot_id: str
    forfeited: Money
    balance_after: Money


@dataclass(frozen=True, slots=True)
class NotificationQueued:
    """An e-mail to the tenant's admins; the outbox outside the core delivers it."""

    name: ClassVar[str] = "notification_queued"
    at: datetime
    kind: NotificationKind
    balance: Money
    amount: Money | None = None
    reason: ErrorCode | None = None


@dataclass(frozen=True, slots=True)
class PlanMinutesReset:
    name: ClassVar[str] = "plan_minutes_reset"
    at: datetime


@dataclass(frozen=True, slots=True)
class BillingPeriodClosed:
    name: ClassVar[str] = "billing_period_closed"
    at: datetime
    invoice_id: str
    period_start: datetime
    period_end: datetime
    overage: Money


@dataclass(frozen=True, slots=True)
class SwitchedToNce:
    name: ClassVar[str] = "switched_to_nce"
    at: datetime
    remaining_credits: Money


@dataclass(frozen=True, slots=True)
class AutoRechargeConfigured:
    name: ClassVar[str] = "auto_recharge_configured"
    at: datetime
    enabled: bool
    trigger: Money | None
    amount: Money | None


@dataclass(frozen=True, slots=True)
class PaymentCardSet:
    name: ClassVar[str] = "payment_card_set"
    at: datetime
    last4: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True, slots=True)
class UserAdded:
    name: ClassVar[str] = "user_added"
    at: datetime
    user_id: str
    country: str
    licenses: Licenses


@dataclass(frozen=True, slots=True)
class LicensesAssigned:
    name: ClassVar[str] = "licenses_assigned"
    at: datetime
    user_id: str
    licenses: Licenses


@dataclass(frozen=True, slots=True)
class Adjusted:
    name: ClassVar[str] = "adjusted"
    at: datetime
    amount: Money
    reason: str
    lot_id: str | None
    balance_after: Money


@dataclass(frozen=True, slots=True)
class ClockAdvanced:
    name: ClassVar[str] = "clock_advanced"
    at: datetime
    previous: datetime


Event = (
    FundsAdded
    | AutoRechargeSucceeded
    | AutoRechargeFailed
    | CallRated
    | CallRefused
    | LotExpired
    | NotificationQueued
    | PlanMinutesReset
    | BillingPeriodClosed
    | SwitchedToNce
    | AutoRechargeConfigured
    | PaymentCardSet
    | UserAdded
    | LicensesAssigned
    | Adjusted
    | ClockAdvanced
)
