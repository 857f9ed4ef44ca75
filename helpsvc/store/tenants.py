"""The tenants repository: a tenant's record and credits state, and what its decisions wrote.

It works on the connection of a unit of work (``helpsvc.store.unit_of_work``) and never
commits: the service that runs a command decides where the transaction ends. ``lock``
takes the tenant's lock (a row lock on PostgreSQL; on SQLite the transaction is already
immediate, so the database's write lock is held from BEGIN on), so concurrent commands for
one tenant run one after the other and never lose or double an update.

The statements are built once, at import, and executed with parameter dicts. On PostgreSQL
``save`` is one statement that saves the state and inserts the decision's rows
(data-modifying CTEs, when each table gets at most one row; else one INSERT per table, then
the UPDATE). On SQLite, where a statement is no round trip, it is an INSERT per table with
rows and the UPDATE.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from helpsvc.credits import CallRated, CallRefused, Decision, TenantState
from helpsvc.store.codec import dump_state, encode, load_state
from helpsvc.store.records import (
    CallRecord,
    LedgerRecord,
    LoadedTenant,
    NotificationRecord,
    RenderedNotification,
    TenantRecord,
)
from helpsvc.store.schema import calls, ledger_entries, notifications, tenants

# The statements of a command, built once: each execution only binds its parameters
# (no statement construction, coercion or cache-key generation per request).
_SELECT_TENANT = select(tenants).where(tenants.c.id == bindparam("tenant_id"))
_LOCK_TENANT = _SELECT_TENANT.with_for_update()  # PostgreSQL: the row lock of the tenant
_INSERT_TENANT = insert(tenants)
_OWNER_OF_KEY = select(tenants.c.id).where(tenants.c.key_hash == bindparam("key_hash"))
_SAVE_STATE = (
    update(tenants)
    .where(tenants.c.id == bindparam("tenant_id"))
    .values(state=bindparam("new_state"), version=tenants.c.version + 1)
)
_INSERT_LEDGER_ENTRY = insert(ledger_entries)
_INSERT_CALL = insert(calls)
_INSERT_NOTIFICATION = insert(notifications)


class TenantRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # -- one tenant -------------------------------------------------------------------

    def add(self, record: TenantRecord, key_hash: str, state: TenantState) -> None:
        self.connection.execute(
            _INSERT_TENANT,
            {
                "id": record.id,
                "name": record.name,
                "country": record.country,
                "currency": record.currency,
                "language": record.language,
                "admin_email": record.admin_email,
                "key_hash": key_hash,
                "created_at": record.created_at,
                "version": record.version,
                "state": dump_state(state),
            },
        )

    def lock(self, tenant_id: str) -> LoadedTenant | None:
        """The tenant, locked until the transaction ends; None if there is none."""
        postgres = self.connection.dialect.name == "postgresql"
        query = _LOCK_TENANT if postgres else _SELECT_TENANT
        return _loaded(self.connection.execute(query, {"tenant_id": tenant_id}).first())

    def get(self, tenant_id: str) -> LoadedTenant | None:
        return _loaded(self.connection.execute(_SELECT_TENANT, {"tenant_id": tenant_id}).first())

    def owner_of_key(self, key_hash: str) -> str | None:
        """The tenant id whose API key has this hash."""
        return self.connection.execute(_OWNER_OF_KEY, {"key_hash": key_hash}).scalar()

    def save(
        self,
        record: TenantRecord,
        before: TenantState,
        decision: Decision,
        rendered: Sequence[RenderedNotification],
        queued_at: datetime,
    ) -> TenantRecord:
        """Save the decided state with its new ledger entries, calls and notifications."""
        ledger_rows = [
            _ledger_row(record.id, entry)
            for entry in decision.state.ledger.since(before.ledger.last_seq)
        ]
        notification_rows = [_notification_row(record.id, n, queued_at) for n in rendered]
        call_rows = [
            _call_row(record, event)
            for event in decision.events
            if isinstance(event, CallRated | CallRefused)
        ]
        saved = {"tenant_id": record.id, "new_state": dump_state(decision.state)}
        if self.connection.dialect.name == "postgresql":
            # One statement, one round trip: the inserts ride along as data-modifying CTEs.
            combined = _combined_write(saved, ledger_rows, notification_rows, call_rows)
            if combined is not None:
                self.connection.execute(*combined)
                return record.bumped()
        for statement, rows in (
            (_INSERT_LEDGER_ENTRY, ledger_rows),
            (_INSERT_NOTIFICATION, notification_rows),
            (_INSERT_CALL, call_rows),
        ):
            if rows:  # one row (a debit's usual case) as a single execution, more as a batch
                self.connection.execute(statement, rows[0] if len(rows) == 1 else rows)
        self.connection.execute(_SAVE_STATE, saved)
        return record.bumped()

    # -- history ----------------------------------------------------------------------

    def ledger(
        self,
        tenant_id: str,
        *,
        types: Sequence[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        after_seq: int = 0,
        limit: int = 50,
        newest_first: bool = False,
    ) -> list[LedgerRecord]:
        query = select(ledger_entries).where(
            ledger_entries.c.tenant_id == tenant_id, ledger_entries.c.seq > after_seq
        )
        if types:
            query = query.where(ledger_entries.c.type.in_(list(types)))
        if since is not None:
            query = query.where(ledger_entries.c.at >= since)
        if until is not None:
            query = query.where(ledger_entries.c.at < until)
        order = ledger_entries.c.seq.desc() if newest_first else ledger_entries.c.seq
        query = query.order_by(order).limit(limit)
        return [LedgerRecord.from_row(row) for row in self.connection.execute(query)]

    def ledger_totals(self, tenant_id: str) -> tuple[int, int]:
        """Sum of amounts and last balance of the stored ledger (for integrity checks)."""
        total = self.connection.execute(
            select(func.coalesce(func.sum(ledger_entries.c.amount_minor), 0)).where(
                ledger_entries.c.tenant_id == tenant_id
            )
        ).scalar_one()
        last = self.connection.execute(
            select(ledger_entries.c.balance_after_minor)
            .where(ledger_entries.c.tenant_id == tenant_id)
            .order_by(ledger_entries.c.seq.desc())
            .limit(1)
        ).scalar()
        return int(total), int(last or 0)

    def notifications(self, tenant_id: str, limit: int = 100) -> list[NotificationRecord]:
        rows = self.connection.execute(
            select(notifications)
            .where(notifications.c.tenant_id == tenant_id)
            .order_by(notifications.c.id.desc())
            .limit(limit)
        )
        return [NotificationRecord.from_row(row) for row in rows]

    def calls(self, tenant_id: str) -> Iterator[CallRecord]:
        """Every call, oldest first, streamed (the connection must stay open meanwhile)."""
        result = self.connection.execution_options(yield_per=500).execute(
            select(calls).where(calls.c.tenant_id == tenant_id).order_by(calls.c.started_at)
        )
        for row in result:
            yield CallRecord.from_row(row)


def _loaded(row: Any) -> LoadedTenant | None:
    return None if row is None else LoadedTenant(TenantRecord.from_row(row), load_state(row.state))


def _ledger_row(tenant_id: str, entry: Any) -> dict[str, Any]:
    return {
        "tenant_id": tenant_id,
        "seq": entry.seq,
        "at": entry.at,
        "type": entry.type.value,
        "amount_minor": entry.amount.minor,
        "balance_after_minor": entry.balance_after.minor,
        "currency": entry.amount.currency,
        "lot_id": entry.lot_id,
        "call_id": entry.call_id,
        "detail": entry.detail[:200],
        "invoiced_minor": entry.invoiced.minor if entry.invoiced else None,
    }


def _notification_row(
    tenant_id: str, rendered: RenderedNotification, queued_at: datetime
) -> dict[str, Any]:
    event = rendered.event
    return {
        "tenant_id": tenant_id,
        "kind": event.kind.value,
        "at": event.at,
        "queued_at": queued_at,
        "subject": rendered.subject,
        "body": rendered.body,
        "payload": json.dumps(encode(event)),
        "attempts": 0,
    }


def _call_row(record: TenantRecord, event: CallRated | CallRefused) -> dict[str, Any]:
    rated = isinstance(event, CallRated)
    zero = 0
    return {
        "tenant_id": record.id,
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
        "currency": record.currency,
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
