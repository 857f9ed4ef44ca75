"""``/api/v1/tenants/{id}/walkthroughs``: start a walkthrough, show, submit, go back, cancel.

An unknown session (or one of another tenant) raises ``UnknownSession``, answered 404 by
the problem handlers like an unknown flow.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from helpsvc.api.deps import Lang, ServicesDep, authenticated_tenant
from helpsvc.api.problems import MEDIA_TYPE
from helpsvc.i18n.site_messages import t
from helpsvc.services.container import Services
from helpsvc.walkthroughs.runner import Session

router = APIRouter(
    prefix="/api/v1/tenants/{tenant_id}/walkthroughs",
    tags=["walkthroughs"],
    dependencies=[Depends(authenticated_tenant)],
)

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


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LinkOut(_Out):
    title: str
    url: str


class ProgressOut(_Out):
    done: int
    total: int


class SkippedOut(_Out):
    id: str
    title: str


class OptionOut(_Out):
    value: str
    label: str


class InputOut(_Out):
    name: str
    kind: str
    label: str
    required: bool
    required_with: str | None
    options: list[OptionOut]
    currency: str | None


class StepOut(_Out):
    id: str
    number: int
    total: int
    progress_text: str
    section: str
    title: str
    html: str | None
    url: str
    already_done: bool
    inputs: list[InputOut]


class StopOut(_Out):
    code: str
    title: str
    message: str
    guide: LinkOut
    html: str | None


class WalkthroughOut(_Out):
    """A walkthrough session: the step it shows, or why it stopped, and the progress."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": VIEW_EXAMPLE})

    id: str
    flow: str
    lang: str
    status: Literal["active", "done", "cancelled", "stopped"]
    guide: LinkOut
    progress: ProgressOut
    skipped: list[SkippedOut]
    step: StepOut | None
    stop: StopOut | None


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


def _view(services: Services, session: Session) -> dict[str, Any]:
    return services.walkthroughs.view(session, services.content.current.index)


@router.post("", status_code=201, summary="Start a walkthrough", response_model=WalkthroughOut)
def start(tenant_id: str, services: ServicesDep, lang: Lang, body: StartIn) -> dict[str, Any]:
    session = services.walkthroughs.start(tenant_id, body.flow, body.lang or lang)
    return _view(services, session)


@router.get("/{session_id}", summary="The current step (resume)", response_model=WalkthroughOut)
def show(tenant_id: str, session_id: str, services: ServicesDep) -> dict[str, Any]:
    return _view(services, services.walkthroughs.current(tenant_id, session_id))


@router.post(
    "/{session_id}/submit",
    summary="Submit the current step",
    response_model=WalkthroughOut,
    responses={422: {"description": "Invalid values, field by field", "content": {MEDIA_TYPE: {}}}},
)
def submit(tenant_id: str, session_id: str, services: ServicesDep, body: SubmitIn) -> Any:
    outcome = services.walkthroughs.submit(tenant_id, session_id, body.values)
    if not (outcome.errors or outcome.form_error):
        return _view(services, outcome.session)
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
            "walkthrough": _view(services, outcome.session),
        },
        status_code=422,
        media_type=MEDIA_TYPE,
    )


@router.post("/{session_id}/back", summary="Go back one step", response_model=WalkthroughOut)
def back(tenant_id: str, session_id: str, services: ServicesDep) -> dict[str, Any]:
    return _view(services, services.walkthroughs.back(tenant_id, session_id))


@router.post(
    "/{session_id}/cancel", summary="Cancel the walkthrough", response_model=WalkthroughOut
)
def cancel(tenant_id: str, session_id: str, services: ServicesDep) -> dict[str, Any]:
    return _view(services, services.walkthroughs.cancel(tenant_id, session_id))
