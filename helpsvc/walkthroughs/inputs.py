"""Turn what an admin typed into typed values, or into errors field by field.

Nothing typed is thrown away: the raw values go back with the errors so the form can show
them again. Amounts are read in the admin's language ("25,50" in German, "１００" typed by a
Chinese input method); once every field reads, the sanity checks of ``checks`` run, so a
mistake is explained at its field before anything is bought.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from helpsvc.credits import DomainError, Money, TenantState
from helpsvc.i18n.formats import example_amount, parse_amount
from helpsvc.walkthroughs.checks import amount_errors, card_errors, large_purchase
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.walkthroughs.messages import text
from helpsvc.walkthroughs.model import Input, Step

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(slots=True)
class Parsed:
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    confirm: Money | None = None  # a large purchase to confirm before it is made


def _present(raw: Any) -> bool:
    if isinstance(raw, list):
        return bool(raw)
    return raw is not None and str(raw).strip() != ""


def _boolean(raw: Any) -> bool:
    return str(raw).strip().lower() in ("1", "true", "on", "yes")


def _money(raw: Any, currency: str, lang: str) -> Money | None:
    number = parse_amount(str(raw), lang, currency)
    if number is None:
        return None
    try:
        amount = Money.parse(format(number, "f"), currency)
    except DomainError:
        return None
    return amount if amount.is_positive else None


def parse_step(step: Step, form: dict[str, Any], state: TenantState, lang: str) -> Parsed:
    result = Parsed()
    flags = {i.name: _boolean(form.get(i.name)) for i in step.inputs if i.kind == "boolean"}
    digits = len(Money.zero(state.currency).format().partition(".")[2])
    for item in step.inputs:
        raw = form.get(item.name)
        needed = item.required or (item.required_with is not None and flags.get(item.required_with))
        if item.kind == "boolean":
            result.values[item.name] = flags[item.name]
            continue
        if not _present(raw):
            if needed:
                key = "error.required_with" if item.required_with else "error.required"
                if item.kind == "users_without_credits_license":
                    key = "error.users"
                if item.kind == "confirm":
                    key = "error.confirm"
                result.errors[item.name] = text(key, lang)
            continue
        value, error = _parse(item, raw, state, lang, digits)
        if error is not None:
            result.errors[item.name] = error
        else:
            result.values[item.name] = value
    if not result.errors:
        result.errors.update(card_errors(result.values, state, lang))
        result.errors.update(amount_errors(result.values, lang))
    if not result.errors:
        result.confirm = large_purchase(result.values, form)
    return result


def _parse(
    item: Input, raw: Any, state: TenantState, lang: str, digits: int
) -> tuple[Any, str | None]:
    value = raw if isinstance(raw, list) else str(raw).strip()
    if item.kind == "email":
        return (value, None) if _EMAIL.match(value) else (None, text("error.email", lang))
    if item.kind == "choice":
        return (value, None) if value in item.options else (None, text("error.choice", lang))
    if item.kind == "money":
        amount = _money(value, state.currency, lang)
        if amount:
            return amount, None
        return None, text("error.money", lang, digits=digits, example=example_amount(lang, digits))
    if item.kind == "last4":
        # A Chinese IME types full-width digits; the card keeps ASCII ones.
        digits4 = unicodedata.normalize("NFKC", value)
        if re.fullmatch(r"[0-9]{4}", digits4):
            return digits4, None
        return None, text("error.last4", lang)
    if item.kind == "month":
        ok = value.isdigit() and 1 <= int(value) <= 12
        return (int(value), None) if ok else (None, text("error.month", lang))
    if item.kind == "year":
        ok = value.isdigit() and len(value) == 4 and 2000 <= int(value) <= 2100
        return (int(value), None) if ok else (None, text("error.year", lang))
    if item.kind == "confirm":
        return (True, None) if _boolean(value) else (None, text("error.confirm", lang))
    if item.kind == "users_without_credits_license":
        chosen = value if isinstance(value, list) else [value]
        allowed = set(users_without_credits_license(state))
        picked = [u for u in chosen if u in allowed]
        return (picked, None) if picked else (None, text("error.users", lang))
    return value, None
