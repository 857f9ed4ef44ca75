"""Walkthrough sessions and browser sign-ins, stored so they survive restarts."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update

from helpsvc.store.engine import read
from helpsvc.store.schema import walkthrough_sessions, web_sessions
from helpsvc.walkthroughs.runner import Session

WEB_SESSION_DAYS = 7


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class WalkthroughStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, session: Session) -> None:
        now = _now()
        values = {
            "tenant_id": session.tenant_id,
            "flow": session.flow,
            "lang": session.lang,
            "status": session.status,
            "current": session.current,
            "history": json.dumps(list(session.history)),
            "skipped": json.dumps(list(session.skipped)),
            "stop_reason": session.stop_reason,
            "updated_at": now,
        }
        with self.engine.begin() as connection:
            changed = connection.execute(
                update(walkthrough_sessions)
                .where(walkthrough_sessions.c.id == session.id)
                .values(**values)
            ).rowcount
            if not changed:
                connection.execute(
                    insert(walkthrough_sessions).values(id=session.id, created_at=now, **values)
                )

    def get(self, session_id: str) -> Session | None:
        with read(self.engine) as connection:
            row = connection.execute(
                select(walkthrough_sessions).where(walkthrough_sessions.c.id == session_id)
            ).first()
        return None if row is None else _session(row)

    def latest(self, tenant_id: str, flow: str) -> Session | None:
        """The most recent session of a tenant for a flow, to resume it."""
        with read(self.engine) as connection:
            row = connection.execute(
                select(walkthrough_sessions)
                .where(
                    walkthrough_sessions.c.tenant_id == tenant_id,
                    walkthrough_sessions.c.flow == flow,
                )
                .order_by(walkthrough_sessions.c.updated_at.desc())
                .limit(1)
            ).first()
        return None if row is None else _session(row)

    # -- browser sign-in ----------------------------------------------------------------

    def sign_in(self, tenant_id: str) -> tuple[str, str]:
        """A new browser session: returns (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        now = _now()
        with self.engine.begin() as connection:
            connection.execute(
                insert(web_sessions).values(
                    token_hash=_hash(token),
                    tenant_id=tenant_id,
                    csrf=csrf,
                    created_at=now,
                    expires_at=now + timedelta(days=WEB_SESSION_DAYS),
                )
            )
        return token, csrf

    def signed_in(self, token: str | None) -> tuple[str, str] | None:
        """(tenant id, CSRF token) of a browser session, or None."""
        if not token:
            return None
        with read(self.engine) as connection:
            row = connection.execute(
                select(web_sessions).where(web_sessions.c.token_hash == _hash(token))
            ).first()
        if row is None or _aware(row.expires_at) < _now():
            return None
        return row.tenant_id, row.csrf

    def sign_out(self, token: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                delete(web_sessions).where(web_sessions.c.token_hash == _hash(token))
            )


def new_session_id() -> str:
    return secrets.token_hex(12)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _session(row) -> Session:  # noqa: ANN001 - a result row
    return Session(
        id=row.id,
        tenant_id=row.tenant_id,
        flow=row.flow,
        lang=row.lang,
        status=row.status,
        current=row.current,
        history=tuple(json.loads(row.history)),
        skipped=tuple(json.loads(row.skipped)),
        stop_reason=row.stop_reason,
    )
