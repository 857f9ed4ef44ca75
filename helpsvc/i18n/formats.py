"""Numbers, money, dates and month names in the reader's language, with Babel.

Parsing follows the reader's locale first ("25,50" and "1.000,50" in German, "100.50" in
English and Chinese). Full-width digits (１００) are folded to ASCII first, as a Chinese
input method types them. An admin who copies an amount from an English invoice into a
German form types "100.50": when the locale's own reading fails, the other common reading
is tried, so the amount is understood instead of refused. The API keeps its machine
format (``Money.format``); these functions are for pages and messages only.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_time
from babel.lists import format_list as _babel_list
from babel.numbers import (
    NumberFormatError,
    format_currency,
    format_decimal,
    get_currency_symbol,
    parse_decimal,
)

# The page languages and the region whose conventions their readers expect.
LOCALES = {"en": "en_US", "de": "de_DE", "zh": "zh_Hans_CN"}
# Where the locale's own reading fails, the other of the two common conventions.
_OTHER_READING = {"de_DE": "en_US", "en_US": "de_DE", "zh_Hans_CN": "de_DE"}
_EXTRA_SYMBOLS = {"CNY": ("元", "¥", "RMB"), "USD": ("$", "US$"), "EUR": ("€",)}


@cache
def locale_of(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


def _clean(text: str, currency: str | None, locale: Locale) -> str:
    folded = unicodedata.normalize("NFKC", text).strip()
    # Without a currency (a form sent before the export says which), any of the known
    # ones may be typed with the amount.
    currencies = [currency] if currency else list(_EXTRA_SYMBOLS)
    for code in currencies:
        symbols = {code, get_currency_symbol(code, locale=locale)}
        symbols.update(_EXTRA_SYMBOLS.get(code, ()))
        for symbol in sorted(symbols, key=len, reverse=True):
            folded = folded.replace(symbol, "")
    # Spaces as thousands separators (and the no-break spaces Babel itself writes).
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "\u00a0\u202f'")


def parse_amount(text: str, lang: str, currency: str | None = None) -> Decimal | None:
    """The number an admin typed, read in ``lang``'s convention; None if it is no number."""
    locale = locale_of(lang)
    cleaned = _clean(text, currency, locale)
    if not cleaned or not any(ch.isdigit() for ch in cleaned):
        return None
    for name in (str(locale), _OTHER_READING[str(locale)]):
        try:
            return parse_decimal(cleaned, locale=name, strict=True)
        except NumberFormatError:
            continue
    return None


def format_money(amount: Decimal, currency: str, lang: str) -> str:
    """ "1.000,50 €", "$1,000.50", "¥1,000.50": the currency as the locale writes it."""
    return format_currency(amount, currency, locale=locale_of(lang))


def format_minor(minor: int, digits: int, currency: str, lang: str) -> str:
    return format_money(Decimal(minor).scaleb(-digits), currency, lang)


def format_number(value: Decimal | int | float, lang: str, digits: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def format_fraction(value: Decimal | int | float, lang: str, most: int = 2) -> str:
    """A count that may have decimals, without trailing zeros: "3,38", "0,5", "4"."""
    pattern = "#,##0" + ("." + "#" * most if most else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def machine_decimal(value: Decimal) -> str:
    """A parsed number as the API and the command line write it: "1000.50", never "1E+3"."""
    return format(value, "f")


def example_amount(lang: str, digits: int = 2) -> str:
    """A sample amount in the form the reader is expected to type it ("50,00")."""
    return format_number(Decimal(50), lang, digits)


def format_datetime(value: datetime, lang: str) -> str:
    """Date and time of day, without seconds, in UTC: "28.11.2026, 06:33 UTC"."""
    locale = locale_of(lang)
    day = _babel_date(value, "medium", locale=locale)
    clock = _babel_time(value, "short", tzinfo=UTC, locale=locale)
    # The locale's own glue of date and time ("{1}, {0}" in English and German).
    glue = str(locale.datetime_formats["medium"])
    return glue.replace("{1}", day).replace("{0}", clock) + " UTC"


def format_date(value: datetime, lang: str) -> str:
    return _babel_date(value, "medium", locale=locale_of(lang))


def format_month(value: datetime, lang: str) -> str:
    """Month and year for chart axes: "Nov. 2026", "2026年11月"."""
    return format_skeleton("yMMM", value, locale=locale_of(lang))


def format_day(value: datetime, lang: str) -> str:
    """Day and month for chart axes: "28. Nov.", "11月28日"."""
    return format_skeleton("MMMd", value, locale=locale_of(lang))


def format_list(items: list[str], lang: str) -> str:
    """Items as the language lists them in a sentence: "A, B und C", "A、B和C"."""
    return _babel_list(items, "standard", locale=locale_of(lang)) if items else ""
