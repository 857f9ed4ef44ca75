"""What no route takes: a 405 problem for a known path with another method, a 404 problem
for an unknown path under ``/api/``.

The built site is mounted at ``/`` and would otherwise answer both, in HTML or plain text:
``DELETE /api/v1/tenants/x`` got the static files' 405, ``GET /api/v1/admin/reload`` the
site's HTML 404. This route sits after every route of the app and before the site, and
claims only those two cases; every other request still reaches the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.requests import Request
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import Receive, Scope, Send

from helpsvc.api.problems import edge_problem

API_PREFIX = "/api/"


PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")
# The stand-in for a missing site answers GET on every path; it allows nothing by itself.
CATCH_ALL = "/{path:path}"


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """The methods some route of the app takes at this path: each is tried on every route
    (routers of included routers too) through the routes' own ``matches``."""
    candidates = [
        route
        for route in routes
        if not isinstance(route, Mount | ProblemFallback)
        and getattr(route, "path", None) != CATCH_ALL
    ]
    return [
        method
        for method in PROBED
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in candidates)
    ]


class ProblemFallback(BaseRoute):
    """Placed after the app's routes; ``routes`` is the live list of the app's router."""

    def __init__(self, routes: list[BaseRoute]) -> None:
        self.routes = routes

    def matches(self, scope: Scope) -> tuple[Match, dict[str, Any]]:
        if scope["type"] != "http":
            return Match.NONE, {}
        api = scope["path"].startswith(API_PREFIX)
        if not api and scope["method"] in ("GET", "HEAD"):
            # The site's pages: read by GET, never worth probing the routes for (~0.5 ms).
            return Match.NONE, {}
        allowed = allowed_methods(self.routes, scope)
        if allowed or api:
            return Match.FULL, {"allowed_methods": allowed}
        return Match.NONE, {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)
        allowed = scope.get("allowed_methods") or allowed_methods(self.routes, scope)
        if allowed:
            response = edge_problem(
                request,
                405,
                "method_not_allowed",
                path=request.url.path,
                method=request.method,
                allowed=", ".join(allowed),
            )
            response.headers["Allow"] = ", ".join(allowed)
        else:
            response = edge_problem(request, 404, "not_found", path=request.url.path)
        await response(scope, receive, send)
