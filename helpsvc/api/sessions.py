"""The browser's session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS."""

from __future__ import annotations

from fastapi import Request, Response

from helpsvc.services.sign_ins import SIGN_IN_DAYS

SESSION_COOKIE = "helpsvc_session"


def set_session(response: Response, token: str, request: Request) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=SIGN_IN_DAYS * 24 * 3600,
        path="/",
    )


def clear_session(response: Response, request: Request) -> None:
    """Sign the browser out: the cookie goes (its token is removed from the store too)."""
    response.delete_cookie(
        SESSION_COOKIE,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
