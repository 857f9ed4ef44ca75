"""A simulation as plain data: the JSON of the API and of ``helpsvc simulate --json``.

Amounts are strings in major units (``"480.00"``, as the tenant API writes them) with the
currency once at the top; times are ISO 8601 UTC with ``Z``. Lists are capped at what the
replay kept; the ``*_count`` fields always hold the full numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from helpsvc.credits import Money

from ..advisor import Advice, Candidate
from ..problems import Note
from ..replay import ReplayConfig, ReplayResult
from ..simulate import Simulation
from .messages import describe_note, describe_row, t

LIST_LIMIT = 200


def when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def replay_dict(result: ReplayResult, money: Any) -> dict[str, Any]:
    return {
        "config": _config_dict(result.config, money),
        "start": when(result.start),
        "end": when(result.end),
        "calls": result.calls,
        "rated": result.rated,
        "spent": money(result.spent),
        **_refusals(result, money),
        **_recharges(result, money),
        **_expiries_and_notifications(result, money),
        "overage": money(result.overage),
        "invoices": [
            {
                "period_start": when(i.period_start),
                "period_end": when(i.period_end),
                "overage": money(i.overage),
            }
            for i in result.invoices[:LIST_LIMIT]
        ],
        "calls_before_start": result.before_start,
        "final_balance": money(result.final_balance),
        "lowest_balance": money(result.lowest_balance),
        "average_held": money(result.average_held),
        "balance_series": [
            {"at": when(at), "low": money(low), "high": money(high), "last": money(last)}
            for at, low, high, last in result.series
        ],
    }


def _config_dict(config: ReplayConfig, money: Any) -> dict[str, Any]:
    return {
        "funds": money(config.funds.minor),
        "trigger": money(config.trigger.minor) if config.trigger else None,
        "recharge": money(config.recharge.minor) if config.recharge else None,
        "auto_recharge": config.recharging,
        "card_expires": (
            f"{config.card_expires[0]:04d}-{config.card_expires[1]:02d}"
            if config.card_expires
            else None
        ),
        "card_expired_at_start": config.card_expired_at_start,
        "commerce_model": "nce" if config.nce else "prepaid",
        "start": when(config.start),
    }


def _refusals(result: ReplayResult, money: Any) -> dict[str, Any]:
    return {
        "refused_count": result.refused_count,
        "refused_charge": money(result.refused_charge),
        "refused": [
            {
                "at": when(r.at),
                "row": r.row,
                "user": r.user,
                "charge": money(r.charge),
                "reason": r.reason,
            }
            for r in result.refused[:LIST_LIMIT]
        ],
    }


def _recharges(result: ReplayResult, money: Any) -> dict[str, Any]:
    return {
        "recharge_count": result.recharge_count,
        "recharged": money(result.recharged),
        "recharges": [
            {"at": when(r.at), "amount": money(r.amount), "balance_after": money(r.balance_after)}
            for r in result.recharges[:LIST_LIMIT]
        ],
        "failed_recharge_count": result.failed_count,
        "failed_recharges": [
            {
                "at": when(f.at),
                "reason": f.reason,
                "amount": money(f.amount),
                "balance_after": money(f.balance_after),
            }
            for f in result.failed[:LIST_LIMIT]
        ],
    }


def _expiries_and_notifications(result: ReplayResult, money: Any) -> dict[str, Any]:
    return {
        "expired": money(result.expired_total),
        "expiries": [
            {"at": when(e.at), "forfeited": money(e.forfeited)}
            for e in result.expiries[:LIST_LIMIT]
        ],
        "notification_counts": dict(result.notification_counts),
        "notifications": [
            {"at": when(n.at), "kind": n.kind, "balance": money(n.balance)}
            for n in result.notifications[:LIST_LIMIT]
        ],
    }


def _candidate(c: Candidate, money: Any) -> dict[str, Any]:
    return {
        "trigger": money(c.trigger),
        "recharge": money(c.recharge),
        "funds": money(c.funds),
        "refuses_calls": c.refused,
        "first_refusal": when(c.first_refusal),
        "complete": c.complete,
        "recharges": c.recharges,
        "recharges_per_month": c.recharges_per_month,
        "average_held": money(c.average_held) if c.complete else None,
    }


def _utc_minute(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")


def margin_text(
    advice: Advice,
    money: Any,
    lang: str,
    *,
    when: Callable[[datetime], str] = _utc_minute,
    days: Callable[[float], str] = "{:g}".format,
) -> str | None:
    """The recharge-delay margin the advisor kept, as a sentence (None without spend);
    ``when`` and ``days`` write the time and the number of days (the report uses the
    reader's locale, the API's text the plain form)."""
    if advice.recharge_delay_days <= 0:
        return t("advice.margin_none", lang)
    if advice.lowest_trigger_from is None:
        return None
    return t(
        "advice.margin",
        lang,
        days=days(advice.recharge_delay_days),
        spend=money(advice.lowest_trigger),
        start=when(advice.lowest_trigger_from),
    )


def card_text(config: ReplayConfig, lang: str) -> str | None:
    """The card's expiry as users write it, saying so when it expired before the start."""
    if config.card_expires is None:
        return None
    card = f"{config.card_expires[1]:02d}/{config.card_expires[0]}"
    return t("report.card_expired", lang, card=card) if config.card_expired_at_start else card


def _margin_dict(advice: Advice, money: Any, lang: str) -> dict[str, Any]:
    return {
        "recharge_delay_days": advice.recharge_delay_days,
        "lowest_trigger": money(advice.lowest_trigger),
        "lowest_trigger_window_start": when(advice.lowest_trigger_from),
        "text": margin_text(advice, money, lang),
    }


def advice_dict(advice: Advice, money: Any, lang: str) -> dict[str, Any]:
    rule = advice.rule_of_thumb
    return {
        "recommended": _candidate(advice.recommended, money) if advice.recommended else None,
        "reason": advice.reason,
        "max_recharges_per_month": advice.max_recharges_per_month,
        "recharge_delay": _margin_dict(advice, money, lang),
        "rule_of_thumb": {
            "text": t(
                "advice.rule_text",
                lang,
                funds=money(rule.funds),
                trigger=money(rule.trigger),
                recharge=money(rule.recharge),
            ),
            "funds": money(rule.funds),
            "trigger": money(rule.trigger),
            "recharge": money(rule.recharge),
            "typical_month": money(rule.typical_month),
            "busiest_week": money(rule.busiest_week),
            "busiest_week_start": day(rule.busiest_week_start),
            "busiest_day": money(rule.busiest_day),
            "busiest_day_date": day(rule.busiest_day_date),
            "replayed": _candidate(advice.rule_of_thumb_result, money)
            if advice.rule_of_thumb_result
            else None,
        },
        "tradeoff": [_candidate(c, money) for c in advice.tradeoff()],
        "candidates": [_candidate(c, money) for c in advice.candidates],
    }


def simulation_notes(sim: Simulation) -> list[Note]:
    """The reader's notes and what the configuration adds (a card expired at the start)."""
    config = sim.config
    notes = list(sim.notes)
    if config.card_expired_at_start and config.card_expires is not None:
        card = f"{config.card_expires[1]:02d}/{config.card_expires[0]}"
        notes.append(Note("card_expired", {"card": card}))
    return notes


def simulation_dict(sim: Simulation, lang: str = "en") -> dict[str, Any]:
    currency = sim.currency

    def money(minor: int) -> str:
        return Money(int(minor), currency).format()

    stats = sim.stats
    return {
        "source": sim.source,
        "currency": currency,
        "rows": stats.rows,
        "credit_funded_rows": stats.credit_rows,
        "users": len(stats.users),
        "first_call": when(stats.first),
        "last_call": when(stats.last),
        "in_time_order": stats.sorted,
        "defaulted": list(sim.defaulted),
        "bad_row_count": sim.problem_count,
        "bad_rows": [
            {
                "file": p.source,
                "row": p.row,
                "code": p.code,
                "params": p.params,
                "message": describe_row(p.code, p.params, lang),
            }
            for p in sim.problems[:LIST_LIMIT]
        ],
        "notes": [
            {"code": n.code, "params": n.params, "message": describe_note(n.code, n.params, lang)}
            for n in simulation_notes(sim)
        ],
        "by_call_type": {
            call_type: {
                "calls": totals.calls,
                "minutes": totals.minutes,
                "credit_calls": totals.credit_calls,
                "credit_minutes": totals.credit_minutes,
                "spend": money(totals.spend),
            }
            for call_type, totals in sorted(stats.by_type.items())
        },
        "replay": replay_dict(sim.result, money),
        "advice": advice_dict(sim.advice, money, lang) if sim.advice else None,
        "recommended_replay": replay_dict(sim.recommended, money) if sim.recommended else None,
    }
