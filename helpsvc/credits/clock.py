"""Calendar arithmetic for the simulated clock (always timezone-aware UTC).

Month-end rule: adding months keeps the day of month and the time of day, and when the
target month is shorter the day is clamped to its last day. So Jan 31 + 1 month is Feb 29
in a leap year (Feb 28 otherwise), and Feb 29 2024 + 12 months is Feb 28 2025. Clamping is
not reversible (Feb 28 2025 - 12 months is Feb 28 2024), which is fine: only forward
arithmetic from a known purchase date is ever needed.

Periods (plan-minute pools, NCE billing) are calendar months starting on the first of the
month at 00:00 UTC.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime

from .errors import DomainError, ErrorCode

__all__ = [
    "UTC",
    "as_utc",
    "add_months",
    "days_in_month",
    "month_start",
    "next_month_start",
    "require_utc",
]


def require_utc(value: datetime, field: str = "at") -> datetime:
    """Refuse naive datetimes (their meaning depends on the machine) and normalize to UTC."""
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise DomainError(ErrorCode.INVALID_TIME, {"field": field, "value": str(value)})
    return value.astimezone(UTC)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(value: datetime, months: int) -> datetime:
    """``value`` moved by whole calendar months, clamping the day to the month's end."""
    index = value.year * 12 + (value.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return value.replace(year=year, month=month, day=min(value.day, days_in_month(year, month)))


def month_start(value: datetime) -> datetime:
    """First instant of the calendar month containing ``value`` (UTC)."""
    value = value.astimezone(UTC)
    return datetime(value.year, value.month, 1, tzinfo=UTC)


def next_month_start(value: datetime) -> datetime:
    """First instant of the calendar month after the one containing ``value``."""
    return add_months(month_start(value), 1)


def as_utc(value: datetime) -> datetime:
    """A stored time as UTC-aware: SQLite hands back naive datetimes of what was UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
