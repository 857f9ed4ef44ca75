"""Request bodies of the tenant API, with the value types they share.

Amounts are decimal strings in the tenant's currency, in one machine format (``Amount``):
ASCII digits, an optional leading minus and an optional "." with up to three decimals (the
currency then allows only as many as it has). Reading "1.234,50" or Arabic-Indic digits
belongs to the web forms, which know the reader's locale; an API that guessed would book
what nobody meant.

Names (a tenant's name, a user id, a reason) are text that ends up in e-mail headers, logs,
CSV exports and URLs: ``Name`` refuses control characters (NUL, CR, LF, ...), the Unicode
bidirectional controls that make text display in another order than it is stored, and
blank values; ``UserId`` also refuses what cannot be one path segment.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    Strict,
    StrictBool,
    WithJsonSchema,
    model_validator,
)

from helpsvc.credits.clock import as_utc
from helpsvc.credits.horizon import HORIZON, MAX_ADVANCE_DAYS, MAX_ADVANCE_MONTHS, iso
from helpsvc.credits.money import CURRENCY_EXPONENTS, MAX_AMOUNT_MAJOR

# Explicit embeddings, overrides and isolates, and the implicit marks (ALM, LRM, RLM):
# U+202E turns "txt.exe" into what reads as "exe.txt".
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Controls (Cc: NUL, TAB, CR, LF, ...), lone surrogates (Cs: not encodable in UTF-8),
# and the line and paragraph separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _plain_text(value: str) -> str:
    for position, char in enumerate(value, start=1):
        if char in _BIDI_CONTROLS or unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise ValueError(
                f"must not contain the control character U+{ord(char):04X} "
                f"(at character {position})"
            )
    return value


def _not_blank(value: str) -> str:
    # Format characters (zero-width space, ...) show nothing either.
    if all(char.isspace() or unicodedata.category(char) == "Cf" for char in value):
        raise ValueError("must contain visible characters, not only spaces")
    return value


def _one_path_segment(value: str) -> str:
    # A user is addressed as /users/{user_id}/...: "/" splits the path and "." or ".."
    # are resolved away by clients before the request is sent.
    if "/" in value or value in (".", ".."):
        raise ValueError("must not contain '/' or be '.' or '..' (it is part of the URL)")
    return value


def _class(codes: Iterable[int]) -> str:
    """A regex character class body of ``codes``, as ranges (``\\u0000-\\u001f``)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(_escape(a) if a == b else f"{_escape(a)}-{_escape(b)}" for a, b in ranges)


def _escape(code: int) -> str:
    return f"\\u{code:04x}"


@functools.cache
def _text_patterns() -> tuple[str, str, str]:
    """The validators above as JSON Schema patterns (plain text, name, user id), so the
    OpenAPI document refuses what the service refuses. Built on the first schema request:
    it walks every code point once."""
    refused, invisible = set(map(ord, _BIDI_CONTROLS)), set()
    # The Basic Multilingual Plane only: ECMA-262 patterns (the OpenAPI document's readers)
    # have no \\U escape, and the refused characters all lie in it. A name made only of
    # invisible characters beyond it (tag characters) is refused by the validator alone.
    for code in range(0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Cs":
            continue  # no text holds a lone surrogate (UTF-8 cannot), nor may a pattern
        if category in _REFUSED_CATEGORIES:
            refused.add(code)
        elif char.isspace() or category == "Cf":
            invisible.add(code)
    allowed, visible = _class(refused), _class(refused | invisible)
    plain = f"^[^{allowed}]*$"
    name = f"^[^{allowed}]*[^{visible}][^{allowed}]*$"
    slash = _class(refused | {ord("/")})
    user = f"^(?!\\.\\.?$)[^{slash}]*[^{visible}/][^{slash}]*$"
    return plain, name, user


def _pattern(which: int) -> Callable[[dict[str, Any]], None]:
    def add(schema: dict[str, Any]) -> None:
        schema["pattern"] = _text_patterns()[which]

    return add


# Free text that may be empty (a reason) but carries no control characters.
PlainText = Annotated[str, AfterValidator(_plain_text), Field(json_schema_extra=_pattern(0))]
# A name people read: plain text with something visible in it.
Name = Annotated[
    str,
    AfterValidator(_plain_text),
    AfterValidator(_not_blank),
    Field(json_schema_extra=_pattern(1)),
]
UserId = Annotated[
    str,
    AfterValidator(_plain_text),
    AfterValidator(_not_blank),
    AfterValidator(_one_path_segment),
    Field(json_schema_extra=_pattern(2)),
    Field(min_length=1, max_length=100, description="Unique in the tenant; no '/'."),
]

_FORMAT = re.compile(r"-?[0-9]+(\.[0-9]{1,3})?")
# The documented maximum of one amount (helpsvc.credits.money.MAX_AMOUNT_MAJOR) written
# into the pattern, so the OpenAPI document says exactly what the service takes.
_DIGITS = r"(1000000000(\.0{1,3})?|[0-9]{1,9}(\.[0-9]{1,3})?)"
_AMOUNT = re.compile("-?" + _DIGITS)
AMOUNT_PATTERN = "^" + _AMOUNT.pattern + "$"


def _machine_amount(value: str) -> str:
    # fullmatch with [0-9], not \d: \d also matches "٥" (Arabic-Indic five) and other digits.
    if not _FORMAT.fullmatch(value):  # linear, and the body limit bounds the length
        raise ValueError(
            "must be a decimal string of ASCII digits with '.' as the decimal separator "
            'and at most 3 decimals, such as "25.00" or "-5"'
        )
    if not _AMOUNT.fullmatch(value):
        raise ValueError(f"must be at most {MAX_AMOUNT_MAJOR} (and at least -{MAX_AMOUNT_MAJOR})")
    return value


def _not_negative(value: str) -> str:
    if value.startswith("-"):
        raise ValueError("must not be negative (no leading '-')")
    return value


def _positive(value: str) -> str:
    if Decimal(value) <= 0:
        raise ValueError("must be greater than zero")
    return value


def _amount_schema(pattern: str, example: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": pattern,
            "examples": [example],
            "description": f"Decimal string, at most {MAX_AMOUNT_MAJOR} in the tenant's "
            "currency, with no more decimals than the currency has.",
        }
    )


Amount = Annotated[
    str,
    Strict(),  # a JSON number is not taken for a decimal string: 0.1 has no exact binary form
    AfterValidator(_machine_amount),
    _amount_schema(AMOUNT_PATTERN, "-5.00"),
]
NonNegativeAmount = Annotated[
    Amount,
    AfterValidator(_not_negative),
    _amount_schema("^" + _DIGITS + "$", "10.00"),
]
PositiveAmount = Annotated[
    Amount,
    AfterValidator(_positive),
    _amount_schema("^(?=.*[1-9])" + _DIGITS + "$", "25.00"),
]


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _time_text(value: object) -> object:
    # JSON has no time type: a number (or "0.5" in a query) would be read as seconds since
    # 1970, which nobody sending a simulated time means. The document says: ISO 8601.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("must be an ISO 8601 date and time, such as 2026-01-01T00:00:00Z")
    return value


TimeText = Annotated[datetime, BeforeValidator(_time_text)]


def _before_horizon(value: datetime) -> datetime:
    # The clock never passes the horizon; a tenant born beyond it could never move.
    if as_utc(value) >= HORIZON:
        raise ValueError(f"must be before {iso(HORIZON)}")
    return value


StartTime = Annotated[
    TimeText,
    AfterValidator(_before_horizon),
    # The horizon in the document: a year before 2200 (an offset that carries a time in the
    # last hours of 2199 past it is refused by the validator alone).
    Field(json_schema_extra={"pattern": "^([01][0-9]{3}|2[01][0-9]{2})-"}),
]


def _whole_number(value: object) -> object:
    # JSON Schema's integer: 7 and 7.0, never true or "7" (which pydantic would convert).
    if isinstance(value, bool | str):
        raise ValueError("must be a whole number, such as 12")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TenantCreate(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Contoso",
                "country": "DE",
                "currency": "EUR",
                "commerce_model": "prepaid",
                "language": "de",
                "admin_email": "billing@contoso.example",
                "start": "2026-01-01T00:00:00Z",
            }
        },
    )

    name: Name = Field(min_length=1, max_length=200)
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
    currency: str = Field(
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217, one of the currencies the simulator has rates for",
        # Listed for the document only: another code is refused by the engine, in words.
        json_schema_extra={"enum": sorted(CURRENCY_EXPONENTS)},
    )
    commerce_model: Literal["prepaid", "nce"] = "prepaid"
    language: Literal["en", "de", "zh"] = "en"
    admin_email: EmailStr | None = None
    start: StartTime | None = Field(
        None, description=f"Simulated start time (UTC), before {iso(HORIZON)}; default: now."
    )


class LicensesIn(_Body):
    audio_conferencing: StrictBool = False
    phone_system: StrictBool = False
    calling_plan: Literal["domestic", "international", "pay_as_you_go"] | None = None
    communications_credits: StrictBool = False


class UserCreate(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "user_id": "ada@contoso.example",
                "country": "DE",
                "licenses": {
                    "audio_conferencing": True,
                    "phone_system": True,
                    "calling_plan": "domestic",
                    "communications_credits": True,
                },
            }
        },
    )

    user_id: UserId
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    licenses: LicensesIn = LicensesIn()


class PaymentCardIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"last4": "4242", "exp_month": 12, "exp_year": 2027}},
    )

    last4: str = Field(pattern=r"^[0-9]{4}$")
    exp_month: WholeNumber = Field(ge=1, le=12)
    exp_year: WholeNumber = Field(ge=2000, le=2100)


class FundsIn(_Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"amount": "50.00"}})

    amount: PositiveAmount


class AutoRechargeIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"enabled": True, "trigger_amount": "10.00", "recharge_amount": "25.00"}
        },
    )

    enabled: StrictBool
    # Checked whether enabled or not: stored settings are switched on later as they are.
    trigger_amount: NonNegativeAmount | None = None
    recharge_amount: PositiveAmount | None = None


class CallIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "user_id": "ada@contoso.example",
                "kind": "user_outbound_international",
                "destination": "GB",
                "number_type": "mobile",
                "duration_seconds": 754,
            }
        },
    )

    user_id: UserId
    kind: Literal[
        "toll_free_dial_in",
        "conference_dial_out",
        "user_outbound_domestic",
        "user_outbound_international",
        "payg_outbound",
    ]
    destination: str = Field(pattern=r"^[A-Z]{2}$")
    number_type: Literal["geographic", "mobile", "toll_free"] = "geographic"
    duration_seconds: WholeNumber = Field(ge=0, le=86_400)
    charge: NonNegativeAmount | None = Field(
        None, description="Use this price instead of the rates."
    )


# Far above the engine's limits, far below what ``timedelta`` overflows at (999,999,999 days).
_SPAN_GUARD = 100_000_000


class ClockIn(_Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"days": 31}})

    # The limits are the engine's (helpsvc.credits.horizon), which refuses a larger step with
    # a localized ``clock_too_far`` problem naming the field and its maximum; the schema
    # shows them. The validators here only keep a day count a time span can hold.
    to: TimeText | None = Field(
        None,
        description=f"Move the clock to this time: at most {MAX_ADVANCE_DAYS} days ahead of the "
        f"simulated clock, and before {iso(HORIZON)}.",
    )
    days: WholeNumber | None = Field(
        None,
        ge=0,
        le=_SPAN_GUARD,
        json_schema_extra={"maximum": MAX_ADVANCE_DAYS},
        description=f"Days to move ahead; with hours, at most {MAX_ADVANCE_DAYS} days in all.",
    )
    hours: WholeNumber | None = Field(
        None,
        ge=0,
        le=_SPAN_GUARD,
        json_schema_extra={"maximum": MAX_ADVANCE_DAYS * 24},
        description=f"Hours to move ahead; with days, at most {MAX_ADVANCE_DAYS} days in all.",
    )
    months: WholeNumber | None = Field(
        None,
        ge=0,
        le=_SPAN_GUARD,
        json_schema_extra={"maximum": MAX_ADVANCE_MONTHS},
        description=f"Calendar months to move ahead, at most {MAX_ADVANCE_MONTHS}.",
    )

    @model_validator(mode="after")
    def _one_way_of_moving(self) -> ClockIn:
        # Months are calendar months, days and hours a duration, "to" a point in time: two
        # of them together have no single meaning, so none is silently ignored.
        given = [
            name
            for name, present in (
                ("to", self.to is not None),
                ("months", self.months is not None),
                ("days/hours", self.days is not None or self.hours is not None),
            )
            if present
        ]
        if len(given) > 1:
            raise ValueError(
                f"give one of 'to', 'months' or 'days'/'hours', not {' and '.join(given)}"
            )
        return self


class AdjustmentIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"amount": "-5.00", "reason": "goodwill correction"}},
    )

    amount: Amount
    reason: PlainText = Field("", max_length=200)
