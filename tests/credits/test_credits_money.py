from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpsvc.credits import DomainError, ErrorCode, Money
from helpsvc.credits.money import CURRENCY_EXPONENTS


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.34", "USD", 1234),
        ("0.1", "EUR", 10),
        ("-1.5", "GBP", -150),
        ("7", "CNY", 700),
        ("1200", "JPY", 1200),
        ("1.234", "KWD", 1234),
        (" 3.00 ", "CHF", 300),
    ],
)
def test_parse_is_exact_in_minor_units(text: str, currency: str, minor: int) -> None:
    assert Money.parse(text, currency) == Money(minor, currency)


@pytest.mark.parametrize(("text", "currency"), [("0.005", "USD"), ("1.5", "JPY")])
def test_parse_refuses_more_decimals_than_the_currency_has(text: str, currency: str) -> None:
    with pytest.raises(DomainError) as info:
        Money.parse(text, currency)
    assert info.value.code is ErrorCode.INVALID_AMOUNT
    assert info.value.params["max_decimals"] == CURRENCY_EXPONENTS[currency]


@pytest.mark.parametrize("text", ["", "abc", "1,50", "1e3", "NaN", "Infinity", "1.", ".5"])
def test_parse_refuses_what_is_not_a_plain_decimal(text: str) -> None:
    with pytest.raises(DomainError) as info:
        Money.parse(text, "USD")
    assert info.value.code is ErrorCode.INVALID_AMOUNT
    assert info.value.params["value"] == text


def test_floats_and_bools_are_not_money() -> None:
    for bad in (1.5, True, Decimal("1")):
        with pytest.raises(DomainError) as info:
            Money(bad, "USD")  # type: ignore[arg-type]
        assert info.value.code is ErrorCode.INVALID_AMOUNT


def test_unknown_currency_is_refused() -> None:
    with pytest.raises(DomainError) as info:
        Money.parse("1", "UDS")
    assert info.value.code is ErrorCode.UNKNOWN_CURRENCY
    assert info.value.params == {"currency": "UDS"}


def test_mixing_currencies_is_refused_for_arithmetic_and_comparison() -> None:
    usd, eur = Money(100, "USD"), Money(100, "EUR")
    for operation in (lambda: usd + eur, lambda: usd - eur, lambda: usd < eur):
        with pytest.raises(DomainError) as info:
            operation()
        assert info.value.code is ErrorCode.CURRENCY_MISMATCH
        assert info.value.params == {"expected": "USD", "got": "EUR"}


def test_arithmetic_within_one_currency() -> None:
    a, b = Money(150, "USD"), Money(75, "USD")
    assert a + b == Money(225, "USD")
    assert b - a == Money(-75, "USD")
    assert -a == Money(-150, "USD")
    assert a * 3 == Money(450, "USD") == 3 * a
    assert b < a and a >= b and not a <= b


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(1234, "USD"), "12.34"),
        (Money(-5, "USD"), "-0.05"),
        (Money(1200, "JPY"), "1200"),
        (Money(7, "KWD"), "0.007"),
    ],
)
def test_format_uses_the_currency_digits(money: Money, text: str) -> None:
    assert money.format() == text
    assert str(money) == f"{text} {money.currency}"


def test_rounding_of_fractional_minor_units_is_half_up() -> None:
    assert Money.from_minor_decimal(Decimal("2.5"), "USD") == Money(3, "USD")
    assert Money.from_minor_decimal(Decimal("2.4999"), "USD") == Money(2, "USD")
    assert Money.from_minor_decimal(Decimal("0.5"), "JPY") == Money(1, "JPY")


@settings(max_examples=200, deadline=None)
@given(
    # Up to the documented maximum of one amount in the currency with no minor unit (JPY).
    minor=st.integers(min_value=-(10**9), max_value=10**9),
    currency=st.sampled_from(sorted(CURRENCY_EXPONENTS)),
)
def test_format_and_parse_round_trip(minor: int, currency: str) -> None:
    money = Money(minor, currency)
    assert Money.parse(money.format(), currency) == money
    assert money.to_decimal().scaleb(CURRENCY_EXPONENTS[currency]) == minor
