"""Deliver queued notifications by SMTP when ``HELPSVC_SMTP_URL`` is set.

Notifications are written to the outbox in the same transaction as the command that
caused them, so none is lost when the mail server is down; this sender only reads the
outbox and marks what it delivered. A message is tried a few times, then left with its
last error for an admin to see.

A message that cannot be built (a tenant name with a line break would add headers of the
sender's choosing, e.g. a Bcc) is refused by the e-mail package's SMTP policy, which rejects
CR and LF in header values; it is marked failed at once with the reason, and the messages
after it are still delivered.
"""

from __future__ import annotations

import logging
import smtplib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import Engine, select, update

from helpsvc.store.engine import read
from helpsvc.store.schema import notifications, tenants

MAX_ATTEMPTS = 5
# CRLF line ends as SMTP wants them; a header value with CR or LF raises instead of being
# folded or passed on, and any defect found while building raises rather than being noted.
SMTP_POLICY = policy.SMTP.clone(raise_on_defect=True)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool
    sender: str

    @classmethod
    def parse(cls, url: str, default_sender: str) -> SmtpTarget:
        """``smtp://[user:password@]host[:port][?from=addr&starttls=true]``."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(f"HELPSVC_SMTP_URL must look like smtp://host:port, not {url!r}")
        query = parse_qs(parts.query)
        return cls(
            host=parts.hostname,
            port=parts.port or 25,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            starttls=query.get("starttls", ["false"])[0].lower() in ("1", "true", "yes"),
            sender=query.get("from", [default_sender])[0],
        )


class OutboxSender:
    def __init__(self, engine: Engine, target: SmtpTarget, interval: float = 1.0) -> None:
        self._engine = engine
        self._target = target
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def send_pending(self, limit: int = 100) -> int:
        """Send what is waiting; returns how many messages were delivered."""
        with read(self._engine) as connection:
            rows = list(
                connection.execute(
                    select(
                        notifications.c.id,
                        notifications.c.subject,
                        notifications.c.body,
                        notifications.c.attempts,
                        tenants.c.name,
                        tenants.c.admin_email,
                    )
                    .join(tenants, tenants.c.id == notifications.c.tenant_id)
                    .where(
                        notifications.c.sent_at.is_(None),
                        notifications.c.attempts < MAX_ATTEMPTS,
                    )
                    .order_by(notifications.c.id)
                    .limit(limit)
                )
            )
        delivered = 0
        for row in rows:
            if not row.admin_email:
                self._mark(row.id, error="the tenant has no admin e-mail address", final=True)
                continue
            try:
                message = self._message(row.name, row.admin_email, row.subject, row.body)
            except (ValueError, TypeError, MessageError) as exc:
                # Retrying cannot help: the same text fails the same way.
                self._mark(row.id, error=f"message not built: {exc}"[:500], final=True)
                log.warning("notification %s not sent: %s", row.id, exc)
                continue
            try:
                with smtplib.SMTP(self._target.host, self._target.port, timeout=10) as smtp:
                    if self._target.starttls:
                        smtp.starttls()
                    if self._target.username:
                        smtp.login(self._target.username, self._target.password or "")
                    # Recipients from the stored address only, never from headers.
                    smtp.send_message(message, to_addrs=[row.admin_email])
            except (OSError, smtplib.SMTPException) as exc:
                self._mark(row.id, error=f"{type(exc).__name__}: {exc}"[:500])
                continue
            except (ValueError, MessageError) as exc:  # could not be written out: never will
                self._mark(row.id, error=f"message not sent: {exc}"[:500], final=True)
                log.warning("notification %s not sent: %s", row.id, exc)
                continue
            self._mark(row.id, sent=True)
            delivered += 1
        return delivered

    def _message(self, name: str, address: str, subject: str, body: str) -> EmailMessage:
        # CR and LF the policy refuses; other controls (NUL, ...) it would pass on as they are.
        for header, value in (("To", name), ("Subject", subject)):
            control = next((c for c in value if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0), None)
            if control is not None:
                raise ValueError(
                    f"{header} would contain the control character U+{ord(control):04X}"
                )
        message = EmailMessage(policy=SMTP_POLICY)
        message["From"] = self._target.sender
        # An Address, not formataddr(): Python 3.11 drops the quotes around a non-ASCII
        # display name when it encodes it, so "Ü, x@evil.example" would read as two addresses.
        message["To"] = Address(display_name=name, addr_spec=address)
        message["Subject"] = subject
        message.set_content(body)
        return message

    def _mark(
        self, row_id: int, *, sent: bool = False, error: str | None = None, final: bool = False
    ) -> None:
        values: dict[str, object] = {"attempts": notifications.c.attempts + 1}
        if sent:
            values.update(sent_at=datetime.now(UTC), last_error=None)
        if error is not None:
            values["last_error"] = error
        if final:
            values["attempts"] = MAX_ATTEMPTS
        with self._engine.begin() as connection:
            connection.execute(
                update(notifications).where(notifications.c.id == row_id).values(**values)
            )

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="smtp-outbox", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.send_pending()
            except Exception:  # noqa: BLE001 - the database may be briefly away; retry
                log.exception("sending the outbox failed; trying again")
                continue

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
