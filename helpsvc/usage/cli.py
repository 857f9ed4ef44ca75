"""``helpsvc usage ...`` and ``helpsvc simulate``: registered on the main command."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from helpsvc.credits import Money, load_sample_tariff

from .export import BadRowError, ExportError, ExportReader, open_export
from .messages import LANGUAGES, describe_file_error, describe_note, describe_row, t
from .replay import ConfigError
from .simulate import AmountError, Simulation, SimulationOptions, simulate

# Messages are not hard-wrapped, so a terminal or grep sees one line per message.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

# Below this size a progress bar only flickers.
_PROGRESS_MIN_BYTES = 8 * 1024 * 1024
_SHOWN_PROBLEMS = 20
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")


def _amount(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not _AMOUNT.match(text):
        raise typer.BadParameter(
            f"'{value}' is not an amount (e.g. 250 or 250.00)", param_hint=option
        )
    return text


def _month(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})|(\d{1,2})/(\d{2}|\d{4})", value.strip())
    if not match:
        raise typer.BadParameter(
            f"'{value}' is not a month (YYYY-MM or MM/YY)", param_hint="--card-expires"
        )
    if match.group(1):
        year, month = int(match.group(1)), int(match.group(2))
    else:
        month, year = int(match.group(3)), int(match.group(4))
        year += 2000 if year < 100 else 0
    if not 1 <= month <= 12:
        raise typer.BadParameter(f"'{value}': month {month}", param_hint="--card-expires")
    return year, month


def _start(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date (YYYY-MM-DD)", param_hint="--start"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


@contextmanager
def _progress(path: Path) -> Iterator[object]:
    size = path.stat().st_size if path.is_file() else 0
    if size < _PROGRESS_MIN_BYTES or not err.is_terminal:
        yield None
        return
    columns = (
        TextColumn("replaying"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("replay", total=None)

        def update(done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def _money(sim: Simulation, minor: int) -> str:
    return f"{Money(int(minor), sim.currency).format()} {sim.currency}"


def _print_summary(sim: Simulation, lang: str) -> None:
    result, stats, config = sim.result, sim.stats, sim.config
    for note in sim.notes:
        err.print(f"[yellow]note:[/] {describe_note(note.code, note.params, lang)}")
    if not stats.sorted:
        err.print(f"[yellow]note:[/] {t('note.unsorted', lang)}")
    if result.before_start:
        err.print(f"[yellow]note:[/] {t('note.before_start', lang, count=result.before_start)}")
    table = Table(title=t("report.title", lang), show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")

    def mark(name: str) -> str:
        return f" ({t('report.defaulted', lang)})" if name in sim.defaulted else ""

    first = stats.first.strftime("%Y-%m-%d") if stats.first else "-"
    last = stats.last.strftime("%Y-%m-%d") if stats.last else "-"
    table.add_row("Export", f"{sim.source}: {stats.rows} / {stats.credit_rows} ({first} – {last})")
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
    if config.card_expires:
        table.add_row(
            t("report.card", lang), f"{config.card_expires[1]:02d}/{config.card_expires[0]}"
        )
    table.add_section()
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
    if config.nce:
        table.add_row(t("report.overage", lang), _money(sim, result.overage))
    notices = ", ".join(f"{k}: {v}" for k, v in sorted(result.notification_counts.items()))
    table.add_row(t("report.notifications", lang), notices or "0")
    table.add_row(t("report.final", lang), _money(sim, result.final_balance))
    table.add_row(t("report.held", lang), _money(sim, result.average_held))
    out.print(table)


def _print_advice(sim: Simulation, lang: str) -> None:
    advice = sim.advice
    if advice is None:
        return
    rule = advice.rule_of_thumb
    out.print(f"\n[bold]{t('advice.title', lang)}[/]")
    best = advice.recommended
    if best is None:
        out.print(
            t(
                f"advice.{advice.reason or 'nothing_feasible'}",
                lang,
                cap=f"{advice.max_recharges_per_month:g}",
            )
        )
    else:
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
        out.print(t("advice.instant", lang, day=_money(sim, rule.busiest_day)))
        table = Table(title=t("advice.tradeoff", lang))
        for name in ("report.recharge", "report.trigger", "report.held", "advice.per_month"):
            table.add_column(t(name, lang), justify="right")
        for c in advice.tradeoff():
            style = "bold green" if c == best else None
            table.add_row(
                _money(sim, c.recharge),
                _money(sim, c.trigger),
                _money(sim, c.average_held),
                f"{c.recharges_per_month:g}",
                style=style,
            )
        out.print(table)
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


def _print_problems(sim: Simulation, lang: str) -> None:
    for problem in sim.problems[:_SHOWN_PROBLEMS]:
        # One unwrapped line per row, so editors and grep can jump to file:row.
        print(
            f"{problem.where()}: {describe_row(problem.code, problem.params, lang)}",
            file=sys.stderr,
        )
    if sim.problem_count > _SHOWN_PROBLEMS:
        err.print(t("rows.more", lang, count=sim.problem_count - _SHOWN_PROBLEMS))
    if sim.problem_count:
        err.print(f"[yellow]{t('rows.skipped', lang, count=sim.problem_count)}[/]")


def simulate_command(
    export: Annotated[
        Path,
        typer.Argument(
            help="The Calling Plans CSV of the PSTN usage report, or the admin center's "
            "Calls.Export.<id>.zip.",
            show_default=False,
        ),
    ],
    funds: Annotated[
        str | None,
        typer.Option(
            help="Starting funds bought at the start, in the export's currency. "
            "Default: one typical month of credit-funded spend + 20 %.",
            show_default=False,
        ),
    ] = None,
    trigger: Annotated[
        str | None,
        typer.Option(
            help="Trigger amount: recharge when the balance falls below it. "
            "Default: the credit-funded spend of the busiest week.",
            show_default=False,
        ),
    ] = None,
    recharge: Annotated[
        str | None,
        typer.Option(
            help="Recharge amount of each auto-recharge. Default: one typical month of "
            "credit-funded spend.",
            show_default=False,
        ),
    ] = None,
    auto_recharge: Annotated[
        bool, typer.Option("--auto-recharge/--no-auto-recharge", help="Replay with auto-recharge.")
    ] = True,
    card_expires: Annotated[
        str | None,
        typer.Option(
            help="Month the payment card expires (YYYY-MM or MM/YY); a recharge after it "
            "fails. Default: valid throughout.",
            show_default=False,
        ),
    ] = None,
    nce: Annotated[
        bool,
        typer.Option(
            "--nce", help="NCE post-usage billing: funds used first, the rest billed as overage."
        ),
    ] = False,
    start: Annotated[
        str | None,
        typer.Option(
            help="When the funds are bought (YYYY-MM-DD, UTC). Default: the day of the first call.",
            show_default=False,
        ),
    ] = None,
    advise: Annotated[
        bool,
        typer.Option(
            "--advise", help="Recommend the trigger and recharge amounts that refuse no call."
        ),
    ] = False,
    max_recharges: Annotated[
        float,
        typer.Option(help="With --advise: recharges a month you accept at most.", min=0.1),
    ] = 4.0,
    report: Annotated[
        Path | None,
        typer.Option(help="Write an HTML report with charts to this file.", show_default=False),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Stop at the first bad row instead of skipping it.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    lang: Annotated[
        str, typer.Option(help="Language of the output and the report: en, de or zh.")
    ] = "en",
) -> None:
    """Replay a PSTN usage report against a Communications Credits configuration.

    Only calls paid from credits (Capability MCOPSTNPP or MCOMEETACPEA) draw on the
    balance; their Charge is used as is, or rated with the sample rates when empty. Amounts
    you leave out come from the guides' rule of thumb. Bad rows are listed as file:row and
    skipped. Nothing is bought or changed: the replay runs on the file alone.
    """
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"'{lang}': use en, de or zh", param_hint="--lang")
    options = SimulationOptions(
        funds=_amount("--funds", funds),
        trigger=_amount("--trigger", trigger),
        recharge=_amount("--recharge", recharge),
        auto_recharge=auto_recharge,
        card_expires=_month(card_expires),
        nce=nce,
        start=_start(start),
        advise=advise,
        strict=strict,
        max_recharges_per_month=max_recharges,
    )
    tariff = load_sample_tariff()

    def opener(strict_rows: bool):  # noqa: ANN202 - a context manager of ExportReader
        return open_export(export, strict=strict_rows, name=str(export))

    try:
        with _progress(export) as progress:
            sim = simulate(opener, options, tariff, progress=progress)  # type: ignore[arg-type]
    except ExportError as error:
        err.print(
            f"[red]error:[/] {describe_file_error(error.code, error.source, error.params, lang)}"
        )
        raise typer.Exit(2) from None
    except BadRowError as error:
        problem = error.problem
        print(
            f"{problem.where()}: {describe_row(problem.code, problem.params, lang)}",
            file=sys.stderr,
        )
        err.print(f"[red]error:[/] {t('rows.strict', lang)}")
        raise typer.Exit(1) from None
    except AmountError as error:
        err.print(
            "[red]error:[/] "
            + t(
                "config.amount",
                lang,
                option=error.option,
                value=error.value,
                currency=error.currency,
            )
        )
        raise typer.Exit(2) from None
    except ConfigError as error:
        if error.code == "card_expired":
            message = t("config.card_expired", lang, expiry=error.params.get("expiry", ""))
        else:
            message = t("config.invalid", lang, code=error.code)
        err.print(f"[red]error:[/] {message}")
        raise typer.Exit(2) from None
    _print_problems(sim, lang)
    if as_json:
        from .summary import simulation_dict

        print(json.dumps(simulation_dict(sim, lang), ensure_ascii=False, indent=2))
    else:
        _print_summary(sim, lang)
        _print_advice(sim, lang)
    if report is not None:
        from .report import render_report

        report.write_text(render_report(sim, lang), encoding="utf-8")
        err.print(f"report written to {report}")


usage_app = typer.Typer(
    help="The PSTN usage report: synthetic exports for demos and tests.", no_args_is_help=True
)


@usage_app.command("generate")
def generate_command(
    users: Annotated[int, typer.Option(help="Number of users.", min=1)] = 50,
    days: Annotated[int, typer.Option(help="Number of days, from --start.", min=1)] = 30,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same file.")] = 1,
    start: Annotated[str, typer.Option(help="First day (YYYY-MM-DD).")] = "2026-01-05",
    currency: Annotated[str, typer.Option(help="Currency of the charges.")] = "USD",
    country: Annotated[str, typer.Option(help="Usage location of the users.")] = "US",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here (a .zip gets the admin center's zip layout). Default: stdout.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a realistic synthetic PSTN usage export (Calling Plans CSV, or the zip).

    Work-day peaks, meetings with geographic and toll-free dial-ins, dial-out and some
    international calls; charges from the simulator's sample rates.
    """
    from .generate import generate_rows, write_csv, write_zip

    try:
        first = date.fromisoformat(start)
    except ValueError:
        raise typer.BadParameter(
            f"'{start}' is not a date (YYYY-MM-DD)", param_hint="--start"
        ) from None
    from helpsvc.credits.money import CURRENCY_EXPONENTS

    if currency not in CURRENCY_EXPONENTS or not load_sample_tariff().rate(
        currency, *_probe(country)
    ):
        raise typer.BadParameter(
            f"no sample rates for {currency} in {country}", param_hint="--currency"
        )
    if output is not None and output.suffix.lower() == ".zip":
        count = write_zip(
            output,
            users=users,
            days=days,
            seed=seed,
            start=first,
            currency=currency,
            country=country,
        )
    else:
        rows = generate_rows(
            users=users, days=days, seed=seed, start=first, currency=currency, country=country
        )
        if output is None:
            count = write_csv(sys.stdout, rows)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = write_csv(handle, rows)
    if output is not None:
        err.print(f"{count} calls written to {output}")


def _probe(country: str) -> tuple:
    from helpsvc.credits import NumberType
    from helpsvc.credits.tariff import RateService

    return RateService.TOLL_FREE_DIAL_IN, country, NumberType.GEOGRAPHIC


def register(app: typer.Typer) -> None:
    """Add the usage commands to the ``helpsvc`` command."""
    app.command("simulate")(simulate_command)
    app.add_typer(usage_app, name="usage")


__all__ = ["ExportReader", "register"]
