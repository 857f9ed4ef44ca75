"""RFC 9457 problem details for every error the service answers with.

Errors of the use cases (a refusal of the credits rules, an unknown tenant or walkthrough,
an idempotency key reused) are raised below the routes and turned into problems here, in
one place, in the caller's language.
"""

from __future__ import annotations

import logging
import uuid
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from helpsvc.api.body_limit import BadContentLength, BodyTooLarge
from helpsvc.credits import DomainError
from helpsvc.i18n import problem_messages
from helpsvc.i18n.credit_messages import error_detail, error_title, field_label
from helpsvc.i18n.formats import format_list
from helpsvc.i18n.site_messages import t
from helpsvc.i18n.validation_messages import validation_message
from helpsvc.services.errors import (
    IdempotencyConflict,
    TenantNotFound,
    UnknownFlow,
    UnknownSession,
)

log = logging.getLogger("helpsvc.api")

PROBLEM_TYPE_BASE = "/api/v1/problems/"
MEDIA_TYPE = "application/problem+json"

# Refusals of the business rules: the request was understood and is not allowed now (409);
# every other domain error is an invalid value (422).
CONFLICT_CODES = frozenset(
    {
        "nce_cannot_purchase",
        "auto_recharge_must_be_off",
        "already_nce",
        "debt_outstanding",
        "insufficient_balance",
        "balance_not_positive",
        "license_missing",
        "card_expired",
        "card_missing",
        "user_exists",
        "clock_backwards",
        "balance_limit",
    }
)


# A refusal that names something the tenant does not have (a user id in the path or in
# the body): the thing is not found, whatever the shape of the request.
NOT_FOUND_CODES = frozenset({"unknown_user"})


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


def domain_problem(error: DomainError, lang: str) -> tuple[int, dict[str, Any]]:
    """A refusal of the credits rules as (status, problem body)."""
    code = error.code.value
    status = 409 if code in CONFLICT_CODES else 404 if code in NOT_FOUND_CODES else 422
    return status, {
        "type": PROBLEM_TYPE_BASE + code,
        "title": error_title(code, lang),
        "status": status,
        "detail": error_detail(code, error.params, lang),
        "code": code,
        "params": error.params,
    }


def catalog_problem(status: int, message: str, code: str, lang: str, **params: Any) -> ProblemError:
    """A problem worded by the message catalog: ``problem.<message>`` and its ``.title``."""
    return ProblemError(
        status,
        t(f"problem.{message}.title", lang),
        t(f"problem.{message}", lang, **params),
        code=code,
    )


def tenant_not_found(tenant_id: str, lang: str) -> ProblemError:
    return catalog_problem(404, "tenant_not_found", "tenant_not_found", lang, tenant_id=tenant_id)


def walkthrough_not_found(session_id: str, lang: str) -> ProblemError:
    return catalog_problem(
        404, "walkthrough_not_found", "walkthrough_not_found", lang, session_id=session_id
    )


def idempotency_reused(key: str, lang: str) -> ProblemError:
    return catalog_problem(422, "idempotency_reused", "idempotency_key_reused", lang, key=key)


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


def _lang(request: Request) -> str:
    from helpsvc.api.negotiation import request_lang

    return request_lang(request, request.query_params.get("lang"))


def _as_problem(request: Request, exc: ProblemError) -> JSONResponse:
    response = problem(
        exc.status, exc.title, exc.detail, code=exc.code, instance=request.url.path, **exc.extra
    )
    response.headers.update(exc.headers)
    return response


def _edge_lang(request: Request) -> str:
    # Answers given before or after the routes must not fail on their own: English then.
    try:
        return _lang(request)
    except Exception:
        return "en"


def edge_problem(request: Request, status: int, key: str, **params: Any) -> JSONResponse:
    """A problem worded by ``helpsvc.i18n.problem_messages`` (``key`` is also its code)."""
    lang = _edge_lang(request)
    texts = {name: value for name, value in params.items() if not name.startswith("_")}
    extra = {name[1:]: value for name, value in params.items() if name.startswith("_")}
    return problem(
        status,
        problem_messages.t(f"{key}.title", lang),
        problem_messages.t(key, lang, **texts),
        code=key,
        instance=request.url.path,
        **extra,
    )


def body_problem(request: Request, error: StarletteHTTPException) -> JSONResponse:
    """413 for a body over the limit, 400 for a Content-Length that is not a length."""
    if isinstance(error, BodyTooLarge):
        return edge_problem(
            request, 413, "body_too_large", limit=error.limit, _limit_bytes=error.limit
        )
    if isinstance(error, BadContentLength):
        return edge_problem(request, 400, "bad_content_length", value=error.value[:40])
    return _http_problem(request, error)


async def refuse_body(scope: Scope, error: StarletteHTTPException) -> JSONResponse:
    """The answer of ``BodyLimitMiddleware``, before the app has read the body."""
    return body_problem(Request(scope), error)


def internal_error(request: Request, error: BaseException) -> JSONResponse:
    """The last resort: logged with a reference; the answer names the reference, no trace."""
    reference = uuid.uuid4().hex[:12]
    log.error(
        "unhandled %s on %s %s (reference %s)",
        type(error).__name__,
        request.method,
        request.url.path,
        reference,
        exc_info=error,
    )
    return edge_problem(request, 500, "internal_error", reference=reference, _reference=reference)


def _http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    title = HTTPStatus(exc.status_code).phrase
    response = problem(exc.status_code, title, str(exc.detail), instance=request.url.path)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def _install_edge_handlers(app: FastAPI) -> None:
    @app.exception_handler(BodyTooLarge)
    @app.exception_handler(BadContentLength)
    async def _body(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return body_problem(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error(request, exc)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        status, body = domain_problem(exc, _lang(request))
        return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)

    @app.exception_handler(TenantNotFound)
    async def _no_tenant(request: Request, exc: TenantNotFound) -> JSONResponse:
        return _as_problem(request, tenant_not_found(exc.tenant_id, _lang(request)))

    @app.exception_handler(UnknownSession)
    async def _no_session(request: Request, exc: UnknownSession) -> JSONResponse:
        return _as_problem(request, walkthrough_not_found(exc.session_id, _lang(request)))

    @app.exception_handler(UnknownFlow)
    async def _no_flow(request: Request, exc: UnknownFlow) -> JSONResponse:
        return _as_problem(request, walkthrough_not_found(exc.flow, _lang(request)))

    @app.exception_handler(IdempotencyConflict)
    async def _reused(request: Request, exc: IdempotencyConflict) -> JSONResponse:
        return _as_problem(request, idempotency_reused(exc.key, _lang(request)))

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return _as_problem(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _http_problem(request, exc)

    _install_edge_handlers(app)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_problem(exc, _lang(request), request.url.path)


def _validation_problem(exc: RequestValidationError, lang: str, path: str) -> JSONResponse:
    """Every field that failed, labelled and explained in ``lang``, in one problem."""
    errors = []
    for err in exc.errors():
        location = [str(p) for p in err["loc"]]
        name = location[-1] if location else ""
        errors.append(
            {
                "field": ".".join(location),
                "label": field_label(name, lang),
                "message": validation_message(err, lang),
            }
        )
    labels = list(dict.fromkeys(e["label"] for e in errors))
    return problem(
        422,
        t("problem.validation.title", lang),
        t(
            "punct.two_sentences",
            lang,
            first=t("problem.validation", lang, fields=format_list(labels, lang)),
            second=t("punct.semicolon", lang).join(
                f"{e['field']}{t('punct.colon', lang)}{e['message'].rstrip('.。')}" for e in errors
            ),
        ),
        code="validation_failed",
        instance=path,
        errors=errors,
    )
