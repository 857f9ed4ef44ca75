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
from fastapi.telemetry import TelemetryConfig
from fastapi.templating import Jinja2Templates

from helpsvc.api import (
    admin,
    f1,
    glossary,
    health,
    misses,
    pages,
    search,
    simulations,
    tenants,
    walkthroughs,
    web_pages,
)
from helpsvc.api.body_limit import BodyLimitMiddleware
from helpsvc.api.fallback import ProblemFallback
from helpsvc.api.faults import install_fault_handlers
from helpsvc.api.last_resort import LastResortMiddleware
from helpsvc.api.openapi_problems import document_problems
from helpsvc.api.problems import install_problem_handlers, internal_error, problem, refuse_body
from helpsvc.api.rate_limits import RateLimits
from helpsvc.api.security_headers import SecurityHeaders, SiteHeaders
from helpsvc.api.site_files import SiteFiles
from helpsvc.services.container import Services, build_services
from helpsvc.settings import Settings

WEB = Path(__file__).resolve().parent.parent / "web"
ROUTERS = (
    health.router,
    misses.router,  # before f1.router: /api/v1/f1/{keyword:path} would take its path
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
            app.openapi_schema = document_problems(document)
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
        telemetry=_telemetry(settings),
    )
    app.state.services = services
    app.state.templates = _templates()
    app.state.rate_limits = RateLimits(settings)
    app.add_middleware(SecurityHeaders)
    install_problem_handlers(app)
    install_fault_handlers(app)
    # The F1 hot path first: matched before any other route is tried.
    app.router.routes[:0] = f1.F1_ROUTES
    for router in ROUTERS:
        app.include_router(router)
    # After every route, before the site: unknown /api paths and methods get problems.
    app.router.routes.append(ProblemFallback(app.router.routes))
    _limit_bodies(app, settings)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    app.mount("/_help/static", StaticFiles(directory=WEB / "static"), name="help-static")
    _mount_site(app, settings)
    return app


def _telemetry(settings: Settings) -> TelemetryConfig:
    on = settings.telemetry
    return {"tracing": on, "metrics": on, "logs": on}


def _limit_bodies(app: FastAPI, settings: Settings) -> None:
    # The upload routes count their own bytes against simulation_max_bytes (and answer in
    # their own words); the middleware is only their backstop, above the form's overhead.
    uploads = settings.simulation_max_bytes + 2 * simulations.FORM_OVERHEAD
    app.add_middleware(
        BodyLimitMiddleware,
        limit=settings.max_body_bytes,
        route_limits={"/api/v1/simulations": uploads, "/simulate": uploads},
        refuse=refuse_body,
    )
    # Added last, so outermost: it also catches what the other middlewares raise.
    app.add_middleware(LastResortMiddleware, answer=internal_error)


def _mount_site(app: FastAPI, settings: Settings) -> None:
    site_built = (settings.site_dir / "index.html").is_file()
    app.state.site_built = site_built
    if site_built:
        # Mounted last: every route above wins over a file of the same name.
        # Its 404s come in the reader's language (path prefix, then Accept-Language).
        site = SiteFiles(settings.site_dir, settings.default_lang)
        app.mount("/", SiteHeaders(site), name="site")
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
