"""The simulation's settings as users type them: the same text parses the same way for the
CLI and the API, and a bad value names the option and the value."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from helpsvc.usage.options import (
    OptionError,
    check_zero_amounts,
    parse_amount,
    parse_card_month,
    parse_recharge_cap,
    parse_recharge_delay,
    parse_start,
)
from helpsvc.usage.presentation.messages import describe_option


@pytest.mark.parametrize(
    ("text", "month"),
    [(None, None), ("2026-03", (2026, 3)), (" 2026-3 ", (2026, 3)), ("03/27", (2027, 3))],
)
def test_card_months(text, month):
    assert parse_card_month(text) == month
    assert parse_card_month("11/2028") == (2028, 11)


@pytest.mark.parametrize("text", ["March", "2026-13", "13/26", "2026/03", "٢٠٢٦-٠٣"])
def test_a_bad_card_month_names_option_and_value(text):
    with pytest.raises(OptionError) as caught:
        parse_card_month(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.option, error.value, error.flag) == ("card_expires", text, "--card-expires")
    assert str(error).startswith("card_expires: ") and f"'{text}'" in str(error)


def test_start_is_aware_utc():
    assert parse_start(None) is None
    assert parse_start("2026-01-05") == datetime(2026, 1, 5, tzinfo=UTC)
    plus_one = timezone(timedelta(hours=1))
    parsed = parse_start("2026-01-05T01:00:00+01:00")
    assert parsed == datetime(2026, 1, 5, 1, tzinfo=plus_one) and parsed.tzinfo is UTC
    with pytest.raises(OptionError) as caught:
        parse_start("yesterday")
    assert caught.value.option == "start" and "'yesterday' is not a date" in str(caught.value)


def test_recharge_cap_defaults_floors_and_refuses_non_numbers():
    assert parse_recharge_cap(None) == 4.0 and parse_recharge_cap("") == 4.0
    assert parse_recharge_cap("2.5") == 2.5 and parse_recharge_cap("0") == 0.1
    assert parse_recharge_cap(None, default=6) == 6
    for text in ("often", "nan"):
        with pytest.raises(OptionError) as caught:
            parse_recharge_cap(text)
        assert caught.value.option == "max_recharges" and caught.value.value == text


def test_amounts_are_checked_for_shape():
    assert parse_amount("funds", None) is None
    assert parse_amount("funds", " 250.00 ") == "250.00"
    with pytest.raises(OptionError) as caught:
        parse_amount("trigger", "12,50")
    assert caught.value.flag == "--trigger" and "'12,50' is not an amount" in str(caught.value)
    # Digits of other scripts are refused here, by name, not later as a failed replay.
    for other in ("٥٠", "５０", "50.٥"):
        with pytest.raises(OptionError) as caught:
            parse_amount("funds", other)
        assert caught.value.code == "invalid_amount" and caught.value.value == other


@pytest.mark.parametrize(
    ("amounts", "option", "value"),
    [
        ({"recharge": "0"}, "recharge", "0"),
        ({"recharge": "0.00", "auto_recharge": False}, "recharge", "0.00"),
        ({"trigger": "00"}, "trigger", "00"),
        ({"funds": "0"}, "funds", "0"),
    ],
)
def test_zero_amounts_that_make_no_sense_name_option_and_value(amounts, option, value):
    given = {"funds": None, "trigger": None, "recharge": None, **amounts}
    flags = {k: given.pop(k) for k in ("auto_recharge", "nce") if k in given}
    with pytest.raises(OptionError) as caught:
        check_zero_amounts(given["funds"], given["trigger"], given["recharge"], **flags)
    error = caught.value
    assert (error.option, error.value, error.code) == (option, value, "amount_zero")
    for lang, words in (("en", "zero"), ("de", "null"), ("zh", "零")):
        message = describe_option(error, lang, switch="--no-auto-recharge")
        assert value in message and words in message
    if option != "trigger":
        assert "--no-auto-recharge" in describe_option(error, "de", switch="--no-auto-recharge")


def test_zero_funds_are_a_question_without_auto_recharge_or_with_nce():
    check_zero_amounts("0", None, None, auto_recharge=False)
    check_zero_amounts("0.00", None, None, nce=True)
    check_zero_amounts("ten", "4", "5")  # not an amount: its currency check says so later


def test_recharge_delay_days():
    assert parse_recharge_delay(None) == 1.0 and parse_recharge_delay(" ") == 1.0
    assert parse_recharge_delay("0.5") == 0.5 and parse_recharge_delay("2") == 2.0
    assert parse_recharge_delay("0") == 0.0 and parse_recharge_delay("0,5") == 0.5
    for text in ("-1", "a day", "nan", "inf", "32"):
        with pytest.raises(OptionError) as caught:
            parse_recharge_delay(text)
        error = caught.value
        assert (error.option, error.value, error.flag) == (
            "recharge_delay_days",
            text,
            "--recharge-delay-days",
        )
        assert f"“{text}”" in describe_option(error, "en", switch="")
