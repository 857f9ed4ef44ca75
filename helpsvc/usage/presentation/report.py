"""The HTML report of a simulation: summary, charts, events and the funding advice.

``render_report`` gives a standalone document (``helpsvc simulate --report``, shareable by
e-mail); ``render_fragment`` gives the same content for the service's result page. Charts
are inline SVG (``charts``), so the file needs nothing else to display. Every amount,
count, date and code is written for the reader (``words``); tables and charts sit in boxes
that scroll sideways on a phone instead of widening the page.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from helpsvc.i18n.formats import format_fraction

from ..advisor import Advice
from ..simulate import Simulation
from . import charts
from .messages import catalog, describe_note, describe_row, t
from .summary import LIST_LIMIT, card_text, margin_text, simulation_notes
from .words import call_type, count, day, moment, money_writer, notification, refusal

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(_TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
HTML_LANG = {"en": "en", "de": "de", "zh": "zh-Hans"}


def _events(sim: Simulation, money: Any, lang: str) -> list[dict[str, str]]:
    result = sim.result

    def _when(value: datetime | None) -> str:
        return moment(value, lang)

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
                    "what": t(
                        "report.labelled",
                        lang,
                        what=t("report.marker_failed", lang),
                        reason=refusal(f.reason, lang),
                    ),
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
                    "what": t(
                        "report.labelled",
                        lang,
                        what=t("report.refused", lang),
                        reason=t("report.row", lang, row=r.row, user=r.user),
                    ),
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
    money = money_writer(currency, lang)
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
                    rows=count(stats.rows, lang),
                    first=moment(stats.first, lang),
                    last=moment(stats.last, lang),
                ),
                t("report.intro_credit", lang, credit=count(stats.credit_rows, lang)),
                t("report.intro_engine", lang, currency=currency),
            )
        ),
        "settings": _settings(sim, money, lang),
        "summary": _summary(sim, money, lang),
        "balance_svg": charts.balance_chart(result, lang),
        "spend_svg": charts.spend_chart(stats, currency, lang) if stats.spend > 0 else "",
        "by_type": [
            {
                "name": call_type(name, lang),
                "calls": count(totals.calls, lang),
                "credit_calls": count(totals.credit_calls, lang),
                "credit_minutes": count(totals.credit_minutes, lang),
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
    shown = count(len(events), lang)
    more = t("report.events_more", lang, count=shown) if total > len(events) else ""
    return {"events": events, "events_more": more}


def _problem_list(sim: Simulation, lang: str) -> dict[str, Any]:
    problems = [
        {"where": p.where(), "message": describe_row(p.code, p.params, lang)}
        for p in sim.problems[:LIST_LIMIT]
    ]
    hidden = sim.problem_count - len(problems)
    more = t("rows.more", lang, count=count(hidden, lang)) if hidden > 0 else ""
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
    settings.append(setting("start", moment(config.start, lang)))
    return settings


def _summary(sim: Simulation, money: Any, lang: str) -> list[tuple[str, str]]:
    result = sim.result
    refused = count(result.refused_count, lang)
    if result.first_refusal is not None:
        first = moment(result.first_refusal.at, lang)
        refused += f" ({t('report.first_refusal', lang)} {first})"
    notes = sorted(
        (notification(kind, lang), count(number, lang))
        for kind, number in result.notification_counts.items()
    )
    recharges = f"{count(result.recharge_count, lang)} ({money(result.recharged)})"
    summary = [
        (t("report.spent", lang), money(result.spent)),
        (t("report.recharges", lang), recharges),
        (t("report.failed", lang), count(result.failed_count, lang)),
        (t("report.refused", lang), refused),
        (t("report.expired", lang), money(result.expired_total)),
        (t("report.notifications", lang), _listed(notes, lang) or "0"),
        (t("report.final", lang), money(result.final_balance)),
        (t("report.lowest", lang), money(result.lowest_balance)),
        (t("report.held", lang), money(result.average_held)),
    ]
    if sim.config.nce:
        summary.insert(5, (t("report.overage", lang), money(result.overage)))
    return summary


def _listed(pairs: list[tuple[str, str]], lang: str) -> str:
    """ "Aufladung erfolgreich: 2; Saldo bei null oder darunter: 1" """
    return "; ".join(t("report.labelled", lang, what=k, reason=v) for k, v in pairs)


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
    out["margin"] = margin_text(
        advice,
        money,
        lang,
        when=lambda at: moment(at, lang),
        days=lambda value: format_fraction(value, lang),
    )
    best = advice.recommended
    if best is None:
        out["headline"] = t(
            f"advice.{advice.reason or 'nothing_feasible'}",
            lang,
            cap=_number(advice.max_recharges_per_month, lang),
        )
        return out
    out["headline"] = t(
        "advice.recommended",
        lang,
        trigger=money(best.trigger),
        recharge=money(best.recharge),
        recharges=count(best.recharges, lang),
        per_month=_number(best.recharges_per_month, lang),
        held=money(best.average_held),
        cap=_number(advice.max_recharges_per_month, lang),
    )
    if sim.recommended is not None:
        refused = count(sim.recommended.refused_count, lang)
        out["verified"] = t("advice.verified", lang, refused=refused)
    out["notes"] = [t("advice.starting_funds", lang, funds=money(best.funds))]
    out["tradeoff"] = [
        {
            "recharge": money(c.recharge),
            "trigger": money(c.trigger),
            "held": money(c.average_held),
            "per_month": _number(c.recharges_per_month, lang),
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
            week_start=day(rule.busiest_week_start, lang),
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
            recharges=count(result.recharges, lang),
        )
    return t("advice.rule_refuses", lang, when=moment(result.first_refusal, lang) or "-")


def _number(value: float, lang: str) -> str:
    return format_fraction(value, lang)


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
