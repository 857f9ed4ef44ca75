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

from helpsvc.api.negotiation import home_url, request_lang
from helpsvc.api.tenant_context import SESSION_COOKIE
from helpsvc.api.tenant_views import tenant_view, when
from helpsvc.content.locales import content_language
from helpsvc.credits import Money
from helpsvc.credits.money import exponent
from helpsvc.walkthroughs import messages as walk_messages
from helpsvc.walkthroughs.runner import ACTIVE
from helpsvc.walkthroughs.service import UnknownFlow, UnknownSession
from helpsvc.web.charts import balance_chart
from helpsvc.web.messages import catalog, t

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
    settings = request.app.state.settings
    response = request.app.state.templates.TemplateResponse(
        request,
        template,
        {
            "msg": _messages(lang),
            "html_lang": content_language(lang),
            "lang": lang,
            "home_url": home_url(lang, settings.default_lang),
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


def _signed_in(request: Request) -> tuple[str, str] | None:
    return request.app.state.walkthroughs.sessions.signed_in(request.cookies.get(SESSION_COOKIE))


def _set_session(response: Response, token: str, request: Request) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=7 * 24 * 3600,
        path="/",
    )


def _lang(request: Request) -> str:
    return request_lang(request, request.query_params.get("lang"))


def _safe_next(target: str | None) -> str:
    # Only paths on this site: never "//host" or "/\\host".
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


@router.get("/signin")
def signin_page(request: Request, flow: str | None = None, next: str | None = None) -> Response:
    lang = _lang(request)
    csrf = secrets.token_urlsafe(24)
    response = _page(
        request, "signin.html", lang, flow=flow, next_url=_safe_next(next), csrf=csrf, error=None
    )
    response.set_cookie(SIGNIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/signin")
    return response


@router.post("/signin")
async def signin(request: Request) -> Response:
    lang = _lang(request)
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
    tenant_id = request.app.state.tenants.authenticate(str(form.get("api_key", "")).strip())
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
    token, _csrf = request.app.state.walkthroughs.sessions.sign_in(tenant_id)
    target = _safe_next(str(form.get("next", ""))) or f"/tenants/{tenant_id}?lang={lang}"
    if target == "/":
        target = f"/tenants/{tenant_id}?lang={lang}"
    response = RedirectResponse(target, status_code=303)
    _set_session(response, token, request)
    return response


@router.get("/try/{flow}")
def try_in_sandbox(request: Request, flow: str, model: str = "prepaid") -> Response:
    """Create a sandbox organization, sign this browser in and open the walkthrough."""
    lang = _lang(request)
    service = request.app.state.walkthroughs
    try:
        service.flow(flow)
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
    store = request.app.state.tenants
    answer = store.create_tenant(
        name="Sandbox",
        country=country,
        currency=currency,
        model="nce" if model == "nce" else "prepaid",
        language=lang,
        admin_email=None,
        start=datetime.now(UTC).replace(microsecond=0),
        respond=lambda info, state, key: {"tenant_id": info.id},
    )
    token, _csrf = service.sessions.sign_in(answer.body["tenant_id"])
    response = RedirectResponse(f"/guide/{flow}?lang={lang}", status_code=303)
    _set_session(response, token, request)
    return response


def _guide_page(
    request: Request,
    flow: str,
    lang: str,
    tenant_id: str,
    csrf: str,
    session: Any,
    status: int = 200,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    form_error: str | None = None,
) -> Response:
    service = request.app.state.walkthroughs
    view = service.view(session, request.app.state.content.current.index)
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
def guide(request: Request, flow: str) -> Response:
    lang = _lang(request)
    signed = _signed_in(request)
    if signed is None:
        csrf = secrets.token_urlsafe(24)
        response = _page(
            request,
            "signin.html",
            lang,
            flow=flow,
            next_url=f"/guide/{quote(flow)}?lang={lang}",
            csrf=csrf,
            error=None,
        )
        response.set_cookie(
            SIGNIN_CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/signin"
        )
        return response
    tenant_id, csrf = signed
    try:
        session = request.app.state.walkthroughs.resume_or_start(tenant_id, flow, lang)
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
async def guide_submit(request: Request, flow: str) -> Response:
    lang = _lang(request)
    signed = _signed_in(request)
    form = await request.form()
    if signed is None:
        return RedirectResponse(f"/guide/{quote(flow)}?lang={lang}", status_code=303)
    tenant_id, csrf = signed
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
    service = request.app.state.walkthroughs
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
    return RedirectResponse(f"/guide/{quote(flow)}?lang={lang}", status_code=303)


@router.get("/tenants/{tenant_id}")
def dashboard(request: Request, tenant_id: str) -> Response:
    lang = _lang(request)
    signed = _signed_in(request)
    if signed is None:
        return RedirectResponse(
            f"/signin?lang={lang}&next={quote(f'/tenants/{tenant_id}?lang={lang}')}",
            status_code=303,
        )
    if signed[0] != tenant_id:
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
    store = request.app.state.tenants
    info, state = store.load(tenant_id)
    view = tenant_view(info, state, store.tariff, lang)
    rows = store.ledger(tenant_id, limit=500)
    points, marks = [], []
    for row in rows:
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
        points.append((at, row.balance_after_minor / 10 ** _digits(info.currency)))
        if row.type == "auto_recharge":
            marks.append(at)
    if points:
        # The balance holds until now: the line reaches the simulated present.
        points.append((state.now, state.balance.minor / 10 ** _digits(info.currency)))
    chart = balance_chart(points, info.currency, t("dash.chart", lang), marks)
    ledger = [
        {
            "seq": r.seq,
            "at": when(r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC)),
            "type": t(f"ledger.{r.type}", lang),
            "amount": _fmt(r.amount_minor, info.currency),
            "balance_after": _fmt(r.balance_after_minor, info.currency),
        }
        for r in reversed(rows[-50:])
    ]
    notifications = [
        {"subject": n.subject, "at": when(n.at if n.at.tzinfo else n.at.replace(tzinfo=UTC))}
        for n in store.notifications(tenant_id, limit=20)
    ]
    index = request.app.state.content.current.index
    flows = []
    for flow_id, flow in request.app.state.walkthroughs.flows.items():
        page = index.page(flow.guide, lang) or index.page(flow.guide, index.default_lang)
        flows.append((flow_id, page.title if page else flow_id))
    return _page(
        request,
        "dashboard.html",
        lang,
        tenant=view,
        chart=chart,
        ledger=ledger,
        notifications=notifications,
        flows=flows,
        active=ACTIVE,
    )


def _digits(currency: str) -> int:
    return exponent(currency)


def _fmt(minor: int, currency: str) -> str:
    return Money(int(minor), currency).format()
