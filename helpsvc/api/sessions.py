"""The browser's cookies: HttpOnly, SameSite, and Secure whenever the reader uses HTTPS.

A cookie is Secure when the request came over HTTPS, or when the settings say the service
sits behind a TLS-terminating proxy (``behind_tls``); over plain http://127.0.0.1 it is not,
so a local service keeps working.
"""

from __future__ import annotations

from typing import Literal

from fastapi import Request, Response

from helpsvc.api.state import get_services
from helpsvc.services.sign_ins import SIGN_IN_DAYS

SESSION_COOKIE = "helpsvc_session"


def secure_cookies(request: Request) -> bool:
    return request.url.scheme == "https" or get_services(request).settings.behind_tls


def set_session(response: Response, token: str, request: Request) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
        max_age=SIGN_IN_DAYS * 24 * 3600,
        path="/",
    )


def clear_session(response: Response, request: Request) -> None:
    """Sign the browser out: the cookie goes (its token is removed from the store too)."""
    response.delete_cookie(
        SESSION_COOKIE,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request),
        path="/",
    )


def set_form_token(
    response: Response,
    request: Request,
    name: str,
    token: str,
    path: str,
    samesite: Literal["strict", "lax"] = "strict",
) -> None:
    """The CSRF token of a form shown before sign-in (sign-in, starting a sandbox)."""
    response.set_cookie(
        name, token, httponly=True, samesite=samesite, secure=secure_cookies(request), path=path
    )
