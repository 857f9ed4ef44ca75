"""Page metadata: what exists, in which languages, with which sections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from helpsvc.api.deps import ServicesDep
from helpsvc.api.models import PageOut, PagesOut, SectionOut
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import problem
from helpsvc.content.index import ContentIndex
from helpsvc.content.page import Page
from helpsvc.i18n.site_messages import t

router = APIRouter()
LangQuery = Annotated[
    str | None,
    Query(
        description="Language; a page without that translation is shown in English.",
        openapi_examples={"Chinese": {"value": "zh"}},
    ),
]


def page_out(index: ContentIndex, page: Page, requested: str) -> PageOut:
    default = index.default_lang
    kind = (
        "source"
        if page.lang == default
        else (page.translation.type if page.translation else "human")
    )
    return PageOut(
        page_id=page.page_id,
        lang=page.lang,
        title=page.title,
        description=page.description,
        url=index.url(page),
        keywords=list(page.keywords),
        translation=kind,
        languages=index.languages_of(page.page_id),
        fell_back=page.lang != requested,
        sections=[
            SectionOut(anchor=s.anchor, title=s.title, level=s.level)
            for s in page.sections
            if s.level >= 2
        ],
    )


@router.get(
    "/api/v1/pages", tags=["pages"], summary="Every page, in one language", response_model=PagesOut
)
def list_pages(request: Request, services: ServicesDep, lang: LangQuery = None) -> PagesOut:
    served = request_lang(request, lang)
    index = services.content.current.index
    # Every page of any language, the default language's first: a page the reader's
    # language lacks is listed in the language it has (its ``lang`` says which).
    langs = (index.default_lang, served, *index.languages)
    ids = dict.fromkeys(pid for lg in langs for pid in index.pages.get(lg, {}))
    pages = [index.page_for(pid, served) for pid in ids]
    return PagesOut(lang=served, pages=[page_out(index, p, served) for p in pages if p])


@router.get(
    # ``:path``: ids derived from a Learn repository's paths contain slashes ("Teams/x").
    "/api/v1/pages/{page_id:path}",
    tags=["pages"],
    summary="One page: metadata, sections and its languages",
    response_model=None,
    responses={
        200: {"model": PageOut},
        404: {"description": "No such page", "content": {"application/problem+json": {}}},
    },
)
def get_page(
    request: Request, services: ServicesDep, page_id: str, lang: LangQuery = None
) -> Response | PageOut:
    served = request_lang(request, lang)
    index = services.content.current.index
    page = index.page_for(page_id, served)
    if page is None:
        return problem(
            404,
            "Page not found",
            t("problem.page_not_found", served, page_id=page_id),
            code="page_not_found",
            instance=request.url.path,
        )
    return page_out(index, page, served)
