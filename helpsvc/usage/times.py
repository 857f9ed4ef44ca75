"""Times in the PSTN usage report: UTC, written to the second with a ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime

from helpsvc.credits.clock import as_utc

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_utc(value: datetime) -> datetime:
    """``value`` as aware UTC: a time without offset already is UTC (``as_utc`` labels it,
    as the report, the store and the options all mean UTC), one with an offset is
    converted."""
    return as_utc(value).astimezone(UTC)


def format_time(value: datetime) -> str:
    """As the admin center writes Start Time and End Time."""
    return to_utc(value).strftime(TIME_FORMAT)
