"""Text of the admin's pages around the walkthroughs: dashboard, sandbox, notices, codes.

Every code the simulator stores (commerce model, ledger entry types, lot sources, call
kinds, notification kinds, licenses) has words here, so a page never shows "PREPAID" or
"recharge_failed". The English is here; German and Chinese are in the message catalog
(``helpsvc/locale``), worded with the glossary's terms.
"""

from __future__ import annotations

from typing import Any

from helpsvc.catalog.entries import Entry, entry
from helpsvc.i18n.lookup import in_language, message

MESSAGES: dict[str, Entry] = {
    # -- codes as words -------------------------------------------------------------------
    "model.prepaid": entry("console.model.prepaid", "Prepaid Communications Credits"),
    "model.nce": entry("console.model.nce", "NCE post-usage billing"),
    "source.purchase": entry("console.source.purchase", "Purchase"),
    "source.auto_recharge": entry("console.source.auto_recharge", "Auto-recharge"),
    "source.adjustment": entry("console.source.adjustment", "Credit note"),
    "notification.recharge_succeeded": entry(
        "console.notification.recharge_succeeded", "Recharge succeeded"
    ),
    "notification.recharge_failed": entry(
        "console.notification.recharge_failed", "Recharge failed"
    ),
    "notification.balance_not_positive": entry(
        "console.notification.balance_not_positive", "Balance at or below zero"
    ),
    "notification.credits_used_up": entry(
        "console.notification.credits_used_up", "Remaining credits used up"
    ),
    "license.audio_conferencing": entry("console.license.audio_conferencing", "Audio Conferencing"),
    "license.phone_system": entry("console.license.phone_system", "Teams Phone Standard"),
    "plan.domestic": entry("console.plan.domestic", "Domestic Calling Plan"),
    "plan.international": entry(
        "console.plan.international", "Domestic and International Calling Plan"
    ),
    "plan.pay_as_you_go": entry("console.plan.pay_as_you_go", "Pay-as-you-go Calling Plan"),
    "license.communications_credits": entry(
        "console.license.communications_credits", "Communications Credits"
    ),
    # -- dashboard ---------------------------------------------------------------------
    "dash.model": entry("console.dash.model", "Billing"),
    "dash.card_expired": entry("console.dash.card_expired", "expired"),
    "dash.purchased": entry("console.dash.purchased", "Purchased"),
    "dash.source": entry("console.dash.source", "Source"),
    "dash.users": entry("console.dash.users", "Users and licenses"),
    "dash.user": entry("console.dash.user", "User"),
    "dash.licenses": entry("console.dash.licenses", "Licenses"),
    "dash.no_users": entry(
        "console.dash.no_users", "No users yet. The set-up walkthrough adds the first one."
    ),
    "dash.kind": entry("console.dash.kind", "Notification"),
    "dash.sandbox": entry("console.dash.sandbox", "Sandbox"),
    "dash.fix": entry("console.dash.fix", "Fix it: {flow}"),
    "dash.why": entry("console.dash.why", "Why this happens and what to do"),
    "dash.read": entry("console.dash.read", "Read: {page}"),
    "dash.table_scroll": entry("console.dash.table_scroll", "{table} (scrolls sideways)"),
    "chart.time": entry("console.chart.time", "Simulated time"),
    "chart.balance": entry("console.chart.balance", "Balance in {currency}"),
    # -- notices: the real cause, and what fixes it -------------------------------------
    "notice.recharge_failed_card": entry(
        "console.notice.recharge_failed_card",
        "The auto-recharge on {at} failed: the credit card ending in {last4} "
        "expired at the end of {expiry}. No funds were added. Enter a valid "
        "card so that the next recharge works.",
    ),
    "notice.recharge_failed": entry(
        "console.notice.recharge_failed",
        "The auto-recharge on {at} failed. No funds were added. Check the payment card.",
    ),
    "notice.card_expired": entry(
        "console.notice.card_expired",
        "The credit card ending in {last4} expired at the end of {expiry}. "
        "The next auto-recharge will fail unless you enter a valid card.",
    ),
    "notice.balance_after_failure": entry(
        "console.notice.balance_after_failure",
        "The balance is {balance}, so credit-funded calls are refused until funds are added.",
    ),
    "notice.balance": entry(
        "console.notice.balance",
        "The balance is {balance}, so credit-funded calls are refused. Add "
        "funds, or turn on auto-recharge so that this does not happen again.",
    ),
    "notice.balance_with_recharge": entry(
        "console.notice.balance_with_recharge",
        "The balance is {balance}, so credit-funded calls are refused. Add "
        "funds now; auto-recharge only starts when a charge takes the "
        "balance below the trigger amount.",
    ),
    "notice.license_missing": entry(
        "console.notice.license_missing",
        "These users cannot draw on credits because they lack the "
        "Communications Credits license: {users}.",
    ),
    "notice.nce": entry(
        "console.notice.nce",
        "Your organization uses NCE post-usage billing: Communications "
        "Credits can no longer be bought. The remaining balance is used "
        "first; after that, usage is billed as overage per billing period.",
    ),
    # -- sandbox -----------------------------------------------------------------------
    "sandbox.title": entry("console.sandbox.title", "Your sandbox organization"),
    "sandbox.intro": entry(
        "console.sandbox.intro",
        "This browser is signed in to a simulated organization. Nothing is "
        "charged. Every “try it” link of the guides uses this organization, "
        "so the walkthroughs build on each other.",
    ),
    "sandbox.time": entry("console.sandbox.time", "Simulated time"),
    "sandbox.time_text": entry(
        "console.sandbox.time_text",
        "Time moves only when you advance it. Purchases expire, plan minutes "
        "reset and billing periods end as the clock passes them.",
    ),
    "sandbox.advance": entry("console.sandbox.advance", "Advance the clock"),
    "sandbox.day": entry("console.sandbox.day", "by 1 day"),
    "sandbox.week": entry("console.sandbox.week", "by 1 week"),
    "sandbox.month": entry("console.sandbox.month", "by 1 month"),
    "sandbox.calls": entry("console.sandbox.calls", "Sample calls"),
    "sandbox.calls_text": entry(
        "console.sandbox.calls_text",
        "Place five 20-minute calls to your toll-free number, charged to "
        "credits at the sample rates (not Microsoft prices).",
    ),
    "sandbox.place": entry("console.sandbox.place", "Place 5 sample calls"),
    "sandbox.sign_out": entry("console.sandbox.sign_out", "Sign out"),
    "sandbox.sign_out_text": entry(
        "console.sandbox.sign_out_text",
        "The sandbox stays stored; sign in again with its API key or start a "
        "new one from any guide.",
    ),
    "sandbox.done.clock": entry("console.sandbox.done.clock", "The clock now shows {now}."),
    "sandbox.done.calls": entry(
        "console.sandbox.done.calls",
        "{placed} calls placed, {refused} refused. Balance now {balance}.",
    ),
    "sandbox.no_caller": entry(
        "console.sandbox.no_caller",
        "Sample calls need a user with the Communications Credits license. "
        "Run the set-up walkthrough first.",
    ),
    "sandbox.signed_out": entry("console.sandbox.signed_out", "You are signed out."),
    # -- not found -----------------------------------------------------------------------
    "missing.flow.title": entry("console.missing.flow.title", "No such walkthrough"),
    "missing.flow": entry(
        "console.missing.flow", "There is no walkthrough “{flow}”. These are available:"
    ),
    "missing.tenant.title": entry("console.missing.tenant.title", "Organization not found"),
}


def ct(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)


def console_catalog(lang: str) -> dict[str, str]:
    return in_language(MESSAGES, lang)
