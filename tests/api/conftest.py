from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from helpsvc.api import create_app
from helpsvc.settings import Settings
from tests.conftest import REPO


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Start the app (lifespan included) with test settings; stopped after the test."""
    clients: list[TestClient] = []

    def start(**overrides: object) -> TestClient:
        values: dict[str, object] = {
            "docs_dir": REPO / "docs",
            "site_dir": tmp_path / "no-site",
            "data_dir": tmp_path / "var",
            "admin_token": "test-admin-token",
            "miss_flush_seconds": 3600.0,  # tests flush explicitly
        }
        values.update(overrides)
        client = TestClient(create_app(Settings(**values)), follow_redirects=False)
        client.__enter__()
        clients.append(client)
        return client

    yield start
    for client in reversed(clients):
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
