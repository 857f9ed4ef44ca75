"""Browser sign-ins: a random cookie token (only its hash is stored) and a CSRF token."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from helpsvc.services.tenants import utcnow
from helpsvc.store.records import SignIn
from helpsvc.store.unit_of_work import UnitOfWork

SIGN_IN_DAYS = 7


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SignIns:
    def __init__(self, uow: UnitOfWork, clock: Callable[[], datetime] = utcnow) -> None:
        self.uow = uow
        self._clock = clock

    def sign_in(self, tenant_id: str) -> tuple[str, str]:
        """A new browser session: returns (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        now = self._clock()
        with self.uow.begin() as tx:
            tx.sign_ins.add(
                _hash(token), SignIn(tenant_id, csrf), now, now + timedelta(days=SIGN_IN_DAYS)
            )
        return token, csrf

    def signed_in(self, token: str | None) -> SignIn | None:
        if not token:
            return None
        with self.uow.read() as tx:
            return tx.sign_ins.find(_hash(token), self._clock())

    def sign_out(self, token: str) -> None:
        with self.uow.begin() as tx:
            tx.sign_ins.remove(_hash(token))
