"""``GET /healthz``: is the service able to answer, and what is wrong with its content."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

router = APIRouter()


@router.get(
    "/healthz",
    tags=["service"],
    summary="Service health",
    responses={
        200: {
            "description": "The service is up; `status` is `degraded` when content has errors",
            "content": {
                "application/json": {
                    "example": {
                        "status": "ok",
                        "site_built": True,
                        "pages": {"en": 8, "de": 8, "zh": 8},
                        "content_errors": [],
                    }
                }
            },
        }
    },
)
def healthz(request: Request) -> dict[str, Any]:
    content = request.app.state.content
    site_built = request.app.state.site_built
    errors = [{"path": e.path, "line": e.line, "message": e.message} for e in content.corpus.errors]
    return {
        "status": "ok" if site_built and not errors else "degraded",
        "site_built": site_built,
        "pages": {lang: len(pages) for lang, pages in content.index.pages.items()},
        "content_errors": errors,
    }
