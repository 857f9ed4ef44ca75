"""What the walkthroughs say: input labels, options, errors and page text.

English is here; German and Chinese are in the message catalog (``helpsvc/locale``), worded
with the glossary's terms.
"""

from __future__ import annotations

from typing import Any

from helpsvc.catalog.entries import Entry, entry

LABELS: dict[str, Entry] = {
    "user_id": entry("walkthrough.label.user_id", "User (sign-in address)"),
    "license_path": entry("walkthrough.label.license_path", "Licenses to assign"),
    "amount": entry("walkthrough.label.amount", "Add funds (amount)"),
    "auto_recharge": entry("walkthrough.label.auto_recharge", "Turn on auto-recharge"),
    "recharge_amount": entry("walkthrough.label.recharge_amount", "Recharge amount"),
    "trigger_amount": entry(
        "walkthrough.label.trigger_amount", "Trigger amount (when the balance falls below)"
    ),
    "card_last4": entry("walkthrough.label.card_last4", "Credit card: last 4 digits"),
    "card_exp_month": entry("walkthrough.label.card_exp_month", "Expiry month"),
    "card_exp_year": entry("walkthrough.label.card_exp_year", "Expiry year"),
    "users": entry("walkthrough.label.users", "Users who get the Communications Credits license"),
    "confirm": entry("walkthrough.label.confirm", "I have read this step"),
}

OPTIONS: dict[str, Entry] = {
    "audio_conferencing": entry("walkthrough.option.audio_conferencing", "Audio Conferencing"),
    "phone_system_domestic": entry(
        "walkthrough.option.phone_system_domestic",
        "Teams Phone Standard and a Domestic Calling Plan",
    ),
    "phone_system_international": entry(
        "walkthrough.option.phone_system_international",
        "Teams Phone Standard and a Domestic and International Calling Plan",
    ),
    "phone_system_payg": entry(
        "walkthrough.option.phone_system_payg",
        "Teams Phone Standard and a pay-as-you-go Calling Plan",
    ),
}

TEXT: dict[str, Entry] = {
    "error.required": entry("walkthrough.text.error.required", "Enter a value."),
    "error.required_with": entry(
        "walkthrough.text.error.required_with", "Enter a value when auto-recharge is on."
    ),
    "error.email": entry(
        "walkthrough.text.error.email", "Enter a sign-in address such as ada@contoso.com."
    ),
    "error.money": entry(
        "walkthrough.text.error.money",
        "Enter an amount greater than zero with at most {digits} decimal places, e.g. {example}.",
    ),
    "error.last4": entry("walkthrough.text.error.last4", "Enter exactly four digits."),
    "error.month": entry("walkthrough.text.error.month", "Enter a month from 1 to 12."),
    "error.year": entry("walkthrough.text.error.year", "Enter a four-digit year such as 2028."),
    "error.choice": entry("walkthrough.text.error.choice", "Choose one of the options."),
    "error.users": entry("walkthrough.text.error.users", "Choose at least one user."),
    "error.confirm": entry(
        "walkthrough.text.error.confirm", "Confirm that you have read this step."
    ),
    "progress": entry("walkthrough.text.progress", "Step {number} of {total}"),
    "button.next": entry("walkthrough.text.button.next", "Save and continue"),
    "button.back": entry("walkthrough.text.button.back", "Back"),
    "button.cancel": entry("walkthrough.text.button.cancel", "Cancel the walkthrough"),
    "status.done": entry("walkthrough.text.status.done", "All steps are done."),
    "status.cancelled": entry(
        "walkthrough.text.status.cancelled",
        "You cancelled this walkthrough. Nothing you saved was undone.",
    ),
    "skipped": entry("walkthrough.text.skipped", "Already done, skipped: {steps}"),
    "already_done": entry(
        "walkthrough.text.already_done", "This step is already done. You can change it or go on."
    ),
    "stopped": entry(
        "walkthrough.text.stopped", "This walkthrough cannot continue for your organization."
    ),
    "read_guide": entry("walkthrough.text.read_guide", "Read the guide"),
    "open_dashboard": entry("walkthrough.text.open_dashboard", "Open the dashboard"),
    "no_users": entry(
        "walkthrough.text.no_users", "Every user already has the Communications Credits license."
    ),
    "error.trigger_not_below_recharge": entry(
        "walkthrough.text.error.trigger_not_below_recharge",
        "Make the recharge amount larger than the trigger amount "
        "({trigger}). With {recharge}, the balance falls below the trigger "
        "again after almost every call and only a little is added each time. "
        "The guide suggests about one month of spend.",
    ),
    "error.card_expired": entry(
        "walkthrough.text.error.card_expired",
        "The card ending in {last4} expired at the end of {expiry}; the "
        "organization's date is {now}. Enter a card that is still valid.",
    ),
    "confirm.large": entry(
        "walkthrough.text.confirm.large",
        "You are about to add {amount}. The guides advise starting with "
        "about one month of spend, and purchases expire after 12 months; "
        "this is more than {limit}. Add this amount anyway?",
    ),
    "confirm.api": entry(
        "walkthrough.text.confirm.api",
        "Confirm this amount by sending {field} = {value} with the step.",
    ),
    "confirm.title": entry("walkthrough.text.confirm.title", "Confirm a large purchase"),
    "confirm.yes": entry("walkthrough.text.confirm.yes", "Yes, add {amount}"),
    "confirm.change": entry("walkthrough.text.confirm.change", "Change the amount"),
    "errors.title": entry("walkthrough.text.errors.title", "There is a problem"),
    "result.title": entry("walkthrough.text.result.title", "Done: {flow}"),
    "result.changed": entry("walkthrough.text.result.changed", "What changed"),
    "result.nothing": entry(
        "walkthrough.text.result.nothing", "Nothing needed to change: every step was already done."
    ),
    "result.restart": entry("walkthrough.text.result.restart", "Start this walkthrough again"),
    "cancelled.title": entry("walkthrough.text.cancelled.title", "Walkthrough cancelled"),
    "stopped.read": entry("walkthrough.text.stopped.read", "Read in the guide: {section}"),
    "change.card_saved": entry(
        "walkthrough.text.change.card_saved",
        "Credit card ending in {last4} saved (valid through {expiry}).",
    ),
    "change.funds_added": entry(
        "walkthrough.text.change.funds_added", "{amount} added, balance now {balance}."
    ),
    "change.auto_recharge_on": entry(
        "walkthrough.text.change.auto_recharge_on",
        "Auto-recharge is on: when the balance falls below {trigger}, {amount} is added.",
    ),
    "change.auto_recharge_off": entry(
        "walkthrough.text.change.auto_recharge_off", "Auto-recharge is off."
    ),
    "change.user_licensed": entry(
        "walkthrough.text.change.user_licensed", "{user}: {licenses} assigned."
    ),
    "change.credits_license": entry(
        "walkthrough.text.change.credits_license",
        "Communications Credits license assigned to: {users}.",
    ),
    "change.switched_to_nce": entry(
        "walkthrough.text.change.switched_to_nce",
        "Your organization now uses NCE post-usage billing. The remaining "
        "balance of {balance} is used first; after that, usage is billed as "
        "overage per billing period.",
    ),
    "stale": entry(
        "walkthrough.text.stale", "This form was already sent. Nothing was changed a second time."
    ),
}


def label(name: str, lang: str) -> str:
    return LABELS[name].text(lang) if name in LABELS else name


def option(value: str, lang: str) -> str:
    return OPTIONS[value].text(lang) if value in OPTIONS else value


def text(key: str, lang: str, /, **params: Any) -> str:
    return TEXT[key].render(lang, params)
