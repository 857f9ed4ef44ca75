"""Response models of the tenant API: what ``helpsvc.services.tenant_view`` answers, typed.

Amounts are decimal strings in the tenant's currency ("12.50"), times ISO 8601 UTC with Z.
Answers remembered for idempotency keys are returned as they were first given, so the
routes return them as they are; these models document them and are checked in the tests.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LotOut(_Out):
    id: str
    source: str
    amount: str
    remaining: str
    purchased_at: str
    expires_at: str
    expired: bool


class AutoRechargeOut(_Out):
    enabled: bool
    trigger_amount: str | None
    recharge_amount: str | None
    armed: bool


class PaymentCardOut(_Out):
    last4: str
    exp_month: int
    exp_year: int
    expired: bool


class LicensesOut(_Out):
    audio_conferencing: bool
    phone_system: bool
    calling_plan: str | None
    communications_credits: bool


class UserOut(_Out):
    id: str
    country: str
    licenses: LicensesOut


class PlanMinutesOut(_Out):
    pool: str
    country: str
    minutes: int
    used: int
    left: int


class BlockReasonOut(_Out):
    code: str
    message: str


class BlockedOut(_Out):
    credit_funded_calls: bool
    reasons: list[BlockReasonOut]


class NceOut(_Out):
    period_start: str
    accrued_overage: str


class InvoiceOut(_Out):
    id: str
    period_start: str
    period_end: str
    overage: str


class TenantOut(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "id": "9f2c4e1ab0d34c55",
                "name": "Contoso",
                "country": "DE",
                "currency": "EUR",
                "language": "de",
                "admin_email": None,
                "commerce_model": "prepaid",
                "clock": "2026-01-01T00:00:00Z",
                "balance": "50.00",
                "debt": "0.00",
                "lots": [],
                "auto_recharge": {
                    "enabled": False,
                    "trigger_amount": None,
                    "recharge_amount": None,
                    "armed": False,
                },
                "payment_card": None,
                "users": [],
                "users_without_credits_license": [],
                "plan_minutes": [],
                "blocked": {"credit_funded_calls": False, "reasons": []},
                "nce": None,
                "invoices": [],
                "version": 3,
            }
        },
    )

    id: str
    name: str
    country: str
    currency: str
    language: str
    admin_email: str | None
    commerce_model: str
    clock: str
    balance: str
    debt: str
    lots: list[LotOut]
    auto_recharge: AutoRechargeOut
    payment_card: PaymentCardOut | None
    users: list[UserOut]
    users_without_credits_license: list[str]
    plan_minutes: list[PlanMinutesOut]
    blocked: BlockedOut
    nce: NceOut | None
    invoices: list[InvoiceOut]
    version: int


class CreatedTenantOut(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "api_key": "hsk_3q2-…",
                "notice": "Store this API key now: it is shown only in this answer. …",
                "tenant": {"id": "9f2c4e1ab0d34c55", "…": "…"},
            }
        },
    )

    api_key: str | None = Field(
        description="The tenant's API key, in the first answer only. A replay of the "
        "request (same Idempotency-Key, same body, same client; header "
        "`Idempotent-Replayed: true`) answers null: only a hash of the key is stored."
    )
    notice: str = Field(description="What to do with the key, in the caller's language.")
    tenant: TenantOut


class CommandOut(_Out):
    """A command's answer: the tenant after it, and what happened (engine events)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "tenant": {"id": "9f2c4e1ab0d34c55", "balance": "50.00", "…": "…"},
                "events": [
                    {
                        "type": "funds_added",
                        "at": "2026-01-01T00:00:00+00:00",
                        "amount": {"minor": 5000, "currency": "EUR"},
                    }
                ],
            }
        },
    )

    tenant: TenantOut
    events: list[dict[str, Any]]


class CallOut(CommandOut):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "tenant": {"id": "9f2c4e1ab0d34c55", "balance": "48.44", "…": "…"},
                "events": [{"type": "call_rated", "…": "…"}],
                "call": {
                    "call_id": "c-1",
                    "charge": {"minor": 156, "currency": "EUR"},
                    "plan_minutes": 0,
                    "credit_minutes": 13,
                },
            }
        },
    )

    call: dict[str, Any] | None


class LedgerEntryOut(_Out):
    seq: int
    at: str
    type: str
    amount: str
    balance_after: str
    lot_id: str | None
    call_id: str | None
    detail: str
    invoiced: str | None


class LedgerPageOut(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "entries": [
                    {
                        "seq": 1,
                        "at": "2026-01-01T00:00:00Z",
                        "type": "purchase",
                        "amount": "50.00",
                        "balance_after": "50.00",
                        "lot_id": "lot-1",
                        "call_id": None,
                        "detail": "",
                        "invoiced": None,
                    }
                ],
                "next_after": None,
            }
        },
    )

    entries: list[LedgerEntryOut]
    next_after: int | None


class NotificationOut(_Out):
    id: int
    kind: str
    at: str
    subject: str
    body: str
    sent: bool
    last_error: str | None


class NotificationsOut(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "notifications": [
                    {
                        "id": 7,
                        "kind": "recharge_succeeded",
                        "at": "2026-02-03T10:00:00Z",
                        "subject": "Auto-recharge: 25.00 EUR added",
                        "body": "…",
                        "sent": False,
                        "last_error": None,
                    }
                ]
            }
        },
    )

    notifications: list[NotificationOut]
