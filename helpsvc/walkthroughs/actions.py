"""Named actions: what a submitted step does, as commands of the credits engine.

The walkthrough runs these commands through the same store path as the tenant API, so a
step can do nothing the API would refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpsvc.credits import (
    AddFunds,
    AddUser,
    AssignLicenses,
    CallingPlan,
    Command,
    ConfigureAutoRecharge,
    Licenses,
    SetPaymentCard,
    SwitchToNce,
    TenantState,
)

Action = Callable[[dict[str, Any], TenantState], list[Command]]

LICENSE_PATHS = {
    "audio_conferencing": Licenses(audio_conferencing=True),
    "phone_system_domestic": Licenses(phone_system=True, calling_plan=CallingPlan.DOMESTIC),
    "phone_system_international": Licenses(
        phone_system=True, calling_plan=CallingPlan.INTERNATIONAL
    ),
    "phone_system_payg": Licenses(phone_system=True, calling_plan=CallingPlan.PAY_AS_YOU_GO),
}


def _card(values: dict[str, Any]) -> Command:
    return SetPaymentCard(values["card_last4"], values["card_exp_month"], values["card_exp_year"])


def add_licensed_user(values: dict[str, Any], state: TenantState) -> list[Command]:
    licenses = LICENSE_PATHS[values["license_path"]]
    existing = state.user(values["user_id"])
    if existing is not None:
        return [AssignLicenses(existing.id, licenses)]
    return [AddUser(values["user_id"], licenses=licenses)]


def buy_credits(values: dict[str, Any], state: TenantState) -> list[Command]:
    commands: list[Command] = [_card(values), AddFunds(values["amount"])]
    if values.get("auto_recharge"):
        commands.append(
            ConfigureAutoRecharge(True, values["trigger_amount"], values["recharge_amount"])
        )
    return commands


def assign_credits_license(values: dict[str, Any], state: TenantState) -> list[Command]:
    commands: list[Command] = []
    for user_id in values["users"]:
        user = state.user(user_id)
        if user is None:
            continue
        licenses = Licenses(
            audio_conferencing=user.licenses.audio_conferencing,
            phone_system=user.licenses.phone_system,
            calling_plan=user.licenses.calling_plan,
            communications_credits=True,
        )
        commands.append(AssignLicenses(user.id, licenses))
    return commands


def set_card(values: dict[str, Any], state: TenantState) -> list[Command]:
    return [_card(values)]


def add_funds(values: dict[str, Any], state: TenantState) -> list[Command]:
    return [AddFunds(values["amount"])]


def enable_auto_recharge(values: dict[str, Any], state: TenantState) -> list[Command]:
    return [ConfigureAutoRecharge(True, values["trigger_amount"], values["recharge_amount"])]


def disable_auto_recharge(values: dict[str, Any], state: TenantState) -> list[Command]:
    return [ConfigureAutoRecharge(False)]


def switch_to_nce(values: dict[str, Any], state: TenantState) -> list[Command]:
    return [SwitchToNce()]


ACTIONS: dict[str, Action] = {
    "add_licensed_user": add_licensed_user,
    "buy_credits": buy_credits,
    "assign_credits_license": assign_credits_license,
    "set_card": set_card,
    "add_funds": add_funds,
    "enable_auto_recharge": enable_auto_recharge,
    "disable_auto_recharge": disable_auto_recharge,
    "switch_to_nce": switch_to_nce,
}
