"""The settings of a simulation as users type them, parsed once for the CLI and the API.

Typer-free on purpose: the CLI turns an ``OptionError`` into its usual "Invalid value for
--card-expires" message, the API into a 422 problem, and both accept the same text.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from .times import to_utc

_AMOUNT = re.compile(r"^\d+(\.\d+)?$")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})|(\d{1,2})/(\d{2}|\d{4})")
MIN_RECHARGE_CAP = 0.1
"""Recharges a month accepted at least: zero would make every configuration infeasible."""


class OptionError(ValueError):
    """A setting that does not parse. ``option`` is its name as the API spells it
    (``card_expires``); the CLI writes the same name as ``--card-expires``."""

    def __init__(self, option: str, value: str, reason: str) -> None:
        self.option = option
        self.value = value
        self.reason = reason
        """What is wrong, naming the value but not the option (the CLI adds the option)."""
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
        raise OptionError(option, text, f"'{text}' is not an amount (e.g. 250 or 250.00)")
    return value


def parse_card_month(text: str | None) -> tuple[int, int] | None:
    """(year, month) the payment card expires, from ``YYYY-MM`` or ``MM/YY`` (``MM/YYYY``)."""
    if text is None:
        return None
    match = _MONTH.fullmatch(text.strip())
    if not match:
        raise OptionError("card_expires", text, f"'{text}' is not a month (YYYY-MM or MM/YY)")
    if match.group(1):
        year, month = int(match.group(1)), int(match.group(2))
    else:
        month, year = int(match.group(3)), int(match.group(4))
        year += 2000 if year < 100 else 0
    if not 1 <= month <= 12:
        raise OptionError("card_expires", text, f"'{text}': month {month}")
    return year, month


def parse_start(text: str | None) -> datetime | None:
    """When the funds are bought: ``YYYY-MM-DD`` (or an ISO 8601 time), as aware UTC."""
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise OptionError("start", text, f"'{text}' is not a date (YYYY-MM-DD)") from None
    return to_utc(parsed)


def parse_recharge_cap(text: str | None, default: float = 4.0) -> float:
    """Recharges a month the advisor may propose at most; empty means ``default``."""
    try:
        value = float(text or default)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise OptionError(
            "max_recharges", str(text), f"'{text}' is not a number of recharges a month"
        )
    return max(value, MIN_RECHARGE_CAP)
