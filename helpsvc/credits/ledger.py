"""The append-only credits ledger.

Every change of the credits balance is one entry, and each entry records the balance after
it, so the balance is read from the ledger and never stored or edited anywhere else. An
entry whose ``amount`` is zero records something that did not move credits (a failed
recharge, NCE overage billed on the invoice instead of from credits).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


@dataclass(frozen=True, slots=True)
class Ledger:
    """The ledger as the engine sees it: the entries it holds, after ``base_seq`` earlier ones.

    A store keeps the full history in its own table and hands the engine only the count and
    closing balance of what came before (``compacted``), so a command costs the same on the
    ten-thousandth entry as on the first. In memory, with nothing compacted, ``entries`` is
    the whole ledger.
    """

    entries: tuple[LedgerEntry, ...] = ()
    base_seq: int = 0
    base_balance: Money | None = None

    def __iter__(self) -> Iterator[LedgerEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, item):  # noqa: ANN001, ANN204 - int or slice, like a tuple
        return self.entries[item]

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def last_seq(self) -> int:
        return self.entries[-1].seq if self.entries else self.base_seq

    def balance(self, currency: str) -> Money:
        if self.entries:
            return self.entries[-1].balance_after
        return self.base_balance if self.base_balance is not None else Money.zero(currency)

    def compacted(self, currency: str) -> Ledger:
        """The same ledger without its entries: what a store hands to the next command."""
        return Ledger((), self.last_seq, self.balance(currency))

    def since(self, seq: int) -> tuple[LedgerEntry, ...]:
        """Entries after sequence number ``seq``."""
        return tuple(e for e in self.entries if e.seq > seq)


def current_balance(ledger: Ledger, currency: str) -> Money:
    return ledger.balance(currency)


def append(
    ledger: Ledger,
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
        seq=ledger.last_seq + 1,
        at=at,
        type=type,
        amount=amount,
        balance_after=current_balance(ledger, currency) + amount,
        lot_id=lot_id,
        call_id=call_id,
        detail=detail,
        invoiced=invoiced,
    )
    return Ledger((*ledger.entries, entry), ledger.base_seq, ledger.base_balance)


def sum_amounts(entries: Iterable[LedgerEntry], currency: str) -> Money:
    total = Money.zero(currency)
    for entry in entries:
        total = total + entry.amount
    return total
