"""``/api/v1/simulations``: replay a usage export against a configuration; ``/simulate``: the page.

An upload is streamed to a temporary file while its size is counted, so a file over
``simulation_max_bytes`` is answered 413 without being held in memory, and the replay (which
may read the file more than once) runs on the file in a worker thread. A tenant can instead
replay its own simulated usage: its calls are written as the same CSV the usage export
serves (``GET .../usage.csv``) and read back by the same reader, so both agree to the cent.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from helpsvc.api import form_token
from helpsvc.api.deps import Lang, ServicesDep, TemplatesDep, authenticated_tenant, bearer
from helpsvc.api.negotiation import home_url
from helpsvc.api.problems import MEDIA_TYPE, ProblemError
from helpsvc.api.simulate_form import (
    LABELS,
    FormState,
    machine_fields,
    place_failure,
    summary,
    typed_values,
)
from helpsvc.content.locales import content_language
from helpsvc.i18n.formats import example_amount, format_fraction
from helpsvc.i18n.site_messages import catalog as site_catalog
from helpsvc.services.container import Services
from helpsvc.usage.options import (
    DEFAULT_RECHARGE_DELAY_DAYS,
    OptionError,
    parse_amount,
    parse_card_month,
    parse_recharge_cap,
    parse_recharge_delay,
    parse_start,
)
from helpsvc.usage.presentation.failures import (
    SIMULATION_ERRORS,
    SimulationError,
    describe_failure,
)
from helpsvc.usage.presentation.messages import catalog, t
from helpsvc.usage.presentation.report import render_fragment, stylesheet
from helpsvc.usage.presentation.summary import simulation_dict
from helpsvc.usage.simulate import Simulation, SimulationOptions
from helpsvc.walkthroughs import messages as walk_messages

router = APIRouter(tags=["simulations"])


@cache
def _report_css() -> str:
    # Read once, on the first page that shows a report (not at import).
    return stylesheet()


_CHUNK = 1 << 16
# Bytes of the multipart form around the file (boundaries, the other fields).
FORM_OVERHEAD = 64 * 1024

EXAMPLE_RESULT = {
    "source": "PSTN.calls.20260105.csv",
    "currency": "USD",
    "rows": 4868,
    "credit_funded_rows": 386,
    "defaulted": ["funds", "trigger", "recharge"],
    "bad_row_count": 1,
    "bad_rows": [
        {
            "file": "PSTN.calls.20260105.csv",
            "row": 17,
            "code": "bad_time",
            "params": {"column": "Start Time", "value": "yesterday"},
            "message": "Start Time “yesterday” is not an ISO 8601 time (e.g. 2026-01-05T09:30:00Z)",
        }
    ],
    "replay": {
        "config": {"funds": "161.00", "trigger": "39.00", "recharge": "135.00"},
        "spent": "161.36",
        "recharge_count": 1,
        "refused_count": 0,
        "final_balance": "134.64",
        "average_held": "73.88",
    },
    "advice": {
        "recommended": {"trigger": "15.00", "recharge": "40.00", "refuses_calls": False},
        "rule_of_thumb": {"funds": "161.00", "trigger": "39.00", "recharge": "135.00"},
    },
}
REQUEST_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "Calling Plans CSV of the PSTN usage report, or the "
                        "admin center's Calls.Export.<id>.zip",
                    },
                    "funds": {"type": "string", "description": "Starting funds; empty: rule"},
                    "trigger": {"type": "string", "description": "Trigger amount"},
                    "recharge": {"type": "string", "description": "Recharge amount"},
                    "card_expires": {"type": "string", "description": "YYYY-MM"},
                    "start": {"type": "string", "description": "YYYY-MM-DD (UTC)"},
                    "nce": {"type": "boolean"},
                    "advise": {"type": "boolean"},
                    "strict": {"type": "boolean"},
                    "no_auto_recharge": {"type": "boolean"},
                    "max_recharges": {"type": "number"},
                    "recharge_delay_days": {
                        "type": "number",
                        "description": "With advise: days a recharge may take to arrive "
                        "(default 1; 0 = instant). No trigger below the busiest spend within "
                        "that many days is tried.",
                    },
                },
            },
            "example": {"funds": "200", "trigger": "50", "recharge": "150", "advise": "true"},
        },
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["tenant_id"],
                "properties": {
                    "tenant_id": {"type": "string"},
                    "funds": {"type": "string"},
                    "trigger": {"type": "string"},
                    "recharge": {"type": "string"},
                    "no_auto_recharge": {"type": "boolean"},
                    "advise": {"type": "boolean"},
                    "recharge_delay_days": {"type": "number"},
                },
            },
            "example": {"tenant_id": "9f2c4e1ab0d34c55", "funds": "50.00", "advise": True},
        },
    },
}
PROBLEMS = {
    401: {"description": "Tenant replay without a valid API key", "content": {MEDIA_TYPE: {}}},
    404: {"description": "Tenant replay of a tenant the key does not belong to"},
    413: {
        "description": "Upload larger than the service accepts",
        "content": {
            MEDIA_TYPE: {
                "example": {
                    "type": "/api/v1/problems/upload_too_large",
                    "title": "Upload too large",
                    "status": 413,
                    "code": "upload_too_large",
                    "limit_bytes": 52428800,
                }
            }
        },
    },
    422: {
        "description": "Not a PSTN usage export, a bad row under strict, or bad settings",
        "content": {
            MEDIA_TYPE: {
                "example": {
                    "type": "/api/v1/problems/direct_routing",
                    "title": "Not a PSTN usage report",
                    "status": 422,
                    "code": "direct_routing",
                    "detail": "DirectRouting.calls.20260105.csv is the Direct Routing file of "
                    "the export. Direct Routing calls ... never draw on Communications Credits.",
                }
            }
        },
    },
}


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def _too_large(lang: str, limit: int) -> ProblemError:
    return ProblemError(
        413,
        t("problem.too_large.title", lang),
        t("problem.too_large", lang, limit=_size(limit)),
        code="upload_too_large",
        limit_bytes=limit,
    )


async def _receive_upload(
    request: Request, limit: int, lang: str
) -> tuple[Path | None, str, dict[str, str]]:
    """Stream the multipart body to a temporary file, counting bytes; the file's path, its
    name and the other form fields."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "multipart/form-data":
        # The form parser needs the boundary of the Content-Type; without one it would fail.
        raise ProblemError(
            415, "Unsupported media type", t("problem.no_file", lang), code="unsupported_media_type"
        )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
        raise _too_large(lang, limit)
    received = 0

    async def counted() -> Any:
        nonlocal received
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit + FORM_OVERHEAD:
                raise _too_large(lang, limit)
            yield chunk

    parser = MultiPartParser(request.headers, counted(), max_part_size=64 * 1024)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise ProblemError(400, "Bad multipart body", str(error), code="bad_multipart") from None
    fields: dict[str, str] = {}
    path: Path | None = None
    name = "upload.csv"
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key != "file" or path is not None:
                    continue
                name = Path(value.filename or name).name or name
                handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the caller
                    prefix="helpsvc-upload-", suffix=Path(name).suffix, delete=False
                )
                with handle:
                    size = 0
                    while chunk := await value.read(_CHUNK):
                        size += len(chunk)
                        if size > limit:
                            handle.close()
                            Path(handle.name).unlink(missing_ok=True)
                            raise _too_large(lang, limit)
                        handle.write(chunk)
                path = Path(handle.name)
            else:
                fields[key] = str(value)
    finally:
        await form.close()
    return path, name, fields


def _flag(value: str | bool | None) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "true", "on", "yes")


def _parse_options(fields: dict[str, Any]) -> SimulationOptions:
    """The settings in the machine format; an ``OptionError`` names the first bad one."""

    def text(name: str) -> str | None:
        value = fields.get(name)
        value = None if value is None else str(value).strip()
        return value or None

    return SimulationOptions(
        funds=parse_amount("funds", text("funds")),
        trigger=parse_amount("trigger", text("trigger")),
        recharge=parse_amount("recharge", text("recharge")),
        auto_recharge=not _flag(fields.get("no_auto_recharge")),
        card_expires=parse_card_month(text("card_expires")),
        nce=_flag(fields.get("nce")),
        start=parse_start(text("start")),
        advise=_flag(fields.get("advise")),
        strict=_flag(fields.get("strict")),
        max_recharges_per_month=parse_recharge_cap(text("max_recharges")),
        recharge_delay_days=parse_recharge_delay(text("recharge_delay_days")),
    )


def _options(fields: dict[str, Any], lang: str) -> SimulationOptions:
    try:
        return _parse_options(fields)
    except OptionError as error:
        raise _problem(error, lang) from None


def _run(replay: Callable[[], Simulation], lang: str) -> Simulation:
    """Run the replay; the errors users can fix become 422 problems in ``lang``."""
    try:
        return replay()
    except SIMULATION_ERRORS as error:
        raise _problem(error, lang) from None


def _problem(error: SimulationError, lang: str) -> ProblemError:
    """A 422 problem with the code, and the file, row or option when known."""
    failure = describe_failure(error, lang, cli=False)
    if failure.row is not None and failure.code.startswith("row_"):
        title = "problem.bad_row.title"
    elif failure.option is not None or failure.file is None:
        title = "problem.config.title"
    else:
        title = "problem.not_export.title"
    known = {"file": failure.file, "row": failure.row, "option": failure.option}
    extra = {key: value for key, value in known.items() if value is not None}
    if failure.value is not None:
        extra["value"] = failure.value
    return ProblemError(422, t(title, lang), failure.message, code=failure.code, **extra)


async def _simulate_upload(request: Request, services: Services, lang: str) -> Simulation:
    limit = services.settings.simulation_max_bytes
    path, name, fields = await _receive_upload(request, limit, lang)
    if path is None:
        raise ProblemError(
            422, t("problem.not_export.title", lang), t("problem.no_file", lang), code="no_file"
        )
    options = _options(fields, lang)
    try:
        replay = partial(services.simulations.replay_file, path, name, options)
        return await run_in_threadpool(_run, replay, lang)
    finally:
        path.unlink(missing_ok=True)


@router.post(
    "/api/v1/simulations",
    summary="Replay a PSTN usage export (upload) or a tenant's own usage against a configuration",
    openapi_extra={"requestBody": REQUEST_BODY},
    responses={
        200: {
            "description": "The replay",
            "content": {"application/json": {"example": EXAMPLE_RESULT}},
        },
        **PROBLEMS,
    },
)
async def create_simulation(request: Request, services: ServicesDep, lang: Lang) -> Response:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = json.loads(await request.body() or b"{}")
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python goes
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("tenant_id"), str):
            raise ProblemError(
                422, t("problem.not_export.title", lang), t("problem.no_file", lang), code="no_file"
            )
        tenant_id = body["tenant_id"]
        await run_in_threadpool(
            authenticated_tenant, tenant_id, services, lang, await bearer(request), request
        )
        options = _options(body, lang)
        replay = partial(services.simulations.replay_tenant, tenant_id, options)
        sim = await run_in_threadpool(_run, replay, lang)
    elif kind == "multipart/form-data":
        sim = await _simulate_upload(request, services, lang)
    else:
        raise ProblemError(
            415, "Unsupported media type", t("problem.no_file", lang), code="unsupported_media_type"
        )
    return JSONResponse(simulation_dict(sim, lang))


# -- the page ---------------------------------------------------------------------------
# The form reads numbers in the page's language (``simulate_form``) and answers a mistake
# with the form again: values kept, a GOV.UK error summary on top (focused by
# ``autofocus``), each message at its field. The report's stylesheet is a file of its own,
# so the page needs no inline style.

CSRF_COOKIE = "helpsvc_simulate_csrf"
PAGE_PATH = "/simulate"


def _labels(messages: dict[str, str], file_label: str) -> dict[str, str]:
    labels = {name: messages[key] for name, key in LABELS.items()}
    labels["file"] = file_label
    return labels


def _page(
    request: Request,
    services: Services,
    templates: Jinja2Templates,
    lang: str,
    *,
    report: str = "",
    state: FormState | None = None,
    status: int = 200,
) -> HTMLResponse:
    settings = services.settings
    messages = {**site_catalog(lang), **catalog(lang)}
    guide = "/guides/estimate-funding/#replay"
    if lang != settings.default_lang:
        guide = f"/{lang}{guide}"
    state = state or FormState(values={"advise": "true"})
    file_label = t("page.file", lang, limit=_size(settings.simulation_max_bytes))
    token = form_token.current(request, CSRF_COOKIE)
    response = templates.TemplateResponse(
        request,
        "simulate.html",
        {
            "msg": messages,
            "lang": lang,
            "html_lang": content_language(lang),
            "home_url": home_url(lang, settings.default_lang),
            "file_label": file_label,
            "report": report,
            "state": state,
            "summary": summary(state, _labels(messages, file_label), lang),
            "errors_title": walk_messages.text("errors.title", lang),
            "amount_hint": t("page.amount_hint", lang, example=example_amount(lang)),
            "delay_hint": t(
                "page.delay_hint", lang, days=format_fraction(DEFAULT_RECHARGE_DELAY_DAYS, lang)
            ),
            "csrf": token,
            "guide_url": guide,
        },
        status_code=status,
        headers={
            "Content-Language": content_language(lang),
            "Vary": "Accept-Language",
            "Cache-Control": "no-store",
        },
    )
    form_token.keep(response, request, CSRF_COOKIE, token, PAGE_PATH)
    return response


@router.get(
    "/simulate",
    summary="Page to upload a PSTN usage export and see the replay",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {"example": "<!doctype html>…<form …>"}}}},
)
def simulate_page(
    request: Request, services: ServicesDep, templates: TemplatesDep, lang: Lang
) -> HTMLResponse:
    return _page(request, services, templates, lang)


@router.get("/simulate/report.css", include_in_schema=False)
def report_stylesheet() -> Response:
    return Response(
        _report_css(),
        media_type="text/css",
        headers={"Cache-Control": "public, max-age=3600"},
    )


async def _replay_form(
    request: Request, services: Services, lang: str
) -> tuple[Simulation | None, FormState, int]:
    """The posted form replayed: the simulation, or the form's state with its problems."""
    limit = services.settings.simulation_max_bytes
    try:
        path, name, fields = await _receive_upload(request, limit, lang)
    except ProblemError as problem:
        # Too large: the body was not read, so there are no values to keep.
        state = FormState(errors={"file": problem.detail or problem.title})
        return None, state, problem.status
    state = FormState(values=typed_values(fields))
    try:
        if not form_token.matches(request, CSRF_COOKIE, fields.get(form_token.FIELD)):
            state.form_error = t("page.csrf", lang)
            return None, state, 403
        machine = machine_fields(state, lang)
        if path is None:
            state.errors["file"] = t("page.no_file", lang)
        if state.failed:
            return None, state, 422
        try:
            options = _parse_options(machine)
            replay = partial(services.simulations.replay_file, path, name, options)
            return await run_in_threadpool(replay), state, 200
        except SIMULATION_ERRORS as error:
            place_failure(state, error, lang)
            return None, state, 422
    finally:
        if path is not None:
            path.unlink(missing_ok=True)


@router.post(
    "/simulate",
    summary="The replay of an uploaded export as a page (form post of /simulate)",
    response_class=HTMLResponse,
    openapi_extra={
        "requestBody": {
            "content": {"multipart/form-data": REQUEST_BODY["content"]["multipart/form-data"]}
        }
    },
    responses={
        200: {"content": {"text/html": {"example": "<!doctype html>…<svg …>"}}},
        403: {
            "description": "The form's token does not match its cookie: the form again, "
            "values kept, nothing replayed",
            "content": {"text/html": {}},
        },
        413: {"description": "Upload too large: the form again", "content": {"text/html": {}}},
        422: {
            "description": "The form again with the values kept, an error summary and each "
            "problem at its field",
            "content": {"text/html": {}},
        },
    },
)
async def simulate_result(
    request: Request, services: ServicesDep, templates: TemplatesDep, lang: Lang
) -> HTMLResponse:
    sim, state, status = await _replay_form(request, services, lang)
    if sim is None:
        return _page(request, services, templates, lang, state=state, status=status)
    report = await run_in_threadpool(render_fragment, sim, lang)
    return _page(request, services, templates, lang, report=report)


__all__ = ["router"]
