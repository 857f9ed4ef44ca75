"""Server-rendered pages: the walkthroughs, signing in, the sandbox and the dashboard.

A browser signs in once (API key, or a sandbox from a "try it" link) and then carries an
HttpOnly, SameSite=Lax session cookie; every form carries the session's CSRF token, and a
walkthrough form also the step token of the move it was shown for, so a form sent twice
changes nothing. Pages load nothing but their own stylesheet and set a
Content-Security-Policy that says so; focus moves to an error summary with ``autofocus``
rather than with a script.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from helpsvc.api.deps import Lang, ServicesDep
from helpsvc.api.negotiation import home_url
from helpsvc.api.sessions import SESSION_COOKIE, clear_session, set_session
from helpsvc.api.state import get_services, get_templates
from helpsvc.content.locales import content_language
from helpsvc.credits import CommerceModel, DomainError
from helpsvc.i18n.console_messages import console_catalog, ct
from helpsvc.i18n.formats import format_datetime, format_money
from helpsvc.i18n.site_messages import catalog, t
from helpsvc.services.errors import UnknownFlow, UnknownSession
from helpsvc.services.sign_ins import SignIn
from helpsvc.services.tenants import NewTenant
from helpsvc.walkthroughs import messages as walk_messages
from helpsvc.walkthroughs.checks import CONFIRM_FIELD, confirm_message
from helpsvc.walkthroughs.memory import typed_values
from helpsvc.walkthroughs.sandbox import PERIODS, SAMPLE_CALLS, sample_call
from helpsvc.web.dashboard_view import dashboard_page, money

router = APIRouter(include_in_schema=False)

SIGNIN_CSRF_COOKIE = "helpsvc_signin_csrf"
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
# A sandbox looks like an organization of the reader's language.
SANDBOX = {"en": ("US", "USD"), "de": ("DE", "EUR"), "zh": ("CN", "CNY")}
WALK_KEYS = {
    "walk.done": "status.done",
    "walk.cancelled": "status.cancelled",
    "walk.already_done": "already_done",
    "walk.read_guide": "read_guide",
    "walk.next": "button.next",
    "walk.back": "button.back",
    "walk.cancel": "button.cancel",
    "walk.no_users": "no_users",
    "walk.errors": "errors.title",
    "walk.changed": "result.changed",
    "walk.nothing": "result.nothing",
    "walk.restart": "result.restart",
    "walk.cancelled_title": "cancelled.title",
    "walk.confirm_title": "confirm.title",
    "walk.confirm_change": "confirm.change",
    "walk.stale": "stale",
}


def _messages(lang: str) -> dict[str, str]:
    msg = catalog(lang)
    msg.update(console_catalog(lang))
    msg.update({key: walk_messages.text(source, lang) for key, source in WALK_KEYS.items()})
    return msg


def _page(
    request: Request, template: str, lang: str, status: int = 200, **context: Any
) -> Response:
    services = get_services(request)
    response = get_templates(request).TemplateResponse(
        request,
        template,
        {
            "msg": _messages(lang),
            "html_lang": content_language(lang),
            "lang": lang,
            "home_url": home_url(lang, services.settings.default_lang),
            "tenant_id": None,
            **context,
        },
        status_code=status,
    )
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Content-Language"] = content_language(lang)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _signed_in(request: Request, services: ServicesDep) -> SignIn | None:
    return services.sign_ins.signed_in(request.cookies.get(SESSION_COOKIE))


def _path(request: Request, name: str, lang: str, **params: str) -> str:
    """This site's path of a named route, in the reader's language."""
    return f"{request.app.url_path_for(name, **params)}?lang={lang}"


def _safe_next(target: str | None) -> str:
    # Only paths on this site: never "//host" or "/\\host".
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def _flow_titles(services: ServicesDep, lang: str) -> dict[str, str]:
    index = services.content.current.index
    titles = {}
    for flow_id, flow in services.walkthroughs.flows.items():
        page = index.page(flow.guide, lang) or index.page(flow.guide, index.default_lang)
        titles[flow_id] = page.title if page else flow_id
    return titles


def _not_found(request: Request, services: ServicesDep, lang: str, flow: str) -> Response:
    """An unknown walkthrough: a page that says so and lists the ones there are."""
    return _page(
        request,
        "not_found.html",
        lang,
        404,
        title=ct("missing.flow.title", lang),
        detail=ct("missing.flow", lang, flow=flow),
        flows=_flow_titles(services, lang),
    )


def _signin_form(request: Request, lang: str, flow: str | None, next_url: str) -> Response:
    csrf = secrets.token_urlsafe(24)
    response = _page(
        request, "signin.html", lang, flow=flow, next_url=next_url, csrf=csrf, error=None
    )
    response.set_cookie(SIGNIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/signin")
    return response


def _forbidden(request: Request, lang: str) -> Response:
    return _page(
        request,
        "signin.html",
        lang,
        403,
        flow=None,
        next_url="/",
        csrf="",
        error=t("signin.csrf", lang),
    )


@router.get("/signin")
def signin_page(
    request: Request, lang: Lang, flow: str | None = None, next: str | None = None
) -> Response:
    return _signin_form(request, lang, flow, _safe_next(next))


@router.post("/signin")
async def signin(request: Request, services: ServicesDep, lang: Lang) -> Response:
    form = await request.form()
    expected = request.cookies.get(SIGNIN_CSRF_COOKIE, "")
    given = str(form.get("csrf", ""))
    if not expected or not hmac.compare_digest(expected, given):
        return _page(
            request,
            "signin.html",
            lang,
            403,
            flow=None,
            next_url="/",
            csrf=expected,
            error=t("signin.csrf", lang),
        )
    tenant_id = services.tenants.authenticate(str(form.get("api_key", "")).strip())
    if tenant_id is None:
        return _page(
            request,
            "signin.html",
            lang,
            401,
            flow=None,
            next_url=_safe_next(str(form.get("next", ""))),
            csrf=expected,
            error=t("signin.invalid", lang),
        )
    token, _csrf = services.sign_ins.sign_in(tenant_id)
    target = _safe_next(str(form.get("next", "")))
    if target == "/":
        target = _path(request, "dashboard", lang, tenant_id=tenant_id)
    response = RedirectResponse(target, status_code=303)
    set_session(response, token, request)
    return response


# -- sandbox ------------------------------------------------------------------------------


def _reusable(services: ServicesDep, signed: SignIn | None, model: str | None) -> bool:
    """The signed-in organization serves a "try it" link unless it asks for another model."""
    if signed is None:
        return False
    if model is None:
        return True
    current = services.tenants.load(signed.tenant_id).state.model
    return (model == "nce") == (current is CommerceModel.NCE)


@router.get("/try/{flow}")
def try_in_sandbox(
    request: Request, services: ServicesDep, lang: Lang, flow: str, model: str | None = None
) -> Response:
    """Open the walkthrough in this browser's sandbox, creating one the first time."""
    try:
        services.walkthroughs.flow(flow)
    except UnknownFlow:
        return _not_found(request, services, lang, flow)
    guide_path = _path(request, "guide", lang, flow=flow)
    signed = _signed_in(request, services)
    if _reusable(services, signed, model):
        return RedirectResponse(guide_path, status_code=303)
    country, currency = SANDBOX.get(lang, SANDBOX["en"])
    sandbox = NewTenant(
        name="Sandbox",
        country=country,
        currency=currency,
        model="nce" if model == "nce" else "prepaid",
        language=lang,
        admin_email=None,
        start=datetime.now(UTC).replace(microsecond=0),
    )
    reply = services.tenants.create(sandbox, present=lambda record, _s, _k: {"id": record.id})
    token, _csrf = services.sign_ins.sign_in(reply.body["id"])
    response = RedirectResponse(guide_path, status_code=303)
    set_session(response, token, request)
    return response


def _sandbox_note(services: ServicesDep, tenant_id: str, lang: str, done: str | None) -> str:
    state = services.tenants.load(tenant_id).state
    if done == "clock":
        return ct("sandbox.done.clock", lang, now=format_datetime(state.now, lang))
    if done == "no_caller":
        return ct("sandbox.no_caller", lang)
    if done and done.startswith("calls-"):
        placed, _, refused = done.removeprefix("calls-").partition("-")
        balance = format_money(state.balance.to_decimal(), state.currency, lang)
        return ct("sandbox.done.calls", lang, placed=placed, refused=refused, balance=balance)
    return ""


@router.get("/sandbox")
def sandbox_page(
    request: Request, services: ServicesDep, lang: Lang, done: str | None = None
) -> Response:
    signed = _signed_in(request, services)
    if signed is None:
        return _signin_form(request, lang, "set-up", _path(request, "sandbox_page", lang))
    board = services.queries.dashboard(signed.tenant_id)
    view = dashboard_page(board, lang, _flow_titles(services, lang))
    return _page(
        request,
        "sandbox.html",
        lang,
        tenant_id=signed.tenant_id,
        csrf=signed.csrf,
        board=view,
        note=_sandbox_note(services, signed.tenant_id, lang, done),
        flows=_flow_titles(services, lang),
    )


def _present_status(_record: Any, outcome: Any) -> tuple[int, dict[str, Any]]:
    refused = isinstance(outcome, DomainError) or outcome.refusal() is not None
    return (409 if refused else 200), {}


async def _sandbox_form(request: Request, services: ServicesDep) -> tuple[SignIn | None, Any]:
    form = await request.form()
    signed = _signed_in(request, services)
    if signed is None or not hmac.compare_digest(signed.csrf, str(form.get("csrf", ""))):
        return None, form
    return signed, form


@router.post("/sandbox/clock")
async def sandbox_clock(request: Request, services: ServicesDep, lang: Lang) -> Response:
    signed, form = await _sandbox_form(request, services)
    if signed is None:
        return _forbidden(request, lang)
    command = PERIODS.get(str(form.get("period", "")), PERIODS["day"])
    services.tenants.execute(signed.tenant_id, lambda _state: command, present=_present_status)
    return RedirectResponse(_path(request, "sandbox_page", lang) + "&done=clock", status_code=303)


@router.post("/sandbox/calls")
async def sandbox_calls(request: Request, services: ServicesDep, lang: Lang) -> Response:
    signed, _form = await _sandbox_form(request, services)
    if signed is None:
        return _forbidden(request, lang)
    placed = refused = 0
    for _ in range(SAMPLE_CALLS):
        state = services.tenants.load(signed.tenant_id).state
        call = sample_call(state)
        if call is None:
            target = _path(request, "sandbox_page", lang) + "&done=no_caller"
            return RedirectResponse(target, status_code=303)
        reply = services.tenants.execute(
            signed.tenant_id, lambda _state, c=call: c, present=_present_status
        )
        placed, refused = placed + (reply.status < 400), refused + (reply.status >= 400)
    done = f"&done=calls-{placed}-{refused}"
    return RedirectResponse(_path(request, "sandbox_page", lang) + done, status_code=303)


@router.post("/signout")
async def sign_out(request: Request, services: ServicesDep, lang: Lang) -> Response:
    signed, _form = await _sandbox_form(request, services)
    if signed is None:
        return _forbidden(request, lang)
    services.sign_ins.sign_out(request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse(_path(request, "signin_page", lang), status_code=303)
    clear_session(response, request)
    return response


# -- walkthroughs -------------------------------------------------------------------------


def _confirm_view(amount: Any, values: dict[str, Any], lang: str) -> dict[str, Any]:
    shown = money(amount, lang)
    return {
        "message": confirm_message(amount, lang),
        "button": walk_messages.text("confirm.yes", lang, amount=shown),
        "field": CONFIRM_FIELD,
        "value": amount.format(),
        "hidden": [(k, v) for k, v in typed_values(values).items() if isinstance(v, str)],
    }


def _guide_page(
    request: Request,
    lang: str,
    signed: SignIn,
    session: Any,
    status: int = 200,
    **shown: Any,
) -> Response:
    """A walkthrough session as a page; ``shown`` may carry errors, values, confirm, sent."""
    services = get_services(request)
    view = services.walkthroughs.page(session, services.content.current.index)
    skipped = ", ".join(s["title"] for s in view["skipped"])
    errors = shown.get("errors") or {}
    return _page(
        request,
        "guide.html",
        lang,
        status,
        view=view,
        tenant_id=signed.tenant_id,
        csrf=signed.csrf,
        errors=errors,
        values=shown.get("values") or view["values"],
        form_error=shown.get("form_error"),
        confirm=shown.get("confirm"),
        sent=shown.get("sent", False),
        has_errors=bool(errors or shown.get("form_error")),
        skipped_text=walk_messages.text("skipped", lang, steps=skipped) if skipped else "",
    )


@router.get("/guide/{flow}")
def guide(
    request: Request, services: ServicesDep, lang: Lang, flow: str, sent: int = 0
) -> Response:
    signed = _signed_in(request, services)
    if signed is None:
        return _signin_form(request, lang, flow, _path(request, "guide", lang, flow=flow))
    try:
        session = services.walkthroughs.open(signed.tenant_id, flow, lang)
    except UnknownFlow:
        return _not_found(request, services, lang, flow)
    return _guide_page(request, lang, signed, session, sent=bool(sent))


def _form_values(form: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in form:
        items = form.getlist(key)
        values[key] = items if len(items) > 1 or key == "users" else items[0]
    return values


def _step(request: Request, signed: SignIn, lang: str, values: dict[str, Any]) -> Response | None:
    """Run the posted action; a page to show, or None to redirect to the walkthrough."""
    service = get_services(request).walkthroughs
    tenant_id, session_id = signed.tenant_id, str(values.get("session_id", ""))
    # Every form the pages render carries a step token; a hand-made POST without one is
    # still guarded by the CSRF token and by the step's idempotency key.
    token = str(values.get("step_token", "")) or None
    action = values.get("action", "next")
    if action == "back":
        service.back(tenant_id, session_id, draft=values, token=token)
    elif action == "cancel":
        service.cancel(tenant_id, session_id, token=token)
    elif action == "edit":
        session = service.current(tenant_id, session_id)
        return _guide_page(request, lang, signed, session, values=values)
    else:
        outcome = service.submit(tenant_id, session_id, values, token=token)
        if outcome.stale:
            return _sent(request, lang, values)
        if outcome.confirm is not None:
            confirm = _confirm_view(outcome.confirm, values, lang)
            return _guide_page(request, lang, signed, outcome.session, confirm=confirm)
        if outcome.errors or outcome.form_error:
            return _guide_page(
                request,
                lang,
                signed,
                outcome.session,
                422,
                errors=outcome.errors,
                values=outcome.typed,
                form_error=outcome.form_error,
            )
    return None


def _sent(request: Request, lang: str, values: dict[str, Any]) -> Response:
    flow = str(values.get("flow", ""))
    target = _path(request, "guide", lang, flow=flow) + "&sent=1"
    return RedirectResponse(target, status_code=303)


@router.post("/guide/{flow}")
async def guide_submit(request: Request, services: ServicesDep, lang: Lang, flow: str) -> Response:
    signed = _signed_in(request, services)
    form = await request.form()
    here = _path(request, "guide", lang, flow=flow)
    if signed is None:
        return RedirectResponse(here, status_code=303)
    if not hmac.compare_digest(signed.csrf, str(form.get("csrf", ""))):
        return _forbidden(request, lang)
    values = _form_values(form)
    values["flow"] = flow
    try:
        if values.get("action") == "restart":
            services.walkthroughs.restart(signed.tenant_id, flow, lang)
            return RedirectResponse(here, status_code=303)
        shown = _step(request, signed, lang, values)
    except UnknownSession:
        shown = None
    except UnknownFlow:
        return _not_found(request, services, lang, flow)
    return shown or RedirectResponse(here, status_code=303)


# -- dashboard ----------------------------------------------------------------------------


@router.get("/tenants/{tenant_id}")
def dashboard(request: Request, services: ServicesDep, lang: Lang, tenant_id: str) -> Response:
    signed = _signed_in(request, services)
    if signed is None:
        target = quote(_path(request, "dashboard", lang, tenant_id=tenant_id))
        return RedirectResponse(
            f"{request.app.url_path_for('signin_page')}?lang={lang}&next={target}",
            status_code=303,
        )
    if signed.tenant_id != tenant_id:
        return _page(
            request,
            "not_found.html",
            lang,
            404,
            title=ct("missing.tenant.title", lang),
            detail=t("problem.tenant_not_found", lang, tenant_id=tenant_id),
            flows={},
        )
    board = services.queries.dashboard(tenant_id)
    titles = _flow_titles(services, lang)
    return _page(
        request,
        "dashboard.html",
        lang,
        tenant_id=tenant_id,
        board=dashboard_page(board, lang, titles),
        currency=board.tenant.record.currency,
        flows=titles,
    )
