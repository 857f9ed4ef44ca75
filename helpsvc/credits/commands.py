"""What a caller can ask of a tenant's credits; each command is a plain frozen value.

``name`` is the stable wire name for stores and APIs that persist or route commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from .money import Money
from .tariff import NumberType
from .users import Licenses


class CallKind(StrEnum):
    TOLL_FREE_DIAL_IN = "toll_free_dial_in"
    CONFERENCE_DIAL_OUT = "conference_dial_out"
    USER_OUTBOUND_DOMESTIC = "user_outbound_domestic"
    USER_OUTBOUND_INTERNATIONAL = "user_outbound_international"
    PAYG_OUTBOUND = "payg_outbound"


@dataclass(frozen=True, slots=True)
class AddFunds:
    """A manual purchase of credits with the card on file."""

    name: ClassVar[str] = "add_funds"
    amount: Money


@dataclass(frozen=True, slots=True)
class ConfigureAutoRecharge:
    """Turn auto-recharge on (trigger and amount required) or off (values kept if omitted)."""

    name: ClassVar[str] = "configure_auto_recharge"
    enabled: bool
    trigger: Money | None = None
    amount: Money | None = None


@dataclass(frozen=True, slots=True)
class SetPaymentCard:
    name: ClassVar[str] = "set_payment_card"
    last4: str
    exp_month: int
    exp_year: int


@dataclass(frozen=True, slots=True)
class AddUser:
    """Add a user; ``country`` (usage location) defaults to the tenant's country."""

    name: ClassVar[str] = "add_user"
    user_id: str
    country: str | None = None
    licenses: Licenses = Licenses()


@dataclass(frozen=True, slots=True)
class AssignLicenses:
    """Replace the user's licenses with exactly ``licenses``."""

    name: ClassVar[str] = "assign_licenses"
    user_id: str
    licenses: Licenses


@dataclass(frozen=True, slots=True)
class PlaceCall:
    """One whole call, simulated at the current clock instant.

    ``user_id`` is the caller, or for conference dial-out and toll-free dial-in the meeting
    organizer. ``destination`` is the called country; for toll-free dial-in it is the
    country of the tenant's toll-free number and ``number_type`` is the caller's line type.
    ``charge`` replaces rating (e.g. replaying a usage report that already priced the call);
    it bypasses plan-minute pools and connection fees.
    """

    name: ClassVar[str] = "place_call"
    user_id: str
    kind: CallKind
    destination: str
    number_type: NumberType
    duration_seconds: int
    charge: Money | None = None
    call_id: str | None = None


@dataclass(frozen=True, slots=True)
class AdvanceClock:
    """Move simulated time forward: exactly one of ``to``, ``by`` or ``months``."""

    name: ClassVar[str] = "advance_clock"
    to: datetime | None = None
    by: timedelta | None = None
    months: int | None = None


@dataclass(frozen=True, slots=True)
class SwitchToNce:
    name: ClassVar[str] = "switch_to_nce"


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A manual correction: positive grants a credit lot, negative removes credits."""

    name: ClassVar[str] = "adjustment"
    amount: Money
    reason: str = ""


Command = (
    AddFunds
    | ConfigureAutoRecharge
    | SetPaymentCard
    | AddUser
    | AssignLicenses
    | PlaceCall
    | AdvanceClock
    | SwitchToNce
    | Adjustment
)
