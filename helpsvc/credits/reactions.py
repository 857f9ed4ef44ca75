"""What follows a balance change: auto-recharge and the once-per-crossing notifications.

Auto-recharge is armed while the balance is at or above the trigger. A debit that leaves
the balance below the trigger while armed makes exactly one attempt and disarms, whether
the attempt succeeds or fails; further debits below the trigger do not retry. It re-arms
when the balance is back at or above the trigger, or when the admin acts (new card, manual
purchase, saving auto-recharge settings) - then the next debit below the trigger tries again.

"Balance reached zero or below" fires when a change takes the settled balance from above
zero to zero or below, judged after any recharge the change triggered, so a debit that
auto-recharge immediately covers does not also alarm the admin.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .account import add_lot
from .errors import ErrorCode
from .events import (
    AutoRechargeFailed,
    AutoRechargeSucceeded,
    Event,
    NotificationKind,
    NotificationQueued,
)
from .ledger import EntryType, append
from .lots import LotSource
from .money import Money
from .state import CommerceModel, TenantState


def after_change(
    state: TenantState, before: Money, at: datetime, *, debited: bool
) -> tuple[TenantState, list[Event]]:
    events: list[Event] = []
    settings = state.auto_recharge
    if (
        debited
        and settings.enabled
        and settings.trigger is not None
        and state.model is CommerceModel.PREPAID
        and state.recharge_armed
        and state.balance < settings.trigger
    ):
        state, attempt = _attempt_recharge(state, at)
        events.extend(attempt)
        state = replace(state, recharge_armed=False)
    if settings.trigger is not None and state.balance >= settings.trigger:
        state = replace(state, recharge_armed=True)
    if before.is_positive and not state.balance.is_positive:
        # Prepaid calls are refused from now on; NCE never refuses, it bills overage.
        kind = (
            NotificationKind.CREDITS_USED_UP
            if state.model is CommerceModel.NCE
            else NotificationKind.BALANCE_NOT_POSITIVE
        )
        events.append(NotificationQueued(at=at, kind=kind, balance=state.balance))
    return state, events


def _attempt_recharge(state: TenantState, at: datetime) -> tuple[TenantState, list[Event]]:
    amount = state.auto_recharge.amount
    assert amount is not None  # enabled settings always carry an amount
    card = state.card
    reason: ErrorCode | None = None
    if card is None:
        reason = ErrorCode.CARD_MISSING
    elif card.is_expired(at):
        reason = ErrorCode.CARD_EXPIRED
    if reason is not None:
        ledger = append(
            state.ledger,
            currency=state.currency,
            at=at,
            type=EntryType.RECHARGE_FAILED,
            amount=state.zero,
            detail=reason.value,
        )
        state = replace(state, ledger=ledger)
        return state, [
            AutoRechargeFailed(at=at, reason=reason, amount=amount, balance_after=state.balance),
            NotificationQueued(
                at=at,
                kind=NotificationKind.RECHARGE_FAILED,
                balance=state.balance,
                amount=amount,
                reason=reason,
            ),
        ]
    state, lot = add_lot(
        state,
        amount=amount,
        source=LotSource.AUTO_RECHARGE,
        entry_type=EntryType.AUTO_RECHARGE,
        at=at,
    )
    return state, [
        AutoRechargeSucceeded(
            at=at,
            lot_id=lot.id,
            amount=amount,
            debt_settled=lot.debt_settled,
            balance_after=state.balance,
        ),
        NotificationQueued(
            at=at,
            kind=NotificationKind.RECHARGE_SUCCEEDED,
            balance=state.balance,
            amount=amount,
        ),
    ]
