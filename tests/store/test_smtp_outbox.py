"""Notifications reach a real SMTP server on loopback, in the tenant's language."""

from __future__ import annotations

import time
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller

from tests.api.tenant_helpers import Tenant
from tests.live_server import free_port


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def wait_for(predicate, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_notification_is_delivered_by_smtp_in_the_tenants_language(make_client, smtp_server):
    controller, inbox = smtp_server
    client = make_client(
        smtp_url=f"smtp://127.0.0.1:{controller.port}?from=credits@contoso.example",
        outbox_seconds=0.05,
    )
    t = Tenant(client, language="de", admin_email="billing@contoso.example")
    t.setup_user()
    t.card()
    t.fund("1.00")
    t.call(600)  # 1.20 > 1.00: the balance goes below zero
    assert wait_for(lambda: inbox.messages)
    [(recipients, message)] = inbox.messages
    assert recipients == ["billing@contoso.example"]
    assert message["From"] == "credits@contoso.example"
    assert "Saldo" in subject(message) or "Kommunikationsguthaben" in subject(message)
    body = message.get_payload(decode=True).decode("utf-8")
    assert "-0.20 USD" in body
    assert wait_for(lambda: t.get("/notifications").json()["notifications"][0]["sent"])


def test_undeliverable_mail_stays_in_the_outbox_and_is_sent_later(make_client):
    port = free_port()  # nothing listens here yet
    client = make_client(smtp_url=f"smtp://127.0.0.1:{port}", outbox_seconds=0.05)
    t = Tenant(client, admin_email="billing@contoso.example")
    t.setup_user()
    t.card()
    t.fund("1.00")
    t.call(600)
    assert wait_for(
        lambda: t.get("/notifications").json()["notifications"][0]["last_error"] is not None
    )
    [pending] = t.get("/notifications").json()["notifications"]
    assert pending["sent"] is False and pending["kind"] == "balance_not_positive"

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert wait_for(lambda: inbox.messages)
    finally:
        controller.stop()
    assert t.get("/notifications").json()["notifications"][0]["sent"] is True


def test_without_smtp_url_notifications_stay_in_the_outbox(client):
    t = Tenant(client)
    t.setup_user()
    t.card()
    t.fund("1.00")
    t.call(600)
    [only] = t.get("/notifications").json()["notifications"]
    assert only["sent"] is False and only["subject"] and only["body"]
