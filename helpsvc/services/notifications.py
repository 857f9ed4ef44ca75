"""A queued notification as the e-mail the tenant's admin gets, in the tenant's language."""

from __future__ import annotations

from helpsvc.credits import NotificationQueued
from helpsvc.i18n.credit_messages import notification_email
from helpsvc.services.tenant_view import money, when
from helpsvc.store.records import TenantRecord


def render_notification(info: TenantRecord, event: NotificationQueued) -> tuple[str, str]:
    """(subject, body) of the e-mail."""
    return notification_email(
        event.kind.value,
        info.language,
        tenant_name=info.name,
        balance=f"{money(event.balance)} {info.currency}",
        amount=f"{money(event.amount)} {info.currency}" if event.amount is not None else None,
        reason_code=event.reason.value if event.reason is not None else None,
        at=when(event.at) or "",
    )
