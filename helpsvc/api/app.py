"""The app factory: ``create_app(settings, services)`` puts the routers on the use cases.

``services`` (see ``helpsvc.services.container``) may be built by the caller, from parts it
shares between apps; by default the app builds its own. The lifespan brings the database
schema up to date and starts and stops the background writers.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from helpsvc.api import (
    admin,
    f1,
    glossary,
    health,
    pages,
    search,
    simulations,
    tenants,
    walkthroughs,
    web_pages,
)
from helpsvc.api.problems import install_problem_handlers, problem
from helpsvc.services.container import Services, build_services
from helpsvc.settings import Settings

WEB = Path(__file__).resolve().parent.parent / "web"
ROUTERS = (
    health.router,
    f1.router,
    search.router,
    pages.router,
    admin.router,
    tenants.collection,
    tenants.router,
    walkthroughs.router,
    web_pages.router,
    simulations.router,
    glossary.router,
)


def _install_sighup(services: Services) -> None:
    """``kill -HUP <pid>`` reloads the docs, like the admin endpoint."""
    try:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(
            signal.SIGHUP, lambda: loop.run_in_executor(None, services.content.reload)
        )
    except (NotImplementedError, RuntimeError, ValueError):
        # Not the main thread (a test client) or no signals on this platform.
        pass


def _templates() -> Jinja2Templates:
    def paths(request: Request) -> dict[str, Callable[..., str]]:
        # Links on the pages are this site's paths of named routes, never hand-built.
        return {"path_for": lambda name, **params: request.app.url_path_for(name, **params)}

    return Jinja2Templates(directory=WEB / "templates", context_processors=[paths])


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            # /f1 is a plain route (the hot path): described here instead.
            document["paths"] = {**f1.F1_OPENAPI, **document["paths"]}
            app.openapi_schema = document
        return app.openapi_schema

    return schema


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    settings = settings or (services.settings if services else Settings())
    services = services or build_services(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(services.start)
        _install_sighup(services)
        try:
            yield
        finally:
            await asyncio.to_thread(services.stop)

    app = FastAPI(
        title="Communications Credits help service",
        version="0.1.0",
        description="F1 lookups, search and pages of the Communications Credits guides, "
        "and a simulator of the credits themselves.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.templates = _templates()
    install_problem_handlers(app)
    # The F1 hot path first: matched before any other route is tried.
    app.router.routes[:0] = f1.F1_ROUTES
    for router in ROUTERS:
        app.include_router(router)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    app.mount("/_help/static", StaticFiles(directory=WEB / "static"), name="help-static")
    _mount_site(app, settings)
    return app


def _mount_site(app: FastAPI, settings: Settings) -> None:
    site_built = (settings.site_dir / "index.html").is_file()
    app.state.site_built = site_built
    if site_built:
        # Mounted last: every route above wins over a file of the same name.
        app.mount("/", StaticFiles(directory=settings.site_dir, html=True), name="site")
        return

    @app.get("/{path:path}", include_in_schema=False)
    def _site_missing(request: Request, path: str) -> JSONResponse:
        return problem(
            503,
            "Guide site not built",
            f"No built site in '{settings.site_dir}'. Run `helpsvc build` (or `make run`).",
            code="site_not_built",
            instance=request.url.path,
        )
