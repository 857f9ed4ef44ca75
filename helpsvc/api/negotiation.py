"""What a request asks for: its language and whether it is a browser wanting HTML."""

from __future__ import annotations

from fastapi import Request

from helpsvc.api.state import get_services
from helpsvc.content.locales import negotiate


def request_lang(request: Request, lang: str | None) -> str:
    """The language to answer in: ``lang`` if given and served, else Accept-Language."""
    services = get_services(request)
    content = services.content.current
    default = services.settings.default_lang
    return negotiate(
        lang, request.headers.get("accept-language"), content.languages or (default,), default
    )


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


def home_url(lang: str, default_lang: str) -> str:
    return "/" if lang == default_lang else f"/{lang}/"
