"""Lots: each purchase is a separately expiring pot of credits.

A lot lives 12 calendar months from its purchase (see ``clock.add_months`` for the month-end
rule). Usage drains the lot that expires first; lots expiring at the same instant drain in
purchase order (``seq``), so the oldest money is always spent before it can be forfeited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from .clock import add_months
from .money import Money, money_min

LOT_LIFETIME_MONTHS = 12


class LotSource(StrEnum):
    PURCHASE = "purchase"
    AUTO_RECHARGE = "auto_recharge"
    ADJUSTMENT = "adjustment"  # goodwill credit granted by a positive adjustment


@dataclass(frozen=True, slots=True)
class Lot:
    id: str
    seq: int
    source: LotSource
    amount: Money
    """What was bought (the ledger shows this amount)."""
    remaining: Money
    purchased_at: datetime
    expires_at: datetime
    debt_settled: Money
    """Part of ``amount`` that paid off a negative balance, so it never became spendable."""
    expired: bool = False

    @property
    def spendable(self) -> bool:
        return not self.expired and self.remaining.is_positive


@dataclass(frozen=True, slots=True)
class Draw:
    lot_id: str
    amount: Money


def new_lot(
    lot_id: str, seq: int, source: LotSource, amount: Money, at: datetime, debt: Money
) -> Lot:
    """A lot bought at ``at``; the outstanding ``debt`` is paid from it first."""
    settled = money_min(debt, amount)
    return Lot(
        id=lot_id,
        seq=seq,
        source=source,
        amount=amount,
        remaining=amount - settled,
        purchased_at=at,
        expires_at=add_months(at, LOT_LIFETIME_MONTHS),
        debt_settled=settled,
    )


def consumption_order(lots: Iterable[Lot]) -> list[Lot]:
    """Spendable lots in the order usage drains them."""
    return sorted((lot for lot in lots if lot.spendable), key=lambda lot: (lot.expires_at, lot.seq))


def consume(
    lots: tuple[Lot, ...], amount: Money
) -> tuple[tuple[Lot, ...], tuple[Draw, ...], Money]:
    """Drain ``amount`` from the lots; returns new lots, the draws made and the unpaid rest.

    The returned tuple keeps the input order so lot positions stay stable for callers.
    """
    left = amount
    draws: list[Draw] = []
    updated: dict[str, Lot] = {}
    for lot in consumption_order(lots):
        if not left.is_positive:
            break
        take = money_min(lot.remaining, left)
        updated[lot.id] = replace(lot, remaining=lot.remaining - take)
        draws.append(Draw(lot.id, take))
        left = left - take
    new_lots = tuple(updated.get(lot.id, lot) for lot in lots)
    return new_lots, tuple(draws), left


def next_expiry(lots: Iterable[Lot]) -> datetime | None:
    """When the next not-yet-expired lot expires (exhausted lots included, to mark them)."""
    pending = [lot.expires_at for lot in lots if not lot.expired]
    return min(pending) if pending else None
