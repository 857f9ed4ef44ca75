"""A ceiling on request bodies, enforced before the app reads them (pure ASGI).

A body declared larger than the route's limit by ``Content-Length`` is answered 413 without
reading a byte of it. A body without a length (chunked transfer) is counted as it streams
in; the chunk that crosses the limit raises ``BodyTooLarge``, which the problem handlers
turn into the same 413. So however many clients send large bodies at once, the service holds
at most about one limit's worth of each.

Routes may have their own, larger limit (the usage-export upload streams to a file and
counts its own bytes); every other route gets the JSON limit of the settings.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

from helpsvc.api.response_watch import ResponseWatch

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(HTTPException):
    """The request body is over the limit of its route (an HTTP 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")
        self.limit = limit


class BadContentLength(HTTPException):
    """A ``Content-Length`` that is not a single non-negative integer (an HTTP 400)."""

    def __init__(self, value: str) -> None:
        super().__init__(400, f"Content-Length “{value[:40]}” is not a number of bytes.")
        self.value = value


def declared_length(scope: Scope) -> int | None:
    """The ``Content-Length`` of the request; None when absent; raises when malformed."""
    values = [v for k, v in scope.get("headers", ()) if k.lower() == b"content-length"]
    if not values:
        return None
    text = values[0].decode("latin-1").strip()
    if len(values) > 1 or not text.isascii() or not text.isdigit():
        raise BadContentLength(text)
    return int(text)


def _chunked(scope: Scope) -> bool:
    return any(k.lower() == b"transfer-encoding" for k, _ in scope.get("headers", ()))


class BodyLimitMiddleware:
    """Refuse bodies over ``limit`` bytes (``route_limits[path]`` for the paths listed)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        route_limits: Mapping[str, int] | None = None,
        refuse: Callable[[Scope, HTTPException], Awaitable[Any]],
    ) -> None:
        self.app = app
        self.limit = limit
        self.route_limits = dict(route_limits or {})
        # Builds the problem answer; given by the app so the wording lives with the problems.
        self.refuse = refuse

    def limit_for(self, scope: Scope) -> int:
        return self.route_limits.get(scope.get("path", ""), self.limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        try:
            declared = declared_length(scope)
        except BadContentLength as error:
            await self._answer(scope, receive, send, error)
            return
        if declared is not None and declared > limit:
            await self._answer(scope, receive, send, BodyTooLarge(limit))
            return
        if declared is not None or not _chunked(scope):
            # The server frames the body by its declared length, and a request with neither
            # a length nor chunks has no body: only chunked bodies need counting. (F1 GETs,
            # the hot path, pass here without a wrapper.)
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        watch = ResponseWatch(send)
        try:
            await self.app(scope, counted, watch)
        except BodyTooLarge as error:
            # Raised where no handler caught it (a route reading the raw stream): answer
            # here unless the response is already on its way.
            if watch.started:
                raise
            await self._answer(scope, receive, send, error)

    async def _answer(self, scope: Scope, receive: Receive, send: Send, error: Any) -> None:
        response = await self.refuse(scope, error)
        # Tell the client (and uvicorn) that the rest of the body will not be read.
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
