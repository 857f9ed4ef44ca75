from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpsvc.credits import DomainError, ErrorCode, add_months, month_start, next_month_start
from helpsvc.credits.clock import days_in_month, require_utc


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (at(2024, 1, 31), 1, at(2024, 2, 29)),  # leap year: clamp to Feb 29
        (at(2023, 1, 31), 1, at(2023, 2, 28)),
        (at(2024, 2, 29), 12, at(2025, 2, 28)),  # leap day bought, no leap day next year
        (at(2024, 2, 29), 48, at(2028, 2, 29)),
        (at(2024, 3, 31), 1, at(2024, 4, 30)),
        (at(2024, 12, 15), 1, at(2025, 1, 15)),
        (at(2024, 1, 31), 12, at(2025, 1, 31)),
        (at(2024, 5, 31, 17, 45), 12, at(2025, 5, 31, 17, 45)),
        (at(2024, 3, 31), -1, at(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(start: datetime, months: int, expected: datetime) -> None:
    assert add_months(start, months) == expected


def test_periods_start_on_the_first_at_midnight_utc() -> None:
    assert month_start(at(2024, 2, 29, 23, 59)) == at(2024, 2, 1)
    assert next_month_start(at(2024, 12, 31, 23, 59)) == at(2025, 1, 1)
    # 01:00 on Mar 1 in UTC+2 is still February in UTC.
    plus_two = datetime(2024, 3, 1, 1, 0, tzinfo=timezone(timedelta(hours=2)))
    assert month_start(plus_two) == at(2024, 2, 1)


def test_naive_times_are_refused_and_others_normalized_to_utc() -> None:
    with pytest.raises(DomainError) as info:
        require_utc(datetime(2024, 1, 1), "to")
    assert info.value.code is ErrorCode.INVALID_TIME
    assert info.value.params["field"] == "to"
    local = datetime(2024, 1, 1, 2, 0, tzinfo=timezone(timedelta(hours=2)))
    assert require_utc(local) == at(2024, 1, 1) and require_utc(local).tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(UTC)
    ),
    months=st.integers(min_value=0, max_value=120),
)
def test_add_months_lands_in_the_right_month_on_a_valid_day(start: datetime, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day == min(start.day, days_in_month(moved.year, moved.month))
    assert moved.time() == start.time()
    assert moved >= start
