"""Messages the service shows or answers with: the English of each, by key.

German and Chinese are in the message catalog (``helpsvc/locale``), worded with the
project's glossary. A missing translation falls back to English rather than to a key.
"""

from __future__ import annotations

from typing import Any

from helpsvc.catalog.entries import Entry, entry
from helpsvc.i18n.lookup import in_language, message

MESSAGES: dict[str, Entry] = {
    # Between a label and its value: Chinese uses the full-width colon without a space.
    "punct.colon": entry("site.punct.colon", ": "),
    # Between two clauses of one sentence.
    "punct.semicolon": entry("site.punct.semicolon", "; "),
    # Two sentences in a row: Chinese puts no space after "。".
    "punct.two_sentences": entry("site.punct.two_sentences", "{first} {second}"),
    "f1.not_found.title": entry("site.f1.not_found.title", "No help page for this keyword"),
    "f1.not_found.detail": entry(
        "site.f1.not_found.detail", "No guide is registered for the F1 keyword “{keyword}”."
    ),
    "f1.not_found.detail_none": entry(
        "site.f1.not_found.detail_none", "The request named no F1 keyword that could be looked up."
    ),
    "f1.suggestions": entry("site.f1.suggestions", "Did you mean one of these guides?"),
    "f1.no_suggestions": entry(
        "site.f1.no_suggestions", "No similar guide was found. Try a search instead."
    ),
    "search.label": entry("site.search.label", "Search the guides"),
    "search.button": entry("site.search.button", "Search"),
    "search.title": entry("site.search.title", "Search results for “{query}”"),
    "search.none": entry("site.search.none", "No guide matches your search."),
    "search.fallback": entry("site.search.fallback", "English only"),
    "site.home": entry("site.site.home", "All guides"),
    "site.name": entry("site.site.name", "Communications Credits Help"),
    "page.skip": entry("site.page.skip", "Skip to content"),
    "page.dashboard": entry("site.page.dashboard", "Dashboard"),
    "signin.title": entry("site.signin.title", "Sign in to the credit simulator"),
    "signin.try_title": entry("site.signin.try_title", "Try it without preparation"),
    "signin.try_text": entry(
        "site.signin.try_text",
        "Create a sandbox organization with simulated credits. Nothing is "
        "charged, and the sandbox belongs to this browser only.",
    ),
    "signin.try_button": entry("site.signin.try_button", "Try it in a sandbox"),
    "signin.key_title": entry("site.signin.key_title", "Sign in with an API key"),
    "signin.key_label": entry("site.signin.key_label", "API key of the simulated organization"),
    "signin.button": entry("site.signin.button", "Sign in"),
    "signin.invalid": entry("site.signin.invalid", "This API key is not valid."),
    "signin.csrf": entry(
        "site.signin.csrf", "The form has expired. Reload the page and try again."
    ),
    "dash.title": entry("site.dash.title", "Simulated organization"),
    "dash.clock": entry("site.dash.clock", "Simulated time"),
    "dash.balance": entry("site.dash.balance", "Balance"),
    "dash.chart": entry(
        "site.dash.chart", "Balance over simulated time; green lines mark recharges"
    ),
    "dash.auto_recharge": entry("site.dash.auto_recharge", "Auto-recharge"),
    "dash.status": entry("site.dash.status", "Status"),
    "dash.on": entry("site.dash.on", "On"),
    "dash.off": entry("site.dash.off", "Off"),
    "dash.trigger": entry("site.dash.trigger", "Trigger amount"),
    "dash.recharge": entry("site.dash.recharge", "Recharge amount"),
    "dash.card": entry("site.dash.card", "Credit card"),
    "dash.lots": entry("site.dash.lots", "Purchases and their expiry"),
    "dash.lot": entry("site.dash.lot", "Purchase"),
    "dash.amount": entry("site.dash.amount", "Amount"),
    "dash.remaining": entry("site.dash.remaining", "Remaining"),
    "dash.expires": entry("site.dash.expires", "Expires"),
    "dash.expired": entry("site.dash.expired", "expired"),
    "dash.ledger": entry("site.dash.ledger", "Ledger"),
    "dash.when": entry("site.dash.when", "When"),
    "dash.type": entry("site.dash.type", "Type"),
    "dash.balance_after": entry("site.dash.balance_after", "Balance after"),
    "dash.outbox": entry("site.dash.outbox", "Notifications (e-mail outbox)"),
    "dash.none": entry("site.dash.none", "None yet."),
    "dash.walkthroughs": entry("site.dash.walkthroughs", "Guided walkthroughs"),
    "ledger.purchase": entry("site.ledger.purchase", "Purchase"),
    "ledger.auto_recharge": entry("site.ledger.auto_recharge", "Auto-recharge"),
    "ledger.usage": entry("site.ledger.usage", "Usage"),
    "ledger.expiry": entry("site.ledger.expiry", "Expiry"),
    "ledger.recharge_failed": entry("site.ledger.recharge_failed", "Recharge failed"),
    "ledger.adjustment": entry("site.ledger.adjustment", "Adjustment"),
    "ledger.overage": entry("site.ledger.overage", "Overage"),
    "problem.keyword_invalid": entry(
        "site.problem.keyword_invalid",
        "The keyword is empty, too long or contains control characters.",
    ),
    "problem.page_not_found": entry("site.problem.page_not_found", "There is no page “{page_id}”."),
    "problem.tenant_key_missing.title": entry(
        "site.problem.tenant_key_missing.title", "Not signed in"
    ),
    "problem.tenant_key_missing": entry(
        "site.problem.tenant_key_missing",
        "Send the tenant's API key as “Authorization: Bearer <key>”.",
    ),
    "problem.tenant_key_invalid": entry(
        "site.problem.tenant_key_invalid",
        "The API key is not valid. Keys are shown once, when the tenant is created.",
    ),
    "problem.tenant_not_found.title": entry(
        "site.problem.tenant_not_found.title", "Tenant not found"
    ),
    "problem.tenant_not_found": entry(
        "site.problem.tenant_not_found", "There is no tenant “{tenant_id}” for this API key."
    ),
    "problem.idempotency_reused.title": entry(
        "site.problem.idempotency_reused.title", "Idempotency key reused"
    ),
    "problem.idempotency_reused": entry(
        "site.problem.idempotency_reused",
        "The Idempotency-Key “{key}” was already used for a different "
        "request. Use a new key for a new request.",
    ),
    "problem.idempotency_key_invalid.title": entry(
        "site.problem.idempotency_key_invalid.title", "Invalid Idempotency-Key"
    ),
    "problem.idempotency_key_empty": entry(
        "site.problem.idempotency_key_empty",
        "The Idempotency-Key header is empty. Send a value of your own, "
        "unique per request, with 1 to {max} visible ASCII characters (a "
        "UUID, for example), or leave the header out.",
    ),
    "problem.idempotency_key_too_long": entry(
        "site.problem.idempotency_key_too_long",
        "The Idempotency-Key header has {length} characters; at most {max} are allowed.",
    ),
    "problem.idempotency_key_character": entry(
        "site.problem.idempotency_key_character",
        "The Idempotency-Key header contains the character {character} at "
        "position {position}. Only visible ASCII characters are allowed: "
        "letters, digits and punctuation, no spaces.",
    ),
    "tenant.api_key_once": entry(
        "site.tenant.api_key_once",
        "Store this API key now: it is shown only in this answer. The "
        "service keeps only a hash of it and cannot show it again.",
    ),
    "tenant.api_key_withheld": entry(
        "site.tenant.api_key_withheld",
        "This repeats the answer to an earlier request with the same "
        "Idempotency-Key. The API key was shown only in the first answer and "
        "cannot be shown again. If it was lost, create a new tenant with a "
        "new Idempotency-Key.",
    ),
    "problem.validation.title": entry("site.problem.validation.title", "Invalid request"),
    "problem.validation": entry("site.problem.validation", "Check these fields: {fields}."),
    "problem.walkthrough_not_found.title": entry(
        "site.problem.walkthrough_not_found.title", "Walkthrough not found"
    ),
    "problem.walkthrough_not_found": entry(
        "site.problem.walkthrough_not_found",
        "There is no walkthrough “{session_id}” for this tenant.",
    ),
    "search.term_note": entry(
        "site.search.term_note", "The guides say “{preferred}”, not “{used}”."
    ),
    "problem.unauthorized": entry(
        "site.problem.unauthorized",
        "This endpoint needs the admin token in an Authorization: Bearer header.",
    ),
    "problem.unauthorized.title": entry(
        "site.problem.unauthorized.title", "Admin token missing or wrong"
    ),
    "problem.admin_off.title": entry("site.problem.admin_off.title", "Admin endpoints are off"),
    "problem.admin_off": entry(
        "site.problem.admin_off",
        "This service has no admin token configured, so its admin endpoints "
        "are off. Set HELPSVC_ADMIN_TOKEN and restart the service to use "
        "them.",
    ),
    "problem.database_unavailable.title": entry(
        "site.problem.database_unavailable.title", "Database temporarily unavailable"
    ),
    "problem.database_unavailable.full": entry(
        "site.problem.database_unavailable.full",
        "The simulator's database has no space left, so this change was not "
        "saved. Try again in {seconds} seconds; if the problem persists, an "
        "operator needs to free disk space.",
    ),
    "problem.database_unavailable.read_only": entry(
        "site.problem.database_unavailable.read_only",
        "The simulator's database is read-only at the moment, so this change "
        "was not saved. Try again in {seconds} seconds.",
    ),
    "problem.database_unavailable.busy": entry(
        "site.problem.database_unavailable.busy",
        "The simulator's database is busy with other requests, so this "
        "request was not carried out. Try again in {seconds} seconds.",
    ),
    "problem.database_unavailable.unreachable": entry(
        "site.problem.database_unavailable.unreachable",
        "The simulator's database cannot be reached, so this request could "
        "not be completed. Try again in {seconds} seconds with the same "
        "Idempotency-Key.",
    ),
    "problem.database_unavailable.file": entry(
        "site.problem.database_unavailable.file",
        "The simulator's database file was moved or replaced while the "
        "service was running. To protect your data, changes are not accepted "
        "until an operator puts it back. Try again in {seconds} seconds.",
    ),
    "problem.not_ready.title": entry("site.problem.not_ready.title", "Service not ready"),
    "problem.not_ready": entry(
        "site.problem.not_ready",
        "These readiness checks failed: {checks}. The service is running but "
        "cannot do all of its work yet.",
    ),
    "problem.rate_limited.title": entry("site.problem.rate_limited.title", "Too many requests"),
    "problem.rate_limited": entry(
        "site.problem.rate_limited",
        "This client has sent too many requests of this kind. Try again in {seconds} seconds.",
    ),
    "try.title": entry("site.try.title", "Try it in a sandbox: {guide}"),
    "try.nce": entry(
        "site.try.nce", "The sandbox starts as an organization on NCE post-usage billing."
    ),
    "try.replaces": entry(
        "site.try.replaces",
        "This browser is signed in to another organization. Starting a "
        "sandbox signs it in to the new sandbox instead.",
    ),
    "try.button": entry("site.try.button", "Start the sandbox"),
    "try.signin": entry("site.try.signin", "Sign in with an API key instead"),
}


def t(key: str, lang: str, /, **params: Any) -> str:
    return message(MESSAGES, key, lang, **params)


def catalog(lang: str) -> dict[str, str]:
    return in_language(MESSAGES, lang)
