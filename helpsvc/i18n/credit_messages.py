"""The credit simulator's words: refusals, field labels and the admins' e-mail notifications.

The engine (``helpsvc.credits``) never writes prose: it refuses a command with a stable
``ErrorCode`` plus plain parameters and queues ``NotificationQueued`` events. This module
holds the English of both; German and Chinese are in the message catalog
(``helpsvc/locale``), worded with the glossary's terms.

Variants. A code can be raised with different parameters (``invalid_amount`` carries
``field`` and ``value`` from the engine, but ``value`` and ``currency`` from ``Money.parse``),
so a ``wording`` holds a text without placeholders plus ``variant``s that say what they
need: ``variant(entry(...), field=("trigger", "charge"), value=ANY)`` is used when both
parameters are given and ``field`` is one of the two. The variant with the most
requirements met wins (then the one with more value matches, then the one listed first).
A variant only uses placeholders it requires, so no ``{name}`` can stay unfilled; the
formatter still renders an unknown name as "" as a last line of defence. A parameter that is
None or blank counts as not given. Each variant is its own catalog entry, its context
naming what it needs (``refusal.invalid_amount.detail[field=trigger|charge,value]``).

Values are shown as the engine passes them (amounts as ``Money.format()`` strings with a dot,
which is also what the API accepts back), except that ``field`` becomes the localized field
label, ``license``, ``service`` and ``number_type`` their localized names, and ``amount``,
``balance`` and ``debt`` get the ``currency`` appended. The output is plain text: escape it
before putting it into HTML.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from helpsvc.catalog.entries import Entry, entry
from helpsvc.content.locales import match_range

Param = str | int

LANGUAGES: tuple[str, ...] = ("en", "de", "zh")
DEFAULT_LANGUAGE = "en"

# A variant's requirement on a parameter: given at all (ANY) or one of these values.
ANY = None
Requirement = tuple[str, frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class Variant:
    entry: Entry
    requires: tuple[Requirement, ...]

    def met_by(self, given: Mapping[str, str]) -> bool:
        return all(
            name in given and (allowed is None or given[name] in allowed)
            for name, allowed in self.requires
        )

    @property
    def score(self) -> tuple[int, int]:
        return len(self.requires), sum(allowed is not None for _, allowed in self.requires)


@dataclass(frozen=True, slots=True)
class Wording:
    """A text and the variants that replace it when their parameters are given."""

    base: Entry
    variants: tuple[Variant, ...] = ()

    def pick(self, given: Mapping[str, str]) -> Entry:
        best, best_score = self.base, (0, 0)
        for candidate in self.variants:
            if candidate.met_by(given) and candidate.score > best_score:
                best, best_score = candidate.entry, candidate.score
        return best


def variant(text: Entry, **requires: tuple[str, ...] | None) -> Variant:
    return Variant(
        text,
        tuple(
            (name, None if allowed is None else frozenset(allowed))
            for name, allowed in requires.items()
        ),
    )


def wording(base: Entry, *variants: Variant) -> Wording:
    return Wording(base, variants)


# code -> part (title, detail) -> wording; see the module docstring.
ERROR_MESSAGES: dict[str, dict[str, Wording]] = {
    "nce_cannot_purchase": {
        "title": wording(
            entry(
                "refusal.nce_cannot_purchase.title",
                "Not available with NCE (New Commerce Experience)",
            )
        ),
        "detail": wording(
            entry(
                "refusal.nce_cannot_purchase.detail",
                "Your organization uses post-usage billing with NCE (New Commerce "
                "Experience), so you can't add funds or turn on auto-recharge. Usage "
                "that your plans don't cover is billed as overage after each billing "
                "period.",
            )
        ),
    },
    "auto_recharge_must_be_off": {
        "title": wording(
            entry("refusal.auto_recharge_must_be_off.title", "Turn off auto-recharge first")
        ),
        "detail": wording(
            entry(
                "refusal.auto_recharge_must_be_off.detail",
                "You can't switch to NCE (New Commerce Experience) while "
                "auto-recharge is on. Turn off auto-recharge, save the settings, and "
                "then switch again. Your remaining balance is kept and is used first "
                "after the switch.",
            )
        ),
    },
    "already_nce": {
        "title": wording(
            entry("refusal.already_nce.title", "Already on NCE (New Commerce Experience)")
        ),
        "detail": wording(
            entry(
                "refusal.already_nce.detail",
                "Your organization already uses post-usage billing with NCE (New "
                "Commerce Experience). There is nothing to switch.",
            )
        ),
    },
    "debt_outstanding": {
        "title": wording(entry("refusal.debt_outstanding.title", "Balance below zero")),
        "detail": wording(
            entry(
                "refusal.debt_outstanding.detail",
                "Your balance is below zero. Add funds until the balance is zero or "
                "above, and then switch to NCE (New Commerce Experience).",
            ),
            variant(
                entry(
                    "refusal.debt_outstanding.detail[debt]",
                    "Your balance is {debt} below zero. Add funds of at least {debt} so "
                    "that the balance is zero or above, and then switch to NCE (New "
                    "Commerce Experience).",
                ),
                debt=ANY,
            ),
        ),
    },
    "insufficient_balance": {
        "title": wording(entry("refusal.insufficient_balance.title", "Balance too low")),
        "detail": wording(
            entry(
                "refusal.insufficient_balance.detail",
                "A negative adjustment can only remove credits that are available; "
                "it can't take the balance below zero. Enter a smaller amount.",
            ),
            variant(
                entry(
                    "refusal.insufficient_balance.detail[amount,balance]",
                    "The adjustment would remove {amount}, but the balance is only "
                    "{balance}. A negative adjustment can't take the balance below zero; "
                    "enter a smaller amount.",
                ),
                amount=ANY,
                balance=ANY,
            ),
        ),
    },
    "balance_not_positive": {
        "title": wording(entry("refusal.balance_not_positive.title", "Balance is zero or below")),
        "detail": wording(
            entry(
                "refusal.balance_not_positive.detail",
                "Calls paid from Communications Credits are refused while the "
                "balance is zero or below. Add funds, or turn on auto-recharge so "
                "that the balance is topped up before it runs out.",
            ),
            variant(
                entry(
                    "refusal.balance_not_positive.detail[balance]",
                    "The balance is {balance}. Calls paid from Communications Credits, "
                    "such as toll-free dial-in, conference dial-out and international "
                    "calls, are refused until the balance is above zero. Add funds, or "
                    "turn on auto-recharge so that the balance is topped up before it "
                    "runs out.",
                ),
                balance=ANY,
            ),
        ),
    },
    "license_missing": {
        "title": wording(entry("refusal.license_missing.title", "License missing")),
        "detail": wording(
            entry(
                "refusal.license_missing.detail",
                "The user doesn't have every license this call needs. Check the "
                "user's licenses, assign the missing one, and then try again.",
            ),
            variant(
                entry(
                    "refusal.license_missing.detail[license]",
                    "The user is missing a license that this call needs: {license}. "
                    "Assign it to the user, and then try again.",
                ),
                license=ANY,
            ),
            variant(
                entry(
                    "refusal.license_missing.detail[license=communications_credits]",
                    "Calls paid from the balance need the Communications Credits "
                    "license, which E5 doesn't include. Assign the Communications "
                    "Credits license to the user, and then try again.",
                ),
                license=("communications_credits",),
            ),
        ),
    },
    "rate_missing": {
        "title": wording(entry("refusal.rate_missing.title", "No rate for this call")),
        "detail": wording(
            entry(
                "refusal.rate_missing.detail",
                "The rate table has no price for this call, so it can't be charged. "
                "Check the destination and the number type, or add the missing rate "
                "to the rate table.",
            ),
            variant(
                entry(
                    "refusal.rate_missing.detail[currency,service,country,number_type]",
                    "The rate table has no {currency} rate for {service} with country or "
                    "region “{country}” and number type “{number_type}”. Check the "
                    "destination and the number type, or add the missing rate to the "
                    "rate table.",
                ),
                currency=ANY,
                service=ANY,
                country=ANY,
                number_type=ANY,
            ),
        ),
    },
    "invalid_call": {
        "title": wording(entry("refusal.invalid_call.title", "Invalid call")),
        "detail": wording(
            entry(
                "refusal.invalid_call.detail",
                "The call details are incomplete or invalid. Check them, and then try again.",
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field,value]",
                    "“{value}” is not a valid value for “{field}”.",
                ),
                field=ANY,
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field=kind,value]",
                    "“{value}” is not a known call type. Use one of these: "
                    "toll_free_dial_in, conference_dial_out, user_outbound_domestic, "
                    "user_outbound_international, payg_outbound.",
                ),
                field=("kind",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field=number_type,value]",
                    "“{value}” is not a known number type. Use geographic, mobile or toll_free.",
                ),
                field=("number_type",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field=duration_seconds,value]",
                    "“{value}” is not a valid call duration. Enter a whole number of "
                    "seconds, 0 or more.",
                ),
                field=("duration_seconds",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field=destination,value,expected]",
                    "A domestic call must stay in the user's country or region "
                    "({expected}), but the destination is {value}. Place it as an "
                    "international call, or change the destination.",
                ),
                field=("destination",),
                value=ANY,
                expected=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_call.detail[field=destination,value,user_country]",
                    "An international call must go to a country or region other than the "
                    "user's ({user_country}), but the destination is {value}. Place it "
                    "as a domestic call, or change the destination.",
                ),
                field=("destination",),
                value=ANY,
                user_country=ANY,
            ),
        ),
    },
    "card_expired": {
        "title": wording(entry("refusal.card_expired.title", "Credit card expired")),
        "detail": wording(
            entry(
                "refusal.card_expired.detail",
                "The credit card has expired. Update the credit card with one that "
                "is still valid, and then try again.",
            ),
            variant(
                entry(
                    "refusal.card_expired.detail[last4,expiry]",
                    "The credit card ending in {last4} has expired (valid through "
                    "{expiry}). Update the credit card with one that is still valid, and "
                    "then try again.",
                ),
                last4=ANY,
                expiry=ANY,
            ),
        ),
    },
    "card_missing": {
        "title": wording(entry("refusal.card_missing.title", "No credit card on file")),
        "detail": wording(
            entry(
                "refusal.card_missing.detail",
                "No credit card is on file. Add a credit card, and then try again. "
                "Purchases and auto-recharge are charged to this card.",
            )
        ),
    },
    "invalid_card": {
        "title": wording(entry("refusal.invalid_card.title", "Invalid credit card details")),
        "detail": wording(
            entry(
                "refusal.invalid_card.detail",
                "The credit card details are invalid. Check them, and then try again.",
            ),
            variant(
                entry(
                    "refusal.invalid_card.detail[field,value]",
                    "“{value}” is not a valid value for “{field}”.",
                ),
                field=ANY,
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_card.detail[field=last4,value]",
                    "“{value}” is not a valid value for “{field}”. Enter exactly 4 digits.",
                ),
                field=("last4",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_card.detail[field=exp_month,value]",
                    "“{value}” is not a valid value for “{field}”. Enter a month from 1 to 12.",
                ),
                field=("exp_month",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_card.detail[field=exp_year,value]",
                    "“{value}” is not a valid value for “{field}”. Enter the year with "
                    "four digits, for example 2027.",
                ),
                field=("exp_year",),
                value=ANY,
            ),
        ),
    },
    "currency_mismatch": {
        "title": wording(entry("refusal.currency_mismatch.title", "Wrong currency")),
        "detail": wording(
            entry(
                "refusal.currency_mismatch.detail",
                "The amounts use different currencies. Enter every amount in your "
                "organization's currency.",
            ),
            variant(
                entry(
                    "refusal.currency_mismatch.detail[expected,got]",
                    "The amount is in {got}, but {expected} is expected. Enter the "
                    "amount in {expected}.",
                ),
                expected=ANY,
                got=ANY,
            ),
            variant(
                entry(
                    "refusal.currency_mismatch.detail[field,expected,got]",
                    "“{field}” is in {got}, but your organization uses {expected}. Enter "
                    "the amount in {expected}.",
                ),
                field=ANY,
                expected=ANY,
                got=ANY,
            ),
        ),
    },
    "unknown_currency": {
        "title": wording(entry("refusal.unknown_currency.title", "Unsupported currency")),
        "detail": wording(
            entry(
                "refusal.unknown_currency.detail",
                "The currency is not supported. Use a three-letter ISO 4217 code, "
                "for example USD or EUR.",
            ),
            variant(
                entry(
                    "refusal.unknown_currency.detail[currency]",
                    "“{currency}” is not a supported currency. Use a three-letter ISO "
                    "4217 code, for example USD or EUR.",
                ),
                currency=ANY,
            ),
        ),
    },
    "invalid_amount": {
        "title": wording(entry("refusal.invalid_amount.title", "Invalid amount")),
        "detail": wording(
            entry(
                "refusal.invalid_amount.detail",
                "The amount is invalid. Enter a number with a dot as the decimal "
                "separator, for example 25.00.",
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[value,currency]",
                    "“{value}” is not a valid amount in {currency}. Enter a number with "
                    "a dot as the decimal separator, for example 25.00.",
                ),
                value=ANY,
                currency=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[value,currency,max_decimals]",
                    "“{value}” has too many decimal places. Amounts in {currency} can "
                    "have at most {max_decimals} decimal places.",
                ),
                value=ANY,
                currency=ANY,
                max_decimals=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[value,currency,max_decimals=0]",
                    "“{value}” has decimal places, but amounts in {currency} are whole "
                    "numbers. Enter the amount without decimals.",
                ),
                value=ANY,
                currency=ANY,
                max_decimals=("0",),
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[field,value]",
                    "“{value}” is not a valid value for “{field}”.",
                ),
                field=ANY,
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[field,value=missing]",
                    "No value was given for “{field}”. Enter an amount.",
                ),
                field=ANY,
                value=("missing",),
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[field=amount|recharge_amount,value]",
                    "“{value}” is not a valid value for “{field}”. Enter an amount "
                    "greater than zero.",
                ),
                field=("amount", "recharge_amount"),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_amount.detail[field=trigger|trigger_amount|charge,value]",
                    "“{value}” is not a valid value for “{field}”. Enter 0 or a positive amount.",
                ),
                field=("trigger", "trigger_amount", "charge"),
                value=ANY,
            ),
        ),
    },
    "amount_too_large": {
        "title": wording(entry("refusal.amount_too_large.title", "Amount too large")),
        "detail": wording(
            entry(
                "refusal.amount_too_large.detail",
                "The amount is larger than the simulator accepts. One amount can be "
                "at most 1000000000 in the tenant's currency.",
            ),
            variant(
                entry(
                    "refusal.amount_too_large.detail[value,max,currency]",
                    "“{value}” is larger than the simulator accepts. One amount can be "
                    "at most {max} {currency}.",
                ),
                value=ANY,
                max=ANY,
                currency=ANY,
            ),
        ),
    },
    "balance_limit": {
        "title": wording(entry("refusal.balance_limit.title", "Balance limit reached")),
        "detail": wording(
            entry(
                "refusal.balance_limit.detail",
                "This would take the balance above the most the simulator can hold.",
            ),
            variant(
                entry(
                    "refusal.balance_limit.detail[amount,balance,max,currency]",
                    "Adding {amount} to the balance of {balance} would take it above "
                    "{max} {currency}, the most a balance can hold. Add a smaller amount.",
                ),
                amount=ANY,
                balance=ANY,
                max=ANY,
                currency=ANY,
            ),
        ),
    },
    "invalid_country": {
        "title": wording(entry("refusal.invalid_country.title", "Invalid country or region code")),
        "detail": wording(
            entry(
                "refusal.invalid_country.detail",
                "Enter the country or region as a two-letter ISO 3166 code in "
                "capital letters, for example US or DE.",
            ),
            variant(
                entry(
                    "refusal.invalid_country.detail[field,value]",
                    "“{value}” is not a valid code for “{field}”. Enter a two-letter ISO "
                    "3166 code in capital letters, for example US or DE.",
                ),
                field=ANY,
                value=ANY,
            ),
        ),
    },
    "invalid_time": {
        "title": wording(entry("refusal.invalid_time.title", "Invalid time")),
        "detail": wording(
            entry(
                "refusal.invalid_time.detail",
                "The time is invalid. Enter a date and time with a time zone, for "
                "example 2025-03-01T09:00:00Z.",
            ),
            variant(
                entry(
                    "refusal.invalid_time.detail[field,value]",
                    "“{value}” is not a valid value for “{field}”. Enter a date and time "
                    "with a time zone, for example 2025-03-01T09:00:00Z.",
                ),
                field=ANY,
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_time.detail[field=by,value]",
                    "“{value}” is not a valid value for “{field}”. Enter a time span, "
                    "for example 1 day or 2 hours.",
                ),
                field=("by",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_time.detail[field=months,value]",
                    "“{value}” is not a valid value for “{field}”. Enter a whole number "
                    "of months, for example 1.",
                ),
                field=("months",),
                value=ANY,
            ),
        ),
    },
    "invalid_command": {
        "title": wording(entry("refusal.invalid_command.title", "Invalid request")),
        "detail": wording(
            entry(
                "refusal.invalid_command.detail",
                "The request is incomplete or invalid. Check it, and then try again.",
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[command]",
                    "The simulator doesn't support the command “{command}”.",
                ),
                command=ANY,
            ),
            variant(
                entry("refusal.invalid_command.detail[field]", "“{field}” is missing or invalid."),
                field=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[field,value]",
                    "“{value}” is not a valid value for “{field}”.",
                ),
                field=ANY,
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[field=licenses]",
                    "The licenses are missing or invalid. Specify which licenses the user has.",
                ),
                field=("licenses",),
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[field=licenses.calling_plan,value]",
                    "“{value}” is not a known Calling Plan. Use domestic, international "
                    "or pay_as_you_go.",
                ),
                field=("licenses.calling_plan",),
                value=ANY,
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[field=to|by|months]",
                    "Specify exactly one of these: target time (to), time span (by) or "
                    "number of months (months).",
                ),
                field=("to|by|months",),
            ),
            variant(
                entry(
                    "refusal.invalid_command.detail[field=tenant_id]",
                    "The organization ID is missing. Enter an organization ID.",
                ),
                field=("tenant_id",),
            ),
        ),
    },
    "unknown_user": {
        "title": wording(entry("refusal.unknown_user.title", "Unknown user")),
        "detail": wording(
            entry(
                "refusal.unknown_user.detail",
                "The user doesn't exist in your organization. Check the user ID, or "
                "add the user first.",
            ),
            variant(
                entry(
                    "refusal.unknown_user.detail[user_id]",
                    "There is no user “{user_id}” in your organization. Check the user "
                    "ID, or add the user first.",
                ),
                user_id=ANY,
            ),
        ),
    },
    "user_exists": {
        "title": wording(entry("refusal.user_exists.title", "User already exists")),
        "detail": wording(
            entry(
                "refusal.user_exists.detail",
                "A user with this ID already exists in your organization. Use "
                "another user ID, or change the existing user's licenses instead.",
            ),
            variant(
                entry(
                    "refusal.user_exists.detail[user_id]",
                    "A user “{user_id}” already exists in your organization. Use another "
                    "user ID, or change the existing user's licenses instead.",
                ),
                user_id=ANY,
            ),
        ),
    },
    "invalid_user": {
        "title": wording(entry("refusal.invalid_user.title", "Invalid user ID")),
        "detail": wording(
            entry(
                "refusal.invalid_user.detail",
                "The user ID is empty. Enter a user ID, for example adele@contoso.com.",
            ),
            variant(
                entry(
                    "refusal.invalid_user.detail[user_id]",
                    "“{user_id}” is not a valid user ID. Enter the user ID as text, for "
                    "example adele@contoso.com.",
                ),
                user_id=ANY,
            ),
        ),
    },
    "clock_backwards": {
        "title": wording(entry("refusal.clock_backwards.title", "The clock can't go backwards")),
        "detail": wording(
            entry(
                "refusal.clock_backwards.detail",
                "The simulated clock only moves forward. Choose the current "
                "simulated time or a later one.",
            ),
            variant(
                entry(
                    "refusal.clock_backwards.detail[now,to]",
                    "The simulated clock is at {now} and can't go back to {to}. Choose "
                    "{now} or a later time.",
                ),
                now=ANY,
                to=ANY,
            ),
        ),
    },
    "clock_too_far": {
        "title": wording(entry("refusal.clock_too_far.title", "Too far ahead")),
        "detail": wording(
            entry(
                "refusal.clock_too_far.detail",
                "One step can move the simulated clock at most 10 years ahead, and "
                "never past 1 January 2200.",
            ),
            variant(
                entry(
                    "refusal.clock_too_far.detail[field=months,max]",
                    "“{field}” can be at most {max}: one step moves the simulated clock "
                    "at most 10 years ahead.",
                ),
                field=("months",),
                max=ANY,
            ),
            variant(
                entry(
                    "refusal.clock_too_far.detail[field=by,max]",
                    "The time span (days and hours together) can be at most {max} days: "
                    "one step moves the simulated clock at most 10 years ahead.",
                ),
                field=("by",),
                max=ANY,
            ),
            variant(
                entry(
                    "refusal.clock_too_far.detail[field=to,max]",
                    "“{field}” can be at most {max}: one step moves the simulated clock "
                    "at most 10 years ahead of its current time.",
                ),
                field=("to",),
                max=ANY,
            ),
            variant(
                entry(
                    "refusal.clock_too_far.detail[field,horizon]",
                    "The simulated clock can't go past {horizon}. Choose a smaller value "
                    "for “{field}”.",
                ),
                field=ANY,
                horizon=ANY,
            ),
        ),
    },
}

# For a code this catalog does not know yet (a newer engine): names the code.
GENERIC_ERROR: dict[str, Entry] = {
    "title": entry("refusal.generic.title", "Request refused"),
    "detail": entry(
        "refusal.generic.detail", "The simulator refused the request with the code “{code}”."
    ),
}

# Readable labels for the field names that refusals and API validation report.
FIELD_NAMES: dict[str, Entry] = {
    "amount": entry("field.amount", "Amount"),
    "trigger": entry("field.trigger", "Trigger amount"),
    "trigger_amount": entry("field.trigger_amount", "Trigger amount"),
    "recharge_amount": entry("field.recharge_amount", "Recharge amount"),
    "last4": entry("field.last4", "Last 4 digits of the credit card"),
    "exp_month": entry("field.exp_month", "Expiry month"),
    "exp_year": entry("field.exp_year", "Expiry year"),
    "country": entry("field.country", "Country or region"),
    "currency": entry("field.currency", "Currency"),
    "user_id": entry("field.user_id", "User ID"),
    "duration_seconds": entry("field.duration_seconds", "Call duration in seconds"),
    "destination": entry("field.destination", "Destination country or region"),
    "number_type": entry("field.number_type", "Number type"),
    "kind": entry("field.kind", "Call type"),
    "name": entry("field.name", "Name"),
    "to": entry("field.to", "Target time"),
    "by": entry("field.by", "Time span"),
    "months": entry("field.months", "Number of months"),
    "licenses": entry("field.licenses", "Licenses"),
    "charge": entry("field.charge", "Call charge"),
    "at": entry("field.at", "Time"),
    "start": entry("field.start", "Start time"),
    "now": entry("field.now", "Current simulated time"),
    "tenant_id": entry("field.tenant_id", "Organization ID"),
    "licenses.calling_plan": entry("field.licenses.calling_plan", "Calling Plan"),
}

# Values of ``license`` in ``license_missing`` (``helpsvc.credits.users.License``).
LICENSE_NAMES: dict[str, Entry] = {
    "audio_conferencing": entry("license.audio_conferencing", "Audio Conferencing"),
    "phone_system": entry("license.phone_system", "Teams Phone Standard"),
    "calling_plan": entry("license.calling_plan", "Calling Plan"),
    "pay_as_you_go_plan": entry("license.pay_as_you_go_plan", "Pay-As-You-Go Calling Plan"),
    "communications_credits": entry(
        "license.communications_credits", "Communications Credits license"
    ),
}

# Values of ``service`` in ``rate_missing`` (``helpsvc.credits.tariff.RateService``).
SERVICE_NAMES: dict[str, Entry] = {
    "outbound": entry("service.outbound", "outbound calls"),
    "toll_free_dial_in": entry("service.toll_free_dial_in", "toll-free dial-in"),
}

# Values of ``number_type`` in ``rate_missing`` (``helpsvc.credits.tariff.NumberType``).
NUMBER_TYPE_NAMES: dict[str, Entry] = {
    "geographic": entry("number_type.geographic", "geographic"),
    "mobile": entry("number_type.mobile", "mobile"),
    "toll_free": entry("number_type.toll_free", "toll-free"),
}

# kind -> language -> {subject, happened[:...], next[:...]}; variants as for errors,
# matched against ``amount`` and ``reason`` (the raw ``ErrorCode`` value).
NOTIFICATIONS: dict[str, dict[str, Wording]] = {
    "recharge_succeeded": {
        "subject": wording(
            entry(
                "notification.recharge_succeeded.subject",
                "Communications Credits: auto-recharge succeeded for {tenant_name}",
            )
        ),
        "happened": wording(
            entry(
                "notification.recharge_succeeded.happened",
                "Auto-recharge added the recharge amount to the Communications "
                "Credits balance of {tenant_name}.",
            ),
            variant(
                entry(
                    "notification.recharge_succeeded.happened[amount]",
                    "Auto-recharge added {amount} to the Communications Credits balance "
                    "of {tenant_name}.",
                ),
                amount=ANY,
            ),
        ),
        "next": wording(
            entry(
                "notification.recharge_succeeded.next",
                "No action is needed. The amount was charged to your credit card. "
                "Credits that aren't used within 12 months expire.",
            )
        ),
    },
    "recharge_failed": {
        "subject": wording(
            entry(
                "notification.recharge_failed.subject",
                "Communications Credits: auto-recharge failed for {tenant_name}",
            )
        ),
        "happened": wording(
            entry(
                "notification.recharge_failed.happened",
                "Auto-recharge for {tenant_name} failed. No funds were added.",
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[amount]",
                    "Auto-recharge of {amount} for {tenant_name} failed. No funds were added.",
                ),
                amount=ANY,
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[reason]",
                    "Auto-recharge for {tenant_name} failed ({reason}). No funds were added.",
                ),
                reason=ANY,
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[amount,reason]",
                    "Auto-recharge of {amount} for {tenant_name} failed ({reason}). No "
                    "funds were added.",
                ),
                amount=ANY,
                reason=ANY,
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[reason=card_expired]",
                    "Auto-recharge for {tenant_name} failed because the credit card on "
                    "file has expired. No funds were added.",
                ),
                reason=("card_expired",),
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[amount,reason=card_expired]",
                    "Auto-recharge of {amount} for {tenant_name} failed because the "
                    "credit card on file has expired. No funds were added.",
                ),
                amount=ANY,
                reason=("card_expired",),
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[reason=card_missing]",
                    "Auto-recharge for {tenant_name} failed because no credit card is on "
                    "file. No funds were added.",
                ),
                reason=("card_missing",),
            ),
            variant(
                entry(
                    "notification.recharge_failed.happened[amount,reason=card_missing]",
                    "Auto-recharge of {amount} for {tenant_name} failed because no "
                    "credit card is on file. No funds were added.",
                ),
                amount=ANY,
                reason=("card_missing",),
            ),
        ),
        "next": wording(
            entry(
                "notification.recharge_failed.next",
                "Check your credit card and the auto-recharge settings. If the "
                "balance is low, add funds manually so that calls paid from "
                "Communications Credits aren't refused.",
            ),
            variant(
                entry(
                    "notification.recharge_failed.next[reason=card_expired]",
                    "Update the credit card, and then add funds manually so that calls "
                    "paid from Communications Credits aren't refused. Auto-recharge "
                    "tries again the next time the balance falls below the trigger "
                    "amount.",
                ),
                reason=("card_expired",),
            ),
            variant(
                entry(
                    "notification.recharge_failed.next[reason=card_missing]",
                    "Add a credit card, and then add funds manually so that calls paid "
                    "from Communications Credits aren't refused. Auto-recharge tries "
                    "again the next time the balance falls below the trigger amount.",
                ),
                reason=("card_missing",),
            ),
        ),
    },
    "credits_used_up": {
        "subject": wording(
            entry(
                "notification.credits_used_up.subject",
                "Communications Credits: the remaining credits of {tenant_name} are used up",
            )
        ),
        "happened": wording(
            entry(
                "notification.credits_used_up.happened",
                "The Communications Credits that {tenant_name} still had when it "
                "switched to NCE (New Commerce Experience) post-usage billing are "
                "used up. Calls are not refused: from now on, usage is billed as "
                "overage at the end of each billing period.",
            )
        ),
        "next": wording(
            entry(
                "notification.credits_used_up.next",
                "Nothing needs to be done to keep calls working. Review the overage "
                "on the invoice of the billing period; under NCE (New Commerce "
                "Experience), credits can no longer be bought.",
            )
        ),
    },
    "balance_not_positive": {
        "subject": wording(
            entry(
                "notification.balance_not_positive.subject",
                "Communications Credits: balance for {tenant_name} is zero or below",
            )
        ),
        "happened": wording(
            entry(
                "notification.balance_not_positive.happened",
                "The Communications Credits balance of {tenant_name} has reached "
                "zero or gone below zero. New calls paid from Communications "
                "Credits, such as toll-free dial-in, conference dial-out and "
                "international calls, are refused until the balance is above zero.",
            )
        ),
        "next": wording(
            entry(
                "notification.balance_not_positive.next",
                "Add funds now. To keep the balance from running out again, turn on "
                "auto-recharge, or check its trigger amount and recharge amount if "
                "it's already on.",
            )
        ),
    },
}

# Lines every notification body shares.
NOTIFICATION_LINES: dict[str, Entry] = {
    "time": entry("notification.line.time", "Time: {at}"),
    "balance": entry("notification.line.balance", "Current balance: {balance}"),
    "closing": entry(
        "notification.line.closing",
        "This message was sent by the Communications Credits simulator.",
    ),
}

_MONEY_PARAMS = ("amount", "balance", "debt")
_NAMED_VALUES: tuple[tuple[str, dict[str, Entry]], ...] = (
    ("license", LICENSE_NAMES),
    ("service", SERVICE_NAMES),
    ("number_type", NUMBER_TYPE_NAMES),
)


class _LenientFormatter(string.Formatter):
    """``str.format`` that renders a missing name as "" instead of raising ``KeyError``."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str):
            return kwargs.get(key, "")
        return args[key] if key < len(args) else ""


_FORMATTER = _LenientFormatter()


def _fill(text: Entry, lang: str, values: Mapping[str, str]) -> str:
    """The text in ``lang`` filled with ``values``; a translation whose placeholders do not
    match falls back to the English (``Entry.render``), and a name even the English lacks
    renders as "" rather than failing the refusal or the e-mail."""
    try:
        return text.render(lang, values)
    except (KeyError, IndexError, ValueError):
        return _FORMATTER.vformat(text.english, (), dict(values))


def resolve_language(lang: str | None) -> str:
    """The catalog language for ``lang`` (``de-AT`` -> ``de``, ``zh-CN`` -> ``zh``).

    Anything else, Traditional Chinese included (see ``helpsvc.content.locales``), gets
    English.
    """
    if lang in LANGUAGES:
        return lang
    if isinstance(lang, str) and lang.strip():
        chosen = match_range(lang.strip().replace("_", "-"), LANGUAGES)
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE


def _given(params: Mapping[str, Param | None] | None) -> dict[str, str]:
    """Parameters as strings, without the ones that are None or blank."""
    return {
        str(name): str(value)
        for name, value in (params or {}).items()
        if value is not None and str(value).strip()
    }


def _localized(given: Mapping[str, str], lang: str) -> dict[str, str]:
    values = dict(given)
    if "field" in values:
        values["field"] = field_label(values["field"], lang)
    for name, names in _NAMED_VALUES:
        if values.get(name) in names:
            values[name] = names[values[name]].text(lang)
    currency = given.get("currency")
    if currency:
        for name in _MONEY_PARAMS:
            if name in values:
                values[name] = f"{values[name]} {currency}"
    return values


def field_label(field: str, lang: str) -> str:
    """The readable label of an API or engine field name; unknown names come back as given.

    ``a|b`` (one of several fields) joins the labels with " / "; a dotted path such as
    ``licenses.calling_plan`` falls back to the label of its last part.
    """
    lang = resolve_language(lang)
    label = FIELD_NAMES.get(field)
    if label:
        return label.text(lang)
    if "|" in field:
        return " / ".join(field_label(part, lang) for part in field.split("|"))
    last = field.rsplit(".", 1)[-1]
    if last != field and last in FIELD_NAMES:
        return FIELD_NAMES[last].text(lang)
    return field


def error_title(code: str, lang: str) -> str:
    """Short title for a refusal code; a generic title for a code the catalog lacks."""
    lang = resolve_language(lang)
    parts = ERROR_MESSAGES.get(str(code))
    return parts["title"].base.text(lang) if parts else GENERIC_ERROR["title"].text(lang)


def error_detail(code: str, params: Mapping[str, Param] | None, lang: str) -> str:
    """What went wrong and what to do, filled from the parameters the engine passed.

    The variant is chosen by which parameters are given (see the module docstring); an
    unknown code gets a generic sentence that names it.
    """
    lang = resolve_language(lang)
    parts = ERROR_MESSAGES.get(str(code))
    if parts is None:
        return _fill(GENERIC_ERROR["detail"], lang, {"code": str(code)})
    given = _given(params)
    return _fill(parts["detail"].pick(given), lang, _localized(given, lang))


def notification_email(
    kind: str,
    lang: str,
    *,
    tenant_name: str,
    balance: str,
    amount: str | None,
    reason_code: str | None,
    at: str,
) -> tuple[str, str]:
    """Subject and plain-text body of a ``NotificationQueued`` e-mail to the admins.

    ``balance``, ``amount`` and ``at`` are shown as given, so pass display strings (e.g.
    ``str(money)`` -> "412.30 USD"). The body has one line each for what happened, the time
    (left out when ``at`` is blank), the current balance, what to do next and a closing line,
    joined with "\\n" and without a trailing newline. Raises ``ValueError`` for an unknown
    ``kind``.
    """
    parts = NOTIFICATIONS.get(str(kind))
    if parts is None:
        raise ValueError(f"unknown notification kind: {kind!r}")
    lang = resolve_language(lang)
    given = _given({"amount": amount, "reason": reason_code})
    values = {"tenant_name": tenant_name, "balance": balance, "at": at, **given}
    if "reason" in given:
        reason = given["reason"]
        values["reason"] = error_title(reason, lang) if reason in ERROR_MESSAGES else reason
    body = [_fill(parts["happened"].pick(given), lang, values)]
    if at.strip():
        body.append(_fill(NOTIFICATION_LINES["time"], lang, values))
    body.append(_fill(NOTIFICATION_LINES["balance"], lang, values))
    body.append(_fill(parts["next"].pick(given), lang, values))
    body.append(NOTIFICATION_LINES["closing"].text(lang))
    return _fill(parts["subject"].base, lang, values), "\n".join(body)
