"""Server-rendered pages: the walkthroughs, signing in, the sandbox and the dashboard.

A browser signs in once (API key, or a sandbox from a "try it" link) and then carries an
HttpOnly, SameSite=Lax session cookie; every form carries the session's CSRF token. Pages
load nothing but their own stylesheet and set a Content-Security-Policy that says so.
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
from helpsvc.api.sessions import SESSION_COOKIE, set_session
from helpsvc.api.state import get_services, get_templates
from helpsvc.content.locales import content_language
from helpsvc.credits import Money
from helpsvc.i18n.site_messages import catalog, t
from helpsvc.services.errors import UnknownFlow, UnknownSession
from helpsvc.services.sign_ins import SignIn
from helpsvc.services.tenant_view import tenant_view, when
from helpsvc.services.tenants import NewTenant
from helpsvc.walkthroughs import messages as walk_messages
from helpsvc.walkthroughs.runner import ACTIVE, Session
from helpsvc.web.charts import balance_chart

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
}


def _messages(lang: str) -> dict[str, str]:
    msg = catalog(lang)
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


@router.get("/signin")
def signin_page(
    request: Request, lang: Lang, flow: str | None = None, next: str | None = None
) -> Response:
    csrf = secrets.token_urlsafe(24)
    response = _page(
        request, "signin.html", lang, flow=flow, next_url=_safe_next(next), csrf=csrf, error=None
    )
    response.set_cookie(SIGNIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/signin")
    return response


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


@router.get("/try/{flow}")
def try_in_sandbox(
    request: Request, services: ServicesDep, lang: Lang, flow: str, model: str = "prepaid"
) -> Response:
    """Create a sandbox organization, sign this browser in and open the walkthrough."""
    try:
        services.walkthroughs.flow(flow)
    except UnknownFlow:
        return _page(
            request,
            "signin.html",
            lang,
            404,
            flow=None,
            next_url="/",
            csrf="",
            error=t("problem.walkthrough_not_found", lang, session_id=flow),
        )
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
    response = RedirectResponse(_path(request, "guide", lang, flow=flow), status_code=303)
    set_session(response, token, request)
    return response


def _guide_page(
    request: Request,
    flow: str,
    lang: str,
    tenant_id: str,
    csrf: str,
    session: Session,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    form_error: str | None = None,
) -> Response:
    services = get_services(request)
    view = services.walkthroughs.view(session, services.content.current.index)
    skipped = ", ".join(s["title"] for s in view["skipped"])
    return _page(
        request,
        "guide.html",
        lang,
        status,
        view=view,
        tenant_id=tenant_id,
        csrf=csrf,
        errors=errors or {},
        values=values or {},
        form_error=form_error,
        skipped_text=walk_messages.text("skipped", lang, steps=skipped) if skipped else "",
    )


@router.get("/guide/{flow}")
def guide(request: Request, services: ServicesDep, lang: Lang, flow: str) -> Response:
    signed = _signed_in(request, services)
    if signed is None:
        csrf = secrets.token_urlsafe(24)
        response = _page(
            request,
            "signin.html",
            lang,
            flow=flow,
            next_url=_path(request, "guide", lang, flow=flow),
            csrf=csrf,
            error=None,
        )
        response.set_cookie(
            SIGNIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/signin"
        )
        return response
    tenant_id, csrf = signed.tenant_id, signed.csrf
    try:
        session = services.walkthroughs.resume_or_start(tenant_id, flow, lang)
    except UnknownFlow:
        return _page(
            request,
            "signin.html",
            lang,
            404,
            flow=None,
            next_url="/",
            csrf=csrf,
            error=t("problem.walkthrough_not_found", lang, session_id=flow),
        )
    return _guide_page(request, flow, lang, tenant_id, csrf, session)


@router.post("/guide/{flow}")
async def guide_submit(request: Request, services: ServicesDep, lang: Lang, flow: str) -> Response:
    signed = _signed_in(request, services)
    form = await request.form()
    here = _path(request, "guide", lang, flow=flow)
    if signed is None:
        return RedirectResponse(here, status_code=303)
    tenant_id, csrf = signed.tenant_id, signed.csrf
    if not hmac.compare_digest(csrf, str(form.get("csrf", ""))):
        return _page(
            request,
            "signin.html",
            lang,
            403,
            flow=flow,
            next_url="/",
            csrf="",
            error=t("signin.csrf", lang),
        )
    service = services.walkthroughs
    session_id = str(form.get("session_id", ""))
    values: dict[str, Any] = {}
    for key in form:
        items = form.getlist(key)
        values[key] = items if len(items) > 1 or key == "users" else items[0]
    try:
        action = values.get("action", "next")
        if action == "back":
            service.back(tenant_id, session_id)
        elif action == "cancel":
            service.cancel(tenant_id, session_id)
        else:
            outcome = service.submit(tenant_id, session_id, values)
            if outcome.errors or outcome.form_error:
                return _guide_page(
                    request,
                    flow,
                    lang,
                    tenant_id,
                    csrf,
                    outcome.session,
                    422,
                    outcome.errors,
                    outcome.typed,
                    outcome.form_error,
                )
    except UnknownSession:
        pass
    return RedirectResponse(here, status_code=303)


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
            "signin.html",
            lang,
            404,
            flow=None,
            next_url="/",
            csrf="",
            error=t("problem.tenant_not_found", lang, tenant_id=tenant_id),
        )
    board = services.queries.dashboard(tenant_id)
    tenant, state = board.tenant.record, board.tenant.state
    series = board.balance
    chart = balance_chart(series.points, series.currency, t("dash.chart", lang), series.recharges)
    ledger = [
        {
            "seq": entry.seq,
            "at": when(entry.at),
            "type": t(f"ledger.{entry.type}", lang),
            "amount": Money(entry.amount_minor, tenant.currency).format(),
            "balance_after": Money(entry.balance_after_minor, tenant.currency).format(),
        }
        for entry in board.recent
    ]
    index = services.content.current.index
    flows = []
    for flow_id, flow in services.walkthroughs.flows.items():
        page = index.page(flow.guide, lang) or index.page(flow.guide, index.default_lang)
        flows.append((flow_id, page.title if page else flow_id))
    return _page(
        request,
        "dashboard.html",
        lang,
        tenant=tenant_view(tenant, state, services.tariff, lang),
        chart=chart,
        ledger=ledger,
        notifications=[{"subject": n.subject, "at": when(n.at)} for n in board.notifications],
        flows=flows,
        active=ACTIVE,
    )
