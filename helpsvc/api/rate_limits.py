"""Per-client rate limits on the routes that cost the service or guess at secrets.

Counted per client address (``request.client.host``; behind a proxy, run uvicorn with
``--proxy-headers`` so that is the reader's address): anonymous tenant creation, sign-in,
starting a sandbox, the admin endpoints, and every wrong key (tenant API key, sign-in key,
admin token). The counters live in the storage of the ``limits`` library named by the
``rate_limit_storage`` setting: in memory for one process, or Redis when several processes
serve together. A moving window answers "how long until the next try" exactly, which the
429 problem sends as ``Retry-After``.

When the storage is unreachable (Redis down) requests are let through and a warning is
logged: an outage of the counters must not take the service down with it.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Literal

from fastapi import Request
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import ProblemError
from helpsvc.i18n.site_messages import t
from helpsvc.settings import Settings

Policy = Literal["tenant_creation", "sign_in", "sandbox", "admin", "key_failures"]
POLICIES: tuple[Policy, ...] = ("tenant_creation", "sign_in", "sandbox", "admin", "key_failures")
log = logging.getLogger(__name__)


class RateLimits:
    """The limits of the settings over one counter storage."""

    def __init__(self, settings: Settings) -> None:
        self._policies: dict[str, list[RateLimitItem]] = {}
        for policy in POLICIES:
            name = f"rate_limit_{policy}"
            try:
                self._policies[policy] = parse_many(getattr(settings, name))
            except ValueError as exc:
                raise ValueError(
                    f"Setting {name} (HELPSVC_{name.upper()}): {exc}; write limits like "
                    "'10/minute;100/day'."
                ) from exc
        storage = storage_from_string(settings.rate_limit_storage, wrap_exceptions=True)
        self._limiter = MovingWindowRateLimiter(storage)

    def wait(self, policy: Policy, client: str) -> int | None:
        """Seconds until ``client`` may go on under ``policy``; None: it may go on now."""
        try:
            for item in self._policies[policy]:
                if not self._limiter.test(item, policy, client):
                    stats = self._limiter.get_window_stats(item, policy, client)
                    return max(1, math.ceil(stats.reset_time - time.time()))
        except StorageError as exc:
            log.warning("rate limits not checked, counter storage failed: %s", exc)
        return None

    def count(self, policy: Policy, client: str) -> None:
        """One more request (or failure) of ``client`` under ``policy``."""
        try:
            for item in self._policies[policy]:
                self._limiter.hit(item, policy, client)
        except StorageError as exc:
            log.warning("rate limits not counted, counter storage failed: %s", exc)

    def take(self, policy: Policy, client: str) -> int | None:
        """Count a request unless the client is over the limit; the wait if it is."""
        wait = self.wait(policy, client)
        if wait is None:
            self.count(policy, client)
        return wait


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limits_of(request: Request) -> RateLimits:
    return request.app.state.rate_limits


def too_many_requests(wait: int, lang: str) -> ProblemError:
    return ProblemError(
        429,
        t("problem.rate_limited.title", lang),
        t("problem.rate_limited", lang, seconds=wait),
        code="rate_limited",
        headers={"Retry-After": str(wait)},
    )


def rate_limit(policy: Policy) -> Callable[[Request], None]:
    """A route dependency: counts the request, or answers 429 with ``Retry-After``."""

    def check(request: Request) -> None:
        wait = limits_of(request).take(policy, client_of(request))
        if wait is not None:
            lang = request_lang(request, request.query_params.get("lang"))
            raise too_many_requests(wait, lang)

    return check


def guard_key_check(request: Request, lang: str) -> None:
    """Before checking a key: 429 if this client has sent too many wrong keys lately."""
    wait = limits_of(request).wait("key_failures", client_of(request))
    if wait is not None:
        raise too_many_requests(wait, lang)


def count_key_failure(request: Request) -> None:
    limits_of(request).count("key_failures", client_of(request))


RATE_LIMITED = {
    429: {
        "description": "Too many requests from this client; `Retry-After` says when to retry.",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before the next request.",
                "schema": {"type": "integer"},
            }
        },
        "content": {"application/problem+json": {}},
    }
}
