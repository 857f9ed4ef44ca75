"""Admin endpoints, protected by the admin token of the settings."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from helpsvc.api.deps import ServicesDep
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import problem
from helpsvc.i18n.site_messages import t

router = APIRouter()


def _authorized(request: Request, token: str | None) -> bool:
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(value, token)


@router.post(
    "/api/v1/admin/reload",
    tags=["admin"],
    summary="Reload the docs without a restart",
    response_model=None,
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
        401: {
            "description": "Missing or wrong admin token",
            "content": {"application/problem+json": {}},
        },
    },
)
def reload_content(request: Request, services: ServicesDep) -> Response | dict[str, Any]:
    if not _authorized(request, services.settings.admin_token):
        lang = request_lang(request, None)
        response = problem(
            401,
            "Unauthorized",
            t("problem.unauthorized", lang),
            code="unauthorized",
            instance=request.url.path,
        )
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    content = services.content.reload()
    return {
        "pages": {lang: len(pages) for lang, pages in content.index.pages.items()},
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in content.errors],
        "kept": list(content.kept),
    }
