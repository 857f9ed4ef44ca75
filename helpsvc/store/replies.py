"""Answers kept for idempotency keys: opaque text, owned by the service that wrote it.

The store neither knows what an answer means nor how long it is good for; the service
decides both (``helpsvc.services.idempotency``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, insert, select

from helpsvc.credits.clock import as_utc
from helpsvc.store.records import StoredReply
from helpsvc.store.schema import idempotency_keys

_KEY_MATCHES = (idempotency_keys.c.scope == bindparam("scope")) & (
    idempotency_keys.c.key == bindparam("key")
)
_FIND = select(idempotency_keys).where(_KEY_MATCHES)
_FORGET = delete(idempotency_keys).where(_KEY_MATCHES)
_REMEMBER = insert(idempotency_keys)


class ReplyRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def find(self, scope: str, key: str) -> StoredReply | None:
        row = self.connection.execute(_FIND, {"scope": scope, "key": key}).first()
        if row is None:
            return None
        return StoredReply(row.request_hash, int(row.status), row.body, as_utc(row.created_at))

    def forget(self, scope: str, key: str) -> None:
        self.connection.execute(_FORGET, {"scope": scope, "key": key})

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
