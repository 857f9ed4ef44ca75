from __future__ import annotations

import os
import shutil
import textwrap
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from helpsvc.api import create_app
from helpsvc.services.container import Parts, build_parts, build_services
from helpsvc.settings import Settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PG_URL = os.environ.get(
    "HELPSVC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Tests send many requests from one address: the rate limits are raised so none is ever hit
# by chance (tests/api/test_hardening_web.py sets low ones to prove they work).
TEST_RATE_LIMITS = {
    f"rate_limit_{policy}": "100000/minute"
    for policy in ("tenant_creation", "sign_in", "sandbox", "admin", "key_failures")
}


@pytest.fixture
def make_tree(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{relative path: text}`` under a fresh folder and return the folder."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "docs"
        for rel, body in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
        return root

    return write


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A copy of the project's docs that a test may change."""
    target = tmp_path / "docs"
    shutil.copytree(REPO / "docs", target)
    return target


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """A reachable PostgreSQL; under CI=true an unreachable one fails instead of skipping."""
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is required under CI: {exc}")
        pytest.skip(f"PostgreSQL at {PG_URL} is not reachable")
    return PG_URL


@pytest.fixture
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    name = f"helpsvc_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_server_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs against the embedded SQLite default and against PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'helpsvc.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once in strict mode for the tests that serve it."""
    from helpsvc.content.site_build import build_site

    site = tmp_path_factory.mktemp("site")
    code = build_site(REPO / "mkdocs.yml", site, strict=True, quiet=True)
    assert code == 0, "mkdocs build --strict failed; run `helpsvc build` to see why"
    return site


@pytest.fixture(scope="session")
def service_parts() -> Parts:
    """The docs index, tariff, flows and glossary of the project's docs, read once: every app
    of the session shares them (an app of other docs or another glossary reads its own)."""
    return build_parts(Settings(docs_dir=REPO / "docs"))


@pytest.fixture
def make_client(tmp_path: Path, service_parts: Parts) -> Iterator[Callable[..., TestClient]]:
    """Start the app (lifespan included) with test settings; stopped after the test."""
    clients: list[TestClient] = []

    def start(**overrides: object) -> TestClient:
        values: dict[str, object] = {
            "docs_dir": REPO / "docs",
            "site_dir": tmp_path / "no-site",
            "data_dir": tmp_path / "var",
            "admin_token": "test-admin-token",
            "miss_flush_seconds": 3600.0,  # tests flush explicitly
            **TEST_RATE_LIMITS,
        }
        values.update(overrides)
        settings = Settings(**values)
        app = create_app(settings, build_services(settings, service_parts))
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        clients.append(client)
        return client

    yield start
    for client in reversed(clients):
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
