"""The app factory: ``create_app(settings)`` wires content, routers and the built site."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from helpsvc.api import health
from helpsvc.api.content_state import load_content
from helpsvc.api.problems import install_problem_handlers, problem
from helpsvc.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="Communications Credits help service",
        version="0.1.0",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.content = load_content(settings)
    install_problem_handlers(app)
    app.include_router(health.router)

    site_built = (settings.site_dir / "index.html").is_file()
    app.state.site_built = site_built
    if site_built:
        # Mounted last: every API route above wins over a file of the same name.
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
