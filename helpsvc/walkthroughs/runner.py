"""Moving through a flow: pure functions of the flow, the session and the tenant's state.

A session remembers the step it shows, the steps behind it (for going back) and the steps
it skipped because they were already done. Stop conditions are the branches of the
guides: an NCE organization starting the set-up flow stops with the reason and a link to
the NCE guide instead of being asked to buy credits it cannot buy.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace

from helpsvc.credits import TenantState
from helpsvc.walkthroughs.conditions import CONDITIONS
from helpsvc.walkthroughs.model import Flow, Step, Stop

ACTIVE, DONE, CANCELLED, STOPPED = "active", "done", "cancelled", "stopped"


@dataclass(frozen=True, slots=True)
class Session:
    id: str
    tenant_id: str
    flow: str
    lang: str
    status: str
    current: str | None
    history: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    stop_reason: str | None = None


def new_session_id() -> str:
    return secrets.token_hex(12)


def relabel(session: Session, lang: str) -> Session:
    """The same session shown in another language (the reader switched)."""
    return replace(session, lang=lang)


def is_done(step: Step, state: TenantState) -> bool:
    return step.done_when is not None and CONDITIONS[step.done_when](state)


def stop_for(flow: Flow, state: TenantState) -> Stop | None:
    return next((s for s in flow.stop_when if CONDITIONS[s.condition](state)), None)


def _next_from(flow: Flow, session: Session, state: TenantState, start: int) -> Session:
    skipped = list(session.skipped)
    history = list(session.history)
    for step in flow.steps[start:]:
        if is_done(step, state):
            skipped.append(step.id)
            history.append(step.id)
            continue
        return replace(
            session, status=ACTIVE, current=step.id, history=tuple(history), skipped=tuple(skipped)
        )
    return replace(
        session, status=DONE, current=None, history=tuple(history), skipped=tuple(skipped)
    )


def start(flow: Flow, state: TenantState, session_id: str, lang: str) -> Session:
    session = Session(session_id, state.tenant_id, flow.id, lang, ACTIVE, None)
    stop = stop_for(flow, state)
    if stop is not None:
        return replace(session, status=STOPPED, stop_reason=stop.reason)
    return _next_from(flow, session, state, 0)


def completed(flow: Flow, session: Session, state: TenantState) -> Session:
    """After the current step's action succeeded: on to the next step not yet done."""
    assert session.current is not None
    position = flow.index(session.current)
    moved = replace(session, history=(*session.history, session.current))
    return _next_from(flow, moved, state, position + 1)


def back(session: Session) -> Session:
    if not session.history or session.status in (CANCELLED, STOPPED):
        return session
    *rest, previous = session.history
    skipped = tuple(s for s in session.skipped if s != previous)
    return replace(session, status=ACTIVE, current=previous, history=tuple(rest), skipped=skipped)


def cancel(session: Session) -> Session:
    if session.status in (DONE, STOPPED):
        return session
    return replace(session, status=CANCELLED)


def recheck(flow: Flow, session: Session, state: TenantState) -> Session:
    """A session resumed later: the tenant may have changed meanwhile (another tab, the API)."""
    if session.status != ACTIVE:
        return session
    stop = stop_for(flow, state)
    if stop is not None:
        return replace(session, status=STOPPED, current=None, stop_reason=stop.reason)
    return session
