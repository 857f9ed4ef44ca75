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
    print_failure,
    print_problems,
    print_summary,
)
from helpsvc.credits import load_sample_tariff
from helpsvc.usage.options import (
    OptionError,
    parse_amount,
    parse_card_month,
    parse_recharge_delay,
    parse_start,
)
from helpsvc.usage.presentation.failures import SIMULATION_ERRORS, describe_failure
from helpsvc.usage.presentation.messages import LANGUAGES, describe_option, t
from helpsvc.usage.reader import ExportReader, open_export
from helpsvc.usage.simulate import Progress, Simulation, SimulationOptions, simulate

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
    recharge_delay_days: Annotated[
        str | None,
        typer.Option(
            help="With --advise: days a real recharge may take to arrive (e.g. 0.5, 1 or 2). "
            "No trigger below the busiest spend within that many days is tried; 0 trusts "
            "recharges to be instant.  [default: 1]",
            show_default=False,
        ),
    ] = None,
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
    with _options_as_parameters(lang, as_json):
        if lang not in LANGUAGES:
            raise OptionError("lang", lang, f"'{lang}': use en, de or zh", kind="not_lang")
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
            recharge_delay_days=parse_recharge_delay(recharge_delay_days),
        )
    sim = _replay(export, options, lang, as_json)
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
        err.print(t("cli.report_written", lang, path=report))


@contextmanager
def _options_as_parameters(lang: str, as_json: bool) -> Iterator[None]:
    """An option that does not parse, as typer reports a bad parameter (as JSON on stdout
    with ``--json``; both exit 2)."""
    lang = lang if lang in LANGUAGES else "en"
    try:
        yield
    except OptionError as error:
        if as_json:
            failure = describe_failure(error, lang, cli=True)
            raise typer.Exit(print_failure(failure, 2, True)) from None
        reason = describe_option(error, lang, switch="--no-auto-recharge")
        raise typer.BadParameter(reason, param_hint=error.flag) from None


def _replay(export: Path, options: SimulationOptions, lang: str, as_json: bool) -> Simulation:
    """Run the simulation; what users can fix is explained and ends the command (exit 1
    for a bad row under --strict, 2 for the file or an option)."""
    tariff = load_sample_tariff()

    def opener(strict_rows: bool) -> AbstractContextManager[ExportReader]:
        return open_export(export, strict=strict_rows, name=str(export))

    try:
        with _progress(export) as progress:
            return simulate(opener, options, tariff, progress=progress)
    except SIMULATION_ERRORS as error:
        failure = describe_failure(error, lang, cli=True)
        code = 1 if failure.code.startswith("row_") else 2
        raise typer.Exit(print_failure(failure, code, as_json, lang)) from None


def _progress(path: Path) -> AbstractContextManager[Progress | None]:
    size = path.stat().st_size if path.is_file() else 0
    if size < _PROGRESS_MIN_BYTES or not err.is_terminal:
        return nullcontext()
    return reading("replaying", err)


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
        err.print(t("cli.calls_written", "en", count=count, path=output))


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
