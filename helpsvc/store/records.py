"""What the store hands out: typed, UTC-aware records, never result rows.

Times are made UTC-aware here, once, because SQLite returns naive datetimes for what was
written as UTC; nothing above the store has to remember that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from helpsvc.credits import NotificationQueued, TenantState
from helpsvc.credits.clock import as_utc


@dataclass(frozen=True, slots=True)
class TenantRecord:
    """A simulated tenant as stored, without its credits state."""

    id: str
    name: str
    country: str
    currency: str
    language: str
    admin_email: str | None
    created_at: datetime
    version: int

    @classmethod
    def from_row(cls, row: Any) -> TenantRecord:
        return cls(
            row.id,
            row.name,
            row.country,
            row.currency,
            row.language,
            row.admin_email,
            as_utc(row.created_at),
            row.version,
        )

    def bumped(self) -> TenantRecord:
        """The record after one more saved decision."""
        return replace(self, version=self.version + 1)


@dataclass(frozen=True, slots=True)
class LoadedTenant:
    record: TenantRecord
    state: TenantState


@dataclass(frozen=True, slots=True)
class LedgerRecord:
    seq: int
    at: datetime
    type: str
    amount_minor: int
    balance_after_minor: int
    currency: str
    lot_id: str | None
    call_id: str | None
    detail: str
    invoiced_minor: int | None

    @classmethod
    def from_row(cls, row: Any) -> LedgerRecord:
        return cls(
            int(row.seq),
            as_utc(row.at),
            row.type,
            int(row.amount_minor),
            int(row.balance_after_minor),
            row.currency,
            row.lot_id,
            row.call_id,
            row.detail,
            None if row.invoiced_minor is None else int(row.invoiced_minor),
        )


@dataclass(frozen=True, slots=True)
class NotificationRecord:
    id: int
    kind: str
    at: datetime
    subject: str
    body: str
    sent_at: datetime | None
    last_error: str | None

    @classmethod
    def from_row(cls, row: Any) -> NotificationRecord:
        return cls(
            int(row.id),
            row.kind,
            as_utc(row.at),
            row.subject,
            row.body,
            None if row.sent_at is None else as_utc(row.sent_at),
            row.last_error,
        )


@dataclass(frozen=True, slots=True)
class RenderedNotification:
    """A queued notification with the e-mail it becomes (rendered above the store)."""

    event: NotificationQueued
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class CallRecord:
    call_id: str
    user_id: str
    kind: str
    destination: str
    number_type: str
    started_at: datetime
    duration_seconds: int
    charge_minor: int
    connection_fee_minor: int
    currency: str
    plan_minutes: int
    credit_minutes: int
    refused: str | None

    @classmethod
    def from_row(cls, row: Any) -> CallRecord:
        return cls(
            row.call_id,
            row.user_id,
            row.kind,
            row.destination,
            row.number_type,
            as_utc(row.started_at),
            int(row.duration_seconds),
            int(row.charge_minor),
            int(row.connection_fee_minor),
            row.currency,
            int(row.plan_minutes),
            int(row.credit_minutes),
            row.refused,
        )


@dataclass(frozen=True, slots=True)
class StoredReply:
    """An answer kept for an idempotency key: opaque to the store (the body is text)."""

    request_hash: str
    status: int
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class WalkthroughRecord:
    id: str
    tenant_id: str
    flow: str
    lang: str
    status: str
    current: str | None
    history: tuple[str, ...]
    skipped: tuple[str, ...]
    stop_reason: str | None


@dataclass(frozen=True, slots=True)
class SignIn:
    """A signed-in browser: the tenant it acts for and the CSRF token of its forms."""

    tenant_id: str
    csrf: str
