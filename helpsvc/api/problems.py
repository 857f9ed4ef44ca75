"""RFC 9457 problem details for every error the service answers with."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_TYPE_BASE = "/api/v1/problems/"
MEDIA_TYPE = "application/problem+json"


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    code: str | None = None,
    instance: str | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code if code else "about:blank",
        "title": title,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    if instance is not None:
        body["instance"] = instance
    if code is not None:
        body["code"] = code
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


class ProblemError(Exception):
    """Raised anywhere below a route to answer with a problem document."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.code = status, title, detail, code
        self.headers = headers or {}
        self.extra = extra


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        response = problem(
            exc.status,
            exc.title,
            exc.detail,
            code=exc.code,
            instance=request.url.path,
            **exc.extra,
        )
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        from http import HTTPStatus

        title = HTTPStatus(exc.status_code).phrase
        response = problem(exc.status_code, title, str(exc.detail), instance=request.url.path)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        from helpsvc.api.negotiation import request_lang
        from helpsvc.web.credit_messages import field_label
        from helpsvc.web.messages import t

        lang = request_lang(request, request.query_params.get("lang"))
        errors = []
        for err in exc.errors():
            location = [str(p) for p in err["loc"]]
            name = location[-1] if location else ""
            errors.append(
                {
                    "field": ".".join(location),
                    "label": field_label(name, lang),
                    "message": err["msg"],
                }
            )
        labels = list(dict.fromkeys(e["label"] for e in errors))
        return problem(
            422,
            t("problem.validation.title", lang),
            t("problem.validation", lang, fields=", ".join(labels))
            + " "
            + "; ".join(f"{e['field']}: {e['message']}" for e in errors),
            code="validation_failed",
            instance=request.url.path,
            errors=errors,
        )
