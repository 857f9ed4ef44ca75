"""Dashboard notices that name the real cause and link to the walkthrough that fixes it.

The order matters: a failed recharge on an expired card explains a balance at zero, so the
balance notice that follows it only says what the balance means, instead of advising to
"turn on auto-recharge" when auto-recharge is on and the card is the problem.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from helpsvc.credits import CommerceModel, TenantState
from helpsvc.i18n.console_messages import ct
from helpsvc.i18n.formats import format_datetime, format_list, format_money, format_month
from helpsvc.walkthroughs.conditions import users_without_credits_license

# The troubleshooting section of a notice code (a site path with its anchor), or None.
HelpUrl = Callable[[str], str | None]


def _notice(code: str, message: str, flow: str | None, titles: dict[str, str], lang: str):
    link = ct("dash.fix", lang, flow=titles.get(flow, flow)) if flow else None
    return {"code": code, "message": message, "flow": flow, "link": link}


def _card_notices(state: TenantState, last_recharge: Any, lang: str, titles: dict[str, str]):
    card = state.card
    expired = card is not None and card.is_expired(state.now)
    expiry = ""
    if card is not None:
        expiry = format_month(datetime(card.exp_year, card.exp_month, 1, tzinfo=UTC), lang)
    failed = last_recharge is not None and last_recharge.type == "recharge_failed"
    if failed and expired and card is not None:
        at = format_datetime(last_recharge.at, lang)
        text = ct("notice.recharge_failed_card", lang, at=at, last4=card.last4, expiry=expiry)
        return [_notice("recharge_failed_card_expired", text, "auto-recharge", titles, lang)]
    if failed:
        text = ct("notice.recharge_failed", lang, at=format_datetime(last_recharge.at, lang))
        return [_notice("recharge_failed", text, "auto-recharge", titles, lang)]
    if expired and card is not None and state.auto_recharge.enabled:
        text = ct("notice.card_expired", lang, last4=card.last4, expiry=expiry)
        return [_notice("card_expired", text, "auto-recharge", titles, lang)]
    return []


def dashboard_notices(
    state: TenantState,
    last_recharge: Any,
    lang: str,
    titles: dict[str, str],
    help_url: HelpUrl | None = None,
) -> list[dict[str, Any]]:
    """The notices in the order shown; ``titles`` are the walkthroughs' names in ``lang``.

    Each notice carries ``help``: the troubleshooting section that explains its cause.
    """
    found = _state_notices(state, last_recharge, lang, titles)
    for notice in found:
        notice["help"] = help_url(notice["code"]) if help_url else None
    return found


def _state_notices(
    state: TenantState, last_recharge: Any, lang: str, titles: dict[str, str]
) -> list[dict[str, Any]]:
    if state.model is CommerceModel.NCE:
        return [_notice("nce", ct("notice.nce", lang), None, titles, lang)]
    found = _card_notices(state, last_recharge, lang, titles)
    if not state.balance.is_positive:
        balance = format_money(state.balance.to_decimal(), state.currency, lang)
        key = "notice.balance"
        if found:
            key = "notice.balance_after_failure"
        elif state.auto_recharge.enabled:
            key = "notice.balance_with_recharge"
        found.append(_notice("balance", ct(key, lang, balance=balance), "add-funds", titles, lang))
    missing = users_without_credits_license(state)
    if missing:
        text = ct("notice.license_missing", lang, users=format_list(missing, lang))
        found.append(_notice("license_missing", text, "set-up", titles, lang))
    return found
