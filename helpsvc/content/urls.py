"""URLs of pages, derived from the index only, never from request input.

By default a page lives on the MkDocs site this service serves. Docs that live elsewhere
(a Microsoft Learn repository, published on learn.microsoft.com) set a URL pattern instead:
``https://learn.microsoft.com/{locale}/microsoftteams/{path}``, where ``{path}`` is the
file's path in its language folder without ``.md``, ``{lang}`` the page's language and
``{locale}`` its ``ms.contentlocale`` (lower case) or else its language.
"""

from __future__ import annotations

from helpsvc.content.page import Page

PLACEHOLDERS = ("{path}", "{lang}", "{locale}")


def check_url_pattern(pattern: str) -> str:
    """``pattern`` if it can place a page (http(s), with ``{path}``); ValueError says why."""
    if not pattern.startswith(("https://", "http://")):
        raise ValueError("must start with https:// or http://")
    if "{path}" not in pattern:
        raise ValueError("must contain {path}, where the page's path goes")
    rest = pattern
    for name in PLACEHOLDERS:
        rest = rest.replace(name, "")
    if "{" in rest or "}" in rest:
        raise ValueError("may only use the placeholders " + ", ".join(PLACEHOLDERS))
    return pattern


def pattern_url(page: Page, pattern: str) -> str:
    """The page's address on the site ``pattern`` describes."""
    path = page.rel_path.rsplit(".", 1)[0]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")].rstrip("/")
    locale = (page.content_locale or page.lang).lower()
    return pattern.replace("{path}", path).replace("{lang}", page.lang).replace("{locale}", locale)


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
