"""Reads of a tenant's stored ledger that the help pages need."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from helpsvc.store.engine import read
from helpsvc.store.schema import ledger_entries


def last_entry(engine: Engine, tenant_id: str, types: tuple[str, ...]) -> Any:
    """The newest ledger entry of one of ``types``, or None."""
    with read(engine) as connection:
        return connection.execute(
            select(ledger_entries)
            .where(ledger_entries.c.tenant_id == tenant_id, ledger_entries.c.type.in_(types))
            .order_by(ledger_entries.c.seq.desc())
            .limit(1)
        ).first()
