"""``GET /healthz``: is the service able to answer, and what is wrong with its content."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from helpsvc.api.deps import ServicesDep

router = APIRouter()

EXAMPLE = {
    "status": "degraded",
    "site_built": True,
    "pages": {"en": 8, "de": 8, "zh": 8},
    "content_loaded_at": "2026-11-22T09:30:00Z",
    "content_errors": [
        {
            "path": "de/guides/add-funds.md",
            "line": 14,
            "message": "front matter is not valid YAML: item of the 'f1_keywords' list "
            "lacks its leading '- '",
            "serving_last_good_version": True,
        }
    ],
}


@router.get(
    "/healthz",
    tags=["service"],
    summary="Service health and content errors",
    responses={
        200: {
            "description": "Up. `status` is `degraded` when the site is not built or a "
            "docs file failed to parse (its last good version is still served).",
            "content": {"application/json": {"example": EXAMPLE}},
        }
    },
)
def healthz(request: Request, services: ServicesDep) -> dict[str, Any]:
    content = services.content.current
    site_built = request.app.state.site_built
    kept = set(content.kept)
    errors = [
        {
            "path": e.path,
            "line": e.line,
            "message": e.message,
            "serving_last_good_version": e.path in kept,
        }
        for e in content.errors
    ]
    return {
        "status": "ok" if site_built and not errors else "degraded",
        "site_built": site_built,
        "pages": {lang: len(pages) for lang, pages in content.index.pages.items()},
        "content_loaded_at": content.loaded_at.isoformat().replace("+00:00", "Z"),
        "content_errors": errors,
    }
