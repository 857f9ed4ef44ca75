"""The app factory: ``create_app(settings)`` wires content, store, routers and the site."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
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
from helpsvc.api.content_state import ContentHolder
from helpsvc.api.notify import render_notification
from helpsvc.api.problems import install_problem_handlers, problem
from helpsvc.credits import load_sample_tariff
from helpsvc.glossary.load import find_glossary_dir, load_glossary
from helpsvc.glossary.lookup import TermIndex, search_synonyms
from helpsvc.settings import Settings
from helpsvc.store.engine import database_url, make_engine, upgrade
from helpsvc.store.misses import MissCounter
from helpsvc.store.outbox import OutboxSender, SmtpTarget
from helpsvc.store.tenants import TenantStore
from helpsvc.store.walkthroughs import WalkthroughStore
from helpsvc.walkthroughs.load import load_flows
from helpsvc.walkthroughs.service import Walkthroughs

WEB = Path(__file__).resolve().parent.parent / "web"
log = logging.getLogger("helpsvc")


def _install_sighup(app: FastAPI) -> None:
    """``kill -HUP <pid>`` reloads the docs, like the admin endpoint."""
    try:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(
            signal.SIGHUP, lambda: loop.run_in_executor(None, app.state.content.reload)
        )
    except (NotImplementedError, RuntimeError, ValueError):
        # Not the main thread (a test client) or no signals on this platform.
        pass


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    engine = make_engine(database_url(settings))
    misses = MissCounter(engine, settings.miss_flush_seconds)
    outbox = (
        OutboxSender(
            engine, SmtpTarget.parse(settings.smtp_url, settings.smtp_from), settings.outbox_seconds
        )
        if settings.smtp_url
        else None
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.to_thread(upgrade, engine)
        misses.start()
        if outbox is not None:
            outbox.start()
        _install_sighup(app)
        try:
            yield
        finally:
            await asyncio.to_thread(misses.stop)
            if outbox is not None:
                await asyncio.to_thread(outbox.stop)
            engine.dispose()

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
    app.state.settings = settings
    app.state.engine = engine
    app.state.misses = misses
    app.state.outbox = outbox
    app.state.tenants = TenantStore(engine, load_sample_tariff(), render_notification)
    app.state.walkthroughs = Walkthroughs(load_flows(), WalkthroughStore(engine), app.state.tenants)
    # The glossary, loaded once: /api/v1/glossary serves it, and its synonyms let the help
    # search find a guide by any admitted term. A broken entry is logged and left out.
    terms, term_problems = load_glossary(
        find_glossary_dir(settings.glossary_dir, settings.docs_dir)
    )
    for finding in term_problems:
        log.warning("glossary: %s", finding.format())
    app.state.glossary = TermIndex(terms)
    app.state.content = ContentHolder(settings, synonyms=search_synonyms(terms))
    app.state.templates = Jinja2Templates(directory=WEB / "templates")
    install_problem_handlers(app)
    for module in (
        health,
        f1,
        search,
        pages,
        admin,
        tenants,
        walkthroughs,
        web_pages,
        simulations,
        glossary,
    ):
        app.include_router(module.router)
    app.add_middleware(f1.F1FastPath)
    app.mount("/_help/static", StaticFiles(directory=WEB / "static"), name="help-static")

    site_built = (settings.site_dir / "index.html").is_file()
    app.state.site_built = site_built
    if site_built:
        # Mounted last: every route above wins over a file of the same name.
        app.mount("/", StaticFiles(directory=settings.site_dir, html=True), name="site")
    else:

        @app.get("/{path:path}", include_in_schema=False)
        def _site_missing(request: Request, path: str) -> JSONResponse:
            return problem(
                503,
                "Guide site not built",
                f"No built site in '{settings.site_dir}'. Run `helpsvc build` (or `make run`).",
                code="site_not_built",
                instance=request.url.path,
            )

    return app
