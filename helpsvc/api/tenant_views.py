"""How a tenant's state reads in the API: balances as strings, what is blocked and why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from helpsvc.credits import CallingPlan, CommerceModel, Money, TenantState
from helpsvc.credits.rating import pool_size
from helpsvc.credits.state import PoolBucket, PoolKey
from helpsvc.credits.tariff import Tariff
from helpsvc.store.tenants import TenantInfo
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.web.credit_messages import error_detail


def money(value: Money | None) -> str | None:
    return None if value is None else value.format()


def when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _pool_keys(state: TenantState) -> list[PoolKey]:
    keys: dict[PoolKey, None] = {}
    for user in state.users:
        plan = user.licenses.calling_plan
        if plan in (CallingPlan.DOMESTIC, CallingPlan.INTERNATIONAL):
            keys[PoolKey(PoolBucket.DOMESTIC, user.country)] = None
        if plan is CallingPlan.INTERNATIONAL:
            keys[PoolKey(PoolBucket.INTERNATIONAL, user.country)] = None
        if user.licenses.audio_conferencing:
            keys[PoolKey(PoolBucket.DIAL_OUT, user.country)] = None
    return list(keys)


def plan_minutes(state: TenantState, tariff: Tariff) -> list[dict[str, Any]]:
    rows = []
    for key in _pool_keys(state):
        size = pool_size(key, state.users, tariff)
        if size <= 0:
            continue
        used = state.pools.used_minutes(key)
        rows.append(
            {
                "pool": key.bucket.value,
                "country": key.country,
                "minutes": size,
                "used": used,
                "left": max(0, size - used),
            }
        )
    return rows


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


def tenant_view(info: TenantInfo, state: TenantState, tariff: Tariff, lang: str) -> dict[str, Any]:
    card = state.card
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
        "lots": [
            {
                "id": lot.id,
                "source": lot.source.value,
                "amount": money(lot.amount),
                "remaining": money(lot.remaining),
                "purchased_at": when(lot.purchased_at),
                "expires_at": when(lot.expires_at),
                "expired": lot.expired,
            }
            for lot in state.lots
        ],
        "auto_recharge": {
            "enabled": state.auto_recharge.enabled,
            "trigger_amount": money(state.auto_recharge.trigger),
            "recharge_amount": money(state.auto_recharge.amount),
            "armed": state.recharge_armed,
        },
        "payment_card": None
        if card is None
        else {
            "last4": card.last4,
            "exp_month": card.exp_month,
            "exp_year": card.exp_year,
            "expired": card.is_expired(state.now),
        },
        "users": [
            {
                "id": user.id,
                "country": user.country,
                "licenses": {
                    "audio_conferencing": user.licenses.audio_conferencing,
                    "phone_system": user.licenses.phone_system,
                    "calling_plan": user.licenses.calling_plan.value
                    if user.licenses.calling_plan
                    else None,
                    "communications_credits": user.licenses.communications_credits,
                },
            }
            for user in state.users
        ],
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
