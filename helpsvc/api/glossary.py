"""``/api/v1/glossary``: the glossary's concepts and terms per language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from helpsvc.api.deps import ServicesDep
from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import problem
from helpsvc.catalog.entries import entry
from helpsvc.glossary.lookup import TermHit, TermIndex
from helpsvc.glossary.model import SOURCE_LANG, Glossary

router = APIRouter()

_NOT_FOUND_TITLE = entry("glossary.api.not_found.title", "Concept not found")
_NOT_FOUND = entry("glossary.api.not_found", "There is no concept “{id}” in the glossary.")


class ForbiddenOut(BaseModel):
    term: str
    reason: str


class MatchOut(BaseModel):
    term: str = Field(description="The term that matched the query.")
    status: str = Field(description="preferred, admitted or forbidden.")
    lang: str = Field(description="Language of the matched term.")
    score: float = Field(description="Similarity to the query, 0-100.")


class TermOut(BaseModel):
    """One concept in one language."""

    concept: str = Field(description="Stable concept id, the same in every language.")
    lang: str
    term: str = Field(description="The preferred term in this language.")
    english: str | None = Field(description="The English term.")
    definition: str | None = Field(description="Definition in this language (else English).")
    pos: str = Field(description="Part of speech (TBX-Basic picklist).")
    forms: list[str] = Field(description="Other forms of the preferred term.")
    admitted: list[str] = Field(description="Admitted variants.")
    forbidden: list[ForbiddenOut] = Field(description="Variants not to use, with the reason.")
    gender: str | None = None
    measure_word: str | None = None
    notes: str | None = None
    url: str = Field(description="The entry on the glossary page of this language.")
    match: MatchOut | None = Field(None, description="What matched, when searched with q.")


class GlossaryOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "lang": "de",
                "query": "Schwelenwert",
                "count": 1,
                "results": [
                    {
                        "concept": "trigger-amount",
                        "lang": "de",
                        "term": "Auslösebetrag",
                        "english": "trigger amount",
                        "definition": "Der Saldo, unterhalb dessen die automatische "
                        "Aufladung den Aufladebetrag hinzufügt.",
                        "pos": "noun",
                        "forms": [],
                        "admitted": ["Schwellenwert"],
                        "forbidden": [
                            {
                                "term": "Mindestbetrag",
                                "reason": "Klingt nach einem vorgeschriebenen Mindestsaldo.",
                            }
                        ],
                        "gender": "masculine",
                        "measure_word": None,
                        "notes": None,
                        "url": "/de/glossary/#trigger-amount",
                        "match": {
                            "term": "Schwellenwert",
                            "status": "admitted",
                            "lang": "de",
                            "score": 96.3,
                        },
                    }
                ],
            }
        }
    )

    lang: str
    query: str | None
    count: int
    results: list[TermOut]


class ConceptOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": "auto-recharge",
                "pos": "noun",
                "notes": None,
                "languages": {
                    "en": {
                        "concept": "auto-recharge",
                        "lang": "en",
                        "term": "auto-recharge",
                        "english": "auto-recharge",
                        "definition": "The setting that tops up the balance by the recharge "
                        "amount whenever a charge takes it below the trigger amount.",
                        "pos": "noun",
                        "forms": [],
                        "admitted": ["automatic recharge"],
                        "forbidden": [],
                        "url": "/glossary/#auto-recharge",
                    },
                    "zh": {
                        "concept": "auto-recharge",
                        "lang": "zh",
                        "term": "自动充值",
                        "english": "auto-recharge",
                        "definition": "每当某笔费用使余额低于触发金额时，按充值金额补足余额。",
                        "pos": "noun",
                        "forms": [],
                        "admitted": [],
                        "forbidden": [
                            {"term": "自动充电", "reason": "“充电”指给电池充电，这里是为余额充值。"}
                        ],
                        "url": "/zh/glossary/#auto-recharge",
                    },
                },
            }
        }
    )

    id: str
    pos: str
    notes: str | None
    languages: dict[str, TermOut]


LangQuery = Annotated[
    str | None,
    Query(
        description="Language of the terms; default: Accept-Language, then English.",
        openapi_examples={"German": {"value": "de"}, "Chinese": {"value": "zh"}},
    ),
]


def _url(lang: str, concept_id: str, default: str) -> str:
    prefix = "" if lang == default else f"/{lang}"
    return f"{prefix}/glossary/#{concept_id}"


def _term_out(
    glossary: Glossary, concept_id: str, lang: str, default: str, hit: TermHit | None = None
) -> TermOut | None:
    concept = glossary.concept(concept_id)
    entry = glossary.entry(lang, concept_id)
    if concept is None or entry is None:
        return None
    return TermOut(
        concept=concept_id,
        lang=lang,
        term=entry.preferred,
        english=glossary.term(SOURCE_LANG, concept_id),
        definition=glossary.definition(lang, concept_id),
        pos=concept.pos,
        forms=list(entry.forms),
        admitted=list(entry.admitted),
        forbidden=[ForbiddenOut(term=f.term, reason=f.reason) for f in entry.forbidden],
        gender=entry.gender,
        measure_word=entry.measure_word,
        notes=entry.notes or (concept.notes if lang == SOURCE_LANG else None),
        url=_url(lang, concept_id, default),
        match=MatchOut(term=hit.term, status=hit.status, lang=hit.lang, score=hit.score)
        if hit
        else None,
    )


def _glossary_lang(request: Request, lang: str | None, glossary: Glossary) -> str:
    served = request_lang(request, lang)
    return served if served in glossary.entries else SOURCE_LANG


@router.get(
    "/api/v1/glossary",
    tags=["glossary"],
    summary="Glossary terms in one language, searched with typos forgiven",
    response_model=GlossaryOut,
)
def list_terms(
    request: Request,
    services: ServicesDep,
    lang: LangQuery = None,
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description="A term or part of one, in the language or in English; typos, "
            "missing umlauts and admitted or forbidden variants are found too.",
            openapi_examples={
                "German typo": {"value": "Auslösebtrag"},
                "Forbidden variant": {"value": "Kommunikation Gutschriften"},
                "Chinese": {"value": "自动充值"},
            },
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> GlossaryOut:
    terms: TermIndex = services.glossary
    glossary = terms.glossary
    served = _glossary_lang(request, lang, glossary)
    default = services.settings.default_lang
    if q and q.strip():
        hits = terms.search(q, served, limit)
        results = [_term_out(glossary, h.concept, served, default, h) for h in hits]
    else:
        results = [_term_out(glossary, c.id, served, default) for c in glossary.concepts]
        results = results[:limit]
    found = [r for r in results if r is not None]
    return GlossaryOut(lang=served, query=q, count=len(found), results=found)


@router.get(
    "/api/v1/glossary/{concept}",
    tags=["glossary"],
    summary="One concept with its terms in every language",
    response_model=None,
    responses={
        200: {"model": ConceptOut},
        404: {
            "description": "No such concept; `suggestions` lists close ids",
            "content": {"application/problem+json": {}},
        },
    },
)
def get_concept(
    request: Request,
    services: ServicesDep,
    concept: Annotated[
        str,
        Path(
            description="Concept id, e.g. auto-recharge.",
            openapi_examples={"auto-recharge": {"value": "auto-recharge"}},
        ),
    ],
    lang: LangQuery = None,
) -> Response | ConceptOut:
    terms: TermIndex = services.glossary
    glossary = terms.glossary
    default = services.settings.default_lang
    found = glossary.concept(concept)
    if found is None:
        served = _glossary_lang(request, lang, glossary)
        close = [h.concept for h in terms.search(concept.replace("-", " "), served, 3)]
        return problem(
            404,
            _NOT_FOUND_TITLE.text(served),
            _NOT_FOUND.format(served, id=concept),
            code="concept_not_found",
            instance=request.url.path,
            suggestions=close,
        )
    languages = {}
    for code in glossary.languages:
        out = _term_out(glossary, concept, code, default)
        if out is not None:
            languages[code] = out
    return ConceptOut(id=found.id, pos=found.pos, notes=found.notes, languages=languages)
