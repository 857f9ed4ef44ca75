"""``apply(state, command, tariff) -> Decision``: the single entry point of the core.

Before any command, everything already due at the current clock instant is processed, so
a command always sees a settled state. A refusal that changes nothing raises
``DomainError``; a refused call is instead a successful decision with a ``CallRefused``
event, because the refusal is something that happened and must be recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from .account import add_lot, debit
from .calls import place_call
from .cards import PaymentCard
from .commands import (
    AddFunds,
    AddUser,
    Adjustment,
    AdvanceClock,
    AssignLicenses,
    Command,
    ConfigureAutoRecharge,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
)
from .compaction import DEFAULT_RETENTION, Retention, compact
from .errors import DomainError, ErrorCode
from .events import (
    Adjusted,
    AutoRechargeConfigured,
    CallRefused,
    ClockAdvanced,
    Event,
    FundsAdded,
    LicensesAssigned,
    PaymentCardSet,
    SwitchedToNce,
    UserAdded,
)
from .horizon import target_of
from .ledger import EntryType
from .lots import LotSource
from .money import Money, max_amount, max_balance, too_large
from .reactions import after_change
from .schedule import advance
from .state import AutoRecharge, CommerceModel, NceBilling, TenantState, require_country
from .tariff import Tariff
from .users import CallingPlan, Licenses, User

Outcome = tuple[TenantState, list[Event]]


@dataclass(frozen=True, slots=True)
class Decision:
    state: TenantState
    events: tuple[Event, ...]

    @property
    def refused_call(self) -> CallRefused | None:
        """The call this decision refused at start, if any: recorded, yet a refusal that
        the caller answers as one."""
        return next((e for e in self.events if isinstance(e, CallRefused)), None)

    def refusal(self) -> DomainError | None:
        """The refused call as the error a caller shows, with the rule's parameters."""
        refused = self.refused_call
        return None if refused is None else DomainError(refused.reason, dict(refused.params))


def apply(
    state: TenantState,
    command: Command,
    tariff: Tariff,
    retention: Retention | None = DEFAULT_RETENTION,
) -> Decision:
    """Decide ``command`` against ``state``; the given state is never modified.

    The new state is compacted to ``retention`` (see ``compaction``); None keeps every lot
    and invoice, which only tests comparing against an uncompacted history need.
    """
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise DomainError(ErrorCode.INVALID_COMMAND, {"command": type(command).__name__})
    state, due = advance(state, state.now)
    state, events = handler(state, command, tariff)
    if retention is not None:
        state = compact(state, retention)
    return Decision(state, (*due, *events))


def apply_all(
    state: TenantState,
    commands: Iterable[Command],
    tariff: Tariff,
    retention: Retention | None = DEFAULT_RETENTION,
) -> Decision:
    """Apply commands in order; the first refusal raises and discards the whole batch."""
    events: list[Event] = []
    for command in commands:
        decision = apply(state, command, tariff, retention)
        state = decision.state
        events.extend(decision.events)
    return Decision(state, tuple(events))


# -- validation helpers -------------------------------------------------------------------


def _require_currency(state: TenantState, money: Money, field: str) -> Money:
    if not isinstance(money, Money):
        raise DomainError(ErrorCode.INVALID_AMOUNT, {"field": field, "value": str(money)})
    if money.currency != state.currency:
        raise DomainError(
            ErrorCode.CURRENCY_MISMATCH,
            {"field": field, "expected": state.currency, "got": money.currency},
        )
    return money


def _require_positive(state: TenantState, money: Money | None, field: str) -> Money:
    if money is None:
        raise DomainError(ErrorCode.INVALID_AMOUNT, {"field": field, "value": "missing"})
    _require_currency(state, money, field)
    if not money.is_positive:
        raise DomainError(ErrorCode.INVALID_AMOUNT, {"field": field, "value": money.format()})
    if money > max_amount(state.currency):
        raise too_large(money.format(), state.currency)
    return money


def _require_room(state: TenantState, amount: Money) -> None:
    """A balance has a documented maximum; credits beyond it are refused, never capped."""
    limit = max_balance(state.currency)
    if state.balance.minor + amount.minor > limit.minor:
        raise DomainError(
            ErrorCode.BALANCE_LIMIT,
            {
                "amount": amount.format(),
                "balance": state.balance.format(),
                "max": limit.format(),
                "currency": state.currency,
            },
        )


def _require_usable_card(state: TenantState) -> PaymentCard:
    if state.card is None:
        raise DomainError(ErrorCode.CARD_MISSING)
    if state.card.is_expired(state.now):
        raise DomainError(
            ErrorCode.CARD_EXPIRED, {"last4": state.card.last4, "expiry": state.card.expiry_text}
        )
    return state.card


def _require_prepaid(state: TenantState) -> None:
    if state.model is CommerceModel.NCE:
        raise DomainError(ErrorCode.NCE_CANNOT_PURCHASE)


def _require_user(state: TenantState, user_id: str) -> User:
    user = state.user(user_id)
    if user is None:
        raise DomainError(ErrorCode.UNKNOWN_USER, {"user_id": str(user_id)})
    return user


def _require_licenses(value: object) -> Licenses:
    """Normalize plan names decoded from JSON to the enum the rules compare against."""
    if not isinstance(value, Licenses):
        raise DomainError(ErrorCode.INVALID_COMMAND, {"field": "licenses"})
    plan = value.calling_plan
    if plan is not None:
        try:
            plan = CallingPlan(plan)
        except ValueError:
            raise DomainError(
                ErrorCode.INVALID_COMMAND,
                {"field": "licenses.calling_plan", "value": str(value.calling_plan)},
            ) from None
    return Licenses(
        audio_conferencing=bool(value.audio_conferencing),
        phone_system=bool(value.phone_system),
        calling_plan=plan,
        communications_credits=bool(value.communications_credits),
    )


# -- handlers -----------------------------------------------------------------------------


def _add_funds(state: TenantState, command: AddFunds, tariff: Tariff) -> Outcome:
    _require_prepaid(state)
    amount = _require_positive(state, command.amount, "amount")
    _require_room(state, amount)
    _require_usable_card(state)
    before = state.balance
    state, lot = add_lot(
        state, amount=amount, source=LotSource.PURCHASE, entry_type=EntryType.PURCHASE, at=state.now
    )
    # A manual purchase is the admin acting on the balance, so auto-recharge may try again.
    state = replace(state, recharge_armed=True)
    events: list[Event] = [
        FundsAdded(
            at=state.now,
            lot_id=lot.id,
            amount=amount,
            debt_settled=lot.debt_settled,
            balance_after=state.balance,
        )
    ]
    state, reactions = after_change(state, before, state.now, debited=False)
    return state, events + reactions


def _configure_auto_recharge(
    state: TenantState, command: ConfigureAutoRecharge, tariff: Tariff
) -> Outcome:
    current = state.auto_recharge
    trigger = command.trigger if command.trigger is not None else current.trigger
    amount = command.amount if command.amount is not None else current.amount
    if command.enabled:
        _require_prepaid(state)
        amount = _require_positive(state, amount, "amount")
        if trigger is None:
            raise DomainError(ErrorCode.INVALID_AMOUNT, {"field": "trigger", "value": "missing"})
        _require_currency(state, trigger, "trigger")
        if trigger.is_negative:
            raise DomainError(
                ErrorCode.INVALID_AMOUNT, {"field": "trigger", "value": trigger.format()}
            )
        _require_usable_card(state)
    else:
        if trigger is not None:
            _require_currency(state, trigger, "trigger")
        if amount is not None:
            _require_currency(state, amount, "amount")
    settings = AutoRecharge(enabled=bool(command.enabled), trigger=trigger, amount=amount)
    state = replace(state, auto_recharge=settings, recharge_armed=True)
    return state, [
        AutoRechargeConfigured(
            at=state.now, enabled=settings.enabled, trigger=trigger, amount=amount
        )
    ]


def _set_payment_card(state: TenantState, command: SetPaymentCard, tariff: Tariff) -> Outcome:
    card = PaymentCard(command.last4, command.exp_month, command.exp_year)
    if card.is_expired(state.now):
        raise DomainError(ErrorCode.CARD_EXPIRED, {"last4": card.last4, "expiry": card.expiry_text})
    # A new card is the usual fix for a failed recharge, so it re-arms auto-recharge.
    state = replace(state, card=card, recharge_armed=True)
    return state, [
        PaymentCardSet(
            at=state.now, last4=card.last4, exp_month=card.exp_month, exp_year=card.exp_year
        )
    ]


def _add_user(state: TenantState, command: AddUser, tariff: Tariff) -> Outcome:
    if not isinstance(command.user_id, str) or not command.user_id.strip():
        raise DomainError(ErrorCode.INVALID_USER, {"user_id": str(command.user_id)})
    if state.user(command.user_id) is not None:
        raise DomainError(ErrorCode.USER_EXISTS, {"user_id": command.user_id})
    country = require_country(command.country or state.country)
    licenses = _require_licenses(command.licenses)
    user = User(id=command.user_id, country=country, licenses=licenses)
    state = replace(state, users=(*state.users, user))
    return state, [UserAdded(at=state.now, user_id=user.id, country=country, licenses=licenses)]


def _assign_licenses(state: TenantState, command: AssignLicenses, tariff: Tariff) -> Outcome:
    user = _require_user(state, command.user_id)
    licenses = _require_licenses(command.licenses)
    updated = replace(user, licenses=licenses)
    users = tuple(updated if u.id == user.id else u for u in state.users)
    state = replace(state, users=users)
    return state, [LicensesAssigned(at=state.now, user_id=user.id, licenses=licenses)]


def _advance_clock(state: TenantState, command: AdvanceClock, tariff: Tariff) -> Outcome:
    target = target_of(state.now, to=command.to, by=command.by, months=command.months)
    previous = state.now
    state, events = advance(state, target)
    return state, [*events, ClockAdvanced(at=state.now, previous=previous)]


def _switch_to_nce(state: TenantState, command: SwitchToNce, tariff: Tariff) -> Outcome:
    if state.model is CommerceModel.NCE:
        raise DomainError(ErrorCode.ALREADY_NCE)
    if state.auto_recharge.enabled:
        raise DomainError(ErrorCode.AUTO_RECHARGE_MUST_BE_OFF)
    # NCE credits never go negative, so a negative prepaid balance must be paid first.
    if state.debt.is_positive:
        raise DomainError(
            ErrorCode.DEBT_OUTSTANDING, {"debt": state.debt.format(), "currency": state.currency}
        )
    state = replace(
        state,
        model=CommerceModel.NCE,
        nce=NceBilling(period_start=state.now, accrued_overage=state.zero),
    )
    return state, [SwitchedToNce(at=state.now, remaining_credits=state.balance)]


def _adjustment(state: TenantState, command: Adjustment, tariff: Tariff) -> Outcome:
    amount = _require_currency(state, command.amount, "amount")
    if amount.is_zero:
        raise DomainError(ErrorCode.INVALID_AMOUNT, {"field": "amount", "value": amount.format()})
    reason = str(command.reason)
    before = state.balance
    lot_id: str | None = None
    if amount.is_positive:
        # A positive correction grants a credit lot, which NCE tenants cannot get any more
        # than they can buy one.
        _require_prepaid(state)
        _require_room(state, amount)
        state, lot = add_lot(
            state,
            amount=amount,
            source=LotSource.ADJUSTMENT,
            entry_type=EntryType.ADJUSTMENT,
            at=state.now,
            detail=reason,
        )
        lot_id = lot.id
    else:
        # A correction removes credits that exist; it never creates debt or NCE overage.
        available = state.balance if state.balance.is_positive else state.zero
        if -amount > available:
            raise DomainError(
                ErrorCode.INSUFFICIENT_BALANCE,
                {
                    "amount": (-amount).format(),
                    "balance": state.balance.format(),
                    "currency": state.currency,
                },
            )
        state, _ = debit(
            state, amount=-amount, entry_type=EntryType.ADJUSTMENT, at=state.now, detail=reason
        )
    events: list[Event] = [
        Adjusted(
            at=state.now,
            amount=amount,
            reason=reason,
            lot_id=lot_id,
            balance_after=state.balance,
        )
    ]
    state, reactions = after_change(state, before, state.now, debited=amount.is_negative)
    return state, events + reactions


_HANDLERS: dict[type, Callable[[TenantState, Any, Tariff], Outcome]] = {
    AddFunds: _add_funds,
    ConfigureAutoRecharge: _configure_auto_recharge,
    SetPaymentCard: _set_payment_card,
    AddUser: _add_user,
    AssignLicenses: _assign_licenses,
    PlaceCall: place_call,
    AdvanceClock: _advance_clock,
    SwitchToNce: _switch_to_nce,
    Adjustment: _adjustment,
}
