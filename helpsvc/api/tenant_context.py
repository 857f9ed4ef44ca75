"""What a tenant's state means for the help page it asked for (state-aware F1).

An F1 lookup that carries a tenant (its API key, or the signed-in browser's session) gets
notices about the state that matters on that page: a balance at or below zero blocks
credit-funded calls now; the last auto-recharge failed on an expired card; users draw on
credits without the Communications Credits license. An NCE organization asking for the
add-funds guide gets the NCE guide instead, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.credits import CommerceModel
from helpsvc.store.ledger_reads import last_entry
from helpsvc.walkthroughs.conditions import users_without_credits_license
from helpsvc.web.credit_messages import error_detail, error_title

SESSION_COOKIE = "helpsvc_session"
# Guides whose subject an NCE organization cannot use, and the guide it gets instead.
NCE_REPLACES = {"add-funds": "switch-to-nce", "auto-recharge": "switch-to-nce"}


@dataclass(slots=True)
class TenantContext:
    tenant_id: str
    page: Page | None = None  # a replacement page, when the state calls for another guide
    notices: list[dict[str, Any]] = field(default_factory=list)


def tenant_of(request: Request) -> str | None:
    """The tenant a request speaks for: a Bearer API key, else a signed-in browser."""
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() == "bearer" and key.strip():
        return request.app.state.tenants.authenticate(key.strip())
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        signed = request.app.state.walkthroughs.sessions.signed_in(token)
        return signed[0] if signed else None
    return None


def context_for(
    request: Request, tenant_id: str, page: Page, index: ContentIndex, lang: str
) -> TenantContext:
    store = request.app.state.tenants
    _info, state = store.load(tenant_id)
    context = TenantContext(tenant_id)

    def notice(code: str, detail: str, flow: str | None) -> None:
        context.notices.append(
            {
                "code": code,
                "title": error_title(code, lang),
                "message": detail,
                "walkthrough": f"/guide/{flow}?lang={lang}" if flow else None,
            }
        )

    if state.model is CommerceModel.NCE and page.page_id in NCE_REPLACES:
        replacement = NCE_REPLACES[page.page_id]
        context.page = index.page(replacement, lang) or index.page(replacement, index.default_lang)
        notice("nce_cannot_purchase", error_detail("nce_cannot_purchase", {}, lang), None)
    if state.model is CommerceModel.PREPAID and not state.balance.is_positive:
        detail = error_detail("balance_not_positive", {"balance": state.balance.format()}, lang)
        notice("balance_not_positive", detail, "add-funds")
    last = last_entry(store.engine, tenant_id, ("auto_recharge", "recharge_failed"))
    if last is not None and last.type == "recharge_failed":
        card = state.card
        params = {"last4": card.last4, "expiry": card.expiry_text} if card else {}
        code = last.detail or "card_expired"
        notice("recharge_failed", error_detail(code, params, lang), "add-funds")
    missing = users_without_credits_license(state)
    if missing:
        detail = error_detail("license_missing", {}, lang) + " " + ", ".join(missing)
        notice("license_missing", detail, "set-up")
    return context
