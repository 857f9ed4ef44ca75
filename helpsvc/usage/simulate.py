"""One simulation: read an export, replay it against a configuration, advise.

This is where the file is read (through an ``Opener`` the caller supplies, so the CLI can
pass a path and the API an upload or a tenant's own usage); everything it calls is pure.

Passes over the file, each streamed:

1. Every row is read and checked once: bad rows are reported here, the spend statistics
   are gathered, and if every amount of the configuration was given and the rows are in
   time order, the replay happens in this same pass.
2. Only when needed: the replay whose amounts came from the rule of thumb (they need the
   statistics of pass 1), and with ``advise`` the exact replay of the recommended pair (the
   advisor searches on the spend per minute; this pass proves the pair on the real calls).
   An export that is not in time order is sorted on disk first, in runs of
   ``SORT_RUN`` calls, so memory stays flat here too.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import IO, Any

from helpsvc.credits import DomainError, Money, Tariff

from .advisor import Advice, RuleOfThumb, advise, rule_of_thumb
from .calls import CallProblem, ReplayCall, to_call
from .columns import CREDIT_CAPABILITIES, country_code
from .options import DEFAULT_RECHARGE_DELAY_DAYS, OptionError, check_zero_amounts
from .problems import ExportError, Note, RowProblem
from .reader import ExportReader, as_row, is_credit_funded
from .replay import ConfigError, ReplayConfig, Replayer, ReplayResult, day_start
from .stats import UsageStats

Opener = Callable[[bool], AbstractContextManager[ExportReader]]
"""``opener(strict)`` opens the export afresh for one pass."""
Progress = Callable[[int, int | None], None]
"""``progress(bytes_done, bytes_total)`` during the first pass."""

SORT_RUN = 100_000
_PROGRESS_EVERY = 8192
_VERIFY_TRIES = 3


@dataclass(frozen=True, slots=True)
class SimulationOptions:
    """What the user asked for; amounts as typed (major units), parsed in the export's
    currency once it is known. A missing amount comes from the guides' rule of thumb."""

    funds: str | None = None
    trigger: str | None = None
    recharge: str | None = None
    auto_recharge: bool = True
    card_expires: tuple[int, int] | None = None
    nce: bool = False
    start: datetime | None = None
    advise: bool = False
    strict: bool = False
    max_recharges_per_month: float = 4.0
    recharge_delay_days: float = DEFAULT_RECHARGE_DELAY_DAYS
    """How long a recharge may take to arrive: the advisor's lowest trigger covers it."""

    def __post_init__(self) -> None:
        # Explicit zeros are refused here too, so no caller can slip one past the parsers.
        check_zero_amounts(
            self.funds,
            self.trigger,
            self.recharge,
            auto_recharge=self.auto_recharge,
            nce=self.nce,
        )

    @property
    def complete(self) -> bool:
        """Every amount given, so the replay needs no statistics first."""
        if self.nce or not self.auto_recharge:
            return self.funds is not None
        return None not in (self.funds, self.trigger, self.recharge)


@dataclass
class Simulation:
    source: str
    currency: str
    stats: UsageStats
    config: ReplayConfig
    result: ReplayResult
    rule: RuleOfThumb
    defaulted: tuple[str, ...] = ()
    """Amounts that came from the rule of thumb (``funds``, ``trigger``, ``recharge``)."""
    notes: list[Note] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    problem_count: int = 0
    parameters: dict[str, Any] = field(default_factory=dict)
    advice: Advice | None = None
    recommended: ReplayResult | None = None
    """The exact replay of the recommended pair."""
    passes: int = 1


class AmountError(Exception):
    """An amount option that is not an amount of the export's currency."""

    def __init__(self, option: str, value: str, currency: str) -> None:
        self.option, self.value, self.currency = option, value, currency
        super().__init__(f"{option}: {value!r} ({currency})")


def _money(option: str, text: str, currency: str) -> Money:
    try:
        value = Money.parse(text, currency)
    except DomainError:
        raise AmountError(option, text, currency) from None
    if value.is_negative:
        raise AmountError(option, text, currency)
    return value


def simulate(
    opener: Opener,
    options: SimulationOptions,
    tariff: Tariff,
    *,
    progress: Progress | None = None,
) -> Simulation:
    first = _first_pass(opener, options, tariff, progress)
    stats, currency, country = first.stats, first.currency, first.country
    rule = rule_of_thumb(stats, currency)
    config, defaulted = _config(options, currency, country, stats, rule)
    end = day_start(stats.last) + timedelta(days=1)
    simulation = Simulation(
        source=first.source,
        currency=currency,
        stats=stats,
        config=config,
        result=None,  # type: ignore[arg-type]  # set below
        rule=rule,
        defaulted=defaulted,
        notes=first.notes,
        problems=first.problems,
        problem_count=first.problem_count,
        parameters=first.parameters,
    )
    if first.replayer is not None and stats.sorted:
        simulation.result = first.replayer.finish(end)
    else:
        replayer = Replayer(config, tariff)
        simulation.result = _replay_all(opener, stats, currency, tariff, country, [replayer], end)[
            0
        ]
        simulation.passes += 1
    if options.advise:
        _advise(simulation, opener, options, tariff, country, end)
    return simulation


@dataclass
class _FirstPass:
    """What reading the whole export once found out."""

    source: str
    currency: str
    country: str
    """The usage location of the first credit-funded call: the tenant's country."""
    stats: UsageStats
    replayer: Replayer | None
    """The replay done in the same pass, when every amount was given."""
    notes: list[Note]
    problems: list[RowProblem]
    problem_count: int
    parameters: dict[str, Any]


def _first_pass(
    opener: Opener, options: SimulationOptions, tariff: Tariff, progress: Progress | None
) -> _FirstPass:
    stats = UsageStats(keep_series=options.advise)
    main: Replayer | None = None
    country = "US"
    complete = options.complete
    with opener(options.strict) as reader:
        size = reader.size
        tick = None
        if progress is not None:

            def tick() -> None:
                progress(reader.position, size)

        rows = reader.rows()
        currency = _currency(reader)
        for row in stats.credit_rows_of(rows, tick):
            if stats.credit_rows == 0 and main is None:
                country = country_code(row.user_location) or country
            call = to_call(row, currency, tariff, country)
            if type(call) is CallProblem:
                reader.problem(row.row, call.code, **call.params)
                continue
            stats.add_credit(row, call.charge)
            if complete and stats.sorted:
                if main is None:
                    config = _config(options, currency, country, stats, None)[0]
                    main = Replayer(config, tariff)
                main.call(call)
        if progress is not None:
            progress(size or reader.position, size)
    if stats.rows == 0:
        # Columns and nothing under them is a report of a period without calls, not a
        # file whose rows were all bad.
        empty = reader.problem_count == 0
        raise ExportError("header_only" if empty else "no_rows", reader.source)
    return _FirstPass(
        reader.source,
        currency,
        country,
        stats,
        main,
        reader.notes,
        reader.problems,
        reader.problem_count,
        reader.parameters,
    )


def _currency(reader: ExportReader) -> str:
    from helpsvc.credits.money import CURRENCY_EXPONENTS

    currency = reader.currency
    if not currency and not reader.sampled:
        # Columns and nothing under them: a report of a period without calls.
        raise ExportError("header_only", reader.source)
    if not currency:
        raise ExportError("no_currency", reader.source)
    if currency not in CURRENCY_EXPONENTS:
        raise ExportError("unknown_currency", reader.source, currency=currency)
    return currency


def _config(
    options: SimulationOptions,
    currency: str,
    country: str,
    stats: UsageStats,
    rule: RuleOfThumb | None,
) -> tuple[ReplayConfig, tuple[str, ...]]:
    defaulted: list[str] = []

    def amount(name: str, given: str | None, fallback: int) -> Money:
        if given is not None:
            return _money(name, given, currency)
        defaulted.append(name)
        return Money(fallback, currency)

    funds = amount("funds", options.funds, rule.funds if rule else 0)
    trigger = recharge = None
    recharging = options.auto_recharge and not options.nce
    if recharging:
        trigger = amount("trigger", options.trigger, rule.trigger if rule else 0)
        recharge = amount("recharge", options.recharge, rule.recharge if rule else 0)
        if not recharge.is_positive:
            # Only a defaulted amount gets here (an explicit zero is an OptionError): no
            # credit-funded spend to size it from, so auto-recharge stays off.
            recharging = False
    assert stats.first is not None
    start = options.start or day_start(stats.first)
    config = ReplayConfig(
        currency=currency,
        start=start,
        funds=funds,
        trigger=trigger,
        recharge=recharge,
        auto_recharge=recharging,
        card_expires=options.card_expires,
        nce=options.nce,
        country=country,
    )
    return config, tuple(defaulted)


def _ordered_calls(
    opener: Opener, stats: UsageStats, currency: str, tariff: Tariff, country: str
) -> Iterator[ReplayCall]:
    """The export's credit-funded calls in start-time order (problems were reported in
    pass 1 and are skipped silently here)."""
    if stats.sorted:
        with opener(False) as reader:
            yield from _calls(reader, currency, tariff, country)
        return
    runs: list[IO[bytes]] = []
    run: list[ReplayCall] = []
    try:
        with opener(False) as reader:
            for call in _calls(reader, currency, tariff, country):
                run.append(call)
                if len(run) >= SORT_RUN:
                    runs.append(_spill(run))
                    run = []
        run.sort(key=_order)
        if not runs:
            yield from run
            return
        runs.append(_spill(run))
        run = []
        yield from heapq.merge(*(_unspill(f) for f in runs), key=_order)
    finally:
        for f in runs:
            f.close()


def _order(call: ReplayCall) -> tuple[datetime, int]:
    return call.at, call.row  # type: ignore[return-value]


def _spill(run: list[ReplayCall]) -> IO[bytes]:
    run.sort(key=_order)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed after the merge
    for i in range(0, len(run), 5000):
        pickle.dump(run[i : i + 5000], handle, protocol=pickle.HIGHEST_PROTOCOL)
    handle.seek(0)
    return handle


def _unspill(handle: IO[bytes]) -> Iterator[ReplayCall]:
    while True:
        try:
            block = pickle.load(handle)  # noqa: S301 - our own temporary file
        except EOFError:
            return
        yield from block


def _calls(
    reader: ExportReader, currency: str, tariff: Tariff, country: str
) -> Iterator[ReplayCall]:
    for values in reader.rows():
        # The fields of UsageRow, in its order; only credit-funded rows are named in full.
        (
            _row,
            _start,
            _upn,
            _call_type,
            _number_type,
            _domestic,
            _location,
            _destination,
            _seconds,
            charge,
            capability,
            _call_id,
        ) = values
        if capability not in CREDIT_CAPABILITIES and (
            capability or not is_credit_funded("", charge)
        ):
            continue
        call = to_call(as_row(values), currency, tariff, country)
        if type(call) is ReplayCall:
            yield call


def _replay_all(
    opener: Opener,
    stats: UsageStats,
    currency: str,
    tariff: Tariff,
    country: str,
    replayers: list[Replayer],
    end: datetime,
) -> list[ReplayResult]:
    """Feed the same ordered calls to several replays in one pass."""
    for call in _ordered_calls(opener, stats, currency, tariff, country):
        for replayer in replayers:
            replayer.call(call)
    return [replayer.finish(end) for replayer in replayers]


def _advise(
    simulation: Simulation,
    opener: Opener,
    options: SimulationOptions,
    tariff: Tariff,
    country: str,
    end: datetime,
) -> None:
    config = simulation.config
    funds = config.funds.minor if options.funds is not None else None
    excluded: frozenset[tuple[int, int]] = frozenset()
    for _ in range(_VERIFY_TRIES):
        advice = advise(
            simulation.stats,
            currency=simulation.currency,
            start=config.start,
            end=end,
            tariff=tariff,
            country=country,
            funds=funds,
            max_recharges_per_month=options.max_recharges_per_month,
            recharge_delay_days=options.recharge_delay_days,
            exclude=excluded,
        )
        simulation.advice = advice
        best = advice.recommended
        if best is None:
            return
        exact = ReplayConfig(
            currency=simulation.currency,
            start=config.start,
            funds=Money(best.funds, simulation.currency),
            trigger=Money(best.trigger, simulation.currency),
            recharge=Money(best.recharge, simulation.currency),
            country=country,
        )
        [result] = _replay_all(
            opener,
            simulation.stats,
            simulation.currency,
            tariff,
            country,
            [Replayer(exact, tariff)],
            end,
        )
        simulation.passes += 1
        simulation.recommended = result
        if result.refused_count == 0:
            return
        # The per-minute search missed a refusal that the real calls show: try the next.
        excluded = excluded | {(best.trigger, best.recharge)}


__all__ = [
    "AmountError",
    "ConfigError",
    "OptionError",
    "Opener",
    "Simulation",
    "SimulationOptions",
    "simulate",
]
