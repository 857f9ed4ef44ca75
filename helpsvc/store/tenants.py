"""Tenants of the simulator: one command, one transaction, under a per-tenant lock.

``TenantStore.run`` is the unit of work of the credits engine: it locks the tenant (a row
lock on PostgreSQL, an immediate transaction on SQLite), checks the idempotency key, loads
the state, applies the command, appends the new ledger entries, queues notifications,
records calls, saves the state and the answer, and commits. Concurrent requests for one
tenant therefore run one after the other and never lose or double an update, and a
crossing of the trigger amount can only ever be seen, and recharged, once.

The statements are built once, at import, and executed with parameter dicts. On PostgreSQL
a command is BEGIN, ``SELECT ... FOR UPDATE`` of the tenant row, one statement that saves
the state and inserts the decision's rows (data-modifying CTEs, when each table gets at
most one row; else one INSERT per table, then the UPDATE) and COMMIT. On SQLite, where a
statement is no round trip, it is BEGIN IMMEDIATE, the SELECT, an INSERT per table with
rows, the UPDATE and COMMIT.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from helpsvc.credits import (
    CallRated,
    CallRefused,
    Command,
    Decision,
    DomainError,
    NotificationQueued,
    Tariff,
    TenantState,
    apply,
    new_tenant,
)
from helpsvc.store.codec import dump_state, encode, load_state
from helpsvc.store.engine import read
from helpsvc.store.schema import calls, idempotency_keys, ledger_entries, notifications, tenants

# The statements of the unit of work, built once: each execution only binds its parameters
# (no statement construction, coercion or cache-key generation per request).
_SELECT_TENANT = select(tenants).where(tenants.c.id == bindparam("tenant_id"))
_LOCK_TENANT = _SELECT_TENANT.with_for_update()  # PostgreSQL: the row lock of the tenant
_INSERT_TENANT = insert(tenants)
_AUTHENTICATE = select(tenants.c.id).where(tenants.c.key_hash == bindparam("key_hash"))
_SAVE_STATE = (
    update(tenants)
    .where(tenants.c.id == bindparam("tenant_id"))
    .values(state=bindparam("new_state"), version=tenants.c.version + 1)
)
_INSERT_LEDGER_ENTRY = insert(ledger_entries)
_INSERT_CALL = insert(calls)
_INSERT_NOTIFICATION = insert(notifications)
_KEY_MATCHES = (idempotency_keys.c.scope == bindparam("scope")) & (
    idempotency_keys.c.key == bindparam("key")
)
_FIND_KEY = select(idempotency_keys).where(_KEY_MATCHES)
_DELETE_KEY = delete(idempotency_keys).where(_KEY_MATCHES)
_INSERT_KEY = insert(idempotency_keys)

IDEMPOTENCY_WINDOW = timedelta(hours=24)
CREATION_SCOPE = "-"
KEY_PREFIX = "hsk_"


class TenantNotFound(Exception):
    pass


class IdempotencyConflict(Exception):
    """The key was used before for a request with different parameters."""


@dataclass(frozen=True, slots=True)
class TenantInfo:
    id: str
    name: str
    country: str
    currency: str
    language: str
    admin_email: str | None
    created_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: dict[str, Any]
    replayed: bool = False


# What the API makes of an outcome, computed inside the transaction so that the stored
# idempotent answer is exactly the one the first caller got.
Respond = Callable[[TenantInfo, Decision | DomainError], tuple[int, dict[str, Any]]]
RenderNotification = Callable[[TenantInfo, NotificationQueued], tuple[str, str]]


def hash_key(api_key: str) -> str:
    # API keys are 256-bit random tokens: a fast hash is enough, no password stretching.
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def request_hash(*parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _info(row: Any) -> TenantInfo:
    return TenantInfo(
        row.id,
        row.name,
        row.country,
        row.currency,
        row.language,
        row.admin_email,
        _aware(row.created_at),
        row.version,
    )


class TenantStore:
    def __init__(
        self,
        engine: Engine,
        tariff: Tariff,
        render: RenderNotification,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.engine = engine
        self.tariff = tariff
        self._render = render
        self._clock = clock

    # -- locking and idempotency ------------------------------------------------------

    def _lock(self, connection: Connection, tenant_id: str) -> Any:
        # On SQLite the transaction is already immediate (helpsvc/store/engine.py): the
        # database's write lock is held from BEGIN on.
        query = _LOCK_TENANT if connection.dialect.name == "postgresql" else _SELECT_TENANT
        return connection.execute(query, {"tenant_id": tenant_id}).first()

    def _replay(
        self, connection: Connection, scope: str, key: str | None, digest: str
    ) -> Answer | None:
        if key is None:
            return None
        row = connection.execute(_FIND_KEY, {"scope": scope, "key": key}).first()
        if row is None:
            return None
        if _aware(row.created_at) < self._clock() - IDEMPOTENCY_WINDOW:
            connection.execute(_DELETE_KEY, {"scope": scope, "key": key})
            return None
        if row.request_hash != digest:
            raise IdempotencyConflict(key)
        return Answer(row.status, json.loads(row.body), replayed=True)

    def _remember(
        self, connection: Connection, scope: str, key: str | None, digest: str, answer: Answer
    ) -> None:
        if key is None:
            return
        connection.execute(
            _INSERT_KEY,
            {
                "scope": scope,
                "key": key,
                "request_hash": digest,
                "status": answer.status,
                "body": json.dumps(answer.body, separators=(",", ":")),
                "created_at": self._clock(),
            },
        )

    # -- writes -----------------------------------------------------------------------

    def create_tenant(
        self,
        *,
        name: str,
        country: str,
        currency: str,
        model: str,
        language: str,
        admin_email: str | None,
        start: datetime,
        idempotency_key: str | None = None,
        respond: Callable[[TenantInfo, TenantState, str], dict[str, Any]],
    ) -> Answer:
        digest = request_hash("create", name, country, currency, model, language, admin_email)
        tenant_id = secrets.token_hex(8)
        state = new_tenant(tenant_id, currency, country, start, model=model)
        api_key = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.engine.begin() as connection:
            replayed = self._replay(connection, CREATION_SCOPE, idempotency_key, digest)
            if replayed is not None:
                return replayed
            now = self._clock()
            connection.execute(
                _INSERT_TENANT,
                {
                    "id": tenant_id,
                    "name": name,
                    "country": country,
                    "currency": currency,
                    "language": language,
                    "admin_email": admin_email,
                    "key_hash": hash_key(api_key),
                    "created_at": now,
                    "version": 1,
                    "state": dump_state(state),
                },
            )
            info = TenantInfo(tenant_id, name, country, currency, language, admin_email, now, 1)
            answer = Answer(201, respond(info, state, api_key))
            self._remember(connection, CREATION_SCOPE, idempotency_key, digest, answer)
        return answer

    def run(
        self,
        tenant_id: str,
        command: Command,
        *,
        respond: Respond,
        idempotency_key: str | None = None,
        digest: str | None = None,
    ) -> Answer:
        """Apply ``command`` to the tenant in one transaction; answers are remembered.

        The request's ``digest`` (computed from the command when not given) only matters
        with an ``idempotency_key``.
        """
        if idempotency_key is not None and not digest:
            digest = request_hash(command.name, encode(command))
        with self.engine.begin() as connection:
            row = self._lock(connection, tenant_id)
            if row is None:
                raise TenantNotFound(tenant_id)
            replayed = self._replay(connection, tenant_id, idempotency_key, digest)
            if replayed is not None:
                return replayed
            info = _info(row)
            state = load_state(row.state)
            try:
                decision = apply(state, command, self.tariff)
            except DomainError as refusal:
                status, body = respond(info, refusal)
                answer = Answer(status, body)
                self._remember(connection, tenant_id, idempotency_key, digest, answer)
                return answer
            self._persist(connection, info, state, decision)
            info = _bumped(info)
            status, body = respond(info, decision)
            answer = Answer(status, body)
            self._remember(connection, tenant_id, idempotency_key, digest, answer)
        return answer

    def _persist(
        self, connection: Connection, info: TenantInfo, before: TenantState, decision: Decision
    ) -> None:
        state = decision.state
        ledger_rows = [
            {
                "tenant_id": info.id,
                "seq": e.seq,
                "at": e.at,
                "type": e.type.value,
                "amount_minor": e.amount.minor,
                "balance_after_minor": e.balance_after.minor,
                "currency": e.amount.currency,
                "lot_id": e.lot_id,
                "call_id": e.call_id,
                "detail": e.detail[:200],
                "invoiced_minor": e.invoiced.minor if e.invoiced else None,
            }
            for e in state.ledger.since(before.ledger.last_seq)
        ]
        notification_rows = []
        call_rows = []
        queued = self._clock()
        for event in decision.events:
            if isinstance(event, NotificationQueued):
                subject, body = self._render(info, event)
                notification_rows.append(
                    {
                        "tenant_id": info.id,
                        "kind": event.kind.value,
                        "at": event.at,
                        "queued_at": queued,
                        "subject": subject,
                        "body": body,
                        "payload": json.dumps(encode(event)),
                        "attempts": 0,
                    }
                )
            elif isinstance(event, CallRated | CallRefused):
                call_rows.append(_call_row(info, event))
        saved = {"tenant_id": info.id, "new_state": dump_state(state)}
        if connection.dialect.name == "postgresql":
            # One statement, one round trip: the inserts ride along as data-modifying CTEs.
            combined = _combined_write(saved, ledger_rows, notification_rows, call_rows)
            if combined is not None:
                connection.execute(*combined)
                return
        for statement, rows in (
            (_INSERT_LEDGER_ENTRY, ledger_rows),
            (_INSERT_NOTIFICATION, notification_rows),
            (_INSERT_CALL, call_rows),
        ):
            if rows:  # one row (a debit's usual case) as a single execution, more as a batch
                connection.execute(statement, rows[0] if len(rows) == 1 else rows)
        connection.execute(_SAVE_STATE, saved)

    # -- reads ------------------------------------------------------------------------

    def authenticate(self, api_key: str) -> str | None:
        """The tenant id an API key belongs to, or None."""
        if not api_key.startswith(KEY_PREFIX):
            return None
        with read(self.engine) as connection:
            return connection.execute(_AUTHENTICATE, {"key_hash": hash_key(api_key)}).scalar()

    def load(self, tenant_id: str) -> tuple[TenantInfo, TenantState]:
        with read(self.engine) as connection:
            row = connection.execute(_SELECT_TENANT, {"tenant_id": tenant_id}).first()
        if row is None:
            raise TenantNotFound(tenant_id)
        return _info(row), load_state(row.state)

    def ledger(
        self,
        tenant_id: str,
        *,
        types: list[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        after_seq: int = 0,
        limit: int = 50,
    ) -> list[Any]:
        query = select(ledger_entries).where(
            ledger_entries.c.tenant_id == tenant_id, ledger_entries.c.seq > after_seq
        )
        if types:
            query = query.where(ledger_entries.c.type.in_(types))
        if since is not None:
            query = query.where(ledger_entries.c.at >= since)
        if until is not None:
            query = query.where(ledger_entries.c.at < until)
        query = query.order_by(ledger_entries.c.seq).limit(limit)
        with read(self.engine) as connection:
            return list(connection.execute(query))

    def ledger_totals(self, tenant_id: str) -> tuple[int, int]:
        """Sum of amounts and last balance of the stored ledger (for integrity checks)."""
        from sqlalchemy import func

        with read(self.engine) as connection:
            total = connection.execute(
                select(func.coalesce(func.sum(ledger_entries.c.amount_minor), 0)).where(
                    ledger_entries.c.tenant_id == tenant_id
                )
            ).scalar_one()
            last = connection.execute(
                select(ledger_entries.c.balance_after_minor)
                .where(ledger_entries.c.tenant_id == tenant_id)
                .order_by(ledger_entries.c.seq.desc())
                .limit(1)
            ).scalar()
        return int(total), int(last or 0)

    def notifications(self, tenant_id: str, limit: int = 100) -> list[Any]:
        with read(self.engine) as connection:
            return list(
                connection.execute(
                    select(notifications)
                    .where(notifications.c.tenant_id == tenant_id)
                    .order_by(notifications.c.id.desc())
                    .limit(limit)
                )
            )

    def calls(self, tenant_id: str) -> Iterator[Any]:
        with read(self.engine) as connection:
            result = connection.execution_options(yield_per=500).execute(
                select(calls).where(calls.c.tenant_id == tenant_id).order_by(calls.c.started_at)
            )
            yield from result


def _bumped(info: TenantInfo) -> TenantInfo:
    return TenantInfo(
        info.id,
        info.name,
        info.country,
        info.currency,
        info.language,
        info.admin_email,
        info.created_at,
        info.version + 1,
    )


def _call_row(info: TenantInfo, event: CallRated | CallRefused) -> dict[str, Any]:
    rated = isinstance(event, CallRated)
    zero = 0
    return {
        "tenant_id": info.id,
        "call_id": event.call_id,
        "user_id": event.user_id,
        "kind": event.kind.value,
        "destination": event.destination,
        "number_type": event.number_type.value,
        "started_at": event.at,
        "duration_seconds": event.connected_seconds if rated else event.duration_seconds,
        "charge_minor": event.charge.minor if rated else zero,
        "connection_fee_minor": (
            event.connection_fee.minor if rated and event.connection_fee else zero
        ),
        "currency": info.currency,
        "plan_minutes": event.plan_minutes if rated else zero,
        "credit_minutes": event.credit_minutes if rated else zero,
        "refused": None if rated else event.reason.value,
    }


# The tables a decision inserts rows into, in the order of the CTEs: (CTE name, table).
_WRITTEN = (
    ("new_ledger_entry", ledger_entries),
    ("new_notification", notifications),
    ("new_call", calls),
)


@cache
def _combined_statement(columns: tuple[tuple[str, ...], ...]) -> Any:
    """PostgreSQL: the state UPDATE with at most one INSERT per table as data-modifying CTEs.

    PostgreSQL runs every data-modifying CTE exactly once and to completion, in the same
    transaction and snapshot as the UPDATE. ``columns``: the columns of each table's row, or
    () for no row. Built once per shape; the values are bind parameters named
    ``<cte>_<column>``, and ``tenant_id`` for the tenant id everywhere.
    """
    ctes = []
    for (cte, table), names in zip(_WRITTEN, columns, strict=True):
        if names:
            values = {
                name: bindparam(name if name == "tenant_id" else f"{cte}_{name}") for name in names
            }
            ctes.append(insert(table).values(values).cte(cte))
    return _SAVE_STATE.add_cte(*ctes) if ctes else _SAVE_STATE


def _combined_write(
    saved: dict[str, Any], *written: list[dict[str, Any]]
) -> tuple[Any, dict[str, Any]] | None:
    """The combined statement and its parameters, or None if a table gets several rows (their
    order, notification ids, would not be guaranteed across CTEs)."""
    if any(len(rows) > 1 for rows in written):
        return None
    params = dict(saved)
    for (cte, _table), rows in zip(_WRITTEN, written, strict=True):
        for row in rows:
            for name, value in row.items():
                if name != "tenant_id":  # every row's tenant id is the saved tenant's
                    params[f"{cte}_{name}"] = value
    statement = _combined_statement(tuple(tuple(rows[0]) if rows else () for rows in written))
    return statement, params
