"""Signed-in browsers: the cookie holds a random token, the table only its hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from helpsvc.credits.clock import as_utc
from helpsvc.store.records import SignIn
from helpsvc.store.schema import web_sessions


class SignInRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(
        self, token_hash: str, sign_in: SignIn, created_at: datetime, expires_at: datetime
    ) -> None:
        self.connection.execute(
            insert(web_sessions).values(
                token_hash=token_hash,
                tenant_id=sign_in.tenant_id,
                csrf=sign_in.csrf,
                created_at=created_at,
                expires_at=expires_at,
            )
        )

    def find(self, token_hash: str, now: datetime) -> SignIn | None:
        """The sign-in of this token, unless it expired."""
        row = self.connection.execute(
            select(web_sessions).where(web_sessions.c.token_hash == token_hash)
        ).first()
        if row is None or as_utc(row.expires_at) < now:
            return None
        return SignIn(row.tenant_id, row.csrf)

    def remove(self, token_hash: str) -> None:
        self.connection.execute(delete(web_sessions).where(web_sessions.c.token_hash == token_hash))
