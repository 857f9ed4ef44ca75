"""A tenant as plain data: balances as strings, times as ISO 8601 UTC, what is blocked and why.

This is the JSON the tenant API answers with (``helpsvc.api.tenant_models`` describes it)
and the data the dashboard shows; answers remembered for idempotency keys hold it as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from helpsvc.credits import CommerceModel, Lot, Money, Tariff, TenantState, User
from helpsvc.credits.rating import pool_statuses
from helpsvc.i18n.credit_messages import error_detail
from helpsvc.store.records import TenantRecord
from helpsvc.walkthroughs.conditions import users_without_credits_license


def money(value: Money | None) -> str | None:
    return None if value is None else value.format()


def when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def plan_minutes(state: TenantState, tariff: Tariff) -> list[dict[str, Any]]:
    return [
        {
            "pool": status.key.bucket.value,
            "country": status.key.country,
            "minutes": status.minutes,
            "used": status.used,
            "left": status.left,
        }
        for status in pool_statuses(state, tariff)
    ]


def blocked(state: TenantState, lang: str) -> dict[str, Any]:
    reasons = []
    if state.model is CommerceModel.PREPAID and not state.balance.is_positive:
        reasons.append(
            {
                "code": "balance_not_positive",
                "message": error_detail(
                    "balance_not_positive", {"balance": state.balance.format()}, lang
                ),
            }
        )
    return {"credit_funded_calls": bool(reasons), "reasons": reasons}


def tenant_view(
    info: TenantRecord, state: TenantState, tariff: Tariff, lang: str
) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.name,
        "country": info.country,
        "currency": info.currency,
        "language": info.language,
        "admin_email": info.admin_email,
        "commerce_model": state.model.value,
        "clock": when(state.now),
        "balance": money(state.balance),
        "debt": money(state.debt),
        "lots": [_lot(lot) for lot in state.lots],
        "auto_recharge": {
            "enabled": state.auto_recharge.enabled,
            "trigger_amount": money(state.auto_recharge.trigger),
            "recharge_amount": money(state.auto_recharge.amount),
            "armed": state.recharge_armed,
        },
        "payment_card": _card(state),
        "users": [_user(user) for user in state.users],
        "users_without_credits_license": users_without_credits_license(state),
        "plan_minutes": plan_minutes(state, tariff),
        "blocked": blocked(state, lang),
        "nce": None
        if state.nce is None
        else {
            "period_start": when(state.nce.period_start),
            "accrued_overage": money(state.nce.accrued_overage),
        },
        "invoices": [
            {
                "id": invoice.id,
                "period_start": when(invoice.period_start),
                "period_end": when(invoice.period_end),
                "overage": money(invoice.overage),
            }
            for invoice in state.invoices
        ],
        "version": info.version,
    }


def _lot(lot: Lot) -> dict[str, Any]:
    return {
        "id": lot.id,
        "source": lot.source.value,
        "amount": money(lot.amount),
        "remaining": money(lot.remaining),
        "purchased_at": when(lot.purchased_at),
        "expires_at": when(lot.expires_at),
        "expired": lot.expired,
    }


def _card(state: TenantState) -> dict[str, Any] | None:
    card = state.card
    if card is None:
        return None
    return {
        "last4": card.last4,
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
        "expired": card.is_expired(state.now),
    }


def _user(user: User) -> dict[str, Any]:
    licenses = user.licenses
    return {
        "id": user.id,
        "country": user.country,
        "licenses": {
            "audio_conferencing": licenses.audio_conferencing,
            "phone_system": licenses.phone_system,
            "calling_plan": licenses.calling_plan.value if licenses.calling_plan else None,
            "communications_credits": licenses.communications_credits,
        },
    }
