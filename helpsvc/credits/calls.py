"""Placing a call: licensing, funding decision at start, rating, charging at the end.

The simulator knows a call's whole duration up front but decides like the real system:
 * At start, a call whose first minute needs credits (no plan minutes left, or no pool) is
   refused when the caller lacks the Communications Credits license, or when a prepaid
   balance is zero or below. Refusal is a normal outcome (``CallRefused`` event, ledger
   unchanged), not an error: the caller needs it recorded.
 * A call that starts on plan minutes is not credit-funded at start. If it outlasts the
   pool and credits cannot be used, it is cut when the plan minutes run out.
 * Otherwise the call is charged in full at its end, which can take a prepaid balance
   below zero. A call whose credit part is priced at zero never needs credits.
"""

from __future__ import annotations

from dataclasses import replace

from .account import debit
from .commands import CallKind, PlaceCall
from .errors import DomainError, ErrorCode, Param
from .events import CallRated, CallRefused, Event
from .ledger import EntryType
from .licensing import may_use_credits, missing_call_license
from .money import Money
from .rating import Rating, billable_minutes, rate_call
from .reactions import after_change
from .state import CommerceModel, TenantState, require_country
from .tariff import NumberType, Tariff
from .users import License, User


# long: the rules of one call (license, rating, refusal at zero, plan minutes, debit,
# auto-recharge) read top to bottom in the order the guides state them.
def place_call(
    state: TenantState, command: PlaceCall, tariff: Tariff
) -> tuple[TenantState, list[Event]]:
    command = _normalized(command)
    user = _validate(state, command)
    number = state.counters.call
    call_id = command.call_id or f"call-{number}"
    state = replace(state, counters=replace(state.counters, call=number + 1))
    at = state.now

    def refuse(reason: ErrorCode, params: dict[str, Param]) -> tuple[TenantState, list[Event]]:
        return state, [
            CallRefused(
                at=at,
                call_id=call_id,
                user_id=user.id,
                kind=command.kind,
                destination=command.destination,
                number_type=command.number_type,
                duration_seconds=command.duration_seconds,
                reason=reason,
                params=params,
            )
        ]

    missing = missing_call_license(command.kind, user.licenses)
    if missing is not None:
        return refuse(ErrorCode.LICENSE_MISSING, {"license": missing.value})

    rating = _rate(state, command, user, tariff)
    connected = command.duration_seconds
    cut_reason: ErrorCode | None = None
    if rating.charge.is_positive:
        blocked = _credits_blocked(state, user)
        if blocked is not None:
            reason, params = blocked
            if rating.plan_minutes == 0:
                return refuse(reason, params)
            connected = rating.plan_minutes * 60
            cut_reason = reason
            rating = replace(
                rating, billed_minutes=rating.plan_minutes, credit_minutes=0, charge=state.zero
            )

    if rating.pool is not None:
        state = replace(state, pools=state.pools.add(rating.pool, rating.plan_minutes))
    before = state.balance
    state, result = debit(
        state, amount=rating.charge, entry_type=EntryType.USAGE, at=at, call_id=call_id
    )
    events: list[Event] = [
        CallRated(
            at=at,
            call_id=call_id,
            user_id=user.id,
            kind=command.kind,
            destination=command.destination,
            number_type=command.number_type,
            duration_seconds=command.duration_seconds,
            connected_seconds=connected,
            billed_minutes=rating.billed_minutes,
            plan_minutes=rating.plan_minutes,
            credit_minutes=rating.credit_minutes,
            pool=rating.pool,
            charge=rating.charge,
            from_credits=result.from_credits,
            to_debt=result.to_debt,
            overage=result.overage,
            balance_after=state.balance,
            cut_reason=cut_reason,
            connection_fee=rating.connection_fee or Money.zero(state.currency),
        )
    ]
    state, reactions = after_change(state, before, at, debited=rating.charge.is_positive)
    events.extend(reactions)
    return state, events


def _normalized(command: PlaceCall) -> PlaceCall:
    """Accept plain strings for the enums (as decoded from JSON) but compare enums only."""
    try:
        kind = CallKind(command.kind)
    except ValueError:
        raise DomainError(
            ErrorCode.INVALID_CALL, {"field": "kind", "value": str(command.kind)}
        ) from None
    try:
        number_type = NumberType(command.number_type)
    except ValueError:
        raise DomainError(
            ErrorCode.INVALID_CALL, {"field": "number_type", "value": str(command.number_type)}
        ) from None
    return replace(command, kind=kind, number_type=number_type)


def _validate(state: TenantState, command: PlaceCall) -> User:
    kind = command.kind
    require_country(command.destination, "destination")
    seconds = command.duration_seconds
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
        raise DomainError(
            ErrorCode.INVALID_CALL, {"field": "duration_seconds", "value": str(seconds)}
        )
    user = state.user(command.user_id)
    if user is None:
        raise DomainError(ErrorCode.UNKNOWN_USER, {"user_id": str(command.user_id)})
    # Domestic/international is about the caller's usage location, which the report and
    # the pools both key on; a mismatch means the command was built wrongly.
    if kind is CallKind.USER_OUTBOUND_DOMESTIC and command.destination != user.country:
        raise DomainError(
            ErrorCode.INVALID_CALL,
            {"field": "destination", "value": command.destination, "expected": user.country},
        )
    if kind is CallKind.USER_OUTBOUND_INTERNATIONAL and command.destination == user.country:
        raise DomainError(
            ErrorCode.INVALID_CALL,
            {"field": "destination", "value": command.destination, "user_country": user.country},
        )
    if command.charge is not None:
        if command.charge.currency != state.currency:
            raise DomainError(
                ErrorCode.CURRENCY_MISMATCH,
                {"field": "charge", "expected": state.currency, "got": command.charge.currency},
            )
        if command.charge.is_negative:
            raise DomainError(
                ErrorCode.INVALID_AMOUNT, {"field": "charge", "value": command.charge.format()}
            )
    return user


def _rate(state: TenantState, command: PlaceCall, user: User, tariff: Tariff) -> Rating:
    if command.charge is not None:
        minutes = billable_minutes(command.duration_seconds)
        return Rating(
            billed_minutes=minutes,
            plan_minutes=0,
            credit_minutes=minutes,
            pool=None,
            charge=command.charge,
        )
    return rate_call(
        kind=command.kind,
        user=user,
        destination=command.destination,
        number_type=command.number_type,
        duration_seconds=command.duration_seconds,
        users=state.users,
        pools=state.pools,
        tariff=tariff,
        currency=state.currency,
    )


def _credits_blocked(state: TenantState, user: User) -> tuple[ErrorCode, dict[str, Param]] | None:
    if not may_use_credits(user.licenses):
        return ErrorCode.LICENSE_MISSING, {"license": License.COMMUNICATIONS_CREDITS.value}
    # NCE tenants bill what credits cannot cover as overage, so balance never blocks them.
    if state.model is CommerceModel.PREPAID and not state.balance.is_positive:
        return ErrorCode.BALANCE_NOT_POSITIVE, {
            "balance": state.balance.format(),
            "currency": state.currency,
        }
    return None
