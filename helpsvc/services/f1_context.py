"""What a tenant's state means for the help page it asked for (state-aware F1).

An F1 lookup that carries a tenant (its API key, or the signed-in browser's session) gets
notices about the state that matters on that page: a balance at or below zero blocks
credit-funded calls now; the last auto-recharge failed on an expired card; users draw on
credits without the Communications Credits license. An NCE organization asking for the
add-funds guide gets the NCE guide instead, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.credits import CommerceModel, TenantState
from helpsvc.i18n.credit_messages import error_detail, error_title
from helpsvc.i18n.formats import format_list
from helpsvc.store.records import LedgerRecord
from helpsvc.store.unit_of_work import UnitOfWork
from helpsvc.walkthroughs.conditions import users_without_credits_license

# Guides whose subject an NCE organization cannot use, and the guide it gets instead.
NCE_REPLACES = {"add-funds": "switch-to-nce", "auto-recharge": "switch-to-nce"}
RECHARGE_TYPES = ("auto_recharge", "recharge_failed")


@dataclass(frozen=True, slots=True)
class Notice:
    code: str
    title: str
    message: str
    flow: str | None  # the walkthrough that fixes it


@dataclass(slots=True)
class TenantContext:
    tenant_id: str
    page: Page | None = None  # a replacement page, when the state calls for another guide
    notices: list[Notice] = field(default_factory=list)


class F1Context:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def context_for(
        self, tenant_id: str, page: Page, index: ContentIndex, lang: str
    ) -> TenantContext | None:
        """The tenant's notices for ``page``; None if the tenant is gone."""
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
            if loaded is None:
                return None
            # Turning auto-recharge on needs a trigger amount, and none is ever removed: with
            # no trigger there has been no recharge to look up (the F1 path stays one query).
            last = (
                tx.tenants.ledger(tenant_id, types=RECHARGE_TYPES, limit=1, newest_first=True)
                if loaded.state.auto_recharge.trigger is not None
                else []
            )
        context = TenantContext(tenant_id)
        if loaded.state.model is CommerceModel.NCE and page.page_id in NCE_REPLACES:
            replacement = NCE_REPLACES[page.page_id]
            context.page = index.page(replacement, lang) or index.page(
                replacement, index.default_lang
            )
        context.notices = notices(loaded.state, last[0] if last else None, page, lang)
        return context


def notices(
    state: TenantState, last_recharge: LedgerRecord | None, page: Page, lang: str
) -> list[Notice]:
    """The rules, in the order the notices are shown."""
    found: list[Notice] = []

    def notice(code: str, detail: str, flow: str | None) -> None:
        found.append(Notice(code, error_title(code, lang), detail, flow))

    if state.model is CommerceModel.NCE and page.page_id in NCE_REPLACES:
        notice("nce_cannot_purchase", error_detail("nce_cannot_purchase", {}, lang), None)
    if state.model is CommerceModel.PREPAID and not state.balance.is_positive:
        detail = error_detail("balance_not_positive", {"balance": state.balance.format()}, lang)
        notice("balance_not_positive", detail, "add-funds")
    if last_recharge is not None and last_recharge.type == "recharge_failed":
        card = state.card
        params = {"last4": card.last4, "expiry": card.expiry_text} if card else {}
        code = last_recharge.detail or "card_expired"
        notice("recharge_failed", error_detail(code, params, lang), "add-funds")
    missing = users_without_credits_license(state)
    if missing:
        detail = error_detail("license_missing", {}, lang) + " " + format_list(missing, lang)
        notice("license_missing", detail, "set-up")
    return found
