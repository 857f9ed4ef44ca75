"""Replaying credit-funded calls through the credits engine, against one configuration.

Pure: calls and a configuration in, a ``ReplayResult`` out; every change of the balance is
decided by ``helpsvc.credits.apply`` exactly as in the simulator (funds, auto-recharge,
refusals at zero, lot expiry, NCE overage). Calls must arrive in start-time order.

Configuration as the tenant would have it: a card (expiring at the end of the given month,
by default never during the replay), the starting funds bought at the start, then either
auto-recharge with the trigger and recharge amounts, or a switch to NCE.

A card already expired at the start is a real admin's situation, not a mistake: the card
on file was set, and auto-recharge saved, while the card still worked (so the replay's
tenant is set up on the first day of the card's expiry month, when the engine accepts the
card, and its clock moved to the start). The engine buys nothing with an expired card, so
the starting funds are the balance the admin already holds: an opening-balance
``Adjustment`` at the start, a lot dated the start and expiring 12 months later, as the
purchase would have been. Every auto-recharge then fails on the card and is recorded as a
failed recharge.

``lowest_balance`` is the lowest balance the ledger shows: it starts at the starting funds
and includes the balance a debit left before the auto-recharge it set off (the recharge
follows the debit; in reality a while later).

Users: the first call of a UPN adds a user of that name in the row's User Location with
Audio Conferencing, Phone System, an international calling plan and the Communications
Credits license. The export lists calls that took place, so whoever made them held what
they needed; what is replayed is what they cost the balance, and for that the engine
needs the Communications Credits license. Calls carry their price (``PlaceCall.charge``),
so the licenses never change an amount.

Speed without cutting corners: consecutive calls that provably cause nothing but a debit
are placed as one ``PlaceCall`` of their summed charge. That is exact because the engine's
outcome of such a run depends only on the sum: a run qualifies while, after its last call,
a prepaid balance is still above zero and (if auto-recharge is armed) at or above the
trigger, so no call in it can be refused, recharge or notify; and the run ends before the
next due instant (month boundary, lot expiry), so nothing time-driven happens in between.
Usage draws on lots in a fixed order, so one debit of the sum leaves the same lots as the
debits one by one. The balance between the calls of a run (for the chart and the average
held) is tracked call by call all the same. When a prepaid balance is at or below zero,
the engine refuses every priced call until something changes; such refusals are asked of
the engine once and then recorded for the following calls while the state is unchanged.
``batch=False`` places every call on its own (the tests compare both).

Memory stays flat: the ledger is compacted after every command, events are kept up to
``keep`` of a kind (and counted beyond), and the balance over time is kept as at most
``points`` buckets whose width doubles when they run out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any

from helpsvc.credits import (
    AddFunds,
    AddUser,
    Adjustment,
    AutoRechargeFailed,
    AutoRechargeSucceeded,
    BillingPeriodClosed,
    CallingPlan,
    CallRated,
    CallRefused,
    Command,
    CommerceModel,
    ConfigureAutoRecharge,
    DomainError,
    Licenses,
    LotExpired,
    Money,
    NotificationQueued,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
    Tariff,
    TenantState,
    apply,
    clock_steps,
    new_tenant,
    next_month_start,
)
from helpsvc.credits.lots import next_expiry

from .calls import ReplayCall

REPLAY_LICENSES = Licenses(
    audio_conferencing=True,
    phone_system=True,
    calling_plan=CallingPlan.INTERNATIONAL,
    communications_credits=True,
)
CARD_LAST4 = "4242"
OPENING_BALANCE = "opening balance: the card expired before the replay starts"
_FAR = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ReplayConfig:
    """One configuration to replay, amounts in the export's currency."""

    currency: str
    start: datetime
    funds: Money
    trigger: Money | None = None
    recharge: Money | None = None
    auto_recharge: bool = True
    card_expires: tuple[int, int] | None = None
    """(year, month): valid through the last day of that month; None: never during the replay."""
    nce: bool = False
    country: str = "US"

    @property
    def card_expired_at_start(self) -> bool:
        """The card no longer works on the first day of the replay (see the module doc)."""
        if self.card_expires is None:
            return False
        year, month = self.card_expires
        return self.start >= next_month_start(datetime(year, month, 1, tzinfo=UTC))

    @property
    def recharging(self) -> bool:
        return (
            self.auto_recharge
            and not self.nce
            and self.trigger is not None
            and self.recharge is not None
        )


class ConfigError(Exception):
    """A configuration the credits rules do not allow (e.g. NCE with a debt)."""

    def __init__(self, code: str, params: dict[str, Any]) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}")


@dataclass(frozen=True, slots=True)
class Recharge:
    at: datetime
    amount: int
    balance_after: int


@dataclass(frozen=True, slots=True)
class FailedRecharge:
    at: datetime
    reason: str
    amount: int
    balance_after: int


@dataclass(frozen=True, slots=True)
class Refusal:
    at: datetime
    row: int
    user: str
    charge: int
    reason: str


@dataclass(frozen=True, slots=True)
class Expiry:
    at: datetime
    forfeited: int


@dataclass(frozen=True, slots=True)
class Notice:
    at: datetime
    kind: str
    balance: int


@dataclass(frozen=True, slots=True)
class Invoice:
    period_start: datetime
    period_end: datetime
    overage: int


@dataclass
class ReplayResult:
    config: ReplayConfig
    start: datetime
    end: datetime
    calls: int = 0
    rated: int = 0
    spent: int = 0
    """Charged for calls that took place (from credits, debt and NCE overage)."""
    refused_count: int = 0
    refused_charge: int = 0
    refused: list[Refusal] = field(default_factory=list)
    refused_per_day: dict[date, int] = field(default_factory=lambda: defaultdict(int))
    recharge_count: int = 0
    recharged: int = 0
    recharges: list[Recharge] = field(default_factory=list)
    failed_count: int = 0
    failed: list[FailedRecharge] = field(default_factory=list)
    expired_total: int = 0
    expiries: list[Expiry] = field(default_factory=list)
    notification_counts: Counter = field(default_factory=Counter)
    notifications: list[Notice] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    overage: int = 0
    before_start: int = 0
    final_balance: int = 0
    lowest_balance: int = 0
    peak_balance: int = 0
    average_held: int = 0
    """Time-weighted average of the positive balance over the period, minor units."""
    series: list[tuple[datetime, int, int, int]] = field(default_factory=list)
    """Balance over time: (bucket start, lowest, highest, last) in minor units."""

    def money(self, minor: int) -> Money:
        return Money(int(minor), self.config.currency)

    @property
    def first_refusal(self) -> Refusal | None:
        return self.refused[0] if self.refused else None


class _Series:
    """The balance over time in at most ``limit`` buckets (width doubles when full)."""

    def __init__(self, limit: int, start: datetime) -> None:
        self.limit = limit
        self.origin = start.timestamp()
        self.width = 600.0
        self.buckets: list[list[float]] = []  # [index, low, high, last]

    def add(self, elapsed: float, balance: int) -> None:
        """``balance`` at ``elapsed`` seconds after the start."""
        index = int(elapsed // self.width)
        buckets = self.buckets
        if buckets and buckets[-1][0] == index:
            bucket = buckets[-1]
            if balance < bucket[1]:
                bucket[1] = balance
            elif balance > bucket[2]:
                bucket[2] = balance
            bucket[3] = balance
            return
        buckets.append([index, balance, balance, balance])
        if len(buckets) > self.limit:
            self._halve()

    def _halve(self) -> None:
        merged: list[list[float]] = []
        for index, low, high, last in self.buckets:
            index //= 2
            if merged and merged[-1][0] == index:
                bucket = merged[-1]
                bucket[1] = min(bucket[1], low)
                bucket[2] = max(bucket[2], high)
                bucket[3] = last
            else:
                merged.append([index, low, high, last])
        self.width *= 2
        self.buckets = merged

    def points(self) -> list[tuple[datetime, int, int, int]]:
        return [
            (
                datetime.fromtimestamp(self.origin + index * self.width, UTC),
                int(low),
                int(high),
                int(last),
            )
            for index, low, high, last in self.buckets
        ]


class _StopReplay(Exception):
    pass


class Replayer:
    """Feed ``call()`` in start-time order, then ``finish()``."""

    def __init__(
        self,
        config: ReplayConfig,
        tariff: Tariff,
        *,
        batch: bool = True,
        stop_at_first_refusal: bool = False,
        keep: int = 1000,
        points: int = 1500,
    ) -> None:
        self.config = config
        self.tariff = tariff
        self.batch = batch
        self.stop_at_first_refusal = stop_at_first_refusal
        self.keep = keep
        self.stopped = False
        self.result = ReplayResult(config=config, start=config.start, end=config.start)
        self._series = _Series(points, config.start)
        self._users: dict[str, str] = {}
        self._area = 0.0
        self._elapsed = 0.0
        self._t = config.start
        self._bal = 0
        self.state = self._setup()
        # The replay starts at the starting funds: that is the lowest balance until a debit.
        opening = self.state.balance.minor
        self.result.lowest_balance = self.result.peak_balance = opening
        self._sync()
        # The run being gathered (see the module docstring).
        self._pending = 0
        self._pending_calls = 0
        self._last: ReplayCall | None = None
        self._stuck: CallRefused | None = None
        self._refusal_seen: CallRefused | None = None
        self._current: ReplayCall | None = None

    # -- setup ----------------------------------------------------------------------------

    def _setup(self) -> TenantState:
        config = self.config
        if config.card_expires is not None:
            year, month = config.card_expires
        else:
            later = config.start.year + 50
            year, month = later, 12
        expired = config.card_expired_at_start
        # An expired card was set (and auto-recharge saved) while it still worked.
        setup_at = datetime(year, month, 1, tzinfo=UTC) if expired else config.start
        state = new_tenant("replay", config.currency, config.country, setup_at)
        recharge = ConfigureAutoRecharge(True, config.trigger, config.recharge)
        commands: list[Command] = [SetPaymentCard(CARD_LAST4, month, year)]
        if expired:
            commands += [recharge] if config.recharging else []
            # The card may have expired more than one clock step's span before the start.
            commands.extend(clock_steps(setup_at, config.start))
        if config.funds.is_positive:
            # The engine buys nothing with an expired card: the funds are already held.
            funds = Adjustment(config.funds, OPENING_BALANCE) if expired else AddFunds(config.funds)
            commands.append(funds)
        if config.nce:
            commands.append(SwitchToNce())
        elif config.recharging and not expired:
            commands.append(recharge)
        for command in commands:
            try:
                state = self._apply(state, command)
            except DomainError as error:
                raise ConfigError(error.code.value, dict(error.params)) from None
        return state

    def _move_clock(self, state: TenantState, to: datetime) -> TenantState:
        # An export may leave years between two calls; the engine moves a bounded span per step.
        for step in clock_steps(state.now, to):
            state = self._apply(state, step)
        return state

    def _apply(self, state: TenantState, command: Command) -> TenantState:
        decision = apply(state, command, self.tariff)
        new = decision.state
        # The replay keeps no ledger history; the events carry everything it reports.
        new = replace(new, ledger=new.ledger.compacted(new.currency))
        for event in decision.events:
            self._record(event)
        return new

    # -- bookkeeping --------------------------------------------------------------------

    def _move(self, at: datetime, balance: int) -> None:
        """The balance changed to ``balance`` at ``at``: integrate the time held before."""
        if at > self._t:
            seconds = (at - self._t).total_seconds()
            if self._bal > 0:
                self._area += self._bal * seconds
            self._elapsed += seconds
            self._t = at
        self._bal = balance
        result = self.result
        if balance < result.lowest_balance:
            result.lowest_balance = balance
        if balance > result.peak_balance:
            result.peak_balance = balance
        self._series.add(self._elapsed, balance)

    def _record(self, event: Any) -> None:
        result = self.result
        keep = self.keep
        if isinstance(event, CallRated):
            self._move(event.at, event.balance_after.minor)
        elif isinstance(event, CallRefused):
            self._refusal_seen = event
            self._refused(event, event.at)
        elif isinstance(event, AutoRechargeSucceeded):
            result.recharge_count += 1
            result.recharged += event.amount.minor
            if len(result.recharges) < keep:
                result.recharges.append(
                    Recharge(event.at, event.amount.minor, event.balance_after.minor)
                )
            self._move(event.at, event.balance_after.minor)
        elif isinstance(event, AutoRechargeFailed):
            result.failed_count += 1
            if len(result.failed) < keep:
                result.failed.append(
                    FailedRecharge(
                        event.at, event.reason.value, event.amount.minor, event.balance_after.minor
                    )
                )
        elif isinstance(event, LotExpired):
            result.expired_total += event.forfeited.minor
            if len(result.expiries) < keep:
                result.expiries.append(Expiry(event.at, event.forfeited.minor))
            self._move(event.at, event.balance_after.minor)
        elif isinstance(event, NotificationQueued):
            kind = event.kind.value
            result.notification_counts[kind] += 1
            if len(result.notifications) < keep:
                result.notifications.append(Notice(event.at, kind, event.balance.minor))
        elif isinstance(event, BillingPeriodClosed):
            result.overage += event.overage.minor
            if len(result.invoices) < keep:
                result.invoices.append(
                    Invoice(event.period_start, event.period_end, event.overage.minor)
                )
        elif event.name in ("funds_added", "adjusted"):
            self._move(event.at, event.balance_after.minor)

    def _refused(self, event: CallRefused, at: datetime) -> None:
        result = self.result
        call = self._current
        assert call is not None
        result.refused_count += 1
        result.refused_charge += call.charge
        result.refused_per_day[at.date()] += 1
        if len(result.refused) < self.keep:
            result.refused.append(Refusal(at, call.row, call.user, call.charge, event.reason.value))
        if self.stop_at_first_refusal:
            self.stopped = True
            raise _StopReplay

    def _sync(self) -> None:
        state = self.state
        self._balance = state.balance.minor
        boundary = next_month_start(state.pools.period_start)
        expiry = next_expiry(state.lots)
        self._next_due = boundary if expiry is None or boundary < expiry else expiry
        self._armed = self.config.recharging and state.recharge_armed
        self._nce = state.model is CommerceModel.NCE
        self._trigger = self.config.trigger.minor if self.config.trigger is not None else 0

    # -- calls --------------------------------------------------------------------------

    def call(self, call: ReplayCall) -> None:
        """Replay one credit-funded call (in start-time order)."""
        if self.stopped:
            return
        at = call.at
        if at < self.config.start:
            self.result.before_start += 1
            return
        self.result.calls += 1
        if call.user not in self._users:
            self._add_user(call)
        if self.batch and at < self._next_due and self._quiet(call.charge):
            self._pending += call.charge
            self._pending_calls += 1
            self._last = call
            shadow = self._balance - self._pending
            # NCE credits stop at zero; the rest is overage on the invoice.
            self._move(at, shadow if shadow > 0 or not self._nce else 0)
            return
        try:
            self._flush()
            self._single(call)
        except _StopReplay:
            return

    def _quiet(self, charge: int) -> bool:
        """Would a debit of the run plus ``charge`` cause nothing but the debit?"""
        after = self._balance - self._pending - charge
        if after > 0:
            return not self._armed or after >= self._trigger
        # NCE credits already used up: everything is overage, no notification can fire.
        return self._nce and self._balance - self._pending <= 0

    def _add_user(self, call: ReplayCall) -> None:
        self._users[call.user] = call.country
        self.state = self._apply(
            self.state, AddUser(call.user, country=call.country, licenses=REPLAY_LICENSES)
        )

    def _advance(self, at: datetime) -> None:
        if at > self.state.now:
            self.state = self._move_clock(self.state, at)
            self._stuck = None
            self._sync()

    def _command(self, call: ReplayCall, charge: int, call_id: str | None) -> PlaceCall:
        country = self._users[call.user]
        destination = call.destination or country
        if destination == country and call.kind.value == "user_outbound_international":
            destination = "ZZ"
        return PlaceCall(
            call.user,
            call.kind,
            destination,
            call.number_type,
            call.seconds,
            charge=Money(charge, self.config.currency),
            call_id=call_id,
        )

    def _flush(self) -> None:
        if not self._pending_calls:
            return
        last = self._last
        assert last is not None
        pending, self._pending, self._pending_calls = self._pending, 0, 0
        self._advance(last.at)
        decision = apply(self.state, self._command(last, pending, None), self.tariff)
        state = decision.state
        self.state = replace(state, ledger=state.ledger.compacted(state.currency))
        for event in decision.events:
            # The run was chosen so that only its usage happens; its balance is tracked.
            if not isinstance(event, CallRated):
                self._record(event)
        self._sync()

    def _single(self, call: ReplayCall) -> None:
        self._current = call
        stuck = self._stuck
        if stuck is not None and call.charge > 0 and call.at < self._next_due:
            # Nothing has happened since the engine refused the previous call for the
            # balance, and nothing is due before this one: its answer is the same.
            self._refused(stuck, call.at)
            return
        self._advance(call.at)
        self._refusal_seen = None
        self.state = self._apply(self.state, self._command(call, call.charge, call.call_id))
        refused = self._refusal_seen
        self._sync()
        self._stuck = refused if refused is not None and not self._nce else None

    # -- end ----------------------------------------------------------------------------

    def finish(self, end: datetime) -> ReplayResult:
        """Close the replay at ``end`` (expiries and month ends up to it happen first)."""
        if not self.stopped:
            try:
                self._flush()
                if end > self.state.now:
                    self.state = self._move_clock(self.state, end)
            except _StopReplay:
                pass
        result = self.result
        end = max(end, self.state.now)
        self._move(end, self.state.balance.minor)
        result.end = end
        result.final_balance = self.state.balance.minor
        seconds = (end - self.config.start).total_seconds()
        result.average_held = round(self._area / seconds) if seconds > 0 else max(self._bal, 0)
        result.rated = result.calls - result.refused_count - result.before_start
        result.spent = self._spent()
        result.series = self._series.points()
        return result

    def _spent(self) -> int:
        # What the calls cost = what left the balance for usage + NCE overage: equal to
        # funds in - balance out - forfeited, which needs no per-call sum.
        result = self.result
        funds = self.config.funds.minor
        return (
            funds
            + result.recharged
            - result.expired_total
            - self.state.balance.minor
            + (self._open_overage())
        )

    def _open_overage(self) -> int:
        state = self.state
        closed = self.result.overage
        open_period = state.nce.accrued_overage.minor if state.nce is not None else 0
        return closed + open_period


def day_start(value: datetime) -> datetime:
    """Midnight UTC of the day of ``value``."""
    return datetime.combine(value.astimezone(UTC).date(), time(0), tzinfo=UTC)
