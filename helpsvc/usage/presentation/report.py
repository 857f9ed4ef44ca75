"""The HTML report of a simulation: summary, charts, events and the funding advice.

``render_report`` gives a standalone document (``helpsvc simulate --report``, shareable by
e-mail); ``render_fragment`` gives the same content for the service's result page. Charts
are inline SVG (``charts``), so the file needs nothing else to display.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from helpsvc.credits import Money

from ..advisor import Advice
from ..simulate import Simulation
from . import charts
from .messages import catalog, describe_note, describe_row, t
from .summary import LIST_LIMIT, card_text, margin_text, simulation_notes

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(_TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
HTML_LANG = {"en": "en", "de": "de", "zh": "zh-Hans"}


def _when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def _events(sim: Simulation, money: Any, lang: str) -> list[dict[str, str]]:
    result = sim.result
    rows: list[tuple[datetime, dict[str, str]]] = []
    for r in result.recharges:
        rows.append(
            (
                r.at,
                {
                    "when": _when(r.at),
                    "what": t("report.marker_recharge", lang),
                    "amount": money(r.amount),
                    "balance": money(r.balance_after),
                    "kind": "ok",
                },
            )
        )
    for f in result.failed:
        rows.append(
            (
                f.at,
                {
                    "when": _when(f.at),
                    "what": f"{t('report.marker_failed', lang)} ({f.reason})",
                    "amount": money(f.amount),
                    "balance": money(f.balance_after),
                    "kind": "bad",
                },
            )
        )
    for r in result.refused:
        rows.append(
            (
                r.at,
                {
                    "when": _when(r.at),
                    "what": f"{t('report.refused', lang)}: "
                    + t("report.row", lang, row=r.row, user=r.user),
                    "amount": money(r.charge),
                    "balance": "",
                    "kind": "bad",
                },
            )
        )
    rows.sort(key=lambda item: item[0])
    return [row for _, row in rows[:LIST_LIMIT]]


def context(sim: Simulation, lang: str) -> dict[str, Any]:
    """Everything the report template shows, already worded in ``lang``."""
    currency = sim.currency

    def money(minor: int) -> str:
        return f"{Money(int(minor), currency).format()} {currency}"

    result, stats = sim.result, sim.stats
    return {
        "msg": catalog(lang),
        "lang": lang,
        "html_lang": HTML_LANG.get(lang, lang),
        "intro": " ".join(
            (
                t(
                    "report.intro",
                    lang,
                    source=sim.source,
                    rows=stats.rows,
                    first=_when(stats.first),
                    last=_when(stats.last),
                ),
                t("report.intro_credit", lang, credit=stats.credit_rows),
                t("report.intro_engine", lang, currency=currency),
            )
        ),
        "settings": _settings(sim, money, lang),
        "summary": _summary(sim, money, lang),
        "balance_svg": charts.balance_chart(result, lang, money),
        "spend_svg": charts.spend_chart(stats, currency, lang) if stats.spend > 0 else "",
        "by_type": [
            {
                "name": name or "-",
                "calls": totals.calls,
                "credit_calls": totals.credit_calls,
                "credit_minutes": totals.credit_minutes,
                "spend": money(totals.spend),
            }
            for name, totals in sorted(stats.by_type.items(), key=lambda item: -item[1].spend)
        ],
        **_event_list(sim, money, lang),
        "notes": _notes(sim, lang),
        **_problem_list(sim, lang),
        "advice": _advice(sim, money, lang),
    }


def _event_list(sim: Simulation, money: Any, lang: str) -> dict[str, Any]:
    result = sim.result
    events = _events(sim, money, lang)
    total = result.recharge_count + result.failed_count + result.refused_count
    more = t("report.events_more", lang, count=len(events)) if total > len(events) else ""
    return {"events": events, "events_more": more}


def _problem_list(sim: Simulation, lang: str) -> dict[str, Any]:
    problems = [
        {"where": p.where(), "message": describe_row(p.code, p.params, lang)}
        for p in sim.problems[:LIST_LIMIT]
    ]
    hidden = sim.problem_count - len(problems)
    more = t("rows.more", lang, count=hidden) if hidden > 0 else ""
    return {"problems": problems, "problems_more": more}


def _settings(sim: Simulation, money: Any, lang: str) -> list[dict[str, Any]]:
    """The configuration replayed, marking the amounts that came from the rule of thumb."""
    config = sim.config
    defaulted = set(sim.defaulted)

    def setting(name: str, value: str) -> dict[str, Any]:
        return {"label": t(f"report.{name}", lang), "value": value, "defaulted": name in defaulted}

    settings = [setting("funds", money(config.funds.minor))]
    if config.nce:
        settings.append(setting("billing", t("report.nce", lang)))
    else:
        settings.append(setting("billing", t("report.prepaid", lang)))
        if config.recharging and config.trigger and config.recharge:
            settings.append(setting("trigger", money(config.trigger.minor)))
            settings.append(setting("recharge", money(config.recharge.minor)))
        else:
            settings.append(setting("trigger", t("report.auto_off", lang)))
    settings.append(setting("card", card_text(config, lang) or t("report.card_never", lang)))
    settings.append(setting("start", _when(config.start)))
    return settings


def _summary(sim: Simulation, money: Any, lang: str) -> list[tuple[str, str]]:
    result = sim.result
    refused = str(result.refused_count)
    if result.first_refusal is not None:
        refused += f" ({t('report.first_refusal', lang)} {_when(result.first_refusal.at)})"
    notes = sorted(result.notification_counts.items())
    summary = [
        (t("report.spent", lang), money(result.spent)),
        (t("report.recharges", lang), f"{result.recharge_count} ({money(result.recharged)})"),
        (t("report.failed", lang), str(result.failed_count)),
        (t("report.refused", lang), refused),
        (t("report.expired", lang), money(result.expired_total)),
        (t("report.notifications", lang), ", ".join(f"{k}: {v}" for k, v in notes) or "0"),
        (t("report.final", lang), money(result.final_balance)),
        (t("report.lowest", lang), money(result.lowest_balance)),
        (t("report.held", lang), money(result.average_held)),
    ]
    if sim.config.nce:
        summary.insert(5, (t("report.overage", lang), money(result.overage)))
    return summary


def _notes(sim: Simulation, lang: str) -> list[str]:
    notes = [describe_note(n.code, n.params, lang) for n in simulation_notes(sim)]
    if not sim.stats.sorted:
        notes.append(t("note.unsorted", lang))
    if sim.result.before_start:
        notes.append(t("note.before_start", lang, count=sim.result.before_start))
    return notes


def _advice(sim: Simulation, money: Any, lang: str) -> dict[str, Any] | None:
    advice = sim.advice
    if advice is None:
        return None
    out = _rule(advice, money, lang)
    out["margin"] = margin_text(advice, money, lang)
    best = advice.recommended
    if best is None:
        out["headline"] = t(
            f"advice.{advice.reason or 'nothing_feasible'}",
            lang,
            cap=_number(advice.max_recharges_per_month),
        )
        return out
    out["headline"] = t(
        "advice.recommended",
        lang,
        trigger=money(best.trigger),
        recharge=money(best.recharge),
        recharges=best.recharges,
        per_month=_number(best.recharges_per_month),
        held=money(best.average_held),
        cap=_number(advice.max_recharges_per_month),
    )
    if sim.recommended is not None:
        out["verified"] = t("advice.verified", lang, refused=sim.recommended.refused_count)
    out["notes"] = [t("advice.starting_funds", lang, funds=money(best.funds))]
    out["tradeoff"] = [
        {
            "recharge": money(c.recharge),
            "trigger": money(c.trigger),
            "held": money(c.average_held),
            "per_month": _number(c.recharges_per_month),
            "best": c == best,
        }
        for c in advice.tradeoff()
    ]
    out["chart"] = charts.tradeoff_chart(advice, lang)
    return out


def _rule(advice: Advice, money: Any, lang: str) -> dict[str, Any]:
    """The advice section without a recommendation: the guides' rule of thumb, its
    figures and how its amounts did on the export."""
    rule = advice.rule_of_thumb
    out: dict[str, Any] = {
        "rule_text": t(
            "advice.rule_text",
            lang,
            funds=money(rule.funds),
            trigger=money(rule.trigger),
            recharge=money(rule.recharge),
        ),
        "figures": t(
            "advice.figures",
            lang,
            month=money(rule.typical_month),
            week=money(rule.busiest_week),
            week_start=rule.busiest_week_start.isoformat() if rule.busiest_week_start else "-",
            day=money(rule.busiest_day),
        ),
        "headline": None,
        "verified": None,
        "notes": [],
        "tradeoff": [],
        "chart": "",
    }
    out["rule_result"] = rule_result_text(advice, money, lang)
    return out


def rule_result_text(advice: Advice, money: Any, lang: str) -> str | None:
    """How the rule of thumb's amounts did on the export (its replay stops at a refusal)."""
    result = advice.rule_of_thumb_result
    if result is None:
        return None
    if result.complete and not result.refused:
        return t(
            "advice.rule_result",
            lang,
            held=money(result.average_held),
            recharges=result.recharges,
        )
    return t("advice.rule_refuses", lang, when=_when(result.first_refusal) or "-")


def _number(value: float) -> str:
    return f"{value:g}"


def render_fragment(sim: Simulation, lang: str) -> str:
    """The report's content, to place inside another page."""
    return _ENV.get_template("report_body.html").render(context(sim, lang))


def stylesheet() -> str:
    """The report's CSS, for a page that shows ``render_fragment`` inside its own layout."""
    return (_TEMPLATES / "report.css").read_text(encoding="utf-8")


def render_report(sim: Simulation, lang: str = "en") -> str:
    """A standalone HTML document."""
    ctx = context(sim, lang)
    ctx["body"] = _ENV.get_template("report_body.html").render(ctx)
    return _ENV.get_template("report.html").render(ctx)
