"""Idempotent writes: a retry with the same key gets the first answer back.

The service owns what is remembered (an answer as JSON text, with the status) and for how
long; the store only keeps the text (``helpsvc.store.replies``). A key is scoped and
remembered with a hash of the request, so the same key with other parameters is refused
rather than answered with another request's answer.

Scopes: a tenant's commands are scoped by the tenant (the caller proved it holds the
tenant's API key). Tenant creation is anonymous, so its keys are scoped by the caller as the
server sees it, its client address (``creation_scope``): the same key sent from another
address is another key and creates another tenant, so a key guessed or copied from someone
else neither replays their answer nor reveals, through a refusal, that it was used. What is
remembered never holds a secret: the API key of a new tenant is shown in the first answer
only (``helpsvc.services.tenants``).

A key is 1 to ``KEY_MAX_LENGTH`` visible ASCII characters (``key_fault``); an empty header
is not "no key", since every caller sending one would share it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from helpsvc.services.errors import IdempotencyConflict
from helpsvc.store.replies import ReplyRepository

IDEMPOTENCY_WINDOW = timedelta(hours=24)
# As long as the longest keys well-known APIs accept (Stripe: 255); a UUID needs 36.
KEY_MAX_LENGTH = 255
# Scopes of creation keys start with this; tenant ids are hex, so the two never meet.
_CREATION_PREFIX = "new:"


class KeyFault(StrEnum):
    """Why an Idempotency-Key header cannot be used as a key."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CHARACTER = "character"


@dataclass(frozen=True, slots=True)
class BadKey:
    fault: KeyFault
    position: int | None = None  # 1-based, of the first character not allowed
    character: str | None = None


def key_fault(key: str) -> BadKey | None:
    """What is wrong with an Idempotency-Key value, or None when it can be used.

    Visible ASCII only (0x21-0x7E): header values travel as bytes whose encoding HTTP does
    not fix, and a key that differs from another only by spaces or invisible characters is
    an accident waiting to replay the wrong answer.
    """
    if not key.strip():
        return BadKey(KeyFault.EMPTY)
    if len(key) > KEY_MAX_LENGTH:
        return BadKey(KeyFault.TOO_LONG)
    for position, char in enumerate(key, start=1):
        if not "\x21" <= char <= "\x7e":
            return BadKey(KeyFault.CHARACTER, position, char)
    return None


def creation_scope(caller: str) -> str:
    """The scope of tenant-creation keys sent by ``caller`` (a client address).

    Hashed so that the table of remembered answers holds no client addresses; it fits the
    32 characters of the scope column.
    """
    digest = hashlib.sha256(caller.encode("utf-8")).hexdigest()
    return _CREATION_PREFIX + digest[: 32 - len(_CREATION_PREFIX)]


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
        now = self._clock()
        # Expired answers are never replayed; without this they would pile up for callers
        # that never come back (an index on their age keeps it one range lookup).
        replies.forget_before(now - self.window)
        replies.remember(scope, key, digest, reply.status, body, now)
