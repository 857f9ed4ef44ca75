"""A poisoned notification never stops the mail of other tenants (SQLite and PostgreSQL).

A tenant whose name holds a line break (stored before names were checked at the edge, or
written by any other way in) would add headers of its choice to its e-mail. Building that
message fails; the message is marked failed with the reason, and the outbox goes on to
deliver everything after it, to a real SMTP server on loopback.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, select

from helpsvc.credits import (
    AddFunds,
    AddUser,
    CallingPlan,
    CallKind,
    Licenses,
    Money,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    load_sample_tariff,
)
from helpsvc.services.notifications import render_notification
from helpsvc.services.tenants import NewTenant, TenantService
from helpsvc.store.engine import make_engine, upgrade
from helpsvc.store.outbox import MAX_ATTEMPTS, OutboxSender, SmtpTarget
from helpsvc.store.schema import notifications
from helpsvc.store.unit_of_work import UnitOfWork
from tests.live_server import free_port

POISONED = "Evil\r\nBcc: victim@evil.example"


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def recipients(self) -> list[str]:
        return [rcpt for rcpts, _ in self.received for rcpt in rcpts]


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield box, controller.port
    finally:
        controller.stop()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def tenants(engine: Engine) -> TenantService:
    return TenantService(UnitOfWork(engine), load_sample_tariff(), render_notification)


def usd(text: str) -> Money:
    return Money.parse(text, "USD")


def present(_record: Any, outcome: Any) -> tuple[int, dict[str, Any]]:
    return 200, {}


def tenant_in_debt(tenants: TenantService, name: str, admin: str) -> str:
    """A tenant (stored directly, as the edge check never saw it) whose balance went below
    zero: one "balance not positive" notification waits in the outbox."""
    spec = NewTenant(name, "US", "USD", "prepaid", "en", admin, datetime(2026, 1, 10, tzinfo=UTC))
    tenant_id = tenants.create(spec, present=lambda record, _s, _k: {"id": record.id}).body["id"]
    for command in (
        AddUser("ada", licenses=Licenses(True, True, CallingPlan.DOMESTIC, True)),
        SetPaymentCard("4242", 12, 2030),
        AddFunds(usd("1.00")),
    ):
        tenants.execute(tenant_id, lambda _s, c=command: c, present=present)
    overdraw(tenants, tenant_id)
    return tenant_id


def overdraw(tenants: TenantService, tenant_id: str) -> None:
    call = PlaceCall(
        "ada",
        CallKind.USER_OUTBOUND_INTERNATIONAL,
        "GB",
        NumberType.MOBILE,
        60,
        charge=usd("2.00"),
    )
    tenants.execute(tenant_id, lambda _s: call, present=present)


def outbox_of(engine: Engine, tenant_id: str) -> list[Any]:
    with engine.connect() as connection:
        query = select(notifications).where(notifications.c.tenant_id == tenant_id)
        return list(connection.execute(query.order_by(notifications.c.id)))


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def sender(engine: Engine, port: int, interval: float = 1.0) -> OutboxSender:
    return OutboxSender(engine, SmtpTarget.parse(f"smtp://127.0.0.1:{port}", "c@ex.org"), interval)


def test_mail_for_other_tenants_is_delivered_after_a_poisoned_one(engine, tenants, inbox):
    box, port = inbox
    poisoned = tenant_in_debt(tenants, POISONED, "evil@evil.example")
    fabrikam = tenant_in_debt(tenants, "Fabrikam", "billing@fabrikam.example")

    outbox = sender(engine, port, interval=0.05)
    outbox.start()  # the background loop, which used to stop on the poisoned message
    try:
        assert wait_for(lambda: box.recipients() == ["billing@fabrikam.example"])
        # A notification queued later, for another tenant, still goes out.
        northwind = tenant_in_debt(tenants, "Northwind", "billing@northwind.example")
        assert wait_for(lambda: len(box.received) == 2)
    finally:
        outbox.stop()

    assert "victim@evil.example" not in box.recipients()
    assert all(message["Bcc"] is None for _, message in box.received)
    [failed] = outbox_of(engine, poisoned)
    assert failed.sent_at is None and failed.attempts == MAX_ATTEMPTS
    assert "U+000D" in failed.last_error
    for delivered in (fabrikam, northwind):
        assert [row.sent_at is not None for row in outbox_of(engine, delivered)] == [True]


def test_a_poisoned_message_is_marked_failed_once_and_never_retried(engine, tenants, inbox):
    box, port = inbox
    poisoned = tenant_in_debt(tenants, POISONED, "evil@evil.example")
    outbox = sender(engine, port)
    assert outbox.send_pending() == 0
    assert outbox.send_pending() == 0
    [failed] = outbox_of(engine, poisoned)
    assert failed.attempts == MAX_ATTEMPTS and failed.last_error.startswith("message not built")
    assert box.received == []


def test_a_name_with_a_comma_and_an_address_stays_one_display_name(engine, tenants, inbox):
    """Python 3.11 unquotes an encoded display name: the To header must not grow a recipient."""
    box, port = inbox
    tenant_in_debt(tenants, "Müller, victim@evil.example,", "billing@mueller.example")
    assert sender(engine, port).send_pending() == 1
    [(recipients, message)] = box.received
    assert recipients == ["billing@mueller.example"]
    [to] = message["To"].addresses
    assert to.display_name == "Müller, victim@evil.example,"
    assert to.addr_spec == "billing@mueller.example"
