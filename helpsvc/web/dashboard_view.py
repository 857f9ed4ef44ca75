"""The dashboard as words of the page's language: amounts, dates and every code.

The API answers the same tenant in machine form (``tenant_view``); this module only reads
it for people: "100,00 €" instead of "100.00 EUR", "28.11.2026, 06:33 UTC" instead of
"2026-11-28T06:33:00Z", "Kauf" instead of "purchase".
"""

from __future__ import annotations

from typing import Any

from helpsvc.credits import Money, TenantState, User
from helpsvc.i18n.console_messages import ct
from helpsvc.i18n.formats import format_date, format_datetime, format_list, format_money
from helpsvc.i18n.site_messages import t
from helpsvc.services.tenant_queries import Dashboard
from helpsvc.web.charts import balance_chart
from helpsvc.web.notices import HelpUrl, dashboard_notices


def money(value: Money | None, lang: str) -> str:
    return "–" if value is None else format_money(value.to_decimal(), value.currency, lang)


def minor(amount: int, currency: str, lang: str) -> str:
    return money(Money(amount, currency), lang)


def licenses_text(user: User, lang: str) -> str:
    held = user.licenses
    names = []
    if held.audio_conferencing:
        names.append(ct("license.audio_conferencing", lang))
    if held.phone_system:
        names.append(ct("license.phone_system", lang))
    if held.calling_plan is not None:
        names.append(ct(f"plan.{held.calling_plan.value}", lang))
    if held.communications_credits:
        names.append(ct("license.communications_credits", lang))
    return format_list(names, lang) or "–"


def _card(state: TenantState, lang: str) -> dict[str, Any] | None:
    card = state.card
    if card is None:
        return None
    return {
        "last4": card.last4,
        "expiry": f"{card.exp_month:02d}/{card.exp_year}",
        "expired": card.is_expired(state.now),
    }


def dashboard_page(
    board: Dashboard, lang: str, flow_titles: dict[str, str], help_url: HelpUrl | None = None
) -> dict[str, Any]:
    """Everything dashboard.html shows, formatted for ``lang``; ``help_url`` links notices."""
    state, currency = board.tenant.state, board.tenant.record.currency
    series = board.balance
    chart = balance_chart(
        series.points,
        series.currency,
        t("dash.chart", lang),
        series.recharges,
        lang,
        (ct("chart.balance", lang, currency=currency), ct("chart.time", lang)),
    )
    return {
        "name": board.tenant.record.name,
        "clock": format_datetime(state.now, lang),
        "clock_iso": state.now.isoformat(),
        "model": ct(f"model.{state.model.value}", lang),
        "balance": money(state.balance, lang),
        "balance_value": state.balance.format(),
        "auto_recharge": state.auto_recharge.enabled,
        "trigger": money(state.auto_recharge.trigger, lang),
        "recharge": money(state.auto_recharge.amount, lang),
        "card": _card(state, lang),
        "notices": dashboard_notices(state, board.last_recharge, lang, flow_titles, help_url),
        "chart": chart,
        "users": [{"id": u.id, "licenses": licenses_text(u, lang)} for u in state.users],
        "lots": [
            {
                "source": ct(f"source.{lot.source.value}", lang),
                "purchased": format_date(lot.purchased_at, lang),
                "amount": money(lot.amount, lang),
                "remaining": money(lot.remaining, lang),
                "expires": format_date(lot.expires_at, lang),
                "expires_iso": lot.expires_at.date().isoformat(),
                "expired": lot.expired,
            }
            for lot in state.lots
        ],
        "ledger": [
            {
                "at": format_datetime(entry.at, lang),
                "at_iso": entry.at.isoformat(),
                "type": t(f"ledger.{entry.type}", lang),
                "amount": minor(entry.amount_minor, currency, lang),
                "balance_after": minor(entry.balance_after_minor, currency, lang),
            }
            for entry in board.recent
        ],
        "notifications": [
            {
                "kind": ct(f"notification.{n.kind}", lang),
                "subject": n.subject,
                "at": format_datetime(n.at, lang),
                "at_iso": n.at.isoformat(),
            }
            for n in board.notifications
        ],
    }
