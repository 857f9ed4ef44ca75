"""The append-only credits ledger.

Every change of the credits balance is one entry, and each entry records the balance after
it, so the balance is read from the ledger and never stored or edited anywhere else. An
entry whose ``amount`` is zero records something that did not move credits (a failed
recharge, NCE overage billed on the invoice instead of from credits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .money import Money


class EntryType(StrEnum):
    PURCHASE = "purchase"
    AUTO_RECHARGE = "auto_recharge"
    USAGE = "usage"
    EXPIRY = "expiry"
    RECHARGE_FAILED = "recharge_failed"
    ADJUSTMENT = "adjustment"
    OVERAGE = "overage"


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    seq: int
    at: datetime
    type: EntryType
    amount: Money
    """Signed change of the credits balance."""
    balance_after: Money
    lot_id: str | None = None
    call_id: str | None = None
    detail: str = ""
    """A machine-readable note (error code, adjustment reason), never localized prose."""
    invoiced: Money | None = None
    """On ``overage`` entries: what goes on the NCE invoice instead of coming from credits."""


def current_balance(ledger: tuple[LedgerEntry, ...], currency: str) -> Money:
    return ledger[-1].balance_after if ledger else Money.zero(currency)


def append(
    ledger: tuple[LedgerEntry, ...],
    *,
    currency: str,
    at: datetime,
    type: EntryType,
    amount: Money,
    lot_id: str | None = None,
    call_id: str | None = None,
    detail: str = "",
    invoiced: Money | None = None,
) -> tuple[LedgerEntry, ...]:
    """A new ledger with one more entry; the given ledger is left as it was."""
    entry = LedgerEntry(
        seq=len(ledger) + 1,
        at=at,
        type=type,
        amount=amount,
        balance_after=current_balance(ledger, currency) + amount,
        lot_id=lot_id,
        call_id=call_id,
        detail=detail,
        invoiced=invoiced,
    )
    return (*ledger, entry)


def sum_amounts(entries: Iterable[LedgerEntry], currency: str) -> Money:
    total = Money.zero(currency)
    for entry in entries:
        total = total + entry.amount
    return total
