"""What the sandbox page can do to a simulated organization: move time, place sample calls.

Toll-free dial-in is always paid from credits (no plan minutes cover it), so sample calls
show on the balance and the chart right away; they are placed for the first user who holds
the Communications Credits license, as the organizer of the meeting being dialled into.
"""

from __future__ import annotations

from datetime import timedelta

from helpsvc.credits import AdvanceClock, CallKind, Command, NumberType, PlaceCall, TenantState

SAMPLE_CALLS = 5
SAMPLE_MINUTES = 20
PERIODS: dict[str, AdvanceClock] = {
    "day": AdvanceClock(by=timedelta(days=1)),
    "week": AdvanceClock(by=timedelta(days=7)),
    "month": AdvanceClock(months=1),
}


def sample_caller(state: TenantState) -> str | None:
    return next((u.id for u in state.users if u.licenses.communications_credits), None)


def sample_call(state: TenantState) -> Command | None:
    """One toll-free call into a meeting of the first licensed user; None without one."""
    caller = sample_caller(state)
    if caller is None:
        return None
    return PlaceCall(
        caller,
        CallKind.TOLL_FREE_DIAL_IN,
        state.country,
        NumberType.MOBILE,
        SAMPLE_MINUTES * 60,
    )
