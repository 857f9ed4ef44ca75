"""The funding advisor: which trigger and recharge amounts would have served the export best.

Pure. It replays the export's credit-funded spend (summed per minute, see ``UsageStats``)
through the credits engine for a grid of trigger and recharge amounts and keeps the pairs
that refused no call. Of those it recommends the one that held the least money in credits
on average (time-weighted) without recharging more often than ``max_recharges_per_month``
(default four, about weekly): below that, holding less only buys more card charges.

Two limits keep the advice usable outside the simulator, where a recharge is not instant:
triggers start at the recharge-delay margin, and the starting funds are the recharge amount
unless the caller fixes them. The margin is the most credit-funded spend of the calls
starting within any window of ``recharge_delay_days`` (default one day; a sliding window
over the per-minute spend, so it can straddle midnight): whatever the trigger, the balance
left when it is crossed must carry that spend until the recharge arrives. ``0`` trusts
recharges to be instant, as they are in the simulator. Each candidate stops at
its first refusal (it is out) or when it has already recharged too often.

Beside it stands the rule of thumb of the guides: starting funds = one typical month of
credit-funded spend plus about 20 %; trigger amount >= the credit-funded spend of the
busiest week; recharge amount = about one month of credit-funded spend.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from helpsvc.credits import CallKind, Money, NumberType, Tariff
from helpsvc.credits.money import exponent

from .calls import ReplayCall
from .replay import ReplayConfig, Replayer
from .stats import UsageStats

HEADROOM_PERCENT = 20
MAX_GRID = 12
_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


@dataclass(frozen=True, slots=True)
class RuleOfThumb:
    typical_month: int
    busiest_week: int
    busiest_week_start: date | None
    busiest_day: int
    busiest_day_date: date | None
    funds: int
    trigger: int
    recharge: int


@dataclass(frozen=True, slots=True)
class Candidate:
    trigger: int
    recharge: int
    funds: int
    refused: bool
    recharges: int
    recharges_per_month: float
    average_held: int
    complete: bool
    """False when the replay stopped early (first refusal, or too many recharges)."""
    first_refusal: datetime | None = None

    def feasible(self, cap: float) -> bool:
        return not self.refused and self.complete and self.recharges_per_month <= cap


@dataclass(frozen=True, slots=True)
class Advice:
    currency: str
    recommended: Candidate | None
    rule_of_thumb: RuleOfThumb
    rule_of_thumb_result: Candidate | None
    candidates: tuple[Candidate, ...]
    max_recharges_per_month: float
    reason: str | None = None
    """Why there is no recommendation: ``no_credit_usage`` or ``nothing_feasible``."""
    recharge_delay_days: float = 1.0
    """The time a recharge may take to arrive that the triggers allow for."""
    lowest_trigger: int = 0
    """The margin: the busiest spend over ``recharge_delay_days``; no lower trigger tried."""
    lowest_trigger_from: datetime | None = None
    """Where the window of that busiest spend starts."""

    def tradeoff(self) -> list[Candidate]:
        """Per recharge amount, the refusal-free pair holding the least: more held money
        buys fewer recharges."""
        best: dict[int, Candidate] = {}
        for c in self.candidates:
            if c.refused or not c.complete:
                continue
            current = best.get(c.recharge)
            if current is None or (c.average_held, c.trigger) < (
                current.average_held,
                current.trigger,
            ):
                best[c.recharge] = c
        return [best[r] for r in sorted(best)]


def _round_up(minor: int, currency: str) -> int:
    """Up to a whole currency unit: nobody types 483.27 into a funding form."""
    unit = 10 ** exponent(currency)
    return -(-minor // unit) * unit


def rule_of_thumb(stats: UsageStats, currency: str) -> RuleOfThumb:
    month = stats.typical_month()
    week_start, week = stats.busiest_week()
    day_date, day = stats.busiest_day()
    return RuleOfThumb(
        typical_month=month,
        busiest_week=week,
        busiest_week_start=week_start,
        busiest_day=day,
        busiest_day_date=day_date,
        funds=_round_up(month * (100 + HEADROOM_PERCENT) // 100, currency),
        trigger=_round_up(week, currency),
        recharge=_round_up(month, currency),
    )


def nice_amounts(low: int, high: int, currency: str) -> list[int]:
    """Round amounts (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k units) from ``low`` to ``high``."""
    unit = 10 ** exponent(currency)
    low = max(low, unit)
    high = max(high, low)
    values: list[int] = []
    power = 10 ** max(0, int(math.log10(low / unit)) - 1)
    while True:
        for step in _STEPS:
            value = int(step * power * unit)
            if value >= high:
                values.append(value)
                return _thin(sorted(set(values)))
            if value >= low:
                values.append(value)
        power *= 10


def _thin(values: list[int]) -> list[int]:
    if len(values) <= MAX_GRID:
        return values
    picked = [values[round(i * (len(values) - 1) / (MAX_GRID - 1))] for i in range(MAX_GRID)]
    return sorted(set(picked))


def grid(
    stats: UsageStats, rule: RuleOfThumb, currency: str, lowest_trigger: int
) -> tuple[list[int], list[int]]:
    """Trigger and recharge amounts to try; no trigger below ``lowest_trigger``."""
    triggers = nice_amounts(lowest_trigger, 2 * max(rule.busiest_week, lowest_trigger), currency)
    low = max(stats.largest_call, rule.typical_month // 12)
    recharges = nice_amounts(low, 2 * max(rule.typical_month, low), currency)
    if rule.trigger >= lowest_trigger:
        triggers = sorted(set(triggers) | {rule.trigger})
    recharges = sorted(set(recharges) | {rule.recharge})
    return triggers, recharges


def series_calls(series: Iterable[tuple[datetime, int]], country: str) -> list[ReplayCall]:
    """The per-minute spend as calls of one user (only the amounts and times matter)."""
    return [
        ReplayCall(
            at,
            0,
            "advisor",
            country,
            CallKind.USER_OUTBOUND_DOMESTIC,
            None,
            NumberType.GEOGRAPHIC,
            60,
            spend,
            "",
        )
        for at, spend in series
    ]


def evaluate(
    calls: list[ReplayCall],
    *,
    currency: str,
    start: datetime,
    end: datetime,
    trigger: int,
    recharge: int,
    funds: int | None,
    months: float,
    cap: float,
    tariff: Tariff,
    country: str,
) -> Candidate:
    """Replay one pair; stops at the first refusal or past the recharge budget."""
    starting = recharge if funds is None else funds
    config = ReplayConfig(
        currency=currency,
        start=start,
        funds=Money(starting, currency),
        trigger=Money(trigger, currency),
        recharge=Money(recharge, currency),
        country=country,
    )
    replayer = Replayer(config, tariff, stop_at_first_refusal=True, keep=1, points=4)
    budget = math.floor(cap * months) + 1 if math.isfinite(cap) else None
    complete = True
    for call in calls:
        replayer.call(call)
        if replayer.stopped:
            complete = False
            break
        if budget is not None and replayer.result.recharge_count > budget:
            complete = False
            break
    result = replayer.finish(end) if complete else replayer.result
    refused = result.refused_count > 0
    first = result.refused[0].at if result.refused else None
    return Candidate(
        trigger=trigger,
        recharge=recharge,
        funds=starting,
        refused=refused,
        recharges=result.recharge_count,
        recharges_per_month=round(result.recharge_count / months, 2),
        average_held=result.average_held if complete else 0,
        complete=complete,
        first_refusal=first,
    )


def advise(
    stats: UsageStats,
    *,
    currency: str,
    start: datetime,
    end: datetime,
    tariff: Tariff,
    country: str = "US",
    funds: int | None = None,
    max_recharges_per_month: float = 4.0,
    recharge_delay_days: float = 1.0,
    exclude: frozenset[tuple[int, int]] = frozenset(),
) -> Advice:
    """Search the grid and recommend a pair (``exclude``: pairs a caller found refusing)."""
    rule = rule_of_thumb(stats, currency)
    cap = max_recharges_per_month
    window_start, margin = stats.busiest_window(recharge_delay_days)
    margin_fields = {
        "recharge_delay_days": recharge_delay_days,
        "lowest_trigger": margin,
        "lowest_trigger_from": window_start,
    }
    if stats.spend <= 0:
        return Advice(
            currency, None, rule, None, (), cap, reason="no_credit_usage", **margin_fields
        )
    calls = series_calls(stats.minute_series(), country)
    months = max((end - start).total_seconds() / 86400, 1) / (365.25 / 12)
    triggers, recharges = grid(stats, rule, currency, margin)
    candidates: list[Candidate] = []
    for recharge in recharges:
        for trigger in triggers:
            candidate = evaluate(
                calls,
                currency=currency,
                start=start,
                end=end,
                trigger=trigger,
                recharge=recharge,
                funds=funds,
                months=months,
                cap=cap,
                tariff=tariff,
                country=country,
            )
            if (trigger, recharge) in exclude:
                candidate = _refusing(candidate)
            candidates.append(candidate)
    rule_result = evaluate(
        calls,
        currency=currency,
        start=start,
        end=end,
        trigger=rule.trigger,
        recharge=rule.recharge,
        funds=rule.funds if funds is None else funds,
        months=months,
        cap=float("inf"),
        tariff=tariff,
        country=country,
    )
    feasible = [c for c in candidates if c.feasible(cap)]
    tried = (rule, rule_result, tuple(candidates), cap)
    if not feasible:
        return Advice(currency, None, *tried, reason="nothing_feasible", **margin_fields)
    best = min(feasible, key=lambda c: (c.average_held, c.recharges, c.trigger, c.recharge))
    return Advice(currency, best, *tried, **margin_fields)


def _refusing(candidate: Candidate) -> Candidate:
    return Candidate(
        trigger=candidate.trigger,
        recharge=candidate.recharge,
        funds=candidate.funds,
        refused=True,
        recharges=candidate.recharges,
        recharges_per_month=candidate.recharges_per_month,
        average_held=candidate.average_held,
        complete=candidate.complete,
        first_refusal=candidate.first_refusal,
    )
