"""Moving credits: the only code that touches lots, debt and the ledger together.

Keeping these three in one place is what makes the invariant hold everywhere:
balance (last ``balance_after``) = sum of ledger amounts = sum of lot remainders - debt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from .ledger import EntryType, append
from .lots import Lot, LotSource, consume, new_lot
from .money import Money, money_min
from .state import CommerceModel, TenantState


@dataclass(frozen=True, slots=True)
class DebitResult:
    from_credits: Money
    to_debt: Money
    overage: Money


def add_lot(
    state: TenantState,
    *,
    amount: Money,
    source: LotSource,
    entry_type: EntryType,
    at: datetime,
    detail: str = "",
) -> tuple[TenantState, Lot]:
    """Credit ``amount`` as a new lot. Outstanding debt is paid from it first: the ledger
    shows the full amount, the lot keeps only what is left after the debt."""
    number = state.counters.lot
    lot = new_lot(f"lot-{number}", number, source, amount, at, state.debt)
    ledger = append(
        state.ledger,
        currency=state.currency,
        at=at,
        type=entry_type,
        amount=amount,
        lot_id=lot.id,
        detail=detail,
    )
    return (
        replace(
            state,
            lots=(*state.lots, lot),
            debt=state.debt - lot.debt_settled,
            ledger=ledger,
            counters=replace(state.counters, lot=number + 1),
        ),
        lot,
    )


def debit(
    state: TenantState,
    *,
    amount: Money,
    entry_type: EntryType,
    at: datetime,
    call_id: str | None = None,
    detail: str = "",
) -> tuple[TenantState, DebitResult]:
    """Take ``amount`` from credits, earliest-expiring lot first, one ledger entry per lot.

    Prepaid: what the lots cannot cover becomes debt (the balance goes below zero).
    NCE: credits never go below zero; the rest accrues as overage on the open billing
    period and is recorded as a zero-amount ``overage`` entry carrying ``invoiced``.
    """
    zero = state.zero
    if not amount.is_positive:
        return state, DebitResult(zero, zero, zero)
    nce = state.model is CommerceModel.NCE
    payable = money_min(amount, state.spendable) if nce else amount
    lots, draws, unpaid = consume(state.lots, payable)
    ledger = state.ledger
    for draw in draws:
        ledger = append(
            ledger,
            currency=state.currency,
            at=at,
            type=entry_type,
            amount=-draw.amount,
            lot_id=draw.lot_id,
            call_id=call_id,
            detail=detail,
        )
    if unpaid.is_positive:
        ledger = append(
            ledger,
            currency=state.currency,
            at=at,
            type=entry_type,
            amount=-unpaid,
            call_id=call_id,
            detail=detail,
        )
    overage = amount - payable
    nce_billing = state.nce
    if overage.is_positive and nce_billing is not None:
        ledger = append(
            ledger,
            currency=state.currency,
            at=at,
            type=EntryType.OVERAGE,
            amount=zero,
            call_id=call_id,
            detail=detail,
            invoiced=overage,
        )
        nce_billing = replace(nce_billing, accrued_overage=nce_billing.accrued_overage + overage)
    new_state = replace(state, lots=lots, debt=state.debt + unpaid, ledger=ledger, nce=nce_billing)
    return new_state, DebitResult(payable - unpaid, unpaid, overage)


def expire_lot(state: TenantState, lot_id: str, at: datetime) -> tuple[TenantState, Money]:
    """Mark the lot expired and forfeit exactly its remainder (no entry when nothing is left)."""
    lots = []
    forfeited = state.zero
    for lot in state.lots:
        if lot.id == lot_id and not lot.expired:
            forfeited = lot.remaining
            lot = replace(lot, remaining=state.zero, expired=True)
        lots.append(lot)
    ledger = state.ledger
    if forfeited.is_positive:
        ledger = append(
            ledger,
            currency=state.currency,
            at=at,
            type=EntryType.EXPIRY,
            amount=-forfeited,
            lot_id=lot_id,
        )
    return replace(state, lots=tuple(lots), ledger=ledger), forfeited
