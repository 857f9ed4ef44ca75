"""From an export row to the call the credits engine is asked to place.

Mapping (the export's ``Call Type`` -> ``CallKind``):

* ``conf_out...`` (dial-out from a meeting) -> ``conference_dial_out`` to Destination Dialed;
* any inbound type (``conf_in``, ``user_in``, ``ucap_in``...) that cost money -> the
  ``toll_free_dial_in`` of the meeting organizer (the UPN of such rows), in the country
  of the number (Destination Dialed, else the user's location). Only toll-free dial-in
  makes an inbound call cost credits; the caller's line type is not in the report, so a
  row that has to be rated is rated as a call from a geographic line;
* everything else (``user_out``, ``user_out_transfer``, ``ucap_out``...) -> a user's
  outbound call, ``domestic`` or ``international`` from the Domestic/International
  column (else from comparing Destination Dialed with User Location).

Only credit-funded rows reach the engine (see ``columns.CREDIT_CAPABILITIES``): minutes from
plans never touched the balance. Their price is the row's Charge, connection fee included;
a row without a Charge is rated from the simulator's rate data like a live call (started
minutes x rate + connection fee, rounded once), so plan-minute pools never apply to a
replay: the export has already said the minutes were not plan minutes.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import NamedTuple

from helpsvc.credits import CallKind, NumberType, Tariff
from helpsvc.credits.money import exponent
from helpsvc.credits.rating import billable_minutes, price, rate_service

from .columns import UNKNOWN_COUNTRY, country_code, number_type
from .reader import UsageRow


class ReplayCall(NamedTuple):
    """A credit-funded call ready for the engine; ``charge`` in minor units."""

    at: object  # datetime; kept loose so the tuple stays cheap to build
    row: int
    user: str
    country: str
    """The user's usage location from the row (used when the user is first seen)."""
    kind: CallKind
    destination: str | None
    """None: the user's own country (a domestic call)."""
    number_type: NumberType
    seconds: int
    charge: int
    call_id: str


class CallProblem(NamedTuple):
    code: str
    params: dict


_INBOUND_MARK = "_in"
_new = tuple.__new__


def call_kind(call_type: str, domestic: bool) -> CallKind:
    if call_type.startswith("conf_out"):
        return CallKind.CONFERENCE_DIAL_OUT
    if _INBOUND_MARK in call_type and not call_type.endswith("_out"):
        return CallKind.TOLL_FREE_DIAL_IN
    return CallKind.USER_OUTBOUND_DOMESTIC if domestic else CallKind.USER_OUTBOUND_INTERNATIONAL


def parse_charge(text: str, currency: str) -> int:
    """A Charge cell in minor units, rounded half up once (exports write four decimals)."""
    places = exponent(currency)
    whole, dot, fraction = text.partition(".")
    if (
        whole.isdigit()
        and whole.isascii()
        and (not dot or (fraction.isdigit() and fraction.isascii()))
    ):
        # The usual "0.1200": integer arithmetic, exact like Decimal but cheaper.
        kept = fraction[:places].ljust(places, "0")
        minor = int(whole) * 10**places + (int(kept) if kept else 0)
        rest = fraction[places:]
        return minor + 1 if rest and rest[0] >= "5" else minor
    value = Decimal(text).scaleb(places)
    if not value.is_finite() or value < 0:
        raise ValueError(text)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_Shape = tuple[str, CallKind, "str | None", NumberType]
_SHAPES: dict[tuple[str, str, str, str, str, str], _Shape] = {}
_CACHE_LIMIT = 2048


def _shape(row: UsageRow, default_country: str) -> _Shape:
    """(user country, kind, destination, line type) of a row; rows repeat these a lot."""
    user_country = country_code(row.user_location) or default_country
    dialed = country_code(row.destination) if row.destination else None
    flag = row.domestic.strip().lower()
    if flag.startswith("dom"):
        domestic = True
    elif flag.startswith("int"):
        domestic = False
    else:
        domestic = dialed is None or dialed == user_country
    kind = call_kind(row.call_type.strip().lower(), domestic)
    line = NumberType(number_type(row.number_type))
    if kind is CallKind.TOLL_FREE_DIAL_IN:
        destination: str | None = dialed or user_country
        line = NumberType.GEOGRAPHIC  # the caller's line type is not in the report
    elif kind is CallKind.CONFERENCE_DIAL_OUT:
        destination = dialed or (None if domestic else UNKNOWN_COUNTRY)
    elif kind is CallKind.USER_OUTBOUND_DOMESTIC:
        destination = None
    else:
        destination = dialed if dialed and dialed != user_country else UNKNOWN_COUNTRY
    return user_country, kind, destination, line


def to_call(
    row: UsageRow, currency: str, tariff: Tariff, default_country: str
) -> ReplayCall | CallProblem:
    """The engine's call for a credit-funded row, or why it cannot be replayed."""
    key = (
        row.call_type,
        row.number_type,
        row.domestic,
        row.user_location,
        row.destination,
        default_country,
    )
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) > _CACHE_LIMIT:
            _SHAPES.clear()
        shape = _SHAPES[key] = _shape(row, default_country)
    user_country, kind, destination, line = shape
    text = row.charge
    if text:
        try:
            charge = parse_charge(text, currency)
        except (InvalidOperation, ValueError):
            return CallProblem("bad_charge", {"value": text[:40]})
    else:
        rated_to = destination or user_country
        rate = tariff.rate(currency, rate_service(kind), rated_to, line)
        if rate is None:
            return CallProblem(
                "no_rate",
                {"currency": currency, "destination": rated_to, "number_type": line.value},
            )
        charge = price(rate, billable_minutes(row.duration_seconds), currency).minor
    # tuple.__new__ skips the Python-level __new__ of NamedTuple: this runs per call.
    return _new(
        ReplayCall,
        (
            row.start,
            row.row,
            row.upn,
            user_country,
            kind,
            destination,
            line,
            row.duration_seconds,
            charge,
            row.call_id,
        ),
    )
