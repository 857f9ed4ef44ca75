"""The codes and values of a replay as a reader of the report expects them.

Amounts, counts, dates and times are written with Babel in the reader's locale ("100,50 €",
"05.01.2026, 09:00 UTC", "¥100.50"); every code the export or the engine speaks in (call
types such as ``user_out``, notification kinds such as ``recharge_succeeded``, refusal
reasons such as ``card_expired``) becomes words of the reader's language. The API and
``--json`` keep the codes and the machine format (``summary``); this is for people.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from helpsvc.credits.money import exponent
from helpsvc.i18n.console_messages import MESSAGES as CONSOLE_MESSAGES
from helpsvc.i18n.console_messages import ct
from helpsvc.i18n.credit_messages import error_title
from helpsvc.i18n.formats import format_date, format_datetime, format_minor, format_number

from .messages import MESSAGES, t


def money_writer(currency: str, lang: str) -> Callable[[int], str]:
    """Minor units of ``currency`` as the reader writes money: ``10050`` -> "100,50 €"."""
    digits = exponent(currency)

    def money(minor: int) -> str:
        return format_minor(int(minor), digits, currency, lang)

    return money


def moment(value: datetime | None, lang: str) -> str:
    return "" if value is None else format_datetime(value, lang)


def day(value: date | None, lang: str) -> str:
    return "-" if value is None else format_date(value, lang)  # type: ignore[arg-type]


def count(value: int, lang: str) -> str:
    return format_number(value, lang)


def call_type(code: str | None, lang: str) -> str:
    """A ``Call Type`` of the export in words; an unknown one keeps its code in brackets."""
    code = (code or "").strip().lower()
    if not code:
        return t("calltype.none", lang)
    key = f"calltype.{code}"
    return t(key, lang) if key in MESSAGES else t("calltype.other", lang, code=code)


def notification(kind: str, lang: str) -> str:
    key = f"notification.{kind}"
    return ct(key, lang) if key in CONSOLE_MESSAGES else kind


def refusal(code: str, lang: str) -> str:
    """Why the engine refused a recharge or a call (``card_expired``), as a short title."""
    return error_title(code, lang)
