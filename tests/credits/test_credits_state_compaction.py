"""Compaction keeps a tenant's state small and changes nothing a tenant can observe."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from helpsvc.credits import (
    DEFAULT_RETENTION,
    AddUser,
    AdvanceClock,
    BillingPeriodClosed,
    CallKind,
    CommerceModel,
    ConfigureAutoRecharge,
    DomainError,
    Money,
    NumberType,
    PlaceCall,
    Retention,
    SetPaymentCard,
    SwitchToNce,
    Tariff,
    TenantState,
    apply,
    compact,
    new_tenant,
)
from helpsvc.credits.events import AutoRechargeSucceeded
from tests.credits.test_credits_properties import ADA, PROPERTY_SETTINGS, START, ops, start_state

YEARS = 5


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def charged(minor: int) -> PlaceCall:
    return PlaceCall(
        "ada",
        CallKind.USER_OUTBOUND_INTERNATIONAL,
        "DE",
        NumberType.GEOGRAPHIC,
        60,
        charge=usd(minor),
    )


long_advance = st.builds(lambda m: AdvanceClock(months=m), st.integers(12, 40))
histories = st.lists(st.one_of(ops, ops, ops, long_advance), min_size=5, max_size=50)
retentions = st.builds(Retention, st.integers(0, 3), st.integers(0, 3))


@PROPERTY_SETTINGS
@given(
    commands=histories,
    retention=retentions,
    nce_at=st.none() | st.integers(0, 50),
    card_year=st.integers(2024, 2027),
    setup=st.none()
    | st.tuples(st.integers(1, 20_000), st.integers(0, 5_000), st.integers(1, 10_000)),
)
def test_compaction_never_changes_balance_refusals_or_events(
    tariff: Tariff, commands, retention, nce_at, card_year, setup
) -> None:
    if nce_at is not None:
        commands = [*commands[:nce_at], ConfigureAutoRecharge(False), SwitchToNce()] + commands[
            nce_at:
        ]
    full = start_state(tariff, card_year, setup)
    small = compact(full, retention)
    for command in commands:
        try:
            reference = apply(full, command, tariff, retention=None)
        except DomainError as refusal:
            try:
                apply(small, command, tariff, retention)
            except DomainError as other:
                assert (other.code, other.params) == (refusal.code, refusal.params)
                continue
            raise AssertionError("only the uncompacted state refused the command") from refusal
        decision = apply(small, command, tariff, retention)
        assert decision.events == reference.events  # refused calls are events too
        assert decision.state.balance == reference.state.balance
        assert decision.state.spendable == reference.state.spendable
        # What is left is exactly what compacting the full history leaves.
        assert decision.state == compact(reference.state, retention)
        full, small = reference.state, decision.state


def _lots_and_invoices(state: TenantState) -> tuple[int, int]:
    return len(state.lots), len(state.invoices)


def test_five_years_of_monthly_recharges_keep_the_lot_list_bounded(tariff: Tariff) -> None:
    state = start_state(tariff, 2035, (5_000, 1_500, 4_000))
    recharges = 0
    sizes = []
    for month in range(12 * YEARS):
        # Each month's usage takes the balance below the trigger: one recharge a month.
        for command in (charged(4_000), AdvanceClock(months=1)):
            decision = apply(state, command, tariff)
            recharges += sum(isinstance(e, AutoRechargeSucceeded) for e in decision.events)
            state = decision.state
        if month in (35, 12 * YEARS - 1):
            sizes.append(_lots_and_invoices(state))
    assert recharges >= 12 * YEARS
    # A lot lives 12 months, so at most 13 can still hold credits, plus the spent ones kept
    # for display; the count is the same after three years as after five.
    assert len(state.lots) <= 13 + DEFAULT_RETENTION.spent_lots
    assert sizes[0] == sizes[1]
    assert state.folded.lots == state.counters.lot - 1 - len(state.lots)
    assert state.balance == state.spendable - state.debt


def test_five_years_of_nce_invoices_fold_into_a_summary_that_adds_up(tariff: Tariff) -> None:
    state = new_tenant("fabrikam", "USD", "US", START, model=CommerceModel.NCE)
    for command in (AddUser("ada", licenses=ADA), SetPaymentCard("4242", 12, 2035)):
        state = apply(state, command, tariff).state
    billed = usd(0)
    for _month in range(12 * YEARS):
        for command in (charged(1_234), AdvanceClock(months=1)):
            decision = apply(state, command, tariff)
            billed = billed + sum(
                (e.overage for e in decision.events if isinstance(e, BillingPeriodClosed)), usd(0)
            )
            state = decision.state
    assert len(state.invoices) == DEFAULT_RETENTION.invoices
    assert state.folded.invoices == 12 * YEARS - DEFAULT_RETENTION.invoices
    kept = sum((invoice.overage for invoice in state.invoices), usd(0))
    assert state.folded.overage is not None
    assert state.folded.overage + kept == billed == usd(1_234 * 12 * YEARS)
    # The newest invoices are the ones kept, in order, numbered without gaps.
    numbers = [int(invoice.id.removeprefix("inv-")) for invoice in state.invoices]
    assert numbers == list(range(12 * YEARS - len(numbers) + 1, 12 * YEARS + 1))


def test_one_ten_year_step_leaves_a_compact_state(tariff: Tariff) -> None:
    state = new_tenant("fabrikam", "USD", "US", START, model=CommerceModel.NCE)
    decision = apply(state, AdvanceClock(by=timedelta(days=3660)), tariff)
    closed = [e for e in decision.events if isinstance(e, BillingPeriodClosed)]
    assert len(closed) == 120
    assert len(decision.state.invoices) == DEFAULT_RETENTION.invoices
    assert decision.state.folded.invoices == 120 - DEFAULT_RETENTION.invoices


def test_a_tenant_that_bought_credits_still_shows_its_last_lot(tariff: Tariff) -> None:
    """Spent lots stay in the lot table up to the retention, so "has bought" stays true."""
    state = start_state(tariff, 2035, (5_000, 1_000, 4_000))
    state = apply(state, ConfigureAutoRecharge(False), tariff).state
    state = apply(state, AdvanceClock(months=30), tariff).state
    assert state.lots and all(lot.expired for lot in state.lots)
    assert compact(state) is state  # what the engine hands back is already compact
