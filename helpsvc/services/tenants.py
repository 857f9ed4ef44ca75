"""Tenant commands: create a tenant, run commands of the credits engine, authenticate keys.

Each command is one transaction under the tenant's lock: check the idempotency key, build
the commands from the current state, let the pure engine decide, save the decision with its
ledger entries, calls and rendered notifications, remember the answer, commit. Concurrent
requests for one tenant therefore run one after the other and never lose or double an
update, and a crossing of the trigger amount can only ever be seen, and recharged, once.

How an outcome reads (``present``) belongs to the caller (the HTTP layer, a walkthrough);
it runs inside the transaction, so the answer remembered for a key is exactly the one the
first caller got. The one exception is a new tenant's API key: it is a secret, stored only
as a hash, so the answer remembered for a creation key is presented without it, and a
replay never hands the key out again.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from helpsvc.credits import (
    Command,
    Decision,
    DomainError,
    NotificationQueued,
    Tariff,
    TenantState,
    apply,
    apply_all,
    new_tenant,
)
from helpsvc.services.errors import TenantNotFound
from helpsvc.services.idempotency import Idempotency, Reply, creation_scope, request_hash
from helpsvc.store.records import LoadedTenant, RenderedNotification, TenantRecord
from helpsvc.store.unit_of_work import Transaction, UnitOfWork

KEY_PREFIX = "hsk_"

# How a caller words an outcome: (status, JSON body).
Present = Callable[[TenantRecord, Decision | DomainError], tuple[int, dict[str, Any]]]
# A new tenant's answer; the API key is None in the answer remembered for a replay.
PresentCreated = Callable[[TenantRecord, TenantState, str | None], dict[str, Any]]
RenderNotification = Callable[[TenantRecord, NotificationQueued], tuple[str, str]]
# The commands of a request, built from the state they will apply to (its currency...).
Build = Callable[[TenantState], Command | Sequence[Command]]
# More work in the same transaction once the decision is saved (a walkthrough's session).
AfterSave = Callable[[Transaction, TenantRecord, Decision], None]


def utcnow() -> datetime:
    return datetime.now(UTC)


def hash_key(api_key: str) -> str:
    # API keys are 256-bit random tokens: a fast hash is enough, no password stretching.
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewTenant:
    name: str
    country: str
    currency: str
    model: str
    language: str
    admin_email: str | None
    start: datetime


class TenantService:
    def __init__(
        self,
        uow: UnitOfWork,
        tariff: Tariff,
        render: RenderNotification,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.uow = uow
        self.tariff = tariff
        self._render = render
        self._clock = clock
        self.idempotency = Idempotency(clock)

    # -- queries that every tenant route needs ----------------------------------------

    def authenticate(self, api_key: str) -> str | None:
        """The tenant id an API key belongs to, or None."""
        if not api_key.startswith(KEY_PREFIX):
            return None
        with self.uow.read() as tx:
            return tx.tenants.owner_of_key(hash_key(api_key))

    def load(self, tenant_id: str) -> LoadedTenant:
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
        if loaded is None:
            raise TenantNotFound(tenant_id)
        return loaded

    # -- commands ---------------------------------------------------------------------

    def create(
        self,
        spec: NewTenant,
        *,
        present: PresentCreated,
        idempotency_key: str | None = None,
        caller: str = "",
        digest: str | None = None,
    ) -> Reply:
        """Create a tenant; a retry with the same key from the same caller gets its answer.

        ``caller`` scopes the key (see ``creation_scope``); ``digest`` is the hash of the
        request as sent (default: of ``spec``). The first answer holds the API key; what is
        remembered, and so what a replay answers, is ``present`` called without it.
        """
        if digest is None:
            digest = request_hash(
                "create",
                spec.name,
                spec.country,
                spec.currency,
                spec.model,
                spec.language,
                spec.admin_email,
                spec.start,
            )
        scope = creation_scope(caller)
        tenant_id = secrets.token_hex(8)
        state = new_tenant(tenant_id, spec.currency, spec.country, spec.start, model=spec.model)
        api_key = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.uow.begin() as tx:
            if idempotency_key is not None:
                # No tenant row to lock yet: concurrent retries of one creation queue here.
                tx.replies.lock(scope, idempotency_key)
            replayed = self.idempotency.replay(tx.replies, scope, idempotency_key, digest)
            if replayed is not None:
                return replayed
            record = TenantRecord(
                tenant_id,
                spec.name,
                spec.country,
                spec.currency,
                spec.language,
                spec.admin_email,
                self._clock(),
                1,
            )
            tx.tenants.add(record, hash_key(api_key), state)
            if idempotency_key is not None:
                withheld = Reply(201, present(record, state, None))
                self.idempotency.remember(tx.replies, scope, idempotency_key, digest, withheld)
            reply = Reply(201, present(record, state, api_key))
        return reply

    def execute(
        self,
        tenant_id: str,
        build: Build,
        *,
        present: Present,
        idempotency_key: str | None = None,
        digest: str | None = None,
        after_save: AfterSave | None = None,
    ) -> Reply:
        """Run the built command(s) in one transaction; answers are remembered by key.

        A ``DomainError`` raised by ``build`` (an amount in the wrong currency, say) leaves
        everything as it was and is not remembered; a refusal by the engine is an answer
        like any other. Several commands apply all or nothing.
        """
        with self.uow.begin() as tx:
            loaded = tx.tenants.lock(tenant_id)
            if loaded is None:
                raise TenantNotFound(tenant_id)
            built = build(loaded.state)
            commands = [built] if isinstance(built, Command) else list(built)
            if idempotency_key is not None and not digest:
                digest = request_hash([repr(command) for command in commands])
            replayed = self.idempotency.replay(tx.replies, tenant_id, idempotency_key, digest)
            if replayed is not None:
                return replayed
            reply = self._decide(tx, loaded, commands, present, after_save)
            self.idempotency.remember(tx.replies, tenant_id, idempotency_key, digest, reply)
        return reply

    def _decide(
        self,
        tx: Transaction,
        loaded: LoadedTenant,
        commands: list[Command],
        present: Present,
        after_save: AfterSave | None,
    ) -> Reply:
        try:
            if len(commands) == 1:
                decision = apply(loaded.state, commands[0], self.tariff)
            else:
                decision = apply_all(loaded.state, commands, self.tariff)
        except DomainError as refusal:
            return Reply(*present(loaded.record, refusal))
        rendered = [
            RenderedNotification(event, *self._render(loaded.record, event))
            for event in decision.events
            if isinstance(event, NotificationQueued)
        ]
        record = tx.tenants.save(loaded.record, loaded.state, decision, rendered, self._clock())
        if after_save is not None:
            after_save(tx, record, decision)
        return Reply(*present(record, decision))
