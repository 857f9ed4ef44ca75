"""Money as integer minor units of one ISO 4217 currency.

Floats never enter: amounts are ints, text is parsed through Decimal, and mixing currencies
is refused with ``currency_mismatch`` instead of silently converting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .errors import DomainError, ErrorCode

# Minor-unit exponents (ISO 4217). Only currencies listed here can be used, so a typo such
# as "UDS" is caught at the edge instead of producing a tenant nobody can rate.
CURRENCY_EXPONENTS: dict[str, int] = {
    "AUD": 2,
    "BRL": 2,
    "CAD": 2,
    "CHF": 2,
    "CNY": 2,
    "CZK": 2,
    "DKK": 2,
    "EUR": 2,
    "GBP": 2,
    "HKD": 2,
    "INR": 2,
    "JPY": 0,
    "KRW": 0,
    "KWD": 3,
    "MXN": 2,
    "NOK": 2,
    "NZD": 2,
    "PLN": 2,
    "SEK": 2,
    "SGD": 2,
    "USD": 2,
    "ZAR": 2,
}

# ASCII digits only: the API takes one machine format ("٥" is not five here; localized
# input is parsed by helpsvc.i18n before it reaches this).
_AMOUNT_RE = re.compile(r"^[+-]?([0-9]+)(?:\.([0-9]+))?$")

# The documented maxima, in major units: one amount (a purchase, a recharge, a trigger, a
# correction, a call's price) and a balance. Far above any real purchase, and small enough
# that every amount and balance fits a signed 64-bit integer of minor units in every
# currency (10**11 * 10**3 < 2**63), which the databases store.
MAX_AMOUNT_MAJOR = 1_000_000_000
MAX_BALANCE_MAJOR = 100_000_000_000


def max_amount(currency: str) -> Money:
    """The largest single amount in ``currency``."""
    return Money(MAX_AMOUNT_MAJOR * 10 ** exponent(currency), currency)


def max_balance(currency: str) -> Money:
    """The largest balance a tenant in ``currency`` may hold."""
    return Money(MAX_BALANCE_MAJOR * 10 ** exponent(currency), currency)


def exponent(currency: str) -> int:
    """Number of minor-unit digits of ``currency``; refuses unknown codes."""
    try:
        return CURRENCY_EXPONENTS[currency]
    except KeyError:
        raise DomainError(ErrorCode.UNKNOWN_CURRENCY, {"currency": str(currency)}) from None


@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        # bool is an int subclass; True cents is always a bug.
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise DomainError(
                ErrorCode.INVALID_AMOUNT,
                {"value": repr(self.minor), "currency": str(self.currency)},
            )
        exponent(self.currency)

    # -- construction -----------------------------------------------------------------

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Parse a plain decimal string in major units ("12.34") exactly.

        More fractional digits than the currency has are refused rather than rounded: a
        user who typed "0.005" USD meant something the currency cannot hold.
        """
        exp = exponent(currency)
        value = str(text).strip()
        shown = value if len(value) <= 40 else value[:37] + "..."
        match = _AMOUNT_RE.match(value)
        if not match:
            raise DomainError(ErrorCode.INVALID_AMOUNT, {"value": shown, "currency": currency})
        # Digits are counted before any arithmetic, so ten million of them cost nothing.
        whole, fraction = match.group(1).lstrip("0"), (match.group(2) or "").rstrip("0")
        if len(fraction) > exp:
            raise DomainError(
                ErrorCode.INVALID_AMOUNT,
                {"value": shown, "currency": currency, "max_decimals": exp},
            )
        if len(whole) > len(str(MAX_AMOUNT_MAJOR)):
            raise too_large(shown, currency)
        minor = int(whole or "0") * 10**exp + int(fraction.ljust(exp, "0") or "0")
        if minor > max_amount(currency).minor:
            raise too_large(shown, currency)
        return cls(-minor if value.startswith("-") else minor, currency)

    @classmethod
    def from_minor_decimal(cls, value: Decimal, currency: str) -> Money:
        """Round an exact fractional minor-unit amount half up to whole minor units."""
        return cls(int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)), currency)

    # -- presentation -----------------------------------------------------------------

    def to_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def format(self) -> str:
        """Plain major-unit string with the currency's digits ("12.30", "-0.05", "1200")."""
        exp = exponent(self.currency)
        sign = "-" if self.minor < 0 else ""
        whole, frac = divmod(abs(self.minor), 10**exp)
        return f"{sign}{whole}.{frac:0{exp}d}" if exp else f"{sign}{whole}"

    def __str__(self) -> str:
        return f"{self.format()} {self.currency}"

    # -- arithmetic -------------------------------------------------------------------

    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"expected Money, got {type(other).__name__}")
        if other.currency != self.currency:
            raise DomainError(
                ErrorCode.CURRENCY_MISMATCH, {"expected": self.currency, "got": other.currency}
            )
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.minor + self._same(other).minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.minor - self._same(other).minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.minor), self.currency)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int) or isinstance(factor, bool):
            raise TypeError("Money can only be multiplied by an int")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.minor < self._same(other).minor

    def __le__(self, other: Money) -> bool:
        return self.minor <= self._same(other).minor

    def __gt__(self, other: Money) -> bool:
        return self.minor > self._same(other).minor

    def __ge__(self, other: Money) -> bool:
        return self.minor >= self._same(other).minor

    @property
    def is_positive(self) -> bool:
        return self.minor > 0

    @property
    def is_negative(self) -> bool:
        return self.minor < 0

    @property
    def is_zero(self) -> bool:
        return self.minor == 0


def too_large(value: str, currency: str) -> DomainError:
    return DomainError(
        ErrorCode.AMOUNT_TOO_LARGE,
        {"value": value, "max": max_amount(currency).format(), "currency": currency},
    )


def money_min(a: Money, b: Money) -> Money:
    return a if a <= b else b


def money_max(a: Money, b: Money) -> Money:
    return a if a >= b else b


def money_sum(values: Iterable[Money], currency: str) -> Money:
    total = Money.zero(currency)
    for value in values:
        total = total + value
    return total
