"""The settings of a simulation as users type them, parsed once for the CLI and the API.

Typer-free on purpose: the CLI turns an ``OptionError`` into its usual "Invalid value for
--card-expires" message, the API into a 422 problem, and both accept the same text.

Amounts of zero: the tenant API refuses a recharge amount of 0, and so does a simulation; a
trigger of 0 would only recharge once a call had taken the balance below zero, while a
balance of exactly zero refuses every call and never recharges; starting funds of 0 with
auto-recharge refuse every call too, because only a debit sets off a recharge. Each is an
``OptionError`` naming the option and the value; "no auto-recharge" is its own switch
(``--no-auto-recharge``, ``no_auto_recharge``). Funds of 0 stay allowed without
auto-recharge or with NCE, where they are a question worth asking.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .times import to_utc

# ASCII digits only: `\d` would let "٥" through to a Money that refuses it later.
_AMOUNT = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})|([0-9]{1,2})/([0-9]{2}|[0-9]{4})")
MIN_RECHARGE_CAP = 0.1
"""Recharges a month accepted at least: zero would make every configuration infeasible."""
DEFAULT_RECHARGE_DELAY_DAYS = 1.0
MAX_RECHARGE_DELAY_DAYS = 31.0
"""A recharge that takes longer than a month is no delay the advisor can plan around."""


class OptionError(ValueError):
    """A setting that does not parse. ``option`` is its name as the API spells it
    (``card_expires``); the CLI writes the same name as ``--card-expires``.

    ``kind`` and ``params`` are what ``presentation.messages`` words in the user's language
    (message ``option.<kind>``); ``reason`` is the English of it for logs and ``str()``;
    ``code`` is the stable code of the API problem."""

    def __init__(
        self,
        option: str,
        value: str,
        reason: str,
        *,
        kind: str = "invalid",
        code: str = "invalid_settings",
        **params: Any,
    ) -> None:
        self.option = option
        self.value = value
        self.reason = reason
        """What is wrong, naming the value but not the option (the CLI adds the option)."""
        self.kind = kind
        self.code = code
        self.params = params
        super().__init__(f"{option}: {reason}")

    @property
    def flag(self) -> str:
        """The option as the command line spells it."""
        return "--" + self.option.replace("_", "-")


def parse_amount(option: str, text: str | None) -> str | None:
    """An amount as typed ("250" or "250.00"), checked for shape only: which decimals are
    allowed depends on the export's currency, known only once the file is read."""
    if text is None:
        return None
    value = text.strip()
    if not _AMOUNT.match(value):
        raise OptionError(
            option,
            text,
            f"'{text}' is not an amount (e.g. 250 or 250.00)",
            kind="not_amount",
            code="invalid_amount",
        )
    return value


def is_zero(text: str | None) -> bool:
    """``text`` is an amount of zero ("0", "0.00"); anything else, amounts or not, is not."""
    if text is None:
        return False
    try:
        return Decimal(text.strip()) == 0
    except InvalidOperation:
        return False


def check_zero_amounts(
    funds: str | None,
    trigger: str | None,
    recharge: str | None,
    *,
    auto_recharge: bool = True,
    nce: bool = False,
) -> None:
    """Refuse the amounts of zero that make no sense (see the module docstring)."""
    if is_zero(recharge):
        raise OptionError(
            "recharge",
            str(recharge),
            f"a recharge amount of '{recharge}' recharges nothing; it must be above zero "
            "(to replay without auto-recharge, use the no-auto-recharge switch)",
            kind="zero_recharge",
            code="amount_zero",
        )
    if is_zero(trigger):
        raise OptionError(
            "trigger",
            str(trigger),
            f"a trigger amount of '{trigger}' recharges only below zero, and a balance of "
            "zero refuses every call without recharging; it must be above zero",
            kind="zero_trigger",
            code="amount_zero",
        )
    if is_zero(funds) and auto_recharge and not nce:
        raise OptionError(
            "funds",
            str(funds),
            f"with starting funds of '{funds}' every call is refused and auto-recharge never "
            "starts (only a debit sets it off); give funds above zero, or replay without "
            "auto-recharge",
            kind="zero_funds",
            code="amount_zero",
        )


def parse_card_month(text: str | None) -> tuple[int, int] | None:
    """(year, month) the payment card expires, from ``YYYY-MM`` or ``MM/YY`` (``MM/YYYY``)."""
    if text is None:
        return None
    match = _MONTH.fullmatch(text.strip())
    if not match:
        raise OptionError(
            "card_expires", text, f"'{text}' is not a month (YYYY-MM or MM/YY)", kind="not_month"
        )
    if match.group(1):
        year, month = int(match.group(1)), int(match.group(2))
    else:
        month, year = int(match.group(3)), int(match.group(4))
        year += 2000 if year < 100 else 0
    if not 1 <= month <= 12:
        raise OptionError(
            "card_expires", text, f"'{text}': month {month}", kind="bad_month", month=month
        )
    return year, month


def parse_start(text: str | None) -> datetime | None:
    """When the funds are bought: ``YYYY-MM-DD`` (or an ISO 8601 time), as aware UTC."""
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise OptionError(
            "start", text, f"'{text}' is not a date (YYYY-MM-DD)", kind="not_date"
        ) from None
    return to_utc(parsed)


def parse_recharge_cap(text: str | None, default: float = 4.0) -> float:
    """Recharges a month the advisor may propose at most; empty means ``default``."""
    try:
        value = float(text or default)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):  # "inf" as well as "nan": no number of recharges
        raise OptionError(
            "max_recharges",
            str(text),
            f"'{text}' is not a number of recharges a month",
            kind="not_recharge_cap",
        )
    return max(value, MIN_RECHARGE_CAP)


def parse_recharge_delay(text: str | None) -> float:
    """Days a recharge may take to arrive, which the advisor keeps as a margin: ``1``,
    ``0.5``, ``2``; ``0`` trusts recharges to be instant; empty means one day."""
    if text is None or not text.strip():
        return DEFAULT_RECHARGE_DELAY_DAYS
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not 0 <= value <= MAX_RECHARGE_DELAY_DAYS:  # NaN fails every comparison
        raise OptionError(
            "recharge_delay_days",
            text,
            f"'{text}' is not a number of days from 0 to {MAX_RECHARGE_DELAY_DAYS:g} "
            "(e.g. 0.5, 1 or 2)",
            kind="not_delay",
            most=f"{MAX_RECHARGE_DELAY_DAYS:g}",
        )
    return value
