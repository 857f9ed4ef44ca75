"""How far one command may move a tenant's simulated clock, and how far it may ever go.

Advancing the clock processes every month boundary and lot expiry it passes, so the work
of one ``AdvanceClock`` grows with the span. Two limits keep it small and predictable:

- ``MAX_ADVANCE_MONTHS`` / ``MAX_ADVANCE``: one command moves the clock at most 10 years
  (120 calendar months, or 3660 days as a span). That covers every question an admin asks
  of the simulator (a lot lives 12 months, a contract a few years) while one command passes
  at most 120 month boundaries and about as many expiries: milliseconds of work, never the
  46 seconds a 5,000-year jump took while it held the database's write lock.
- ``HORIZON``: the clock never goes past 2200-01-01 UTC. Repeated 10-year steps would
  otherwise walk towards the end of the calendar (year 9999), where a lot's expiry (+12
  months) can no longer be represented; nothing a tenant plans is that far away.

A refusal is ``clock_too_far`` with the field that was too large and either its maximum
(``max``: months and days as numbers, ``to`` as the latest allowed time) or, when the step
itself is allowed but would pass the horizon, ``horizon``, so the caller can say both.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .clock import add_months, require_utc
from .commands import AdvanceClock
from .errors import DomainError, ErrorCode

MAX_ADVANCE_MONTHS = 120
MAX_ADVANCE_DAYS = 3660
MAX_ADVANCE = timedelta(days=MAX_ADVANCE_DAYS)
HORIZON = datetime(2200, 1, 1, tzinfo=UTC)


def iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def latest_target(now: datetime) -> datetime:
    """The furthest the clock may move from ``now`` in one command."""
    if now >= HORIZON:
        return now
    return min(now + MAX_ADVANCE, HORIZON)


def _backwards(now: datetime, target: datetime | None = None) -> DomainError:
    params = {"now": now.isoformat()}
    if target is not None:
        params["to"] = target.isoformat()
    return DomainError(ErrorCode.CLOCK_BACKWARDS, params)


def _too_far(field: str, maximum: str) -> DomainError:
    return DomainError(ErrorCode.CLOCK_TOO_FAR, {"field": field, "max": maximum})


def _past_horizon(field: str) -> DomainError:
    return DomainError(ErrorCode.CLOCK_TOO_FAR, {"field": field, "horizon": iso(HORIZON)})


def target_of(
    now: datetime, *, to: datetime | None, by: timedelta | None, months: int | None
) -> datetime:
    """Where exactly one of ``to``, ``by`` or ``months`` moves the clock from ``now``.

    Sizes are checked before any date arithmetic, so no input can overflow the calendar
    (a state stored before these limits may already be far in the future).
    """
    given = [v for v in (to, by, months) if v is not None]
    if len(given) != 1:
        raise DomainError(ErrorCode.INVALID_COMMAND, {"field": "to|by|months"})
    if to is not None:
        target = require_utc(to, "to")
        field = "to"
    elif by is not None:
        target = _by(now, by)
        field = "by"
    else:
        target = _months(now, months)
        field = "months"
    if target < now:
        raise _backwards(now, target)
    if target > max(now, HORIZON):
        raise _past_horizon(field)
    if target > latest_target(now):  # only ``to`` gets here: the others were checked
        raise _too_far("to", iso(latest_target(now)))
    return target


def _by(now: datetime, by: object) -> datetime:
    if not isinstance(by, timedelta):
        raise DomainError(ErrorCode.INVALID_TIME, {"field": "by", "value": str(by)})
    if by < timedelta(0):
        raise _backwards(now, now + by if by >= -MAX_ADVANCE else None)
    if by > MAX_ADVANCE:
        raise _too_far("by", str(MAX_ADVANCE_DAYS))
    if by and now >= HORIZON:
        raise _past_horizon("by")
    return now + by


def _months(now: datetime, months: object) -> datetime:
    if not isinstance(months, int) or isinstance(months, bool):
        raise DomainError(ErrorCode.INVALID_TIME, {"field": "months", "value": str(months)})
    if months < 0:
        raise _backwards(now, add_months(now, months) if months >= -MAX_ADVANCE_MONTHS else None)
    if months > MAX_ADVANCE_MONTHS:
        raise _too_far("months", str(MAX_ADVANCE_MONTHS))
    if months and now >= HORIZON:
        raise _past_horizon("months")
    return add_months(now, months)


def clock_steps(now: datetime, target: datetime) -> list[AdvanceClock]:
    """``AdvanceClock`` commands that move the clock from ``now`` to ``target`` in steps the
    engine accepts, for callers that own a longer span (a replay starting years after the
    card it was set up with expired). Each step is checked like any other."""
    steps: list[AdvanceClock] = []
    while target - now > MAX_ADVANCE:
        now = now + MAX_ADVANCE
        steps.append(AdvanceClock(to=now))
    steps.append(AdvanceClock(to=target))
    return steps
