"""Answers kept for idempotency keys: opaque text, owned by the service that wrote it.

The store neither knows what an answer means nor how long it is good for; the service
decides both (``helpsvc.services.idempotency``). The text is readable by anyone who can read
the database, so services never hand it a secret: a new tenant's answer is remembered
without its API key.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, insert, select, text

from helpsvc.credits.clock import as_utc
from helpsvc.store.records import StoredReply
from helpsvc.store.schema import idempotency_keys

_KEY_MATCHES = (idempotency_keys.c.scope == bindparam("scope")) & (
    idempotency_keys.c.key == bindparam("key")
)
_FIND = select(idempotency_keys).where(_KEY_MATCHES)
_FORGET = delete(idempotency_keys).where(_KEY_MATCHES)
_REMEMBER = insert(idempotency_keys)
_EXPIRE = delete(idempotency_keys).where(idempotency_keys.c.created_at < bindparam("before"))
# The two-number form of PostgreSQL's advisory locks, with a space of its own, so these
# locks never meet the single-number lock the migrations take.
_LOCK = text("SELECT pg_advisory_xact_lock(CAST(:space AS integer), CAST(:key AS integer))")
_LOCK_SPACE = 0x1DE7


class ReplyRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def lock(self, scope: str, key: str) -> None:
        """Hold the key until the transaction ends, so concurrent first uses of one key run
        one after the other: the second finds the first one's answer instead of failing
        on the primary key. (SQLite transactions already take the database's write lock.)
        """
        if self.connection.dialect.name != "postgresql":
            return
        digest = hashlib.sha256(f"{scope}\0{key}".encode()).digest()
        number = int.from_bytes(digest[:4], "big", signed=True)
        self.connection.execute(_LOCK, {"space": _LOCK_SPACE, "key": number})

    def find(self, scope: str, key: str) -> StoredReply | None:
        row = self.connection.execute(_FIND, {"scope": scope, "key": key}).first()
        if row is None:
            return None
        return StoredReply(row.request_hash, int(row.status), row.body, as_utc(row.created_at))

    def forget(self, scope: str, key: str) -> None:
        self.connection.execute(_FORGET, {"scope": scope, "key": key})

    def forget_before(self, before: datetime) -> int:
        """Delete every answer older than ``before`` (any scope); how many were deleted."""
        return self.connection.execute(_EXPIRE, {"before": before}).rowcount

    def remember(
        self, scope: str, key: str, request_hash: str, status: int, body: str, at: datetime
    ) -> None:
        self.connection.execute(
            _REMEMBER,
            {
                "scope": scope,
                "key": key,
                "request_hash": request_hash,
                "status": status,
                "body": body,
                "created_at": at,
            },
        )
