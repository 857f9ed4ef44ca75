"""Walkthrough sessions, stored so they survive restarts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from helpsvc.store.records import WalkthroughRecord
from helpsvc.store.schema import walkthrough_sessions


class WalkthroughRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def save(self, session: WalkthroughRecord, now: datetime) -> None:
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
        changed = self.connection.execute(
            update(walkthrough_sessions)
            .where(walkthrough_sessions.c.id == session.id)
            .values(**values)
        ).rowcount
        if not changed:
            self.connection.execute(
                insert(walkthrough_sessions).values(id=session.id, created_at=now, **values)
            )

    def get(self, session_id: str) -> WalkthroughRecord | None:
        row = self.connection.execute(
            select(walkthrough_sessions).where(walkthrough_sessions.c.id == session_id)
        ).first()
        return None if row is None else _record(row)

    def latest(self, tenant_id: str, flow: str) -> WalkthroughRecord | None:
        """The most recent session of a tenant for a flow, to resume it."""
        row = self.connection.execute(
            select(walkthrough_sessions)
            .where(
                walkthrough_sessions.c.tenant_id == tenant_id,
                walkthrough_sessions.c.flow == flow,
            )
            .order_by(walkthrough_sessions.c.updated_at.desc())
            .limit(1)
        ).first()
        return None if row is None else _record(row)


def _record(row: Any) -> WalkthroughRecord:
    return WalkthroughRecord(
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
