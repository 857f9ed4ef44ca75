"""Named conditions over a tenant's state, referred to by the flow files."""

from __future__ import annotations

from collections.abc import Callable

from helpsvc.credits import CommerceModel, TenantState

Condition = Callable[[TenantState], bool]


def is_nce(state: TenantState) -> bool:
    return state.model is CommerceModel.NCE


def has_calling_users(state: TenantState) -> bool:
    return any(
        u.licenses.audio_conferencing or (u.licenses.phone_system and u.licenses.calling_plan)
        for u in state.users
    )


def has_funds(state: TenantState) -> bool:
    return bool(state.lots)


def has_valid_card(state: TenantState) -> bool:
    return state.card is not None and not state.card.is_expired(state.now)


def users_without_credits_license(state: TenantState) -> list[str]:
    return [
        u.id
        for u in state.users
        if not u.licenses.communications_credits
        and (u.licenses.audio_conferencing or u.licenses.calling_plan is not None)
    ]


def everyone_licensed_for_credits(state: TenantState) -> bool:
    return has_calling_users(state) and not users_without_credits_license(state)


def auto_recharge_off(state: TenantState) -> bool:
    return not state.auto_recharge.enabled


CONDITIONS: dict[str, Condition] = {
    "is_nce": is_nce,
    "has_calling_users": has_calling_users,
    "has_funds": has_funds,
    "has_valid_card": has_valid_card,
    "everyone_licensed_for_credits": everyone_licensed_for_credits,
    "auto_recharge_off": auto_recharge_off,
}
