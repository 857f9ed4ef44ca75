"""Amounts as admins type them, and the checks that answer at the field."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from helpsvc.credits import Money, PaymentCard, new_tenant
from helpsvc.i18n.formats import format_money, parse_amount
from helpsvc.walkthroughs.inputs import parse_step
from helpsvc.walkthroughs.load import load_flows


@pytest.mark.parametrize(
    ("typed", "lang", "value"),
    [
        ("25,50", "de", "25.50"),
        ("1.000,50", "de", "1000.50"),
        ("100.50", "de", "100.50"),  # copied from an English invoice
        ("１００", "zh", "100"),
        ("100.50", "zh", "100.50"),
        ("1,000.50", "en", "1000.50"),
        ("100 €", "de", "100"),
    ],
)
def test_amounts_are_read_in_the_readers_convention(typed, lang, value):
    assert parse_amount(typed, lang, "EUR") == Decimal(value)


def test_non_numbers_are_not_amounts():
    assert parse_amount("zehn", "de") is None and parse_amount("12,34,5", "zh") is None


def test_money_is_written_the_locales_way():
    assert format_money(Decimal("125.5"), "EUR", "de") == "125,50\xa0€"
    assert format_money(Decimal("100"), "CNY", "zh") == "¥100.00"


def state(now: datetime = datetime(2026, 6, 1, tzinfo=UTC)):
    return new_tenant("t1", "EUR", "DE", now)


FLOWS = load_flows()


def test_trigger_at_or_above_recharge_is_explained_at_the_field():
    step = FLOWS["auto-recharge"].step("amounts")
    parsed = parse_step(step, {"trigger_amount": "100", "recharge_amount": "5"}, state(), "de")
    assert "größer sein als der Auslösebetrag (100,00\xa0€)" in parsed.errors["recharge_amount"]


def test_an_expired_card_is_refused_at_the_field_before_submit():
    step = FLOWS["add-funds"].step("card")
    form = {"card_last4": "4242", "card_exp_month": "1", "card_exp_year": "2026"}
    parsed = parse_step(step, form, state(), "zh")
    assert "尾号为 4242 的卡已于 2026年1月底到期" in parsed.errors["card_exp_month"]
    assert PaymentCard("4242", 1, 2026).is_expired(state().now)


def test_card_digits_typed_full_width_are_kept_as_ascii_and_others_refused():
    step = FLOWS["add-funds"].step("card")
    form = {"card_last4": "４２４２", "card_exp_month": "12", "card_exp_year": "2030"}
    parsed = parse_step(step, form, state(), "zh")
    assert not parsed.errors and parsed.values["card_last4"] == "4242"
    refused = parse_step(step, {**form, "card_last4": "٤٢٤٢"}, state(), "zh")
    assert "card_last4" in refused.errors


def test_a_large_purchase_asks_for_confirmation_once():
    step = FLOWS["add-funds"].step("funds")
    parsed = parse_step(step, {"amount": "1.000.000"}, state(), "de")
    assert parsed.confirm == Money.parse("1000000", "EUR") and not parsed.errors
    confirmed = parse_step(
        step, {"amount": "1.000.000", "confirm_amount": "1000000.00"}, state(), "de"
    )
    assert confirmed.confirm is None and confirmed.values["amount"].minor == 100_000_000
