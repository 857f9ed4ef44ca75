"""Sanity checks of a step's values, answered at the field before anything is bought.

The credits rules accept all of these; they are mistakes an admin would want to hear about:
a trigger amount at or above the recharge amount (the balance falls below the trigger again
after almost every call, and each time only a little is added), a card that has already
expired in the organization's simulated present, and a purchase far above what the guides
advise.

The confirmation threshold comes from the funding advice of the guides: starting funds are
one typical month of credit-funded spend plus about 20 %, and the worked example
(auto-recharge guide, #worked-example) has a typical month of USD 400. Funds expire 12
months after purchase, so a purchase of more than twelve such months (USD 4,800, rounded to
5,000) is likely to expire in part. Other currencies use the same order of magnitude,
rounded to a figure an admin recognizes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from helpsvc.credits import Money, PaymentCard, TenantState
from helpsvc.i18n.formats import format_date, format_money, format_month
from helpsvc.walkthroughs.messages import text

CONFIRM_ABOVE = {
    "USD": 5_000,
    "EUR": 5_000,
    "GBP": 4_000,
    "CHF": 5_000,
    "CNY": 35_000,
    "JPY": 750_000,
}
DEFAULT_CONFIRM_ABOVE = 5_000
CONFIRM_FIELD = "confirm_amount"


def confirm_above(currency: str) -> Money:
    return Money.parse(str(CONFIRM_ABOVE.get(currency, DEFAULT_CONFIRM_ABOVE)), currency)


def _show(amount: Money, lang: str) -> str:
    return format_money(amount.to_decimal(), amount.currency, lang)


def amount_errors(values: dict[str, Any], lang: str) -> dict[str, str]:
    trigger, recharge = values.get("trigger_amount"), values.get("recharge_amount")
    if not isinstance(trigger, Money) or not isinstance(recharge, Money):
        return {}
    if trigger < recharge:
        return {}
    message = text(
        "error.trigger_not_below_recharge",
        lang,
        trigger=_show(trigger, lang),
        recharge=_show(recharge, lang),
    )
    return {"recharge_amount": message}


def card_errors(values: dict[str, Any], state: TenantState, lang: str) -> dict[str, str]:
    month, year = values.get("card_exp_month"), values.get("card_exp_year")
    last4 = values.get("card_last4")
    if not isinstance(month, int) or not isinstance(year, int) or not last4:
        return {}
    card = PaymentCard(str(last4), month, year)
    if not card.is_expired(state.now):
        return {}
    expiry = format_month(datetime(year, month, 1, tzinfo=UTC), lang)
    message = text(
        "error.card_expired", lang, last4=last4, expiry=expiry, now=format_date(state.now, lang)
    )
    return {"card_exp_month": message}


def large_purchase(values: dict[str, Any], form: dict[str, Any]) -> Money | None:
    """The amount to confirm, or None (small enough, or confirmed with this very amount)."""
    amount = values.get("amount")
    if not isinstance(amount, Money) or amount <= confirm_above(amount.currency):
        return None
    if str(form.get(CONFIRM_FIELD, "")).strip() == amount.format():
        return None
    return amount


def confirm_message(amount: Money, lang: str) -> str:
    limit = confirm_above(amount.currency)
    return text("confirm.large", lang, amount=_show(amount, lang), limit=_show(limit, lang))
