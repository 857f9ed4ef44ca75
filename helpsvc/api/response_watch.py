"""Whether an ASGI response has started: once it has, nobody can send another answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]


class ResponseWatch:
    """A ``send`` that passes every message on and remembers the response's start.

    Middleware that turns an exception into an answer uses it to know whether it still may:
    after ``http.response.start`` half an answer is out, and only the server can end it.
    """

    def __init__(self, send: Send) -> None:
        self._send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        self.started = self.started or message["type"] == "http.response.start"
        await self._send(message)
