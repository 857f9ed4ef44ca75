"""The two apps `bench/f1_load.py` runs under uvicorn: the help service and a bare Starlette
app returning the same fixed redirect. Both are uvicorn factories (``--factory``)."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import RedirectResponse
from starlette.routing import Route

REPO = Path(__file__).resolve().parent.parent
TARGET = "/de/guides/add-funds/"


def service():
    """The help service over the repository's docs; state goes to ``$BENCH_DATA_DIR``."""
    from helpsvc.api import create_app
    from helpsvc.settings import Settings

    settings = Settings(
        docs_dir=REPO / "docs",
        site_dir=REPO / "site",
        data_dir=Path(os.environ["BENCH_DATA_DIR"]),
    )
    return create_app(settings)


async def _redirect(request):
    return RedirectResponse(TARGET, status_code=302)


def bare():
    """The least any app can do for this request: one route, one fixed 302."""
    return Starlette(routes=[Route("/f1/{keyword:path}", _redirect)])
