"""What an applied step changed: recorded in machine form, worded in the reader's language.

A change is a small dict (``kind`` and plain values: amounts as decimal strings with their
currency), so the result page can be shown again in another language, and a changed
translation applies to old sessions as well.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from helpsvc.credits import CommerceModel, Money, TenantState
from helpsvc.i18n.formats import format_money, format_month
from helpsvc.walkthroughs.messages import option, text


def _amount(value: Money | None) -> dict[str, str] | None:
    return None if value is None else {"value": value.format(), "currency": value.currency}


def changes_of(
    action: str, values: dict[str, Any], before: TenantState, after: TenantState
) -> list[dict[str, Any]]:
    """The changes of one applied step, from its values and the state before and after."""
    found: list[dict[str, Any]] = []
    if "card_last4" in values and after.card is not None:
        card = after.card
        found.append(
            {
                "kind": "card_saved",
                "last4": card.last4,
                "month": card.exp_month,
                "year": card.exp_year,
            }
        )
    if action == "add_licensed_user":
        found.append(
            {"kind": "user_licensed", "user": values["user_id"], "path": values["license_path"]}
        )
    if "amount" in values and after.balance != before.balance:
        found.append(
            {
                "kind": "funds_added",
                "amount": _amount(values["amount"]),
                "balance": _amount(after.balance),
            }
        )
    if after.auto_recharge.enabled and after.auto_recharge != before.auto_recharge:
        found.append(
            {
                "kind": "auto_recharge_on",
                "trigger": _amount(after.auto_recharge.trigger),
                "amount": _amount(after.auto_recharge.amount),
            }
        )
    if before.auto_recharge.enabled and not after.auto_recharge.enabled:
        found.append({"kind": "auto_recharge_off"})
    if action == "assign_credits_license":
        found.append({"kind": "credits_license", "users": list(values["users"])})
    if before.model is not CommerceModel.NCE and after.model is CommerceModel.NCE:
        found.append({"kind": "switched_to_nce", "balance": _amount(after.balance)})
    return found


def _money(value: dict[str, str] | None, lang: str) -> str:
    if not value:
        return "–"
    return format_money(Decimal(value["value"]), value["currency"], lang)


def describe(change: dict[str, Any], lang: str) -> str:
    """One sentence in ``lang`` for a recorded change."""
    kind = change["kind"]
    key = f"change.{kind}"
    if kind == "card_saved":
        expiry = format_month(datetime(change["year"], change["month"], 1, tzinfo=UTC), lang)
        return text(key, lang, last4=change["last4"], expiry=expiry)
    if kind == "user_licensed":
        return text(key, lang, user=change["user"], licenses=option(change["path"], lang))
    if kind == "funds_added":
        amount, balance = _money(change["amount"], lang), _money(change["balance"], lang)
        return text(key, lang, amount=amount, balance=balance)
    if kind == "auto_recharge_on":
        trigger, amount = _money(change["trigger"], lang), _money(change["amount"], lang)
        return text(key, lang, trigger=trigger, amount=amount)
    if kind == "credits_license":
        return text(key, lang, users=", ".join(change["users"]))
    if kind == "switched_to_nce":
        return text(key, lang, balance=_money(change["balance"], lang))
    return text(key, lang)
