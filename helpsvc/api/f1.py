"""F1 lookups: a keyword (or several, in priority order) and a locale in, a page out.

``/f1/...`` answers browsers with a redirect to the page on this site; ``/api/v1/f1/...``
answers with JSON. The redirect target is always built from the index, never from the
request, so no input can send a reader off the site.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from helpsvc.api.models import F1Answer, MissesOut, SectionOut, SuggestionOut
from helpsvc.api.negotiation import home_url, request_lang, wants_html
from helpsvc.api.problems import problem
from helpsvc.api.tenant_context import SESSION_COOKIE, context_for, tenant_of
from helpsvc.content.f1 import clean_keyword, resolve
from helpsvc.content.locales import content_language
from helpsvc.content.page import Page
from helpsvc.content.urls import page_url
from helpsvc.web.messages import catalog, t

router = APIRouter()

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
    content = request.app.state.content.current
    settings = request.app.state.settings
    usable = [k for k in (clean_keyword(k) for k in keywords) if k]
    for keyword in usable:
        request.app.state.misses.record(keyword, lang)
    suggestions = content.suggester.suggest(usable[0], lang) if usable else []
    detail = (
        t("f1.not_found.detail", lang, keyword=usable[0])
        if usable
        else t("f1.not_found.detail_none", lang)
    )
    headers = _headers(lang, "no-store")
    if wants_html(request):
        return request.app.state.templates.TemplateResponse(
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


def _redirect(request: Request, keywords: list[str], lang: str | None) -> Response:
    served_lang = request_lang(request, lang)
    content = request.app.state.content.current
    resolution = resolve(content.index, keywords, served_lang)
    if resolution is None:
        return _not_found(request, keywords, served_lang)
    page = resolution.page
    cache = REDIRECT_CACHE
    if "authorization" in request.headers or SESSION_COOKIE in request.cookies:
        tenant_id = tenant_of(request)
        if tenant_id is not None:
            context = context_for(request, tenant_id, page, content.index, served_lang)
            page = context.page or page
            cache = "private, no-store"  # depends on the tenant's state
    target = page_url(page, content.index.default_lang)
    headers = _headers(page.lang, cache)
    if resolution.fell_back:
        # Says that the page is English because the asked language has no translation.
        headers["X-Help-Fallback"] = f"requested={served_lang}; served={page.lang}"
    return RedirectResponse(target, status_code=302, headers=headers)


def _answer(request: Request, keywords: list[str], lang: str | None) -> Response:
    served_lang = request_lang(request, lang)
    content = request.app.state.content.current
    resolution = resolve(content.index, keywords, served_lang)
    if resolution is None:
        return _not_found(request, keywords, served_lang)
    page = resolution.page
    default = content.index.default_lang
    tenant = None
    tenant_id = tenant_of(request)
    if tenant_id is not None:
        context = context_for(request, tenant_id, page, content.index, served_lang)
        if context.page is not None:
            page = context.page
        tenant = {"id": tenant_id, "notices": context.notices}
    answer = F1Answer(
        keyword=resolution.keyword,
        matched=resolution.matched,
        match=resolution.match,
        page_id=page.page_id,
        title=page.title,
        description=page.description,
        url=page_url(page, default),
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


class F1FastPath:
    """ASGI middleware that answers ``GET /f1...`` before the rest of the stack.

    F1 is the hot path of the service: answered here, a redirect skips FastAPI's exception
    middleware, route matching, parameter solving and thread pool (bench/f1_load.py). The
    FastAPI routes below describe the same endpoints in the OpenAPI document and serve
    anything this does not take (other methods); both share ``_redirect``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope.get("method") == "GET" and (path == "/f1" or path.startswith("/f1/")):
            request = Request(scope, receive)
            params = request.query_params
            keywords = params.getlist("k") if path == "/f1" else [path[len("/f1/") :]]
            response = _redirect(request, keywords, params.get("lang"))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


@router.get(
    "/f1",
    tags=["F1"],
    summary="Redirect to the page of the first keyword that resolves",
    response_class=RedirectResponse,
    status_code=302,
    responses={302: {"description": "Redirect to the localized page on this site"}, **NOT_FOUND},
)
async def f1_many(request: Request, k: KeywordsQuery, lang: LangQuery = None) -> Response:
    return _redirect(request, k, lang)


@router.get(
    "/f1/{keyword:path}",
    tags=["F1"],
    summary="Redirect to the page of an F1 keyword",
    response_class=RedirectResponse,
    status_code=302,
    responses={302: {"description": "Redirect to the localized page on this site"}, **NOT_FOUND},
)
async def f1_one(request: Request, keyword: str, lang: LangQuery = None) -> Response:
    return _redirect(request, [keyword], lang)


@router.get(
    "/api/v1/f1/misses",
    tags=["F1"],
    summary="Keywords that found no page, most frequent first",
    response_model=MissesOut,
)
def f1_misses(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=1000, openapi_examples={"top 20": {"value": 20}})] = 50,
) -> MissesOut:
    misses = request.app.state.misses.top(limit)
    return MissesOut(
        misses=[
            {
                "keyword": m.keyword,
                "locale": m.locale,
                "count": m.count,
                "first_seen": m.first_seen.isoformat().replace("+00:00", "Z"),
                "last_seen": m.last_seen.isoformat().replace("+00:00", "Z"),
                "sample": m.sample,
            }
            for m in misses
        ]
    )


@router.get(
    "/api/v1/f1",
    tags=["F1"],
    summary="The page of the first keyword that resolves, as JSON",
    response_model=F1Answer,
    responses=NOT_FOUND,
)
async def f1_many_json(request: Request, k: KeywordsQuery, lang: LangQuery = None) -> Response:
    return _answer(request, k, lang)


@router.get(
    "/api/v1/f1/{keyword:path}",
    tags=["F1"],
    summary="The page of an F1 keyword, as JSON",
    response_model=F1Answer,
    responses=NOT_FOUND,
)
async def f1_one_json(request: Request, keyword: str, lang: LangQuery = None) -> Response:
    return _answer(request, [keyword], lang)
