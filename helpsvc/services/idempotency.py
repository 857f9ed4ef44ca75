"""Idempotent writes: a retry with the same key gets the first answer back.

The service owns what is remembered (an answer as JSON text, with the status) and for how
long; the store only keeps the text (``helpsvc.store.replies``). A key is scoped (by tenant,
or ``CREATION_SCOPE`` for tenant creation) and remembered with a hash of the request, so the
same key with other parameters is refused rather than answered with another request's
answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from helpsvc.services.errors import IdempotencyConflict
from helpsvc.store.replies import ReplyRepository

IDEMPOTENCY_WINDOW = timedelta(hours=24)
CREATION_SCOPE = "-"


@dataclass(frozen=True, slots=True)
class Reply:
    """What a use case answers: a status and a JSON body, replayed or not."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


def request_hash(*parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Idempotency:
    def __init__(
        self, clock: Callable[[], datetime], window: timedelta = IDEMPOTENCY_WINDOW
    ) -> None:
        self._clock = clock
        self.window = window

    def replay(
        self, replies: ReplyRepository, scope: str, key: str | None, digest: str | None
    ) -> Reply | None:
        """The first answer given for this key, or None when the request is new."""
        if key is None:
            return None
        stored = replies.find(scope, key)
        if stored is None:
            return None
        if stored.created_at < self._clock() - self.window:
            replies.forget(scope, key)
            return None
        if stored.request_hash != digest:
            raise IdempotencyConflict(key)
        return Reply(stored.status, json.loads(stored.body), replayed=True)

    def remember(
        self,
        replies: ReplyRepository,
        scope: str,
        key: str | None,
        digest: str | None,
        reply: Reply,
    ) -> None:
        if key is None or digest is None:
            return
        body = json.dumps(reply.body, separators=(",", ":"))
        replies.remember(scope, key, digest, reply.status, body, self._clock())
