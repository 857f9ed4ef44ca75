from decimal import Decimal
from pathlib import Path

import pytest

from helpsvc.credits import CallingPlan, NumberType, RateDataError, load_sample_tariff, load_tariff
from helpsvc.credits.ratedata import parse_tariff
from helpsvc.credits.tariff import RateService

DATA = Path(__file__).resolve().parents[2] / "helpsvc" / "credits" / "data"

PLANS = "calling_plans:\n  US:\n    domestic: {domestic_minutes: 10}\n"


def test_sample_files_are_labelled_as_sample_rates() -> None:
    for name in ("rates.yaml", "plans.yaml"):
        first_line = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        assert "SAMPLE" in first_line and "not Microsoft" in first_line
    tariff = load_sample_tariff()
    assert "SAMPLE RATES, not Microsoft prices" in tariff.label


def test_sample_tariff_has_every_advertised_currency_and_exact_rates() -> None:
    tariff = load_sample_tariff()
    assert {"USD", "EUR", "GBP", "CNY", "JPY", "CHF"} <= tariff.currencies()
    us = tariff.rate("USD", RateService.OUTBOUND, "US", NumberType.GEOGRAPHIC)
    assert us is not None and us.per_minute_minor == Decimal("1.9")  # 0.019 USD, exactly
    ch = tariff.rate("USD", RateService.OUTBOUND, "CH", NumberType.MOBILE)
    assert ch is not None and ch.connection_fee_minor == Decimal("10")
    assert tariff.plan_allowance("US", CallingPlan.INTERNATIONAL).international_minutes > 0
    assert tariff.plan_allowance("US", CallingPlan.PAY_AS_YOU_GO).domestic_minutes == 0


def test_load_tariff_reads_paths(tmp_path: Path) -> None:
    rates = tmp_path / "r.yaml"
    plans = tmp_path / "p.yaml"
    rates.write_text('name: mine\ncurrencies:\n  EUR:\n    outbound:\n      DE: {mobile: "0.2"}\n')
    plans.write_text(PLANS)
    tariff = load_tariff(rates, plans)
    assert tariff.name == "mine"
    rate = tariff.rate("EUR", RateService.OUTBOUND, "DE", NumberType.MOBILE)
    assert rate is not None and rate.per_minute_minor == Decimal("20")


def test_unquoted_decimals_are_read_exactly_not_as_floats() -> None:
    text = "currencies:\n  USD:\n    outbound:\n      US: {geographic: 0.1000000000000000055}\n"
    rate = parse_tariff(text, PLANS).rate("USD", RateService.OUTBOUND, "US", NumberType.GEOGRAPHIC)
    assert rate is not None
    assert rate.per_minute_minor == Decimal("10.00000000000000055")


@pytest.mark.parametrize(
    ("rates", "line", "field", "words"),
    [
        (
            "currencies:\n  USD:\n    outbound:\n      US: {geographic: abc}\n",
            4,
            "currencies.USD.outbound.US.geographic",
            "non-negative decimal",
        ),
        ("currencies:\n  UDS: {}\n", 2, "currencies.UDS", "unknown currency"),
        (
            "currencies:\n  USD:\n    inbound: {}\n",
            3,
            "currencies.USD.inbound",
            "unknown service",
        ),
        (
            "currencies:\n  USD:\n    outbound:\n      usa: {geographic: '1'}\n",
            4,
            "currencies.USD.outbound.usa",
            "country code",
        ),
        (
            "currencies:\n  USD:\n    outbound:\n      US: {geographic: {connection_fee: '1'}}\n",
            4,
            "currencies.USD.outbound.US.geographic",
            "per_minute is required",
        ),
        ("currencies:\n  USD: {}\n  USD: {}\n", 3, "currencies.USD", "duplicate key"),
        ("currencies: [\n", 2, "(document)", "not valid YAML"),
    ],
)
def test_bad_rate_files_name_file_line_and_field(
    rates: str, line: int, field: str, words: str
) -> None:
    with pytest.raises(RateDataError) as info:
        parse_tariff(rates, PLANS, rates_source="my-rates.yaml")
    error = info.value
    assert (error.source, error.line, error.field) == ("my-rates.yaml", line, field)
    assert words in str(error) and str(error).startswith(f"my-rates.yaml:{line}: ")


def test_bad_plan_file_names_the_field() -> None:
    plans = "calling_plans:\n  US:\n    domestic: {domestic_minutes: 1.5}\n"
    with pytest.raises(RateDataError) as info:
        parse_tariff("currencies: {}\n", plans)
    assert info.value.field == "calling_plans.US.domestic.domestic_minutes"
    assert "whole number" in str(info.value)
