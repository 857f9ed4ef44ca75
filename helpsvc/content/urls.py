"""URLs of pages on the built site, derived from the index only, never from request input."""

from __future__ import annotations

from helpsvc.content.page import Page


def page_url(page: Page, default_lang: str) -> str:
    """Site path of a page: ``guides/add-funds.md`` in ``de`` → ``/de/guides/add-funds/``."""
    stem = page.rel_path.rsplit(".", 1)[0]
    if stem == "index":
        stem = ""
    elif stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if page.lang == default_lang else f"{page.lang}/"
    return f"/{prefix}{stem}"
