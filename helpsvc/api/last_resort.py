"""The last resort: an exception no handler took becomes a logged 500 problem (pure ASGI).

Starlette's own server-error middleware answers such an exception and then raises it again
to the server, which logs it a second time with its traceback; this middleware sits just
inside it, so a failure is logged once, with a reference the answer names, and the client
gets an ``application/problem+json`` 500 without any trace of the code.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from helpsvc.api.response_watch import ResponseWatch


class LastResortMiddleware:
    def __init__(
        self, app: ASGIApp, *, answer: Callable[[Request, BaseException], Response]
    ) -> None:
        self.app = app
        self.answer = answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        watch = ResponseWatch(send)
        try:
            await self.app(scope, receive, watch)
        except Exception as error:
            if watch.started:
                # Half an answer is out: only the server can end the connection now.
                raise
            await self.answer(Request(scope), error)(scope, receive, send)


__all__ = ["LastResortMiddleware"]
