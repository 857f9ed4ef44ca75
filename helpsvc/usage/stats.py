"""What an export says about spending, independent of any configuration.

Fed every good row once; keeps only totals per call type, one figure per day and one per
minute of credit-funded spend (memory grows with the length of the period, never with the
number of rows). From these come the figures of the guides' rule of thumb (typical month,
busiest week) and the spend series the advisor replays.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from statistics import median

from .columns import CREDIT_CAPABILITIES
from .reader import UsageRow, as_row, is_credit_funded

AVERAGE_MONTH_DAYS = 365.25 / 12


@dataclass
class CallTypeTotals:
    calls: int = 0
    credit_calls: int = 0
    minutes: int = 0
    credit_minutes: int = 0
    spend: int = 0
    """Credit-funded spend in minor units."""


@dataclass
class UsageStats:
    rows: int = 0
    credit_rows: int = 0
    users: set[str] = field(default_factory=set)
    first: datetime | None = None
    last: datetime | None = None
    by_type: dict[str, CallTypeTotals] = field(default_factory=lambda: defaultdict(CallTypeTotals))
    daily: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    """Credit-funded spend per UTC day, minor units."""
    per_minute: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    """Credit-funded spend per minute (epoch minute), the advisor's series."""
    keep_series: bool = True
    """Keep ``per_minute`` (only the advisor needs it)."""
    largest_call: int = 0
    spend: int = 0
    sorted: bool = True
    """False once a row started before the row read before it."""

    def add(self, row: UsageRow) -> None:
        """Count one row (see ``credit_rows_of`` for the fast way over a whole file)."""
        for _ in self.credit_rows_of((row,)):
            pass

    def credit_rows_of(
        self, rows: Iterable[tuple], tick: Callable[[], None] | None = None
    ) -> Iterator[UsageRow]:
        """Count every row (the plain tuples of ``ExportReader.rows()``) and pass on the
        credit-funded ones as ``UsageRow`` (``tick`` every 8192 rows).

        One loop with locals only: this runs once per row of the export."""
        users = self.users
        by_type = self.by_type
        credit = CREDIT_CAPABILITIES
        first, last = self.first, self.last
        count = self.rows
        in_order = self.sorted
        try:
            for row in rows:
                count += 1
                # The fields of UsageRow, in its order.
                (
                    _row,
                    start,
                    upn,
                    call_type,
                    _number_type,
                    _domestic,
                    _location,
                    _destination,
                    seconds,
                    charge,
                    capability,
                    _call_id,
                ) = row
                if last is None:
                    first = last = start
                elif start >= last:
                    last = start
                else:
                    in_order = False
                    if start < first:
                        first = start
                users.add(upn)
                totals = by_type[call_type]
                totals.calls += 1
                totals.minutes += -(-seconds // 60)
                if tick is not None and not count & 8191:
                    tick()
                if capability in credit or (not capability and is_credit_funded("", charge)):
                    # Keep the figures current for the consumer of this row.
                    self.first, self.last, self.rows, self.sorted = first, last, count, in_order
                    yield as_row(row)
        finally:
            self.first, self.last, self.rows, self.sorted = first, last, count, in_order

    def add_credit(self, row: UsageRow, charge: int) -> None:
        """A credit-funded row (called after ``add``) and what it cost."""
        self.credit_rows += 1
        self.spend += charge
        totals = self.by_type[row.call_type]
        totals.credit_calls += 1
        totals.credit_minutes += -(-row.duration_seconds // 60)
        totals.spend += charge
        self.daily[row.start.date()] += charge
        if self.keep_series:
            self.per_minute[int(row.start.timestamp()) // 60] += charge
        if charge > self.largest_call:
            self.largest_call = charge

    # -- derived figures ----------------------------------------------------------------

    @property
    def days(self) -> int:
        """Days the export covers, first to last call, both included."""
        if self.first is None or self.last is None:
            return 0
        return (self.last.date() - self.first.date()).days + 1

    @property
    def months(self) -> float:
        return max(self.days, 1) / AVERAGE_MONTH_DAYS

    def busiest_day(self) -> tuple[date | None, int]:
        if not self.daily:
            return None, 0
        day = max(self.daily, key=lambda d: (self.daily[d], d))
        return day, self.daily[day]

    def busiest_week(self) -> tuple[date | None, int]:
        """The 7 consecutive days with the most credit-funded spend (first day, spend).

        A period shorter than a week is scaled up to seven days.
        """
        if not self.daily or self.first is None:
            return None, 0
        days = self.days
        first = self.first.date()
        if days < 7:
            return first, math.ceil(self.spend * 7 / days)
        spend = [self.daily.get(first + timedelta(days=i), 0) for i in range(days)]
        window = sum(spend[:7])
        best, best_start = window, 0
        for i in range(7, days):
            window += spend[i] - spend[i - 7]
            if window > best:
                best, best_start = window, i - 6
        return first + timedelta(days=best_start), best

    def typical_month(self) -> int:
        """Median spend of the calendar months the export covers in full; with none, the
        spend scaled to an average month."""
        if self.first is None or self.last is None:
            return 0
        monthly: dict[tuple[int, int], int] = defaultdict(int)
        for day, spend in self.daily.items():
            monthly[(day.year, day.month)] += spend
        full = [
            monthly.get(key, 0)
            for key in _months_between(self.first.date(), self.last.date())
            if _covers(key, self.first.date(), self.last.date())
        ]
        if full:
            return int(median(full))
        return math.ceil(self.spend * AVERAGE_MONTH_DAYS / max(self.days, 1))

    def busiest_window(self, days: float) -> tuple[datetime | None, int]:
        """The most credit-funded spend of calls starting within any ``days`` long window
        (its first minute, spend), from the per-minute series; ``days`` may be a fraction.

        A sliding window, not calendar days: a recharge that takes a day can straddle
        midnight, so the busiest 24 hours may hold more than the busiest calendar day."""
        width = math.ceil(days * 24 * 60)
        if width <= 0 or not self.per_minute:
            return None, 0
        minutes = sorted(self.per_minute)
        best, best_start, window, first = 0, minutes[0], 0, 0
        for minute in minutes:
            window += self.per_minute[minute]
            while minutes[first] <= minute - width:
                window -= self.per_minute[minutes[first]]
                first += 1
            if window > best:
                best, best_start = window, minutes[first]
        return datetime.fromtimestamp(best_start * 60, UTC), best

    def minute_series(self) -> list[tuple[datetime, int]]:
        """Credit-funded spend per minute in time order (the advisor's input)."""
        return [
            (datetime.fromtimestamp(minute * 60, UTC), spend)
            for minute, spend in sorted(self.per_minute.items())
        ]


def _months_between(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _covers(key: tuple[int, int], first: date, last: date) -> bool:
    year, month = key
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first <= start and last >= end - timedelta(days=1)
