"""Full-text search over the guides: JSON for products, a page for readers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from helpsvc.api.deps import ServicesDep, TemplatesDep
from helpsvc.api.models import SearchHitOut, SearchOut
from helpsvc.api.negotiation import home_url, request_lang
from helpsvc.content.locales import content_language
from helpsvc.i18n.site_messages import catalog, t

router = APIRouter()


# What the search page says about a wrong term in the query. It belongs with the other UI
# texts in helpsvc/i18n/site_messages.py (owned by another team right now); move it there.
class TermNoteOut(BaseModel):
    """A wrong term in the query (a forbidden glossary variant, often from a machine
    translation) and the term the guides use; the results are for the guides' term."""

    used: str
    preferred: str


class SearchWithTermsOut(SearchOut):
    terms: list[TermNoteOut] = []


QueryText = Annotated[
    str,
    Query(
        min_length=1,
        max_length=200,
        description="What to look for; typos, German compounds and unsegmented Chinese work.",
        openapi_examples={
            "English": {"value": "expired card"},
            "German compound": {"value": "Guthabenaufladung"},
            "Chinese": {"value": "自动充值"},
        },
    ),
]
LangQuery = Annotated[
    str | None,
    Query(description="Language of the results; default: Accept-Language, then English."),
]


@router.get(
    "/api/v1/search",
    tags=["search"],
    summary="Search the guides in one language",
    response_model=SearchWithTermsOut,
)
def search_json(
    request: Request,
    services: ServicesDep,
    q: QueryText,
    lang: LangQuery = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SearchWithTermsOut:
    served = request_lang(request, lang)
    search = services.content.current.search
    hits = search.search(q, served, limit)
    return SearchWithTermsOut(
        query=q,
        lang=served,
        results=[_hit(hit) for hit in hits],
        terms=[
            TermNoteOut(used=n.used, preferred=n.preferred) for n in search.term_notes(q, served)
        ],
    )


def _hit(hit) -> SearchHitOut:  # noqa: ANN001 - a search Hit (slots dataclass)
    return SearchHitOut(
        page_id=hit.page_id,
        lang=hit.lang,
        title=hit.title,
        url=hit.url,
        anchor=hit.anchor,
        section=hit.section,
        snippet=hit.snippet,
        score=hit.score,
        fallback=hit.fallback,
    )


@router.get(
    "/search", tags=["search"], summary="Search page for readers", response_class=HTMLResponse
)
def search_page(
    request: Request,
    services: ServicesDep,
    templates: TemplatesDep,
    q: Annotated[
        str, Query(max_length=200, openapi_examples={"German": {"value": "Aufladebetrag"}})
    ] = "",
    lang: LangQuery = None,
) -> HTMLResponse:
    served = request_lang(request, lang)
    search = services.content.current.search
    hits = search.search(q, served, 20) if q.strip() else []
    notes = search.term_notes(q, served) if q.strip() else []
    settings = services.settings
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "msg": catalog(served),
            "html_lang": content_language(served),
            "lang": served,
            "title": t("search.title", served, query=q) if q else t("search.label", served),
            "query": q,
            "hits": hits,
            "term_notes": [
                t("search.term_note", served, used=n.used, preferred=n.preferred) for n in notes
            ],
            "home_url": home_url(served, settings.default_lang),
        },
        headers={"Content-Language": content_language(served), "Vary": "Accept-Language"},
    )
