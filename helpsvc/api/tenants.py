"""``/api/v1/tenants``: the credit simulator over HTTP.

Every write goes through ``TenantStore.run`` (one transaction under the tenant's lock) and
accepts an ``Idempotency-Key``. Domain refusals answer 409 with a stable code and a message
in the caller's language; invalid values answer 422; both as RFC 9457 problems.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from helpsvc.api.auth import not_found, tenant_for
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import MEDIA_TYPE, ProblemError
from helpsvc.api.tenant_models import (
    AdjustmentIn,
    AutoRechargeIn,
    CallIn,
    ClockIn,
    FundsIn,
    LicensesIn,
    PaymentCardIn,
    TenantCreate,
    UserCreate,
)
from helpsvc.api.tenant_views import tenant_view, when
from helpsvc.credits import (
    AddFunds,
    AddUser,
    Adjustment,
    AdvanceClock,
    AssignLicenses,
    CallRefused,
    Command,
    ConfigureAutoRecharge,
    Decision,
    DomainError,
    Licenses,
    Money,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
    TenantState,
)
from helpsvc.store.codec import encode
from helpsvc.store.tenants import (
    Answer,
    IdempotencyConflict,
    TenantInfo,
    TenantNotFound,
    request_hash,
)
from helpsvc.usage.columns import COLUMNS
from helpsvc.web.credit_messages import error_detail, error_title
from helpsvc.web.messages import t

router = APIRouter(prefix="/api/v1/tenants", tags=["tenants"])

# Refusals of the business rules: the request was understood and is not allowed now.
CONFLICT_CODES = {
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
}
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Retries with the same key within 24 h get the first answer back.",
    ),
]
ERRORS = {
    401: {"description": "No or invalid API key", "content": {MEDIA_TYPE: {}}},
    404: {"description": "No such tenant for this key", "content": {MEDIA_TYPE: {}}},
    409: {
        "description": "Refused by the credits rules",
        "content": {
            MEDIA_TYPE: {
                "example": {
                    "type": "/api/v1/problems/nce_cannot_purchase",
                    "title": "NCE tenants cannot buy credits",
                    "status": 409,
                    "detail": "Organizations on NCE post-usage billing cannot buy "
                    "Communications Credits.",
                    "code": "nce_cannot_purchase",
                    "params": {},
                }
            }
        },
    },
    422: {
        "description": "Invalid values, or an Idempotency-Key reused",
        "content": {MEDIA_TYPE: {}},
    },
}


def _lang(request: Request) -> str:
    return request_lang(request, request.query_params.get("lang"))


def _domain_problem(error: DomainError, lang: str) -> tuple[int, dict[str, Any]]:
    code = error.code.value
    status = 409 if code in CONFLICT_CODES else 422
    return status, {
        "type": f"/api/v1/problems/{code}",
        "title": error_title(code, lang),
        "status": status,
        "detail": error_detail(code, error.params, lang),
        "code": code,
        "params": error.params,
    }


def _events(decision: Decision) -> list[dict[str, Any]]:
    return [{"type": event.name, **encode(event)} for event in decision.events]


def _to_response(answer: Answer) -> Response:
    media = MEDIA_TYPE if answer.status >= 400 else "application/json"
    response = JSONResponse(answer.body, status_code=answer.status, media_type=media)
    if answer.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def _money(value: Any, currency: str, field: str) -> Money:
    try:
        return Money.parse(str(value), currency)
    except DomainError as error:
        raise DomainError(error.code, {**error.params, "field": field}) from None


def run_command(
    request: Request,
    tenant_id: str,
    build: Any,
    *,
    idempotency_key: str | None,
    body: Any = None,
    success: int = 200,
    shape: Any = None,
) -> Response:
    """Authenticate, build the command from the tenant's currency, run it, answer.

    ``build(info_currency) -> Command``; ``shape(info, decision) -> dict`` adds to the
    answer. A refused call is a decision too: it answers 409 but is recorded.
    """
    lang = _lang(request)
    tenant_for(request, tenant_id, lang)
    store = request.app.state.tenants
    tariff = store.tariff
    info, _state = store.load(tenant_id)
    try:
        command: Command = build(info.currency)
    except DomainError as error:
        status, problem_body = _domain_problem(error, lang)
        return JSONResponse(problem_body, status_code=status, media_type=MEDIA_TYPE)

    def respond(info: TenantInfo, outcome: Decision | DomainError) -> tuple[int, dict[str, Any]]:
        if isinstance(outcome, DomainError):
            return _domain_problem(outcome, lang)
        refused = next((e for e in outcome.events if isinstance(e, CallRefused)), None)
        if refused is not None:
            status, problem_body = _domain_problem(
                DomainError(refused.reason, dict(refused.params)), lang
            )
            problem_body["call_id"] = refused.call_id
            return status, problem_body
        view = tenant_view(info, outcome.state, tariff, lang)
        answer = {"tenant": view, "events": _events(outcome)}
        if shape is not None:
            answer.update(shape(info, outcome))
        return success, answer

    digest = request_hash(request.method, request.url.path, body)
    try:
        answer = store.run(
            tenant_id,
            command,
            respond=respond,
            idempotency_key=idempotency_key,
            digest=digest,
        )
    except IdempotencyConflict:
        raise ProblemError(
            422,
            t("problem.idempotency_reused.title", lang),
            t("problem.idempotency_reused", lang, key=idempotency_key),
            code="idempotency_key_reused",
        ) from None
    except TenantNotFound:
        raise not_found(tenant_id, lang) from None
    return _to_response(answer)


def _licenses(value: LicensesIn) -> Licenses:
    return Licenses(
        audio_conferencing=value.audio_conferencing,
        phone_system=value.phone_system,
        calling_plan=value.calling_plan,
        communications_credits=value.communications_credits,
    )


# -- routes -----------------------------------------------------------------------------


@router.post(
    "",
    status_code=201,
    summary="Create a simulated tenant; the answer holds its API key, shown once",
    responses={
        201: {
            "description": "Created",
            "content": {
                "application/json": {
                    "example": {
                        "api_key": "hsk_3q2-…",
                        "tenant": {"id": "9f2c4e1ab0d34c55", "balance": "0.00"},
                    }
                }
            },
        },
        422: ERRORS[422],
    },
)
def create_tenant(
    request: Request, body: TenantCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    lang = _lang(request)
    store = request.app.state.tenants
    start = body.start or datetime.now(UTC).replace(microsecond=0)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)

    def respond(info: TenantInfo, state: TenantState, api_key: str) -> dict[str, Any]:
        return {"api_key": api_key, "tenant": tenant_view(info, state, store.tariff, lang)}

    try:
        answer = store.create_tenant(
            name=body.name,
            country=body.country,
            currency=body.currency,
            model=body.commerce_model,
            language=body.language,
            admin_email=body.admin_email,
            start=start.astimezone(UTC),
            idempotency_key=idempotency_key,
            respond=respond,
        )
    except DomainError as error:
        status, problem_body = _domain_problem(error, lang)
        return JSONResponse(problem_body, status_code=status, media_type=MEDIA_TYPE)
    except IdempotencyConflict:
        raise ProblemError(
            422,
            t("problem.idempotency_reused.title", lang),
            t("problem.idempotency_reused", lang, key=idempotency_key),
            code="idempotency_key_reused",
        ) from None
    response = _to_response(answer)
    response.headers["Location"] = f"/api/v1/tenants/{answer.body['tenant']['id']}"
    return response


@router.get("/{tenant_id}", summary="The tenant's state", responses=ERRORS)
def get_tenant(request: Request, tenant_id: str) -> dict[str, Any]:
    lang = _lang(request)
    tenant_for(request, tenant_id, lang)
    info, state = request.app.state.tenants.load(tenant_id)
    return tenant_view(info, state, request.app.state.tenants.tariff, lang)


@router.post(
    "/{tenant_id}/users", status_code=201, summary="Add a user with licenses", responses=ERRORS
)
def add_user(
    request: Request, tenant_id: str, body: UserCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    return run_command(
        request,
        tenant_id,
        lambda _c: AddUser(body.user_id, country=body.country, licenses=_licenses(body.licenses)),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


@router.put(
    "/{tenant_id}/users/{user_id}/licenses", summary="Replace a user's licenses", responses=ERRORS
)
def assign_licenses(
    request: Request,
    tenant_id: str,
    user_id: str,
    body: LicensesIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return run_command(
        request,
        tenant_id,
        lambda _c: AssignLicenses(user_id, _licenses(body)),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.put("/{tenant_id}/payment-card", summary="Set the payment card", responses=ERRORS)
def set_card(
    request: Request, tenant_id: str, body: PaymentCardIn, idempotency_key: IdempotencyKey = None
) -> Response:
    return run_command(
        request,
        tenant_id,
        lambda _c: SetPaymentCard(body.last4, body.exp_month, body.exp_year),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.post(
    "/{tenant_id}/funds", status_code=201, summary="Add funds (a new lot)", responses=ERRORS
)
def add_funds(
    request: Request, tenant_id: str, body: FundsIn, idempotency_key: IdempotencyKey = None
) -> Response:
    return run_command(
        request,
        tenant_id,
        lambda currency: AddFunds(_money(body.amount, currency, "amount")),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


@router.put("/{tenant_id}/auto-recharge", summary="Auto-recharge settings", responses=ERRORS)
def configure_auto_recharge(
    request: Request, tenant_id: str, body: AutoRechargeIn, idempotency_key: IdempotencyKey = None
) -> Response:
    def build(currency: str) -> Command:
        trigger = (
            None
            if body.trigger_amount is None
            else _money(body.trigger_amount, currency, "trigger_amount")
        )
        amount = (
            None
            if body.recharge_amount is None
            else _money(body.recharge_amount, currency, "recharge_amount")
        )
        return ConfigureAutoRecharge(body.enabled, trigger, amount)

    return run_command(
        request,
        tenant_id,
        build,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.post("/{tenant_id}/calls", status_code=201, summary="Place a call", responses=ERRORS)
def place_call(
    request: Request, tenant_id: str, body: CallIn, idempotency_key: IdempotencyKey = None
) -> Response:
    def build(currency: str) -> Command:
        charge = None if body.charge is None else _money(body.charge, currency, "charge")
        return PlaceCall(
            body.user_id,
            body.kind,
            body.destination,
            body.number_type,
            body.duration_seconds,
            charge=charge,
        )

    def shape(_info: TenantInfo, decision: Decision) -> dict[str, Any]:
        rated = next((e for e in decision.events if e.name == "call_rated"), None)
        return {"call": encode(rated) if rated else None}

    return run_command(
        request,
        tenant_id,
        build,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
        shape=shape,
    )


@router.post("/{tenant_id}/clock", summary="Advance the simulated clock", responses=ERRORS)
def advance_clock(
    request: Request, tenant_id: str, body: ClockIn, idempotency_key: IdempotencyKey = None
) -> Response:
    def build(_currency: str) -> Command:
        if body.to is not None:
            to = body.to if body.to.tzinfo else body.to.replace(tzinfo=UTC)
            return AdvanceClock(to=to.astimezone(UTC))
        if body.months is not None:
            return AdvanceClock(months=body.months)
        return AdvanceClock(by=timedelta(days=body.days or 0, hours=body.hours or 0))

    return run_command(
        request,
        tenant_id,
        build,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.post("/{tenant_id}/nce", summary="Switch to NCE post-usage billing", responses=ERRORS)
def switch_to_nce(
    request: Request, tenant_id: str, idempotency_key: IdempotencyKey = None
) -> Response:
    return run_command(
        request, tenant_id, lambda _c: SwitchToNce(), idempotency_key=idempotency_key
    )


@router.post(
    "/{tenant_id}/adjustments", status_code=201, summary="Manual correction", responses=ERRORS
)
def adjust(
    request: Request, tenant_id: str, body: AdjustmentIn, idempotency_key: IdempotencyKey = None
) -> Response:
    return run_command(
        request,
        tenant_id,
        lambda currency: Adjustment(_money(body.amount, currency, "amount"), reason=body.reason),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


LedgerType = Literal[
    "purchase", "auto_recharge", "usage", "expiry", "recharge_failed", "adjustment", "overage"
]


@router.get(
    "/{tenant_id}/ledger", summary="Ledger entries, oldest first, paginated", responses=ERRORS
)
def ledger(
    request: Request,
    tenant_id: str,
    type: Annotated[list[LedgerType] | None, Query(description="Only these entry types")] = None,
    since: Annotated[datetime | None, Query(description="Simulated time, inclusive")] = None,
    until: Annotated[datetime | None, Query(description="Simulated time, exclusive")] = None,
    after: Annotated[int, Query(ge=0, description="Cursor: the last seq already seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    lang = _lang(request)
    tenant_for(request, tenant_id, lang)
    store = request.app.state.tenants
    info, _state = store.load(tenant_id)
    rows = store.ledger(
        tenant_id, types=type, since=since, until=until, after_seq=after, limit=limit + 1
    )
    more = len(rows) > limit
    rows = rows[:limit]

    def fmt(minor: int | None) -> str | None:
        return None if minor is None else Money(int(minor), info.currency).format()

    return {
        "entries": [
            {
                "seq": r.seq,
                "at": when(r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC)),
                "type": r.type,
                "amount": fmt(r.amount_minor),
                "balance_after": fmt(r.balance_after_minor),
                "lot_id": r.lot_id,
                "call_id": r.call_id,
                "detail": r.detail,
                "invoiced": fmt(r.invoiced_minor),
            }
            for r in rows
        ],
        "next_after": rows[-1].seq if more and rows else None,
    }


@router.get("/{tenant_id}/notifications", summary="The notification outbox", responses=ERRORS)
def outbox(request: Request, tenant_id: str) -> dict[str, Any]:
    lang = _lang(request)
    tenant_for(request, tenant_id, lang)
    rows = request.app.state.tenants.notifications(tenant_id)
    return {
        "notifications": [
            {
                "id": r.id,
                "kind": r.kind,
                "at": when(r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC)),
                "subject": r.subject,
                "body": r.body,
                "sent": r.sent_at is not None,
                "last_error": r.last_error,
            }
            for r in rows
        ]
    }


# One list of the admin center's columns, shared with the reader of the export.
USAGE_COLUMNS = list(COLUMNS)
CALL_TYPES = {
    "toll_free_dial_in": "conf_in",
    "conference_dial_out": "conf_out",
    "user_outbound_domestic": "user_out",
    "user_outbound_international": "user_out",
    "payg_outbound": "user_out",
}
NUMBER_TYPES = {"geographic": "user_geographic", "mobile": "user_mobile", "toll_free": "toll_free"}


def _usage_rows(info: TenantInfo, rows: Any, users: dict[str, str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(USAGE_COLUMNS)
    for number, row in enumerate(rows, start=1):
        if row.refused:
            continue
        started = row.started_at if row.started_at.tzinfo else row.started_at.replace(tzinfo=UTC)
        ended = started + timedelta(seconds=int(row.duration_seconds))
        domestic = row.destination == users.get(row.user_id, info.country)
        writer.writerow(
            [
                f"{info.id}-{number}",
                row.call_id,
                row.call_id if row.kind.startswith("conf") else "",
                users.get(row.user_id, info.country),
                "",
                row.user_id,
                row.user_id.split("@")[0],
                "",
                CALL_TYPES.get(row.kind, row.kind),
                NUMBER_TYPES.get(row.number_type, row.number_type),
                "Domestic" if domestic else "International",
                row.destination,
                "",
                started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                ended.strftime("%Y-%m-%dT%H:%M:%SZ"),
                int(row.duration_seconds),
                Money(int(row.connection_fee_minor), info.currency).format(),
                Money(int(row.charge_minor), info.currency).format(),
                info.currency,
                # Credit-funded minutes carry the PSTN pay-per-minute capability; calls
                # covered entirely by plan minutes carry the calling plan's.
                "MCOPSTNPP" if int(row.credit_minutes) > 0 else "MCOPSTN1",
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


@router.get(
    "/{tenant_id}/usage.csv",
    summary="Usage export with the columns of the Teams admin center PSTN usage report",
    responses={200: {"content": {"text/csv": {}}}, **ERRORS},
)
def usage_export(request: Request, tenant_id: str) -> Response:
    lang = _lang(request)
    tenant_for(request, tenant_id, lang)
    store = request.app.state.tenants
    info, state = store.load(tenant_id)
    users = {user.id: user.country for user in state.users}
    return StreamingResponse(
        _usage_rows(info, store.calls(tenant_id), users),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="PSTN.calls.{info.id}.csv"'},
    )
