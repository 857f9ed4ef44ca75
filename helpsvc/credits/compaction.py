"""Keeping a tenant's state small however long its history: fold what can no longer matter.

The engine used to keep every lot and every NCE invoice, so a state grew with simulated
time (one jump of 5,000 years left 65,801 invoices, 7.2 MB, decoded on every request).
Compaction drops what can no longer change the balance, a refusal or an event, and keeps
counts of it in ``Folded``:

- A lot that is expired or used up (``not lot.spendable``) never becomes spendable again:
  usage drains only spendable lots, expiry forfeits only what remains, and a new purchase
  pays debt into a new lot. The most recent ``spent_lots`` of them stay for the lot table
  (the API and the dashboard show them, marked expired); older ones are folded.
- An invoice closes a billing period for good. The latest ``invoices`` stay (two years of
  monthly periods); older ones are folded with their total overage.

What happened to a folded lot stays in the ledger (purchase, usage, expiry entries with its
lot id), which the store persists separately and in full. Compaction is pure and idempotent,
and ``compact(apply(s, c))`` equals applying ``c`` to ``compact(s)`` and compacting: a folded
lot or invoice takes part in nothing that comes after it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .money import Money
from .state import Folded, TenantState


@dataclass(frozen=True, slots=True)
class Retention:
    spent_lots: int = 12
    """Expired or used-up lots kept for display (a year of monthly recharges)."""
    invoices: int = 24
    """Closed NCE invoices kept for display (two years of monthly billing periods)."""


DEFAULT_RETENTION = Retention()


def compact(state: TenantState, retention: Retention = DEFAULT_RETENTION) -> TenantState:
    """``state`` without the spent lots and invoices beyond ``retention``, counted in
    ``state.folded``; the same state object when there is nothing to fold."""
    spent = [lot for lot in state.lots if not lot.spendable]
    extra_lots = max(0, len(spent) - retention.spent_lots)
    extra_invoices = max(0, len(state.invoices) - retention.invoices)
    if not extra_lots and not extra_invoices:
        return state
    # Lots are appended in purchase order, so the first spent ones are the oldest.
    dropped = {lot.id for lot in spent[:extra_lots]}
    old_invoices = state.invoices[:extra_invoices]
    folded = state.folded
    overage = folded.overage if folded.overage is not None else Money.zero(state.currency)
    for invoice in old_invoices:
        overage = overage + invoice.overage
    return replace(
        state,
        lots=tuple(lot for lot in state.lots if lot.id not in dropped),
        invoices=state.invoices[extra_invoices:],
        folded=Folded(
            lots=folded.lots + extra_lots,
            invoices=folded.invoices + extra_invoices,
            overage=overage if old_invoices else folded.overage,
        ),
    )
