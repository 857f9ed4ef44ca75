"""The ``/simulate`` form as an admin fills it in: numbers read in the page's language, and
each problem worded for the field it belongs to.

Amounts and the recharge delay are read with Babel in the page's locale ("100,50" and
"1.000,50" in German, "１００" typed by a Chinese input method) and handed to the replay in
the machine format the API and the command line use ("100.50"), so the settings are
checked by exactly one parser after that. Messages quote what the admin typed, never the
machine form, and give examples in the page's own notation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from helpsvc.credits.money import exponent
from helpsvc.i18n.formats import example_amount, format_fraction, machine_decimal, parse_amount
from helpsvc.usage.options import (
    MAX_RECHARGE_DELAY_DAYS,
    OptionError,
    parse_card_month,
    parse_recharge_delay,
    parse_start,
)
from helpsvc.usage.presentation.failures import SimulationError, describe_failure
from helpsvc.usage.presentation.messages import describe_option, t
from helpsvc.usage.problems import BadRowError, ExportError
from helpsvc.usage.simulate import AmountError

# In the order the form shows them; the error summary lists problems in this order too.
FIELDS = ("file", "funds", "trigger", "recharge", "card_expires", "start", "recharge_delay_days")
AMOUNTS = ("funds", "trigger", "recharge")
DELAY = "recharge_delay_days"
CHECKBOXES = ("no_auto_recharge", "nce", "advise")
LABELS = {
    "funds": "page.funds",
    "trigger": "page.trigger",
    "recharge": "page.recharge",
    "card_expires": "page.card",
    "start": "page.start",
    DELAY: "page.delay",
    "no_auto_recharge": "page.no_auto",
}
QUOTES = {"en": "“{}”", "de": "„{}“", "zh": "“{}”"}
# Settings the options' own parsers can check one by one, before any replay.
SINGLE_CHECKS: dict[str, Callable[[str], object]] = {
    DELAY: parse_recharge_delay,
    "card_expires": parse_card_month,
    "start": parse_start,
}


@dataclass
class FormState:
    """What the admin sent (``values``, shown back as typed) and what is wrong with it."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    form_error: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.form_error)


def typed_values(fields: dict[str, str]) -> dict[str, str]:
    """The text fields and checkboxes of the form, as sent."""
    known = [name for name in FIELDS if name != "file"] + list(CHECKBOXES)
    return {name: str(fields[name]) for name in known if name in fields}


def _delay_error(value: str, lang: str) -> str:
    most = format_fraction(MAX_RECHARGE_DELAY_DAYS, lang)
    half = format_fraction(Decimal("0.5"), lang, most=1)
    return t("page.not_delay", lang, value=value, most=most, half=half)


def machine_fields(state: FormState, lang: str) -> dict[str, str]:
    """The settings in the machine format; what is wrong with them goes into
    ``state.errors``, every field at once (the replay itself stops at the first)."""
    machine: dict[str, str] = {}
    for name, raw in state.values.items():
        text = raw.strip()
        if name not in (*AMOUNTS, DELAY) or not text:
            machine[name] = text
            continue
        number = parse_amount(text, lang)
        if number is not None and number >= 0:
            machine[name] = machine_decimal(number)
        elif name == DELAY:
            state.errors[name] = _delay_error(text, lang)
        else:
            key = "page.not_amount" if number is None else "page.negative"
            state.errors[name] = t(key, lang, value=text, example=example_amount(lang))
    for name, parse in SINGLE_CHECKS.items():
        if machine.get(name) and name not in state.errors:
            try:
                parse(machine[name])
            except OptionError as error:
                place_failure(state, error, lang)
    return machine


def quoted(text: str, lang: str) -> str:
    return QUOTES.get(lang, QUOTES["en"]).format(text)


def place_failure(state: FormState, error: SimulationError, lang: str) -> None:
    """Put a failed replay's reason on the field it is about (the whole form if none)."""
    if isinstance(error, ExportError | BadRowError):
        state.errors["file"] = describe_failure(error, lang, cli=False).message
        return
    if isinstance(error, AmountError):
        digits = exponent(error.currency)
        state.errors[error.option] = t(
            "page.decimals",
            lang,
            value=state.values.get(error.option, error.value),
            currency=error.currency,
            digits=digits,
            example=example_amount(lang, digits),
        )
        return
    if isinstance(error, OptionError) and error.option in FIELDS:
        typed = state.values.get(error.option) or error.value
        if error.kind == "not_delay":
            state.errors[error.option] = _delay_error(typed, lang)
            return
        shown = OptionError(
            error.option, typed, error.reason, kind=error.kind, code=error.code, **error.params
        )
        switch = quoted(t(LABELS["no_auto_recharge"], lang), lang)
        state.errors[error.option] = describe_option(shown, lang, switch=switch)
        return
    state.form_error = describe_failure(error, lang, cli=False).message


def summary(state: FormState, labels: dict[str, str], lang: str) -> list[tuple[str, str]]:
    """The error summary's links, in the order of the form: "Startbetrag: …"."""
    items = [("#form-error", state.form_error)] if state.form_error else []
    for name in FIELDS:
        if name in state.errors:
            text = t("report.labelled", lang, what=labels[name], reason=state.errors[name])
            items.append((f"#{name}", text))
    return items
