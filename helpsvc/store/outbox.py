"""Deliver queued notifications by SMTP when ``HELPSVC_SMTP_URL`` is set.

Notifications are written to the outbox in the same transaction as the command that
caused them, so none is lost when the mail server is down; this sender only reads the
outbox and marks what it delivered. A message is tried a few times, then left with its
last error for an admin to see.
"""

from __future__ import annotations

import smtplib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formataddr
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import Engine, select, update

from helpsvc.store.engine import read
from helpsvc.store.schema import notifications, tenants

MAX_ATTEMPTS = 5


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
            message = EmailMessage()
            message["From"] = self._target.sender
            message["To"] = formataddr((row.name, row.admin_email))
            message["Subject"] = row.subject
            message.set_content(row.body)
            try:
                with smtplib.SMTP(self._target.host, self._target.port, timeout=10) as smtp:
                    if self._target.starttls:
                        smtp.starttls()
                    if self._target.username:
                        smtp.login(self._target.username, self._target.password or "")
                    smtp.send_message(message)
            except (OSError, smtplib.SMTPException) as exc:
                self._mark(row.id, error=f"{type(exc).__name__}: {exc}"[:500])
                continue
            self._mark(row.id, sent=True)
            delivered += 1
        return delivered

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
                continue

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
