"""F1 lookups: a keyword (or several, in priority order) and a locale in, a page out.

``/f1/...`` answers browsers with a redirect to the page on this site; ``/api/v1/f1/...``
answers with JSON. The redirect target is always built from the index, never from the
request, so no input can send a reader off the site.

F1 is the hot path of the service, so ``/f1`` is one plain Starlette route placed first in
the app's routes (``F1_ROUTES``): no parameter solving, no thread pool unless a tenant's
state must be read (bench/f1_load.py). ``F1_OPENAPI`` describes it in the OpenAPI document.

Reading a tenant's state is blocking I/O, so it runs in a worker thread, and in at most
``F1_CONTEXT_THREADS`` at once: a burst of tenant lookups then waits for its own few threads
instead of taking every thread of the shared pool, which sync routes such as ``/healthz``
need too, and of the interpreter lock, which the event loop needs
(bench/healthz_under_f1.py).
"""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from helpsvc.api.models import F1Answer, SectionOut, SuggestionOut
from helpsvc.api.negotiation import home_url, request_lang, wants_html
from helpsvc.api.problems import problem
from helpsvc.api.rate_limits import client_of, limits_of
from helpsvc.api.sessions import SESSION_COOKIE
from helpsvc.api.state import get_services, get_templates
from helpsvc.content.f1 import clean_keyword, resolve
from helpsvc.content.locales import content_language
from helpsvc.content.page import Page
from helpsvc.content.troubleshooting import notice_help_url
from helpsvc.i18n.site_messages import catalog, t
from helpsvc.services.f1_context import TenantContext

router = APIRouter()

# Reading a state is Python work under the interpreter lock (SQLite answers from memory, in
# about half a millisecond), so a second thread adds no throughput, only contention with the
# event loop: bench/healthz_under_f1.py measured /healthz p99 under tenant lookups at 11-22
# ms with one thread and 28-55 ms with two, on this 2-core machine.
F1_CONTEXT_THREADS = 1

# Redirects change when the docs change; five minutes keeps F1 fast without pinning
# readers to an outdated mapping for long.
REDIRECT_CACHE = "public, max-age=300"
LangQuery = Annotated[
    str | None,
    Query(
        description="Language to answer in (en, de, zh or a BCP 47 tag); default: "
        "Accept-Language, then English.",
        openapi_examples={"German": {"value": "de"}, "Chinese": {"value": "zh-CN"}},
    ),
]
KeywordsQuery = Annotated[
    list[str],
    Query(
        alias="k",
        description="F1 keywords in priority order; the first that resolves wins.",
        openapi_examples={
            "priority list": {"value": ["O365X_Unknown", "O365E_SFBVoiceCredit"]},
        },
    ),
]
NOT_FOUND_EXAMPLE = {
    "type": "/api/v1/problems/f1_keyword_not_found",
    "title": "No help page for this keyword",
    "status": 404,
    "detail": "No guide is registered for the F1 keyword “SFBVoiceCredits”.",
    "code": "f1_keyword_not_found",
    "keywords": ["SFBVoiceCredits"],
    "lang": "en",
    "suggestions": [
        {
            "page_id": "add-funds",
            "title": "Add funds and manage Communications Credits",
            "url": "/guides/add-funds/",
            "lang": "en",
        }
    ],
}
NOT_FOUND = {
    404: {
        "description": "No keyword resolved: suggestions and a search box (HTML for "
        "browsers, an RFC 9457 problem otherwise).",
        "content": {"application/problem+json": {"example": NOT_FOUND_EXAMPLE}},
    }
}


def _translation_kind(page: Page, default_lang: str) -> str:
    if page.lang == default_lang:
        return "source"
    return page.translation.type if page.translation else "human"


def _headers(lang: str, cache: str) -> dict[str, str]:
    return {
        "Vary": "Accept-Language",
        "Content-Language": content_language(lang),
        "Cache-Control": cache,
    }


def _not_found(request: Request, keywords: list[str], lang: str) -> Response:
    services = get_services(request)
    content = services.content.current
    settings = services.settings
    usable = [k for k in (clean_keyword(k) for k in keywords) if k]
    for keyword in usable:
        services.misses.record(keyword, lang)
    suggestions = content.suggester.suggest(usable[0], lang) if usable else []
    detail = (
        t("f1.not_found.detail", lang, keyword=usable[0])
        if usable
        else t("f1.not_found.detail_none", lang)
    )
    headers = _headers(lang, "no-store")
    if wants_html(request):
        return get_templates(request).TemplateResponse(
            request,
            "f1_not_found.html",
            {
                "msg": catalog(lang),
                "html_lang": content_language(lang),
                "lang": lang,
                "detail": detail,
                "suggestions": suggestions,
                "query": usable[0] if usable else "",
                "home_url": home_url(lang, settings.default_lang),
            },
            status_code=404,
            headers=headers,
        )
    response = problem(
        404,
        t("f1.not_found.title", lang),
        detail,
        code="f1_keyword_not_found",
        keywords=usable,
        lang=lang,
        suggestions=[
            SuggestionOut(page_id=s.page_id, title=s.title, url=s.url, lang=s.lang).model_dump()
            for s in suggestions
        ],
    )
    response.headers.update(headers)
    return response


def tenant_of(request: Request) -> str | None:
    """The tenant a request speaks for: a Bearer API key, else a signed-in browser."""
    services = get_services(request)
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() == "bearer" and key.strip():
        # Wrong keys count against the client here too, or F1 answers (with or without
        # tenant notices) would tell a key guesser which key is right, unlimited.
        limits, client = limits_of(request), client_of(request)
        if limits.wait("key_failures", client) is not None:
            return None  # past the limit: the public answer, without tenant context
        owner = services.tenants.authenticate(key.strip())
        if owner is None:
            limits.count("key_failures", client)
        return owner
    sign_in = services.sign_ins.signed_in(request.cookies.get(SESSION_COOKIE))
    return sign_in.tenant_id if sign_in else None


def _context(request: Request, page: Page, lang: str) -> TenantContext | None:
    """The tenant's notices for the page, when the request speaks for a tenant (blocking)."""
    tenant_id = tenant_of(request)
    if tenant_id is None:
        return None
    services = get_services(request)
    return services.f1.context_for(tenant_id, page, services.content.current.index, lang)


def _context_limiter(request: Request) -> anyio.CapacityLimiter:
    # Made on first use, inside the running event loop, and kept for the app's lifetime.
    limiter = getattr(request.app.state, "f1_context_limiter", None)
    if limiter is None:
        limiter = anyio.CapacityLimiter(F1_CONTEXT_THREADS)
        request.app.state.f1_context_limiter = limiter
    return limiter


async def tenant_context(request: Request, page: Page, lang: str) -> TenantContext | None:
    """``_context`` off the event loop, in the F1 lookups' own few threads."""
    if "authorization" not in request.headers and SESSION_COOKIE not in request.cookies:
        return None
    return await anyio.to_thread.run_sync(
        _context, request, page, lang, limiter=_context_limiter(request)
    )


async def f1_redirect(request: Request) -> Response:
    """``GET /f1/{keyword}`` and ``GET /f1?k=A&k=B``: 302 to the page, 404 with suggestions."""
    keyword = request.path_params.get("keyword")
    params = request.query_params
    keywords = [keyword] if keyword is not None else params.getlist("k")
    served_lang = request_lang(request, params.get("lang"))
    content = get_services(request).content.current
    resolution = resolve(content.index, keywords, served_lang)
    if resolution is None:
        return _not_found(request, keywords, served_lang)
    page = resolution.page
    cache = REDIRECT_CACHE
    context = await tenant_context(request, page, served_lang)
    if context is not None:
        page = context.page or page
        cache = "private, no-store"  # depends on the tenant's state
    target = content.index.url(page)
    fallback = f"requested={served_lang}; served={page.lang}" if resolution.fell_back else None
    return _redirect(target, page.lang, cache, fallback)


class _PreparedRedirect(Response):
    """A 302 whose encoded headers were built once: the F1 hot path's answer."""

    def __init__(self, raw_headers: list[tuple[bytes, bytes]]) -> None:
        self.status_code = 302
        self.body = b""
        self.background = None
        self.raw_headers = list(raw_headers)  # the middlewares may replace, never share


# (target, lang, cache, fallback) → encoded headers. Bounded by pages x languages x the two
# cache policies; cleared when a docs reload has grown it past any real site.
_PREPARED: dict[tuple[str, str, str, str | None], list[tuple[bytes, bytes]]] = {}
_PREPARED_MAX = 4096


def _redirect(target: str, lang: str, cache: str, fallback: str | None) -> Response:
    key = (target, lang, cache, fallback)
    raw = _PREPARED.get(key)
    if raw is None:
        headers = _headers(lang, cache)
        if fallback is not None:
            # Says that the page is English because the asked language has no translation.
            headers["X-Help-Fallback"] = fallback
        raw = RedirectResponse(target, status_code=302, headers=headers).raw_headers
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.clear()
        _PREPARED[key] = raw
    return _PreparedRedirect(raw)


F1_ROUTES = [
    Route("/f1", f1_redirect, methods=["GET"], name="f1_many"),
    Route("/f1/{keyword:path}", f1_redirect, methods=["GET"], name="f1_one"),
]

_REDIRECT_DOC = {
    "tags": ["F1"],
    "responses": {
        "302": {"description": "Redirect to the localized page on this site"},
        **{str(k): v for k, v in NOT_FOUND.items()},
    },
}
_LANG_PARAM = {
    "name": "lang",
    "in": "query",
    "required": False,
    "schema": {"type": "string"},
    "description": "Language to answer in (en, de, zh or a BCP 47 tag); default: "
    "Accept-Language, then English.",
}
F1_OPENAPI = {
    "/f1": {
        "get": {
            **_REDIRECT_DOC,
            "summary": "Redirect to the page of the first keyword that resolves",
            "operationId": "f1_many",
            "parameters": [
                {
                    "name": "k",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "array", "items": {"type": "string"}},
                    "description": "F1 keywords in priority order; the first that resolves wins.",
                },
                _LANG_PARAM,
            ],
        }
    },
    "/f1/{keyword}": {
        "get": {
            **_REDIRECT_DOC,
            "summary": "Redirect to the page of an F1 keyword",
            "operationId": "f1_one",
            "parameters": [
                {"name": "keyword", "in": "path", "required": True, "schema": {"type": "string"}},
                _LANG_PARAM,
            ],
        }
    },
}


async def _answer(request: Request, keywords: list[str], lang: str | None) -> Response:
    served_lang = request_lang(request, lang)
    content = get_services(request).content.current
    resolution = resolve(content.index, keywords, served_lang)
    if resolution is None:
        return _not_found(request, keywords, served_lang)
    page = resolution.page
    default = content.index.default_lang
    tenant = None
    context = await tenant_context(request, page, served_lang)
    if context is not None:
        page = context.page or page
        tenant = {
            "id": context.tenant_id,
            "notices": [
                {
                    "code": n.code,
                    "title": n.title,
                    "message": n.message,
                    "walkthrough": request.app.url_path_for("guide", flow=n.flow)
                    + f"?lang={served_lang}"
                    if n.flow
                    else None,
                    "help": notice_help_url(content.index, n.code, served_lang),
                }
                for n in context.notices
            ],
        }
    answer = F1Answer(
        keyword=resolution.keyword,
        matched=resolution.matched,
        match=resolution.match,
        page_id=page.page_id,
        title=page.title,
        description=page.description,
        url=content.index.url(page),
        lang=page.lang,
        requested_lang=served_lang,
        fell_back=page.lang != served_lang,
        translation=_translation_kind(page, default),
        sections=[
            SectionOut(anchor=s.anchor, title=s.title, level=s.level)
            for s in page.sections
            if s.level >= 2
        ],
        tenant=tenant,
    )
    cache = REDIRECT_CACHE if tenant is None else "private, no-store"
    return JSONResponse(answer.model_dump(), headers=_headers(page.lang, cache))


@router.get(
    "/api/v1/f1",
    tags=["F1"],
    summary="The page of the first keyword that resolves, as JSON",
    response_model=F1Answer,
    responses=NOT_FOUND,
)
async def f1_many_json(request: Request, k: KeywordsQuery, lang: LangQuery = None) -> Response:
    return await _answer(request, k, lang)


@router.get(
    "/api/v1/f1/{keyword:path}",
    tags=["F1"],
    summary="The page of an F1 keyword, as JSON",
    response_model=F1Answer,
    responses=NOT_FOUND,
)
async def f1_one_json(request: Request, keyword: str, lang: LangQuery = None) -> Response:
    return await _answer(request, [keyword], lang)
