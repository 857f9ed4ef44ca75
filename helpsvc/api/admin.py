"""Admin endpoints, protected by the admin token of the settings.

Without an admin token in the settings the admin endpoints are off (403 that says so). Every
admin request counts against the caller's admin rate limit, and a wrong token also against
its wrong-key limit, so the token cannot be guessed at speed.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from helpsvc.api.deps import Lang, ServicesDep
from helpsvc.api.problems import ProblemError
from helpsvc.api.rate_limits import (
    RATE_LIMITED,
    count_key_failure,
    guard_key_check,
    rate_limit,
)
from helpsvc.i18n.site_messages import t

router = APIRouter()

admin_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="AdminToken",
    description="The admin token of the service (setting HELPSVC_ADMIN_TOKEN).",
)


def _same(given: str, expected: str) -> bool:
    # Bytes, not str: compare_digest refuses non-ASCII text, and a token is any UTF-8.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def admin_caller(
    request: Request,
    services: ServicesDep,
    lang: Lang,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(admin_bearer)],
) -> None:
    """Lets the request through with the right admin token; otherwise a 401, 403 or 429."""
    token = services.settings.admin_token
    if not token:
        raise ProblemError(
            403,
            t("problem.admin_off.title", lang),
            t("problem.admin_off", lang),
            code="admin_disabled",
        )
    guard_key_check(request, lang)
    if credentials is None or not _same(credentials.credentials, token):
        if credentials is not None:
            count_key_failure(request)
        raise ProblemError(
            401,
            t("problem.unauthorized.title", lang),
            t("problem.unauthorized", lang),
            code="unauthorized",
            headers={"WWW-Authenticate": "Bearer"},
        )


ADMIN_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {
        "description": "Missing or wrong admin token",
        "content": {"application/problem+json": {}},
    },
    403: {
        "description": "No admin token is configured: the admin endpoints are off",
        "content": {"application/problem+json": {}},
    },
    **RATE_LIMITED,
}
# The rate limit comes first: a caller over it gets 429 without its token being looked at.
ADMIN = [Depends(rate_limit("admin")), Depends(admin_caller)]


@router.post(
    "/api/v1/admin/reload",
    tags=["admin"],
    summary="Reload the docs without a restart",
    response_model=None,
    dependencies=ADMIN,
    responses={
        200: {
            "description": "The new content is served; a file that failed keeps its last "
            "good version.",
            "content": {
                "application/json": {
                    "example": {"pages": {"en": 8, "de": 8, "zh": 8}, "errors": [], "kept": []}
                }
            },
        },
        **ADMIN_ERRORS,
    },
)
def reload_content(services: ServicesDep) -> dict[str, Any]:
    content = services.content.reload()
    return {
        "pages": {lang: len(pages) for lang, pages in content.index.pages.items()},
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in content.errors],
        "kept": list(content.kept),
    }
