"""Database faults: while the database cannot take writes, every request that needs it gets a
503 problem with Retry-After and ``/readyz`` says not ready (``/healthz`` stays up); when the
database is back the service works again without a restart, and every write it acknowledged
is still there.

Faults are real: an SQLite file moved away, a size-limited tmpfs that fills up or is
remounted read-only (root only: skipped elsewhere, required under CI=true), a PostgreSQL
database that refuses connections or is made read-only.
"""

from __future__ import annotations

import logging
import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.api.tenant_helpers import Tenant


class Ledger:
    """A tenant that buys credits; remembers every purchase the service acknowledged."""

    def __init__(self, client: TestClient) -> None:
        self.tenant = Tenant(client)
        self.tenant.card()
        self.acknowledged_cents = 0

    def buy(self, cents: int = 100, **headers: str) -> Any:
        response = self.tenant.post("/funds", {"amount": f"{cents / 100:.2f}"}, **headers)
        if response.status_code == 201:
            self.acknowledged_cents += cents
        else:
            assert response.status_code == 503, response.text
        return response

    def buy_until_acknowledged(self, attempts: int = 3) -> Any:
        """A client that honours Retry-After (without the wait): the first attempt after an
        outage may meet a connection the outage broke, the next one must succeed."""
        for _ in range(attempts):
            response = self.buy()
            if response.status_code == 201:
                return response
        raise AssertionError(f"no purchase acknowledged in {attempts} attempts: {response.text}")

    def balance_cents(self) -> int:
        return round(float(self.tenant.state()["balance"]) * 100)


def assert_unavailable(response: Any, *faults: str) -> dict[str, Any]:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    assert body["code"] == "database_unavailable" and body["fault"] in faults, body
    return body


def assert_not_ready(client: TestClient, *faults: str) -> None:
    response = client.get("/readyz")
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "retry-after" in response.headers
    checks = response.json()["checks"]
    assert checks["database"]["status"] in faults, checks
    assert checks["docs"]["status"] == "ok" and checks["glossary"]["status"] == "ok"
    # Liveness does not depend on the database: nothing to gain from a restart.
    assert client.get("/healthz").status_code == 200


def assert_ready(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ready"


# -- an outage per backend: the database refuses service, then comes back ---------------


class MovedAway:
    """SQLite: the database file is moved away (as by a careless clean-up), then back."""

    def __init__(self, url: str) -> None:
        self.path = Path(make_url(url).database or "")
        self.aside = self.path.with_name("moved-away.sqlite3")

    def begin(self) -> None:
        self.path.rename(self.aside)

    def end(self) -> None:
        self.aside.rename(self.path)


class RefusesConnections:
    """PostgreSQL: the database stops accepting connections and drops the open ones (as in
    a server restart or a failover), then accepts them again."""

    def __init__(self, url: str) -> None:
        self.name = make_url(url).database
        self.admin = create_engine(
            make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )

    def sql(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def drop_sessions(self) -> None:
        self.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
        )

    def begin(self) -> None:
        self.sql(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        self.drop_sessions()

    def end(self) -> None:
        self.sql(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')
        self.admin.dispose()


def outage_for(url: str) -> MovedAway | RefusesConnections:
    return MovedAway(url) if url.startswith("sqlite") else RefusesConnections(url)


def test_writes_answer_503_while_the_database_is_away_and_work_again_when_it_is_back(
    make_client: Callable[..., TestClient], database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(database_url=database_url)
    ledger = Ledger(client)
    ledger.buy()
    assert_ready(client)
    outage = outage_for(database_url)

    outage.begin()
    try:
        with caplog.at_level(logging.ERROR, logger="helpsvc.store"):
            refused = [ledger.buy(**{"Accept-Language": "de"}) for _ in range(3)]
        for response in refused:
            body = assert_unavailable(response, "file_missing", "unreachable")
            assert body["title"] == "Datenbank vorübergehend nicht verfügbar"
        assert_not_ready(client, "file_missing", "unreachable")
        if isinstance(outage, MovedAway):
            # The operator learns which file is gone, once, not per request.
            logged = [
                r.getMessage()
                for r in caplog.records
                if r.levelno == logging.ERROR and str(outage.path) in r.getMessage()
            ]
            assert len(logged) == 1 and "deleted or moved" in logged[0]
    finally:
        outage.end()

    ledger.buy_until_acknowledged()
    assert_ready(client)
    ledger.buy()
    assert ledger.balance_cents() == ledger.acknowledged_cents


def test_the_problem_is_worded_in_the_callers_language(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client()
    ledger = Ledger(client)
    outage = MovedAway(f"sqlite:///{tmp_path / 'var' / 'helpsvc.sqlite3'}")
    outage.begin()
    try:
        details = {
            lang: assert_unavailable(ledger.buy(**{"Accept-Language": lang}), "file_missing")
            for lang in ("en", "de", "zh")
        }
    finally:
        outage.end()
    assert details["en"]["title"] == "Database temporarily unavailable"
    assert details["zh"]["title"] == "数据库暂时不可用"
    assert "30" in details["de"]["detail"] and "Sekunden" in details["de"]["detail"]
    assert len({d["detail"] for d in details.values()}) == 3


def test_a_database_file_replaced_under_the_service_takes_no_writes(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client()
    ledger = Ledger(client)
    ledger.buy()
    path = tmp_path / "var" / "helpsvc.sqlite3"
    original = path.with_name("original.sqlite3")
    path.rename(original)
    path.write_bytes(b"")  # an empty file where the database was (a new inode)
    try:
        assert_unavailable(ledger.buy(), "file_replaced")
        assert_not_ready(client, "file_replaced")
    finally:
        original.replace(path)
    ledger.buy_until_acknowledged()
    assert ledger.balance_cents() == ledger.acknowledged_cents


# -- read-only and full: real file systems, size-limited tmpfs (root only) ---------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mount a tmpfs of a given size; skipped where mounting is not allowed, except in CI."""
    mounted: list[Path] = []

    def mount(size: str = "8m") -> Path:
        target = tmp_path / f"fs-{uuid.uuid4().hex[:6]}"
        target.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            if os.environ.get("CI") == "true":
                pytest.fail(f"mounting a tmpfs is required under CI: {result.stderr}")
            pytest.skip(f"cannot mount a tmpfs here (needs root): {result.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in mounted:
        subprocess.run(["umount", "-l", str(target)], check=False)


def remount(target: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(target)], check=True)


def test_sqlite_on_a_read_only_file_system_answers_503_and_recovers_when_writable(
    tmpfs: Callable[..., Path], make_client: Callable[..., TestClient]
) -> None:
    disk = tmpfs()
    client = make_client(data_dir=disk)
    ledger = Ledger(client)
    ledger.buy()
    services = client.app.state.services
    # Linux remounts read-only only when no file is open for writing: the pool is emptied
    # first, as it is whenever connections are recycled. Connections opened from now on
    # open the file read-only, and SQLite keeps them so after the file system is writable.
    services.engine.dispose()
    remount(disk, "ro")
    try:
        assert_unavailable(ledger.buy(), "read_only", "unreachable")
        assert_not_ready(client, "read_only", "unreachable")
        assert_unavailable(ledger.buy(), "read_only", "unreachable")
    finally:
        remount(disk, "rw")

    ledger.buy_until_acknowledged()
    assert_ready(client)
    for _ in range(3):  # no connection of the read-only period is left behind
        assert ledger.buy().status_code == 201
    assert ledger.balance_cents() == ledger.acknowledged_cents


@pytest.fixture
def immutable() -> Iterator[Callable[[Path, bool], None]]:
    """``chattr +i``: a file even root cannot open for writing (needs CAP_LINUX_IMMUTABLE);
    skipped where that is not allowed, except in CI."""
    marked: list[Path] = []

    def mark(path: Path, on: bool) -> None:
        result = subprocess.run(
            ["chattr", "+i" if on else "-i", str(path)], capture_output=True, text=True
        )
        if result.returncode != 0:
            if os.environ.get("CI") == "true":
                pytest.fail(f"chattr is required under CI: {result.stderr}")
            pytest.skip(f"cannot make a file immutable here: {result.stderr.strip()}")
        (marked.append if on else marked.remove)(path)

    yield mark
    for path in marked:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_sqlite_connections_opened_while_the_file_was_read_only_do_not_outlive_it(
    tmpfs: Callable[..., Path],
    immutable: Callable[[Path, bool], None],
    make_client: Callable[..., TestClient],
) -> None:
    disk = tmpfs()  # a file system known to take ``chattr +i`` wherever mount works
    client = make_client(data_dir=disk)
    ledger = Ledger(client)
    ledger.buy()
    path = disk / "helpsvc.sqlite3"
    # SQLite opens a file it may not write read-only, silently, and such a connection stays
    # read-only for good: the connections made during the period (here: after the pool was
    # emptied, as when connections are recycled) are the ones that must not outlive it.
    client.app.state.services.engine.dispose()
    immutable(path, True)
    try:
        for _ in range(3):
            assert_unavailable(ledger.buy(), "read_only")
        assert_not_ready(client, "read_only")
    finally:
        immutable(path, False)

    ledger.buy_until_acknowledged()
    for _ in range(3):
        assert ledger.buy().status_code == 201
    assert_ready(client)
    assert ledger.balance_cents() == ledger.acknowledged_cents


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk`` with one file; returns it."""
    filler = disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_answers_503_and_loses_no_acknowledged_purchase(
    tmpfs: Callable[..., Path], make_client: Callable[..., TestClient]
) -> None:
    disk = tmpfs("4m")
    client = make_client(data_dir=disk)
    ledger = Ledger(client)
    ledger.buy()
    filler = fill(disk)
    # The WAL may still have room for a few commits; a purchase that needs a new page fails.
    refused = None
    for _ in range(500):
        response = ledger.buy(cents=137)
        if response.status_code == 503:
            refused = response
            break
    assert refused is not None, "the full disk never refused a write"
    assert_unavailable(refused, "full")

    filler.unlink()
    ledger.buy_until_acknowledged()
    assert_ready(client)
    assert ledger.balance_cents() == ledger.acknowledged_cents


# -- PostgreSQL: a read-only period (failover to a standby, maintenance) ------------------


def test_postgres_read_only_period_answers_503_and_leaves_no_read_only_connection_behind(
    make_client: Callable[..., TestClient], postgres_url: str
) -> None:
    client = make_client(database_url=postgres_url)
    ledger = Ledger(client)
    ledger.buy()
    database = RefusesConnections(postgres_url)
    try:
        database.sql(f'ALTER DATABASE "{database.name}" SET default_transaction_read_only = on')
        database.drop_sessions()  # sessions from now on start read-only
        responses = [ledger.buy() for _ in range(4)]
        for response in responses:
            assert_unavailable(response, "read_only", "unreachable")
        assert "read_only" in {r.json()["fault"] for r in responses}
        assert_not_ready(client, "read_only")
        # Hold several sessions of the read-only period in the pool.
        for _ in range(3):
            client.get("/readyz")
    finally:
        database.sql(f'ALTER DATABASE "{database.name}" RESET default_transaction_read_only')
        database.admin.dispose()

    ledger.buy_until_acknowledged()
    for _ in range(5):  # every pooled read-only session was replaced
        assert ledger.buy().status_code == 201
    assert_ready(client)
    assert ledger.balance_cents() == ledger.acknowledged_cents


# -- what else readiness checks: docs and glossary --------------------------------------


def test_readiness_counts_the_pages_it_skipped_and_why(
    make_client: Callable[..., TestClient], docs_copy: Path
) -> None:
    page = docs_copy / "de/guides/add-funds.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("  - O365M_SFBVoiceCredit\n", "O365M_Broken\n"),
        encoding="utf-8",
    )
    client = make_client(docs_dir=docs_copy)
    response = client.get("/readyz")
    # A skipped page is reported, not fatal: the other pages are served.
    assert response.status_code == 200, response.text
    docs = response.json()["checks"]["docs"]
    assert docs["skipped"] == 1
    [skipped] = docs["skipped_pages"]
    assert skipped["path"] == "de/guides/add-funds.md" and skipped["line"] > 1
    assert "YAML" in skipped["message"]
    assert docs["pages"]["en"] > docs["pages"]["de"] > 0


def test_readiness_is_not_ready_without_a_glossary(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    empty = tmp_path / "no-glossary"
    empty.mkdir()
    client = make_client(glossary_dir=empty)
    response = client.get("/readyz", headers={"Accept-Language": "zh"})
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["checks"]["glossary"]["status"] == "empty"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["title"] == "服务未就绪" and "glossary" in body["detail"]
