"""Render a queued notification as an e-mail in the tenant's language."""

from __future__ import annotations

from helpsvc.api.tenant_views import money, when
from helpsvc.credits import NotificationQueued
from helpsvc.store.tenants import TenantInfo
from helpsvc.web.credit_messages import notification_email


def render_notification(info: TenantInfo, event: NotificationQueued) -> tuple[str, str]:
    return notification_email(
        event.kind.value,
        info.language,
        tenant_name=info.name,
        balance=f"{money(event.balance)} {info.currency}",
        amount=f"{money(event.amount)} {info.currency}" if event.amount is not None else None,
        reason_code=event.reason.value if event.reason is not None else None,
        at=when(event.at) or "",
    )
