"""Server-rendered pages: the walkthroughs, signing in, the sandbox and the dashboard.

A browser signs in once (API key, or a sandbox started from a "try it" page) and then
carries an HttpOnly, SameSite=Lax session cookie; every form carries the session's CSRF
token, and a walkthrough form also the step token of the move it was shown for, so a form
sent twice changes nothing. The two forms shown before sign-in (sign-in, starting a sandbox)
carry a token that must match a SameSite=Strict cookie, so another site cannot send them.
A "try it" link only shows a page: the sandbox is created by the POST of its form, and
creating sandboxes, signing in and wrong keys are rate-limited per client.
Pages load nothing but their own stylesheet (the Content-Security-Policy of
``security_headers`` says so); focus moves to an error summary with ``autofocus`` rather
than with a script.
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
from helpsvc.api.negotiation import home_url, wants_html
from helpsvc.api.rate_limits import (
    Policy,
    client_of,
    count_key_failure,
    limits_of,
    too_many_requests,
)
from helpsvc.api.sessions import SESSION_COOKIE, clear_session, set_form_token, set_session
from helpsvc.api.state import get_services, get_templates
from helpsvc.content.locales import content_language
from helpsvc.content.troubleshooting import notice_help_url
from helpsvc.credits import CommerceModel, DomainError
from helpsvc.i18n.console_messages import console_catalog, ct
from helpsvc.i18n.formats import format_datetime, format_list, format_money
from helpsvc.i18n.site_messages import catalog, t
from helpsvc.services.errors import UnknownFlow, UnknownSession
from helpsvc.services.sign_ins import SignIn
from helpsvc.services.tenants import NewTenant
from helpsvc.walkthroughs import messages as walk_messages
from helpsvc.walkthroughs.checks import CONFIRM_FIELD, confirm_message
from helpsvc.walkthroughs.memory import typed_values
from helpsvc.walkthroughs.sandbox import PERIODS, SAMPLE_CALLS, sample_call
from helpsvc.web.dashboard_view import dashboard_page, money
from helpsvc.web.notices import HelpUrl

router = APIRouter(include_in_schema=False)

SIGNIN_CSRF_COOKIE = "helpsvc_signin_csrf"
TRY_CSRF_COOKIE = "helpsvc_try_csrf"
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
    response.headers["Content-Language"] = content_language(lang)
    response.headers["Cache-Control"] = "no-store"
    return response


def _same(given: str, expected: str) -> bool:
    # Bytes, not str: compare_digest refuses non-ASCII text, and a form may send any.
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _over_limit(request: Request, lang: str, *policies: Policy) -> Response | None:
    """Count the request under ``policies``; a 429 (page or problem) if one is exhausted.

    ``key_failures`` is only checked here: wrong keys are counted where a key fails.
    """
    limits, client = limits_of(request), client_of(request)
    for policy in policies:
        check = limits.wait if policy == "key_failures" else limits.take
        wait = check(policy, client)
        if wait is None:
            continue
        if not wants_html(request):
            raise too_many_requests(wait, lang)
        response = _page(
            request,
            "not_found.html",
            lang,
            429,
            title=t("problem.rate_limited.title", lang),
            detail=t("problem.rate_limited", lang, seconds=wait),
            flows={},
        )
        response.headers["Retry-After"] = str(wait)
        return response
    return None


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


def _help_urls(services: ServicesDep, lang: str) -> HelpUrl:
    index = services.content.current.index
    return lambda code: notice_help_url(index, code, lang)


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
    set_form_token(response, request, SIGNIN_CSRF_COOKIE, csrf, "/signin")
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
    limited = _over_limit(request, lang, "sign_in", "key_failures")
    if limited is not None:
        return limited
    form = await request.form()
    expected = request.cookies.get(SIGNIN_CSRF_COOKIE, "")
    given = str(form.get("csrf", ""))
    if not expected or not _same(given, expected):
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
        count_key_failure(request)
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


def _start_page(
    request: Request, services: ServicesDep, lang: str, flow: str, model: str | None, **shown: Any
) -> Response:
    csrf = request.cookies.get(TRY_CSRF_COOKIE) or secrets.token_urlsafe(24)
    guide_path = _path(request, "guide", lang, flow=flow)
    signin = f"{_path(request, 'signin_page', lang)}&next={quote(guide_path, safe='')}"
    response = _page(
        request,
        "try.html",
        lang,
        shown.pop("status", 200),
        title=t("try.title", lang, guide=_flow_titles(services, lang).get(flow, flow)),
        flow=flow,
        model=model,
        csrf=csrf,
        signin_url=signin,
        replaces=_signed_in(request, services) is not None,
        error=shown.get("error"),
    )
    set_form_token(response, request, TRY_CSRF_COOKIE, csrf, "/try")
    return response


@router.get("/try/{flow}")
def try_in_sandbox(
    request: Request, services: ServicesDep, lang: Lang, flow: str, model: str | None = None
) -> Response:
    """A "try it" link: the walkthrough in this browser's organization, or a page whose
    button starts a sandbox. A plain GET never creates anything (a link on another site
    must not make a tenant or change who the browser is signed in as)."""
    model = "nce" if model == "nce" else None
    try:
        services.walkthroughs.flow(flow)
    except UnknownFlow:
        return _not_found(request, services, lang, flow)
    if _reusable(services, _signed_in(request, services), model):
        return RedirectResponse(_path(request, "guide", lang, flow=flow), status_code=303)
    return _start_page(request, services, lang, flow, model)


@router.post("/try/{flow}")
async def start_sandbox(
    request: Request, services: ServicesDep, lang: Lang, flow: str, model: str | None = None
) -> Response:
    """Create a sandbox organization, sign this browser in to it, open the walkthrough."""
    model = "nce" if model == "nce" else None
    try:
        services.walkthroughs.flow(flow)
    except UnknownFlow:
        return _not_found(request, services, lang, flow)
    form = await request.form()
    expected = request.cookies.get(TRY_CSRF_COOKIE, "")
    if not expected or not _same(str(form.get("csrf", "")), expected):
        error = t("signin.csrf", lang)
        return _start_page(request, services, lang, flow, model, status=403, error=error)
    guide_path = _path(request, "guide", lang, flow=flow)
    if _reusable(services, _signed_in(request, services), model):
        # The form sent twice: the first one made the sandbox already.
        return RedirectResponse(guide_path, status_code=303)
    limited = _over_limit(request, lang, "sandbox")
    if limited is not None:
        return limited
    country, currency = SANDBOX.get(lang, SANDBOX["en"])
    sandbox = NewTenant(
        name="Sandbox",
        country=country,
        currency=currency,
        model=model or "prepaid",
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
    view = dashboard_page(board, lang, _flow_titles(services, lang), _help_urls(services, lang))
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
    if signed is None or not _same(str(form.get("csrf", "")), signed.csrf):
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
    skipped = format_list([s["title"] for s in view["skipped"]], lang)
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
    if not _same(str(form.get("csrf", "")), signed.csrf):
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
        csrf=signed.csrf,
        board=dashboard_page(board, lang, titles, _help_urls(services, lang)),
        currency=board.tenant.record.currency,
        flows=titles,
    )
