"""Money has a documented maximum: one amount, and the balance a tenant can hold."""

from __future__ import annotations

import pytest

from helpsvc.credits import AddFunds, Adjustment, DomainError, ErrorCode, Money
from helpsvc.credits.money import (
    CURRENCY_EXPONENTS,
    MAX_AMOUNT_MAJOR,
    MAX_BALANCE_MAJOR,
    max_amount,
    max_balance,
)

INT64_MAX = 2**63 - 1


@pytest.mark.parametrize("currency", sorted(CURRENCY_EXPONENTS))
def test_every_maximum_fits_a_64_bit_count_of_minor_units(currency: str) -> None:
    assert max_amount(currency).format().startswith(str(MAX_AMOUNT_MAJOR))
    assert max_balance(currency).minor + max_amount(currency).minor < INT64_MAX


@pytest.mark.parametrize(
    "text", ["1000000000.01", "92233720368547758.08", "9" * 10_000_000, "-1000000001"]
)
def test_parse_refuses_amounts_over_the_maximum_without_doing_arithmetic(text: str) -> None:
    with pytest.raises(DomainError) as info:
        Money.parse(text, "USD")
    assert info.value.code is ErrorCode.AMOUNT_TOO_LARGE
    assert info.value.params["max"] == "1000000000.00"
    assert len(str(info.value.params["value"])) <= 40


def test_the_maximum_itself_is_an_amount() -> None:
    assert Money.parse("1000000000.00", "USD").minor == 100_000_000_000
    assert Money.parse("-1000000000", "JPY").minor == -1_000_000_000


def test_parse_takes_ascii_digits_only() -> None:
    with pytest.raises(DomainError) as info:
        Money.parse("\u0665", "USD")  # Arabic-Indic five
    assert info.value.code is ErrorCode.INVALID_AMOUNT


def test_a_purchase_past_the_balance_maximum_is_refused_and_changes_nothing(sim) -> None:
    sim.card()
    for _ in range(MAX_BALANCE_MAJOR // MAX_AMOUNT_MAJOR):
        sim.do(AddFunds(max_amount("USD")))
    assert sim.balance == max_balance("USD")
    error = sim.refused(AddFunds(sim.money("0.01")))
    assert error.code is ErrorCode.BALANCE_LIMIT
    assert error.params == {
        "amount": "0.01",
        "balance": "100000000000.00",
        "max": "100000000000.00",
        "currency": "USD",
    }
    refused = sim.refused(Adjustment(sim.money("0.01"), reason="goodwill"))
    assert refused.code is ErrorCode.BALANCE_LIMIT
    # Spending makes room again: the maximum blocks growth, not the tenant.
    sim.do(Adjustment(sim.money("-5.00"), reason="correction"))
    sim.do(AddFunds(sim.money("5.00")))
    assert sim.balance == max_balance("USD")


def test_an_engine_amount_over_the_maximum_is_refused(sim) -> None:
    sim.card()
    error = sim.refused(AddFunds(Money(max_amount("USD").minor + 1, "USD")))
    assert error.code is ErrorCode.AMOUNT_TOO_LARGE
