"""Reads of a tenant for the API and the dashboard: ledger, outbox, balance over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from helpsvc.credits import Money
from helpsvc.services.errors import TenantNotFound
from helpsvc.store.records import LedgerRecord, LoadedTenant, NotificationRecord
from helpsvc.store.unit_of_work import UnitOfWork

DASHBOARD_LEDGER = 500
RECHARGE_TYPES = ("auto_recharge", "recharge_failed")


@dataclass(frozen=True, slots=True)
class LedgerPage:
    currency: str
    entries: list[LedgerRecord]
    next_after: int | None  # the cursor of the next page; None on the last one


@dataclass(frozen=True, slots=True)
class BalanceSeries:
    """The balance after each ledger entry, in major units, up to the simulated present."""

    currency: str
    points: list[tuple[datetime, float]]
    recharges: list[datetime]


@dataclass(frozen=True, slots=True)
class Dashboard:
    tenant: LoadedTenant
    balance: BalanceSeries
    recent: list[LedgerRecord]  # newest first
    notifications: list[NotificationRecord]
    # The latest auto-recharge or failed recharge: a notice names it as the cause.
    last_recharge: LedgerRecord | None = None


class TenantQueries:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def ledger_page(
        self,
        tenant_id: str,
        *,
        types: Sequence[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        after: int = 0,
        limit: int = 50,
    ) -> LedgerPage:
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
            if loaded is None:
                raise TenantNotFound(tenant_id)
            entries = tx.tenants.ledger(
                tenant_id, types=types, since=since, until=until, after_seq=after, limit=limit + 1
            )
        more = len(entries) > limit
        entries = entries[:limit]
        return LedgerPage(
            loaded.record.currency, entries, entries[-1].seq if more and entries else None
        )

    def notifications(self, tenant_id: str, limit: int = 100) -> list[NotificationRecord]:
        with self.uow.read() as tx:
            if tx.tenants.get(tenant_id) is None:
                raise TenantNotFound(tenant_id)
            return tx.tenants.notifications(tenant_id, limit)

    def ledger_totals(self, tenant_id: str) -> tuple[int, int]:
        """Sum of amounts and last balance of the stored ledger (for integrity checks)."""
        with self.uow.read() as tx:
            return tx.tenants.ledger_totals(tenant_id)

    def dashboard(self, tenant_id: str) -> Dashboard:
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
            if loaded is None:
                raise TenantNotFound(tenant_id)
            entries = tx.tenants.ledger(tenant_id, limit=DASHBOARD_LEDGER)
            outbox = tx.tenants.notifications(tenant_id, limit=20)
            last = tx.tenants.ledger(tenant_id, types=RECHARGE_TYPES, limit=1, newest_first=True)
        return Dashboard(
            loaded,
            balance_series(loaded, entries),
            list(reversed(entries[-50:])),
            outbox,
            last[0] if last else None,
        )


def balance_series(loaded: LoadedTenant, entries: list[LedgerRecord]) -> BalanceSeries:
    currency = loaded.record.currency

    def major(minor: int) -> float:
        return float(Money(minor, currency).to_decimal())

    points = [(entry.at, major(entry.balance_after_minor)) for entry in entries]
    if points:
        # The balance holds until now: the line reaches the simulated present.
        points.append((loaded.state.now, major(loaded.state.balance.minor)))
    recharges = [entry.at for entry in entries if entry.type == "auto_recharge"]
    return BalanceSeries(currency, points, recharges)
