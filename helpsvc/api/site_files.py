"""The built guide site as static files, with a 404 page in the reader's language.

The build writes one 404 page per language (``404.html`` for the default language,
``<lang>/404.html`` for the others). A path under ``/de/`` or ``/zh/`` is a German or
Chinese reader's; anywhere else Accept-Language decides, and the default language answers
when neither does.
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from helpsvc.content.locales import content_language, negotiate

NOT_FOUND = "404.html"


class SiteFiles(StaticFiles):
    """``StaticFiles(html=True)`` whose 404 answer speaks the reader's language."""

    def __init__(self, directory: Path, default_lang: str) -> None:
        super().__init__(directory=directory, html=True)
        self.default_lang = default_lang
        # The languages the build wrote a 404 page for, found once: the site is rebuilt
        # by restarting the service.
        self.not_found_pages = {
            page.parent.name: page for page in sorted(Path(directory).glob(f"*/{NOT_FOUND}"))
        }
        root_page = Path(directory) / NOT_FOUND
        if root_page.is_file():
            self.not_found_pages[default_lang] = root_page

    def reader_lang(self, path: str, accept_language: str | None) -> str:
        """The language of the 404 page for ``path``: its prefix, else Accept-Language."""
        first = path.lstrip("/").split("/", 1)[0]
        if first in self.not_found_pages and first != self.default_lang:
            return first
        return negotiate(None, accept_language, self.not_found_pages, self.default_lang)

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code != 404 or not self.not_found_pages:
            return response
        headers = dict(scope.get("headers") or [])
        accept = headers.get(b"accept-language", b"").decode("latin-1") or None
        lang = self.reader_lang(path, accept)
        page = self.not_found_pages.get(lang)
        if page is None:
            return response
        return FileResponse(
            page,
            status_code=404,
            headers={"Content-Language": content_language(lang), "Vary": "Accept-Language"},
        )
