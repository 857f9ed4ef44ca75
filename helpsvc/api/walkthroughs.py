"""``/api/v1/tenants/{id}/walkthroughs``: start a walkthrough, show, submit, go back, cancel."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from helpsvc.api.auth import tenant_for
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import MEDIA_TYPE, ProblemError
from helpsvc.walkthroughs.service import UnknownFlow, UnknownSession
from helpsvc.web.messages import t

router = APIRouter(prefix="/api/v1/tenants/{tenant_id}/walkthroughs", tags=["walkthroughs"])

VIEW_EXAMPLE = {
    "id": "5d0c4a3e9b1f2a7c6e8d0f13",
    "flow": "set-up",
    "lang": "de",
    "status": "active",
    "guide": {
        "title": "Kommunikationsguthaben einrichten",
        "url": "/de/guides/set-up-communications-credits/",
    },
    "progress": {"done": 1, "total": 3},
    "skipped": [{"id": "licenses", "title": "Schritt 1: Lizenzen zuweisen"}],
    "step": {
        "id": "credits",
        "number": 2,
        "total": 3,
        "progress_text": "Schritt 2 von 3",
        "title": "Schritt 2: Kommunikationsguthaben einrichten",
        "html": "<ol><li>Melden Sie sich …</li></ol>",
        "url": "/de/guides/set-up-communications-credits/#step-credits",
        "already_done": False,
        "inputs": [{"name": "amount", "kind": "money", "label": "Guthaben aufladen (Betrag)"}],
    },
    "stop": None,
}
VIEW = {
    200: {
        "description": "The walkthrough",
        "content": {"application/json": {"example": VIEW_EXAMPLE}},
    }
}


class StartIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"example": {"flow": "set-up", "lang": "de"}}
    )

    flow: Literal["set-up", "add-funds", "auto-recharge", "switch-to-nce"]
    lang: Literal["en", "de", "zh"] | None = None


class SubmitIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "values": {
                    "amount": "100.00",
                    "auto_recharge": True,
                    "trigger_amount": "20.00",
                    "recharge_amount": "50.00",
                    "card_last4": "4242",
                    "card_exp_month": "12",
                    "card_exp_year": "2028",
                }
            }
        },
    )

    values: dict[str, Any]


def _service(request: Request):  # noqa: ANN202
    return request.app.state.walkthroughs


def _not_found(request: Request, session_id: str, lang: str) -> ProblemError:
    return ProblemError(
        404,
        t("problem.walkthrough_not_found.title", lang),
        t("problem.walkthrough_not_found", lang, session_id=session_id),
        code="walkthrough_not_found",
    )


def _view(request: Request, session: Any) -> dict[str, Any]:
    return _service(request).view(session, request.app.state.content.current.index)


@router.post("", status_code=201, summary="Start a walkthrough", responses={201: VIEW[200]})
def start(request: Request, tenant_id: str, body: StartIn) -> dict[str, Any]:
    lang = body.lang or request_lang(request, None)
    tenant_for(request, tenant_id, lang)
    try:
        session = _service(request).start(tenant_id, body.flow, lang)
    except UnknownFlow:
        raise _not_found(request, body.flow, lang) from None
    return _view(request, session)


def _act(request: Request, tenant_id: str, session_id: str, act: Any) -> Any:
    """Authenticate, run ``act(service)`` on the session, answer 404 for unknown sessions."""
    lang = request_lang(request, request.query_params.get("lang"))
    tenant_for(request, tenant_id, lang)
    try:
        return act(_service(request))
    except UnknownSession:
        raise _not_found(request, session_id, lang) from None


@router.get("/{session_id}", summary="The current step (resume)", responses=VIEW)
def show(request: Request, tenant_id: str, session_id: str) -> dict[str, Any]:
    return _view(
        request, _act(request, tenant_id, session_id, lambda s: s.current(tenant_id, session_id))
    )


@router.post("/{session_id}/submit", summary="Submit the current step", responses=VIEW)
def submit(request: Request, tenant_id: str, session_id: str, body: SubmitIn) -> Any:
    outcome = _act(
        request, tenant_id, session_id, lambda s: s.submit(tenant_id, session_id, body.values)
    )
    if outcome.errors or outcome.form_error:
        view_lang = outcome.session.lang
        return JSONResponse(
            {
                "type": "/api/v1/problems/walkthrough_input_invalid",
                "title": t("problem.validation.title", view_lang),
                "status": 422,
                "detail": outcome.form_error
                or "; ".join(f"{k}: {v}" for k, v in outcome.errors.items()),
                "code": "walkthrough_input_invalid",
                "errors": [{"field": k, "message": v} for k, v in outcome.errors.items()],
                "values": outcome.typed,
                "walkthrough": _view(request, outcome.session),
            },
            status_code=422,
            media_type=MEDIA_TYPE,
        )
    return _view(request, outcome.session)


@router.post("/{session_id}/back", summary="Go back one step", responses=VIEW)
def back(request: Request, tenant_id: str, session_id: str) -> dict[str, Any]:
    return _view(
        request, _act(request, tenant_id, session_id, lambda s: s.back(tenant_id, session_id))
    )


@router.post("/{session_id}/cancel", summary="Cancel the walkthrough", responses=VIEW)
def cancel(request: Request, tenant_id: str, session_id: str) -> dict[str, Any]:
    return _view(
        request, _act(request, tenant_id, session_id, lambda s: s.cancel(tenant_id, session_id))
    )
