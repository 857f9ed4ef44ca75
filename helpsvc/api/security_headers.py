"""Security headers on every response: one ASGI middleware, so no page can forget them.

Every response gets ``X-Content-Type-Options: nosniff``, a ``Referrer-Policy`` and a
Content-Security-Policy unless the part of the app that answered set its own:

- the pages the service renders (sign-in, walkthroughs, sandbox, dashboard, search, the F1
  "not found" page) load nothing but their stylesheet and run no script: ``SERVICE_POLICY``;
- the ``/simulate`` report shows matplotlib's SVG charts, which style themselves with
  ``style`` attributes and a ``<style>`` element: ``REPORT_POLICY`` allows inline styles (not
  scripts);
- the API explorer at ``/api/docs`` is FastAPI's Swagger UI, loaded from its CDN with an
  inline bootstrap script: ``DOCS_POLICY``;
- the MkDocs Material site is wrapped in ``SiteHeaders``: the theme runs small inline scripts
  that differ per page depth (palette, tabs, the page's scope), so ``SITE_POLICY`` allows
  inline scripts and styles from this origin only; the site loads nothing from the network
  (``font: false`` in mkdocs.yml) and must not be framed.

The middleware is plain ASGI, not ``BaseHTTPMiddleware``: it adds headers to the response
start message and costs the F1 hot path next to nothing.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SERVICE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
REPORT_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
DOCS_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SITE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"
)
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# Paths whose pages need more than SERVICE_POLICY, by prefix.
POLICIES = (("/simulate", REPORT_POLICY), ("/api/docs", DOCS_POLICY))
RawHeaders = list[tuple[bytes, bytes]]


def _raw(policy: str) -> RawHeaders:
    # Encoded once: the F1 hot path pays a list extend per response, not a header parse.
    pairs = {**COMMON, "Content-Security-Policy": policy}
    return [(name.lower().encode(), value.encode()) for name, value in pairs.items()]


RAW = {policy: _raw(policy) for policy in (SERVICE_POLICY, REPORT_POLICY, DOCS_POLICY)}
SITE_RAW = _raw(SITE_POLICY)


def policy_for(path: str) -> str:
    for prefix, policy in POLICIES:
        if path == prefix or path.startswith(prefix + "/"):
            return policy
    return SERVICE_POLICY


def _add(message: Message, extra: RawHeaders) -> None:
    """Add the headers the response has not set itself (raw names are lower case)."""
    headers = list(message.get("headers", ()))
    present = {name.lower() for name, _ in headers}
    headers.extend(pair for pair in extra if pair[0] not in present)
    message["headers"] = headers


class SecurityHeaders:
    """The service's headers on every HTTP response (a policy set further in wins)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = RAW[policy_for(scope["path"])]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add(message, extra)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SiteHeaders:
    """Wraps the static site's app: its pages get ``SITE_POLICY``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add(message, SITE_RAW)
            await send(message)

        await self.app(scope, receive, send_with_headers)
