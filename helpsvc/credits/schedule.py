"""Everything that happens because time passes, processed in time order.

Due events are found one instant at a time rather than listed up front, because handling
one can create the next: an expiry can trigger an auto-recharge whose new lot expires
within the same long clock advance. At one instant, the month boundary (NCE period close,
plan-minute reset) is handled before lot expiries, and lots expire in consumption order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .account import expire_lot
from .clock import next_month_start
from .events import BillingPeriodClosed, Event, LotExpired, PlanMinutesReset
from .lots import consumption_order, next_expiry
from .reactions import after_change
from .state import Invoice, NceBilling, PoolUsage, TenantState


def advance(state: TenantState, target: datetime) -> tuple[TenantState, list[Event]]:
    """Process every due event at or before ``target`` and set the clock to ``target``.

    A lot is expired from its ``expires_at`` instant on; a period ends at the first
    instant of the next month. Never moves the clock backwards.
    """
    events: list[Event] = []
    while True:
        boundary = next_month_start(state.pools.period_start)
        expiry = next_expiry(state.lots)
        instant = boundary if expiry is None else min(boundary, expiry)
        if instant > target:
            break
        state = replace(state, now=max(state.now, instant))
        if instant == boundary:
            state, closed = _close_month(state, boundary)
            events.extend(closed)
        if expiry is not None and expiry <= instant:
            state, expired = _expire_due(state, instant)
            events.extend(expired)
    return replace(state, now=max(state.now, target)), events


def _close_month(state: TenantState, boundary: datetime) -> tuple[TenantState, list[Event]]:
    events: list[Event] = []
    if state.nce is not None:
        number = state.counters.invoice
        invoice = Invoice(
            id=f"inv-{number}",
            period_start=state.nce.period_start,
            period_end=boundary,
            overage=state.nce.accrued_overage,
        )
        state = replace(
            state,
            invoices=(*state.invoices, invoice),
            nce=NceBilling(period_start=boundary, accrued_overage=state.zero),
            counters=replace(state.counters, invoice=number + 1),
        )
        events.append(
            BillingPeriodClosed(
                at=boundary,
                invoice_id=invoice.id,
                period_start=invoice.period_start,
                period_end=invoice.period_end,
                overage=invoice.overage,
            )
        )
    state = replace(state, pools=PoolUsage(period_start=boundary))
    events.append(PlanMinutesReset(at=boundary))
    return state, events


def _expire_due(state: TenantState, instant: datetime) -> tuple[TenantState, list[Event]]:
    events: list[Event] = []
    due = [lot for lot in state.lots if not lot.expired and lot.expires_at <= instant]
    # Exhausted lots expire silently; order the rest as usage would have drained them.
    spent = [lot for lot in due if not lot.spendable]
    for lot in spent:
        state, _ = expire_lot(state, lot.id, instant)
    for lot in consumption_order(due):
        before = state.balance
        state, forfeited = expire_lot(state, lot.id, instant)
        events.append(
            LotExpired(at=instant, lot_id=lot.id, forfeited=forfeited, balance_after=state.balance)
        )
        # Forfeiting is a debit like any other: it can cross the recharge trigger or zero.
        state, reactions = after_change(state, before, instant, debited=True)
        events.extend(reactions)
    return state, events
