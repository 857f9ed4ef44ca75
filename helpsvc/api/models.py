"""Response models of the public API, with the examples the OpenAPI document shows."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SectionOut(BaseModel):
    anchor: str
    title: str
    level: int


class F1Answer(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "keyword": "o365e_sfbvoicecredit",
                "matched": "O365E_SFBVoiceCredit",
                "match": "normalized",
                "page_id": "add-funds",
                "title": "Guthaben aufladen und Kommunikationsguthaben verwalten",
                "description": "Guthaben manuell aufladen, Verfall und Reihenfolge verstehen.",
                "url": "/de/guides/add-funds/",
                "lang": "de",
                "requested_lang": "de",
                "fell_back": False,
                "translation": "human",
                "sections": [
                    {
                        "anchor": "add-funds-manually",
                        "title": "Guthaben manuell aufladen",
                        "level": 2,
                    }
                ],
            }
        }
    )

    keyword: str = Field(description="The keyword as asked, trimmed.")
    matched: str = Field(description="The keyword as the page declares it.")
    match: str = Field(description="`exact`, or `normalized` (case and spaces ignored).")
    page_id: str
    title: str
    description: str | None
    url: str = Field(description="Path of the page on this site.")
    lang: str = Field(description="Language served.")
    requested_lang: str = Field(description="Language negotiated for the request.")
    fell_back: bool = Field(
        description="True when the page is not translated and English is served."
    )
    translation: str = Field(description="`source` (English), `human` or `machine`.")
    sections: list[SectionOut]
    tenant: dict | None = Field(
        None,
        description="With a tenant's API key (or a signed-in browser): what its state means "
        "for this page, as notices (`code`, `title`, `message`) with the walkthrough that "
        "fixes it (`walkthrough`) and the troubleshooting section that explains it (`help`).",
    )


class SuggestionOut(BaseModel):
    page_id: str
    title: str
    url: str
    lang: str


class MissOut(BaseModel):
    keyword: str
    locale: str
    count: int
    first_seen: str
    last_seen: str
    sample: str


class MissesOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "misses": [
                    {
                        "keyword": "o365x_sfbvoicecredit",
                        "locale": "de",
                        "count": 12,
                        "first_seen": "2026-11-20T08:01:02Z",
                        "last_seen": "2026-11-22T09:15:40Z",
                        "sample": "O365X_SFBVoiceCredit",
                    }
                ],
                "other": 0,
            }
        }
    )

    misses: list[MissOut]
    other: int = Field(
        description="Misses of keywords beyond the cap on distinct keywords kept "
        "(setting miss_max_keywords), counted but not listed."
    )


class SearchHitOut(BaseModel):
    page_id: str
    lang: str
    title: str
    url: str
    anchor: str | None
    section: str
    snippet: str = Field(description="HTML-escaped text; matches are wrapped in `<mark>`.")
    score: float
    fallback: bool = Field(description="An English page shown because no translation exists.")


class SearchOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "query": "Aufladebetrag",
                "lang": "de",
                "results": [
                    {
                        "page_id": "auto-recharge",
                        "lang": "de",
                        "title": "Automatische Aufladung einrichten",
                        "url": "/de/guides/auto-recharge/#choose-values",
                        "anchor": "choose-values",
                        "section": "Werte wählen",
                        "snippet": "… <mark>Aufladebetrag</mark>: etwa die Ausgaben eines Monats …",
                        "score": 1.94,
                        "fallback": False,
                    }
                ],
            }
        }
    )

    query: str
    lang: str
    results: list[SearchHitOut]


class PageOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "page_id": "set-up",
                "lang": "zh",
                "title": "为组织设置通信点数",
                "description": "分三步分配许可证并购买通信点数。",
                "url": "/zh/guides/set-up-communications-credits/",
                "keywords": ["CommsCredits_Setup", "TeamsAdmin_SetUpCommsCredits"],
                "translation": "human",
                "languages": ["en", "de", "zh"],
                "fell_back": False,
                "sections": [
                    {"anchor": "step-licenses", "title": "第 1 步：分配许可证", "level": 2}
                ],
            }
        }
    )

    page_id: str
    lang: str
    title: str
    description: str | None
    url: str
    keywords: list[str]
    translation: str
    languages: list[str]
    fell_back: bool
    sections: list[SectionOut]


class PagesOut(BaseModel):
    lang: str
    pages: list[PageOut]
