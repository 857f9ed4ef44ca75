"""``/api/v1/tenants``: the credit simulator over HTTP.

Thin: parse the body, let ``TenantService`` run the command (one transaction under the
tenant's lock, idempotent by key), shape the answer. Every tenant route is authenticated at
the router (``authenticated_tenant``). Domain refusals answer 409 with a stable code and a
message in the caller's language; invalid values answer 422; both as RFC 9457 problems.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from helpsvc.api.deps import IdempotencyKey, Lang, ServicesDep, authenticated_tenant
from helpsvc.api.events import events_json, to_json
from helpsvc.api.problems import MEDIA_TYPE, domain_problem
from helpsvc.api.rate_limits import RATE_LIMITED, rate_limit
from helpsvc.api.tenant_models import (
    AdjustmentIn,
    AutoRechargeIn,
    CallIn,
    ClockIn,
    FundsIn,
    LicensesIn,
    PaymentCardIn,
    TenantCreate,
    TimeText,
    UserCreate,
)
from helpsvc.api.tenant_out import (
    CallOut,
    CommandOut,
    CreatedTenantOut,
    LedgerPageOut,
    NotificationsOut,
    TenantOut,
)
from helpsvc.credits import (
    AddFunds,
    AddUser,
    Adjustment,
    AdvanceClock,
    AssignLicenses,
    CallRated,
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
from helpsvc.credits.clock import as_utc
from helpsvc.i18n.site_messages import t
from helpsvc.services.idempotency import Reply, request_hash
from helpsvc.services.tenant_view import money, tenant_view, when
from helpsvc.services.tenants import NewTenant, TenantRecord

# Creating a tenant needs no key; everything under a tenant id needs that tenant's key.
collection = APIRouter(prefix="/api/v1/tenants", tags=["tenants"])
router = APIRouter(
    prefix="/api/v1/tenants/{tenant_id}",
    tags=["tenants"],
    dependencies=[Depends(authenticated_tenant)],
)

ERRORS = {
    400: {"description": "An Idempotency-Key that cannot be one", "content": {MEDIA_TYPE: {}}},
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


def _reply(reply: Reply) -> Response:
    media = MEDIA_TYPE if reply.status >= 400 else "application/json"
    response = JSONResponse(reply.body, status_code=reply.status, media_type=media)
    if reply.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def _money(value: Any, currency: str, field: str) -> Money:
    try:
        return Money.parse(str(value), currency)
    except DomainError as error:
        raise DomainError(error.code, {**error.params, "field": field}) from None


Extra = Callable[[Decision], dict[str, Any]]


def _run(
    request: Request,
    services: ServicesDep,
    lang: str,
    tenant_id: str,
    build: Callable[[TenantState], Command | Sequence[Command]],
    *,
    idempotency_key: str | None,
    body: Any = None,
    success: int = 200,
    extra: Extra | None = None,
) -> Response:
    """Run the command and answer: the tenant after it and the events, or the refusal.

    A refused call is a decision too (it is recorded) but answers as the refusal it is.
    """
    tariff = services.tariff

    def present(
        record: TenantRecord, outcome: Decision | DomainError
    ) -> tuple[int, dict[str, Any]]:
        refusal = outcome if isinstance(outcome, DomainError) else outcome.refusal()
        if refusal is not None:
            status, problem_body = domain_problem(refusal, lang)
            if isinstance(outcome, Decision) and outcome.refused_call is not None:
                problem_body["call_id"] = outcome.refused_call.call_id
            return status, problem_body
        answer = {
            "tenant": tenant_view(record, outcome.state, tariff, lang),
            "events": events_json(outcome),
        }
        if extra is not None:
            answer.update(extra(outcome))
        return success, answer

    reply = services.tenants.execute(
        tenant_id,
        build,
        present=present,
        idempotency_key=idempotency_key,
        digest=request_hash(request.method, request.url.path, body),
    )
    return _reply(reply)


def _licenses(value: LicensesIn) -> Licenses:
    return Licenses(
        audio_conferencing=value.audio_conferencing,
        phone_system=value.phone_system,
        calling_plan=value.calling_plan,
        communications_credits=value.communications_credits,
    )


# -- routes -----------------------------------------------------------------------------


@collection.post(
    "",
    status_code=201,
    summary="Create a simulated tenant; the answer holds its API key, shown once",
    description="The API key is in the first answer only; the service stores a hash of it. "
    "With an `Idempotency-Key`, a retry of the same request from the same client address "
    "within 24 h answers the same tenant with `api_key: null` and `Idempotent-Replayed: "
    "true`, since the key cannot be shown again. Creation keys are scoped by client "
    "address: the same key from another address creates another tenant, and tells nothing "
    "about the first.",
    response_model=CreatedTenantOut,
    responses={400: ERRORS[400], 422: ERRORS[422], **RATE_LIMITED},
    # Anonymous and costly: counted per client address (setting rate_limit_tenant_creation).
    dependencies=[Depends(rate_limit("tenant_creation"))],
)
def create_tenant(
    request: Request,
    services: ServicesDep,
    lang: Lang,
    body: TenantCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    start = as_utc(body.start) if body.start else datetime.now(UTC).replace(microsecond=0)
    spec = NewTenant(
        name=body.name,
        country=body.country,
        currency=body.currency,
        model=body.commerce_model,
        language=body.language,
        admin_email=body.admin_email,
        start=start.astimezone(UTC),
    )

    def present(record: TenantRecord, state: TenantState, api_key: str | None) -> dict[str, Any]:
        return {
            "api_key": api_key,
            "notice": t("tenant.api_key_once" if api_key else "tenant.api_key_withheld", lang),
            "tenant": tenant_view(record, state, services.tariff, lang),
        }

    reply = services.tenants.create(
        spec,
        present=present,
        idempotency_key=idempotency_key,
        # The address the server sees (behind a proxy trusted by uvicorn's
        # --forwarded-allow-ips, the one it forwards): who may replay a creation.
        caller=request.client.host if request.client else "",
        digest=request_hash(request.method, request.url.path, body.model_dump(mode="json")),
    )
    response = _reply(reply)
    response.headers["Location"] = request.app.url_path_for(
        "get_tenant", tenant_id=reply.body["tenant"]["id"]
    )
    return response


@router.get("", summary="The tenant's state", response_model=TenantOut, responses=ERRORS)
def get_tenant(tenant_id: str, services: ServicesDep, lang: Lang) -> dict[str, Any]:
    loaded = services.tenants.load(tenant_id)
    return tenant_view(loaded.record, loaded.state, services.tariff, lang)


@router.post(
    "/users",
    status_code=201,
    summary="Add a user with licenses",
    response_model=CommandOut,
    responses=ERRORS,
)
def add_user(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: UserCreate,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    command = AddUser(body.user_id, country=body.country, licenses=_licenses(body.licenses))
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda _state: command,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


@router.put(
    "/users/{user_id}/licenses",
    summary="Replace a user's licenses",
    response_model=CommandOut,
    responses=ERRORS,
)
def assign_licenses(
    request: Request,
    tenant_id: str,
    user_id: str,
    services: ServicesDep,
    lang: Lang,
    body: LicensesIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    command = AssignLicenses(user_id, _licenses(body))
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda _state: command,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.put(
    "/payment-card", summary="Set the payment card", response_model=CommandOut, responses=ERRORS
)
def set_card(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: PaymentCardIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    command = SetPaymentCard(body.last4, body.exp_month, body.exp_year)
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda _state: command,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.post(
    "/funds",
    status_code=201,
    summary="Add funds (a new lot)",
    response_model=CommandOut,
    responses=ERRORS,
)
def add_funds(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: FundsIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda state: AddFunds(_money(body.amount, state.currency, "amount")),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


@router.put(
    "/auto-recharge", summary="Auto-recharge settings", response_model=CommandOut, responses=ERRORS
)
def configure_auto_recharge(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: AutoRechargeIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def build(state: TenantState) -> Command:
        def amount(value: Any, field: str) -> Money | None:
            return None if value is None else _money(value, state.currency, field)

        return ConfigureAutoRecharge(
            body.enabled,
            amount(body.trigger_amount, "trigger_amount"),
            amount(body.recharge_amount, "recharge_amount"),
        )

    return _run(
        request,
        services,
        lang,
        tenant_id,
        build,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


def _rated_call(decision: Decision) -> dict[str, Any]:
    rated = next((e for e in decision.events if isinstance(e, CallRated)), None)
    return {"call": to_json(rated) if rated else None}


@router.post(
    "/calls", status_code=201, summary="Place a call", response_model=CallOut, responses=ERRORS
)
def place_call(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: CallIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def build(state: TenantState) -> Command:
        charge = None if body.charge is None else _money(body.charge, state.currency, "charge")
        return PlaceCall(
            body.user_id,
            body.kind,
            body.destination,
            body.number_type,
            body.duration_seconds,
            charge=charge,
        )

    return _run(
        request,
        services,
        lang,
        tenant_id,
        build,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
        extra=_rated_call,
    )


def _clock_command(body: ClockIn) -> Command:
    if body.to is not None:
        return AdvanceClock(to=as_utc(body.to).astimezone(UTC))
    if body.months is not None:
        return AdvanceClock(months=body.months)
    return AdvanceClock(by=timedelta(days=body.days or 0, hours=body.hours or 0))


@router.post(
    "/clock", summary="Advance the simulated clock", response_model=CommandOut, responses=ERRORS
)
def advance_clock(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: ClockIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    command = _clock_command(body)
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda _state: command,
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
    )


@router.post(
    "/nce",
    summary="Switch to NCE post-usage billing",
    response_model=CommandOut,
    responses=ERRORS,
)
def switch_to_nce(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda _state: SwitchToNce(),
        idempotency_key=idempotency_key,
    )


@router.post(
    "/adjustments",
    status_code=201,
    summary="Manual correction",
    response_model=CommandOut,
    responses=ERRORS,
)
def adjust(
    request: Request,
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    body: AdjustmentIn,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return _run(
        request,
        services,
        lang,
        tenant_id,
        lambda state: Adjustment(_money(body.amount, state.currency, "amount"), reason=body.reason),
        idempotency_key=idempotency_key,
        body=body.model_dump(mode="json"),
        success=201,
    )


LedgerType = Literal[
    "purchase", "auto_recharge", "usage", "expiry", "recharge_failed", "adjustment", "overage"
]


@router.get(
    "/ledger",
    summary="Ledger entries, oldest first, paginated",
    response_model=LedgerPageOut,
    responses=ERRORS,
)
def ledger(
    tenant_id: str,
    services: ServicesDep,
    type: Annotated[list[LedgerType] | None, Query(description="Only these entry types")] = None,
    since: Annotated[TimeText | None, Query(description="Simulated time, inclusive")] = None,
    until: Annotated[TimeText | None, Query(description="Simulated time, exclusive")] = None,
    # At most the largest 64-bit integer: the databases compare it with a BIGINT column.
    after: Annotated[
        int, Query(ge=0, le=2**63 - 1, description="Cursor: the last seq already seen")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    page = services.queries.ledger_page(
        tenant_id, types=type, since=since, until=until, after=after, limit=limit
    )

    def fmt(minor: int | None) -> str | None:
        return None if minor is None else money(Money(minor, page.currency))

    return {
        "entries": [
            {
                "seq": entry.seq,
                "at": when(entry.at),
                "type": entry.type,
                "amount": fmt(entry.amount_minor),
                "balance_after": fmt(entry.balance_after_minor),
                "lot_id": entry.lot_id,
                "call_id": entry.call_id,
                "detail": entry.detail,
                "invoiced": fmt(entry.invoiced_minor),
            }
            for entry in page.entries
        ],
        "next_after": page.next_after,
    }


@router.get(
    "/notifications",
    summary="The notification outbox",
    response_model=NotificationsOut,
    responses=ERRORS,
)
def outbox(tenant_id: str, services: ServicesDep) -> dict[str, Any]:
    return {
        "notifications": [
            {
                "id": n.id,
                "kind": n.kind,
                "at": when(n.at),
                "subject": n.subject,
                "body": n.body,
                "sent": n.sent_at is not None,
                "last_error": n.last_error,
            }
            for n in services.queries.notifications(tenant_id)
        ]
    }


@router.get(
    "/usage.csv",
    summary="Usage export with the columns of the Teams admin center PSTN usage report",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, **ERRORS},
)
def usage_export(tenant_id: str, services: ServicesDep) -> Response:
    tenant = services.usage.tenant(tenant_id)
    return StreamingResponse(
        services.usage.csv(tenant_id),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="PSTN.calls.{tenant.id}.csv"'},
    )
