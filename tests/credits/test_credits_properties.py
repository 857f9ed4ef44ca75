"""Properties over random command sequences: ledger invariants, FIFO, expiry, recharge
once per crossing, notifications once per crossing, NCE never buys, inputs never mutate."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpsvc.credits import (
    AddFunds,
    AddUser,
    Adjusted,
    Adjustment,
    AdvanceClock,
    AutoRechargeConfigured,
    AutoRechargeFailed,
    AutoRechargeSucceeded,
    CallingPlan,
    CallKind,
    CallRated,
    Command,
    CommerceModel,
    ConfigureAutoRecharge,
    Decision,
    DomainError,
    EntryType,
    Event,
    FundsAdded,
    Licenses,
    LotExpired,
    Money,
    NotificationKind,
    NotificationQueued,
    NumberType,
    PaymentCardSet,
    PlaceCall,
    SetPaymentCard,
    SwitchedToNce,
    SwitchToNce,
    Tariff,
    TenantState,
    apply,
    new_tenant,
)

START = datetime(2024, 1, 15, 9, 30, tzinfo=UTC)
PROPERTY_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

ADA = Licenses(
    audio_conferencing=True,
    phone_system=True,
    calling_plan=CallingPlan.DOMESTIC,
    communications_credits=True,
)
BOB = Licenses(phone_system=True, calling_plan=CallingPlan.DOMESTIC)  # no credits license

CALLS = [
    (CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.GEOGRAPHIC),
    (CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.MOBILE),
    (CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.GEOGRAPHIC),
    (CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.MOBILE),
    (CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC),
    (CallKind.TOLL_FREE_DIAL_IN, "US", NumberType.MOBILE),
    (CallKind.CONFERENCE_DIAL_OUT, "US", NumberType.GEOGRAPHIC),
    (CallKind.CONFERENCE_DIAL_OUT, "DE", NumberType.GEOGRAPHIC),
]

ZERO_KINDS = (NotificationKind.BALANCE_NOT_POSITIVE, NotificationKind.CREDITS_USED_UP)


def usd(minor: int) -> Money:
    return Money(minor, "USD")


fund = st.builds(lambda m: AddFunds(usd(m)), st.integers(-100, 20_000))
charged_call = st.builds(
    lambda who, m: PlaceCall(
        who, CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC, 60, charge=usd(m)
    ),
    st.sampled_from(["ada", "ada", "ada", "bob"]),
    st.integers(0, 15_000),
)
rated_call = st.builds(
    lambda who, spec, s: PlaceCall(who, spec[0], spec[1], spec[2], s),
    st.sampled_from(["ada", "ada", "ada", "bob"]),
    st.sampled_from(CALLS),
    st.integers(0, 3 * 3600),
)
advance_days = st.builds(
    lambda d: AdvanceClock(by=timedelta(days=d, hours=d % 7)), st.integers(0, 120)
)
advance_months = st.builds(lambda m: AdvanceClock(months=m), st.integers(0, 13))
card = st.builds(
    lambda m, y: SetPaymentCard("4242", m, y), st.integers(1, 12), st.integers(2023, 2027)
)
auto = st.builds(
    lambda on, t, a: ConfigureAutoRecharge(on, usd(t), usd(a)),
    st.sampled_from([True, True, True, False]),
    st.integers(0, 5_000),
    st.integers(1, 10_000),
)
adjust = st.builds(lambda m: Adjustment(usd(m), reason="prop"), st.integers(-5_000, 5_000))

# Repetition weights the mix towards what moves money. Switching to NCE is placed by the
# test itself, so most of a history stays prepaid and auto-recharge gets exercised.
ops = st.one_of(
    fund,
    fund,
    charged_call,
    charged_call,
    charged_call,
    charged_call,
    rated_call,
    rated_call,
    advance_days,
    advance_days,
    advance_months,
    card,
    auto,
    adjust,
)


def start_state(tariff: Tariff, card_year: int, setup: tuple[int, int, int] | None) -> TenantState:
    state = new_tenant("contoso", "USD", "US", START)
    commands: list[Command] = [
        AddUser("ada", licenses=ADA),
        AddUser("bob", licenses=BOB),
        SetPaymentCard("4242", 6, card_year),
    ]
    if setup is not None:
        funds, trigger, amount = setup
        commands += [AddFunds(usd(funds)), ConfigureAutoRecharge(True, usd(trigger), usd(amount))]
    for command in commands:
        state = apply(state, command, tariff).state
    return state


def check_state(state: TenantState) -> None:
    running = usd(0)
    for seq, entry in enumerate(state.ledger, start=1):
        assert entry.seq == seq
        running = running + entry.amount
        assert entry.balance_after == running
    assert state.balance == running
    assert state.balance == state.spendable - state.debt
    assert not state.debt.is_negative
    for lot in state.lots:
        assert usd(0) <= lot.remaining <= lot.amount - lot.debt_settled
        if lot.expired:
            assert lot.remaining.is_zero
        if state.debt.is_positive:
            assert lot.remaining.is_zero  # debt is never carried next to spendable credits
    if state.model is CommerceModel.NCE:
        assert not state.balance.is_negative and state.debt.is_zero


def check_transition(prev: TenantState, command: Command, decision: Decision) -> None:
    new = decision.state
    assert new.ledger[: len(prev.ledger)] == prev.ledger.entries  # append-only
    assert [lot.id for lot in new.lots[: len(prev.lots)]] == [lot.id for lot in prev.lots]
    added = new.ledger[len(prev.ledger) :]
    if prev.model is CommerceModel.NCE:
        assert not [e for e in added if e.type in (EntryType.PURCHASE, EntryType.AUTO_RECHARGE)]
        assert not [e for e in decision.events if isinstance(e, FundsAdded)]

    # Usage and corrections drain lots in consumption order, emptying all but the last.
    if isinstance(command, PlaceCall | Adjustment):
        draws = [e for e in added if e.type in (EntryType.USAGE, EntryType.ADJUSTMENT) and e.lot_id]
        draws = [e for e in draws if e.amount.is_negative]
        # Independent of lots.consumption_order: expiry first, then purchase order.
        spendable = [lot for lot in prev.lots if not lot.expired and lot.remaining.is_positive]
        order = sorted(spendable, key=lambda lot: (lot.expires_at, prev.lots.index(lot)))
        assert [e.lot_id for e in draws] == [lot.id for lot in order[: len(draws)]]
        for entry, lot in zip(draws[:-1], order, strict=False):
            assert -entry.amount == lot.remaining

    for event in decision.events:
        if isinstance(event, CallRated):
            assert event.charge == event.from_credits + event.to_debt + event.overage
            assert event.billed_minutes == event.plan_minutes + event.credit_minutes
            if prev.model is CommerceModel.NCE:
                assert event.to_debt.is_zero

    # Expiry forfeits exactly what was left in the lot.
    prev_lots = {lot.id: lot for lot in prev.lots}
    new_lots = {lot.id: lot for lot in new.lots}
    for event in decision.events:
        if isinstance(event, LotExpired):
            origin = prev_lots.get(event.lot_id) or new_lots[event.lot_id]
            left = (
                origin.remaining
                if event.lot_id in prev_lots
                else origin.amount - origin.debt_settled
            )
            assert event.forfeited == left
            assert new_lots[event.lot_id].expired and new_lots[event.lot_id].remaining.is_zero
            (entry,) = [e for e in added if e.type is EntryType.EXPIRY and e.lot_id == event.lot_id]
            assert entry.amount == -left


class ReactionModel:
    """An independent model of when recharges and zero notices must (not) happen."""

    def __init__(self) -> None:
        self.enabled = False
        self.trigger: Money | None = None
        self.armed = True
        self.nce = False

    @staticmethod
    def debit_span(event: Event) -> tuple[Money, Money] | None:
        if isinstance(event, CallRated):
            paid = event.from_credits + event.to_debt
            if paid.is_positive:
                return event.balance_after + paid, event.balance_after
        if isinstance(event, LotExpired) and event.forfeited.is_positive:
            return event.balance_after + event.forfeited, event.balance_after
        if isinstance(event, Adjusted) and event.amount.is_negative:
            return event.balance_after - event.amount, event.balance_after
        return None

    def observe(self, events: tuple[Event, ...]) -> None:
        explained_notices: set[int] = set()
        for i, event in enumerate(events):
            if isinstance(event, FundsAdded | PaymentCardSet):
                self.armed = True
            if isinstance(event, AutoRechargeConfigured):
                self.enabled, self.trigger, self.armed = event.enabled, event.trigger, True
            if isinstance(event, SwitchedToNce):
                self.nce = True
            if isinstance(event, AutoRechargeSucceeded | AutoRechargeFailed):
                assert self.enabled and not self.nce and self.armed
                self.armed = False
            span = self.debit_span(event)
            if span is not None:
                explained_notices |= self._check_debit(events, i, *span)
            after = getattr(event, "balance_after", None)
            if self.trigger is not None and after is not None and after >= self.trigger:
                self.armed = True
        zero_notices = {
            i
            for i, e in enumerate(events)
            if isinstance(e, NotificationQueued) and e.kind in ZERO_KINDS
        }
        assert zero_notices == explained_notices

    def _check_debit(
        self, events: tuple[Event, ...], i: int, before: Money, after: Money
    ) -> set[int]:
        window = []
        for j in range(i + 1, len(events)):
            follower = events[j]
            if not isinstance(
                follower, AutoRechargeSucceeded | AutoRechargeFailed | NotificationQueued
            ):
                break
            window.append((j, follower))
        tries = [e for _, e in window if isinstance(e, AutoRechargeSucceeded | AutoRechargeFailed)]
        assert len(tries) <= 1
        below = self.enabled and not self.nce and self.trigger is not None and after < self.trigger
        if below and before >= self.trigger:  # a crossing: must be armed, must attempt
            assert self.armed
        assert bool(tries) == (below and self.armed)
        settled = tries[-1].balance_after if tries else after
        # Prepaid: calls are refused from now on; NCE: the credits are used up, calls go on.
        kind = (
            NotificationKind.CREDITS_USED_UP if self.nce else NotificationKind.BALANCE_NOT_POSITIVE
        )
        notices = {j for j, e in window if isinstance(e, NotificationQueued) and e.kind is kind}
        expected = before.is_positive and not settled.is_positive
        assert len(notices) == (1 if expected else 0)
        return notices


@PROPERTY_SETTINGS
@given(
    commands=st.lists(ops, min_size=5, max_size=40),
    nce_at=st.none() | st.integers(0, 40),
    card_year=st.integers(2024, 2026),
    setup=st.none()
    | st.tuples(st.integers(1, 20_000), st.integers(0, 5_000), st.integers(1, 10_000)),
)
def test_random_histories_keep_every_invariant(
    tariff: Tariff,
    commands: list[Command],
    card_year: int,
    setup: tuple[int, int, int] | None,
    nce_at: int | None,
) -> None:
    if nce_at is not None:
        commands = [
            *commands[:nce_at],
            ConfigureAutoRecharge(False),
            SwitchToNce(),
            *commands[nce_at:],
        ]
    state = start_state(tariff, card_year, setup)
    model = ReactionModel()
    if setup is not None:
        model.enabled, model.trigger = True, state.auto_recharge.trigger
    for command in commands:
        snapshot = copy.deepcopy(state)
        try:
            # Uncompacted, so every lot can be followed from purchase to expiry; that
            # compaction changes no event or balance is test_credits_state_compaction's.
            decision = apply(state, command, tariff, retention=None)
        except DomainError:
            assert state == snapshot
            continue
        assert state == snapshot  # the input state was not mutated
        if state.model is CommerceModel.NCE:
            assert not isinstance(command, AddFunds)
        check_state(decision.state)
        check_transition(state, command, decision)
        model.observe(decision.events)
        times = [e.at for e in decision.events]
        assert times == sorted(times) and decision.state.now >= state.now
        state = decision.state


@PROPERTY_SETTINGS
@given(amounts=st.lists(st.integers(1, 10_000), min_size=1, max_size=10))
def test_nce_tenant_never_gains_a_purchase(tariff: Tariff, amounts: list[int]) -> None:
    state = new_tenant("n", "USD", "US", START, model=CommerceModel.NCE)
    state = apply(state, SetPaymentCard("4242", 12, 2030), tariff).state
    for minor in amounts:
        try:
            apply(state, AddFunds(usd(minor)), tariff)
        except DomainError as error:
            assert error.code == "nce_cannot_purchase"
        else:  # pragma: no cover - a purchase would be the bug this test exists for
            raise AssertionError("NCE tenant bought credits")
