"""``helpsvc simulate`` and ``helpsvc usage generate``: the PSTN usage report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from helpsvc.cli.consoles import err_unwrapped as err
from helpsvc.cli.progress import reading
from helpsvc.cli.simulation_view import (
    print_advice,
    print_problems,
    print_row_problem,
    print_summary,
)
from helpsvc.credits import load_sample_tariff
from helpsvc.usage.options import OptionError, parse_amount, parse_card_month, parse_start
from helpsvc.usage.presentation.messages import LANGUAGES, describe_file_error, t
from helpsvc.usage.problems import BadRowError, ExportError
from helpsvc.usage.reader import ExportReader, open_export
from helpsvc.usage.replay import ConfigError
from helpsvc.usage.simulate import AmountError, Progress, Simulation, SimulationOptions, simulate

# Below this size a progress bar only flickers.
_PROGRESS_MIN_BYTES = 8 * 1024 * 1024

usage_app = typer.Typer(
    help="The PSTN usage report: synthetic exports for demos and tests.", no_args_is_help=True
)


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
    with _options_as_parameters():
        options = SimulationOptions(
            funds=parse_amount("funds", funds),
            trigger=parse_amount("trigger", trigger),
            recharge=parse_amount("recharge", recharge),
            auto_recharge=auto_recharge,
            card_expires=parse_card_month(card_expires),
            nce=nce,
            start=parse_start(start),
            advise=advise,
            strict=strict,
            max_recharges_per_month=max_recharges,
        )
    sim = _replay(export, options, lang)
    print_problems(sim, lang)
    if as_json:
        from helpsvc.usage.presentation.summary import simulation_dict

        print(json.dumps(simulation_dict(sim, lang), ensure_ascii=False, indent=2))
    else:
        print_summary(sim, lang)
        print_advice(sim, lang)
    if report is not None:
        from helpsvc.usage.presentation.report import render_report

        report.write_text(render_report(sim, lang), encoding="utf-8")
        err.print(f"report written to {report}")


@contextmanager
def _options_as_parameters() -> Iterator[None]:
    """An option that does not parse, as typer reports a bad parameter."""
    try:
        yield
    except OptionError as error:
        raise typer.BadParameter(error.reason, param_hint=error.flag) from None


def _replay(export: Path, options: SimulationOptions, lang: str) -> Simulation:
    """Run the simulation; what users can fix is explained and ends the command."""
    tariff = load_sample_tariff()

    def opener(strict_rows: bool) -> AbstractContextManager[ExportReader]:
        return open_export(export, strict=strict_rows, name=str(export))

    try:
        with _progress(export) as progress:
            return simulate(opener, options, tariff, progress=progress)
    except (ExportError, BadRowError, AmountError, ConfigError) as error:
        raise typer.Exit(_explain(error, lang)) from None


def _progress(path: Path) -> AbstractContextManager[Progress | None]:
    size = path.stat().st_size if path.is_file() else 0
    if size < _PROGRESS_MIN_BYTES or not err.is_terminal:
        return nullcontext()
    return reading("replaying", err)


def _explain(error: ExportError | BadRowError | AmountError | ConfigError, lang: str) -> int:
    """Print why the simulation stopped; returns the exit code (1: a bad row, 2: the
    file or an option)."""
    if isinstance(error, BadRowError):
        print_row_problem(error.problem, lang)
        err.print(f"[red]error:[/] {t('rows.strict', lang)}")
        return 1
    if isinstance(error, ExportError):
        message = describe_file_error(error.code, error.source, error.params, lang)
    elif isinstance(error, AmountError):
        message = t(
            "config.amount", lang, option=error.option, value=error.value, currency=error.currency
        )
    elif error.code == "card_expired":
        message = t("config.card_expired", lang, expiry=error.params.get("expiry", ""))
    else:
        message = t("config.invalid", lang, code=error.code)
    err.print(f"[red]error:[/] {message}")
    return 2


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
    from helpsvc.usage.generate import generate_rows, write_csv, write_zip

    try:
        first = date.fromisoformat(start)
    except ValueError:
        raise typer.BadParameter(
            f"'{start}' is not a date (YYYY-MM-DD)", param_hint="--start"
        ) from None
    if not _has_sample_rates(currency, country):
        raise typer.BadParameter(
            f"no sample rates for {currency} in {country}", param_hint="--currency"
        )
    shape = {"users": users, "days": days, "seed": seed, "start": first}
    shape |= {"currency": currency, "country": country}
    if output is not None and output.suffix.lower() == ".zip":
        count = write_zip(output, **shape)
    elif output is None:
        count = write_csv(sys.stdout, generate_rows(**shape))
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = write_csv(handle, generate_rows(**shape))
    if output is not None:
        err.print(f"{count} calls written to {output}")


def _has_sample_rates(currency: str, country: str) -> bool:
    """The generator prices calls from the sample rates: it needs them for this country."""
    from helpsvc.credits import NumberType
    from helpsvc.credits.money import CURRENCY_EXPONENTS
    from helpsvc.credits.tariff import RateService

    if currency not in CURRENCY_EXPONENTS:
        return False
    probe = (RateService.TOLL_FREE_DIAL_IN, country, NumberType.GEOGRAPHIC)
    return load_sample_tariff().rate(currency, *probe) is not None


def register(app: typer.Typer) -> None:
    """Add ``simulate`` and the ``usage`` group to ``helpsvc``."""
    app.command("simulate")(simulate_command)
    app.add_typer(usage_app, name="usage")
