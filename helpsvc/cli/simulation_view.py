"""A simulation on the terminal: the replay's summary, the funding advice and bad rows.

Messages are one unwrapped line each, so a terminal or grep sees them whole; bad rows are
printed as ``file:row: message`` so editors can jump to them.
"""

from __future__ import annotations

import json
import sys

from rich.markup import escape
from rich.table import Table

from helpsvc.cli.consoles import err_unwrapped as err
from helpsvc.cli.consoles import out_unwrapped as out
from helpsvc.credits import Money
from helpsvc.i18n.formats import format_date
from helpsvc.i18n.site_messages import t as site_t
from helpsvc.usage.presentation.failures import Failure
from helpsvc.usage.presentation.messages import describe_note, describe_row, t
from helpsvc.usage.presentation.summary import card_text, margin_text, simulation_notes
from helpsvc.usage.problems import RowProblem
from helpsvc.usage.simulate import Simulation

SHOWN_PROBLEMS = 20


def _money(sim: Simulation, minor: int) -> str:
    return f"{Money(int(minor), sim.currency).format()} {sim.currency}"


def print_failure(failure: Failure, code: int, as_json: bool, lang: str = "en") -> int:
    """Why the command stopped: one JSON object on stdout with ``--json`` (for scripts),
    else a line on stderr (a bad row as ``file:row: message``); returns the exit code."""
    if as_json:
        print(json.dumps(failure.as_dict(), ensure_ascii=False))
    elif failure.code.startswith("row_"):
        print(failure.message, file=sys.stderr)
        err.print(_label("cli.error", "red", lang) + t("rows.strict", lang))
    else:
        err.print(_label("cli.error", "red", lang) + escape(failure.message))
    return code


def _label(key: str, style: str, lang: str) -> str:
    """ "Note: " in English and German, "注意：" in Chinese (no space after a full-width colon)."""
    return f"[{style}]{t(key, lang)}{site_t('punct.colon', lang)}[/]"


def print_row_problem(problem: RowProblem, lang: str) -> None:
    # One unwrapped line per row, so editors and grep can jump to file:row.
    print(f"{problem.where()}: {describe_row(problem.code, problem.params, lang)}", file=sys.stderr)


def print_problems(sim: Simulation, lang: str) -> None:
    for problem in sim.problems[:SHOWN_PROBLEMS]:
        print_row_problem(problem, lang)
    if sim.problem_count > SHOWN_PROBLEMS:
        err.print(t("rows.more", lang, count=sim.problem_count - SHOWN_PROBLEMS))
    if sim.problem_count:
        err.print(f"[yellow]{t('rows.skipped', lang, count=sim.problem_count)}[/]")


def print_summary(sim: Simulation, lang: str) -> None:
    result, stats = sim.result, sim.stats
    note = _label("cli.note", "yellow", lang)
    for found in simulation_notes(sim):
        err.print(note + describe_note(found.code, found.params, lang))
    if not stats.sorted:
        err.print(note + t("note.unsorted", lang))
    if result.before_start:
        err.print(note + t("note.before_start", lang, count=result.before_start))
    table = Table(title=t("report.title", lang), show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    first = format_date(stats.first, lang) if stats.first else "-"
    last = format_date(stats.last, lang) if stats.last else "-"
    table.add_row(
        t("report.export", lang),
        f"{sim.source}: {stats.rows} / {stats.credit_rows} ({first} – {last})",
    )
    _add_settings(table, sim, lang)
    table.add_section()
    _add_outcome(table, sim, lang)
    out.print(table)


def _add_settings(table: Table, sim: Simulation, lang: str) -> None:
    """The configuration replayed, marking amounts that came from the rule of thumb."""
    config = sim.config

    def mark(name: str) -> str:
        return f" ({t('report.defaulted', lang)})" if name in sim.defaulted else ""

    table.add_row(t("report.funds", lang), _money(sim, config.funds.minor) + mark("funds"))
    if config.nce:
        table.add_row(t("report.billing", lang), t("report.nce", lang))
    elif config.recharging and config.trigger and config.recharge:
        table.add_row(
            t("report.trigger", lang), _money(sim, config.trigger.minor) + mark("trigger")
        )
        table.add_row(
            t("report.recharge", lang), _money(sim, config.recharge.minor) + mark("recharge")
        )
    else:
        table.add_row(t("report.trigger", lang), t("report.auto_off", lang))
    card = card_text(config, lang)
    if card is not None:
        table.add_row(t("report.card", lang), card)


def _add_outcome(table: Table, sim: Simulation, lang: str) -> None:
    result = sim.result
    table.add_row(t("report.spent", lang), _money(sim, result.spent))
    table.add_row(
        t("report.recharges", lang), f"{result.recharge_count} ({_money(sim, result.recharged)})"
    )
    table.add_row(t("report.failed", lang), str(result.failed_count))
    refused = str(result.refused_count)
    if result.first_refusal is not None:
        refused += f" ({t('report.first_refusal', lang)} {result.first_refusal.at:%Y-%m-%d %H:%M})"
    table.add_row(t("report.refused", lang), refused)
    table.add_row(t("report.expired", lang), _money(sim, result.expired_total))
    if sim.config.nce:
        table.add_row(t("report.overage", lang), _money(sim, result.overage))
    notices = ", ".join(f"{k}: {v}" for k, v in sorted(result.notification_counts.items()))
    table.add_row(t("report.notifications", lang), notices or "0")
    table.add_row(t("report.final", lang), _money(sim, result.final_balance))
    table.add_row(t("report.lowest", lang), _money(sim, result.lowest_balance))
    table.add_row(t("report.held", lang), _money(sim, result.average_held))


def print_advice(sim: Simulation, lang: str) -> None:
    advice = sim.advice
    if advice is None:
        return
    rule = advice.rule_of_thumb
    out.print(f"\n[bold]{t('advice.title', lang)}[/]")
    if advice.recommended is None:
        out.print(
            t(
                f"advice.{advice.reason or 'nothing_feasible'}",
                lang,
                cap=f"{advice.max_recharges_per_month:g}",
            )
        )
    else:
        _print_recommendation(sim, lang)
    out.print(f"\n[bold]{t('advice.rule', lang)}[/]")
    out.print(
        t(
            "advice.rule_text",
            lang,
            funds=_money(sim, rule.funds),
            trigger=_money(sim, rule.trigger),
            recharge=_money(sim, rule.recharge),
        )
    )


def _print_recommendation(sim: Simulation, lang: str) -> None:
    """The recommended pair, how the exact replay confirmed it, and the tradeoff table."""
    advice = sim.advice
    assert advice is not None and advice.recommended is not None
    best = advice.recommended
    out.print(
        t(
            "advice.recommended",
            lang,
            trigger=_money(sim, best.trigger),
            recharge=_money(sim, best.recharge),
            recharges=best.recharges,
            per_month=f"{best.recharges_per_month:g}",
            held=_money(sim, best.average_held),
            cap=f"{advice.max_recharges_per_month:g}",
        )
    )
    if sim.recommended is not None:
        out.print(t("advice.verified", lang, refused=sim.recommended.refused_count))
    out.print(t("advice.starting_funds", lang, funds=_money(sim, best.funds)))
    margin = margin_text(advice, lambda minor: _money(sim, minor), lang)
    if margin is not None:
        out.print(f"{margin} {t('advice.margin_setting', lang)}")
    table = Table(title=t("advice.tradeoff", lang))
    for name in ("report.recharge", "report.trigger", "report.held", "advice.per_month"):
        table.add_column(t(name, lang), justify="right")
    for c in advice.tradeoff():
        table.add_row(
            _money(sim, c.recharge),
            _money(sim, c.trigger),
            _money(sim, c.average_held),
            f"{c.recharges_per_month:g}",
            style="bold green" if c == best else None,
        )
    out.print(table)
