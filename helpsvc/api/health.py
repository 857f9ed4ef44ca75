"""``GET /healthz`` (liveness): is the process able to answer, and what is wrong with its
content. ``GET /readyz`` (readiness): can it do its work now, database included.

``/healthz`` never touches the database, so an orchestrator does not restart a service
whose database is away (a restart would not bring it back); ``/readyz`` is what takes the
instance out of a load balancer until the database, the docs and the glossary are usable.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from helpsvc.api.deps import ServicesDep
from helpsvc.api.faults import RETRY_AFTER_DEFAULT
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import problem
from helpsvc.api.state import get_services
from helpsvc.i18n.site_messages import t
from helpsvc.services.readiness import content_errors

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
    summary="Liveness: the process answers; content errors",
    responses={
        200: {
            "description": "Up (the database is not checked: see `/readyz`). `status` is "
            "`degraded` when the site is not built or a docs file failed to parse (its last "
            "good version is still served).",
            "content": {"application/json": {"example": EXAMPLE}},
        }
    },
)
async def healthz(request: Request) -> dict[str, Any]:
    # On the event loop, no dependency: a liveness probe must not queue behind a busy
    # thread pool (sync handlers and sync dependencies run there).
    content = get_services(request).content.current
    site_built = request.app.state.site_built
    errors = content_errors(content)
    return {
        "status": "ok" if site_built and not errors else "degraded",
        "site_built": site_built,
        "pages": {lang: len(pages) for lang, pages in content.index.pages.items()},
        "content_loaded_at": content.loaded_at.isoformat().replace("+00:00", "Z"),
        "content_errors": errors,
    }


READY_EXAMPLE = {
    "status": "ready",
    "checks": {
        "database": {"status": "ok", "backend": "sqlite"},
        "docs": {
            "status": "ok",
            "pages": {"en": 8, "de": 8, "zh": 8},
            "skipped": 1,
            "skipped_pages": [
                {
                    "path": "de/guides/add-funds.md",
                    "line": 14,
                    "message": "front matter is not valid YAML",
                    "serving_last_good_version": True,
                }
            ],
        },
        "glossary": {"status": "ok", "concepts": {"en": 40, "de": 40, "zh": 40}},
    },
}
NOT_READY_EXAMPLE = {
    "type": "/api/v1/problems/not_ready",
    "title": "Service not ready",
    "status": 503,
    "detail": "These readiness checks failed: database. The service is running but cannot "
    "do all of its work yet.",
    "instance": "/readyz",
    "code": "not_ready",
    "checks": {
        "database": {"status": "read_only", "backend": "postgresql"},
        "docs": {"status": "ok", "pages": {"en": 8}, "skipped": 0, "skipped_pages": []},
        "glossary": {"status": "ok", "concepts": {"en": 40}},
    },
}


@router.get(
    "/readyz",
    tags=["service"],
    summary="Readiness: database writable, docs and glossary loaded",
    response_model=None,
    responses={
        200: {
            "description": "Ready. The database took a write (rolled back); docs pages per "
            "language and the pages skipped because they failed to parse, with the reason.",
            "content": {"application/json": {"example": READY_EXAMPLE}},
        },
        503: {
            "description": "Not ready: each check with its status (`database`: `full`, "
            "`read_only`, `busy`, `unreachable`, `file_missing`, `file_replaced`, `error`; "
            "`docs`, `glossary`: `empty`).",
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait before asking again.",
                    "schema": {"type": "integer"},
                }
            },
            "content": {"application/problem+json": {"example": NOT_READY_EXAMPLE}},
        },
    },
)
async def readyz(request: Request, services: ServicesDep) -> dict[str, Any] | JSONResponse:
    # The probe blocks on the database: in a worker thread, never on the event loop.
    report = await run_in_threadpool(services.readiness.check)
    if report.ready:
        return report.as_json()
    lang = request_lang(request, request.query_params.get("lang"))
    response = problem(
        503,
        t("problem.not_ready.title", lang),
        t("problem.not_ready", lang, checks=", ".join(report.failed)),
        code="not_ready",
        instance=request.url.path,
        checks=report.as_json()["checks"],
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_DEFAULT)
    return response
