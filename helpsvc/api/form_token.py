"""A token that ties a form post to a page this service rendered (double-submit cookie).

Forms anyone may use without signing in (sign-in, the usage replay) cannot take their
token from a session. The page sets a random token as an HttpOnly, SameSite=Strict cookie
scoped to the form's path and writes the same value into a hidden ``csrf`` field; another
site can make a browser post the form but can neither read nor set that cookie, so its
post never carries a matching pair. A token already in the browser is kept, so two tabs
of the same form both stay valid.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response

FIELD = "csrf"


def current(request: Request, cookie: str) -> str:
    """The browser's token for this form, or a new one (set it with ``keep``)."""
    token = request.cookies.get(cookie, "")
    return token if 20 <= len(token) <= 64 and token.isascii() else secrets.token_urlsafe(24)


def keep(response: Response, request: Request, cookie: str, token: str, path: str) -> None:
    response.set_cookie(
        cookie,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=path,
    )


def matches(request: Request, cookie: str, given: str | None) -> bool:
    expected = request.cookies.get(cookie, "")
    return bool(expected) and hmac.compare_digest(expected, given or "")
