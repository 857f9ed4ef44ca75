"""Create the database engine from the settings and bring its schema up to date.

The engine is wired to the guards of ``helpsvc.store.faults``: connections that a read-only
period or a server restart left unusable are replaced instead of failing until the service
restarts, and an SQLite file deleted or replaced under the service stops all writes.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DisconnectionError

from helpsvc.settings import Settings
from helpsvc.store.faults import SqliteFile, guard_file, invalidate_stale_connections


def database_url(settings: Settings) -> str:
    """The configured URL, or an SQLite file in the data folder."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{(settings.data_dir / 'helpsvc.sqlite3').as_posix()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI types
    cursor = dbapi_connection.cursor()
    # WAL lets readers proceed while one writer commits; NORMAL sync is durable in WAL mode
    # against process crashes, which is what the service must survive.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001
    # A write goes to the file the service opened at start, or nowhere (see SqliteFile).
    if not conn.get_execution_options().get("readonly"):
        SqliteFile.check_engine(conn.engine)
    # pysqlite's own transaction handling is off (isolation_level=None below); a write
    # transaction starts as BEGIN IMMEDIATE so it takes the lock before it reads, and two
    # read-modify-write transactions can never interleave. Reads (execution option
    # ``readonly``) start a deferred transaction and run beside a writer under WAL.
    if conn.get_execution_options().get("readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# Server connections (PostgreSQL) are not pinged at every checkout, which would cost a round
# trip per transaction. Instead they are replaced after RECYCLE_SECONDS, TCP keepalives
# keep idle ones alive and find dead peers, and a connection that sat in the pool longer than
# PING_AFTER_IDLE_SECONDS is pinged before use (after a quiet spell, when a server restart or
# a dropped link may have gone unnoticed). Under load no ping is ever sent; a connection that
# broke while in use is still detected by SQLAlchemy, which then discards the whole pool.
RECYCLE_SECONDS = 1800
PING_AFTER_IDLE_SECONDS = 10.0
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 60, "keepalives_interval": 10}
# A server that does not answer (a dropped link, a firewall) fails a connect within seconds,
# so a request or the readiness probe answers 503 instead of hanging.
_CONNECT_TIMEOUT = {"connect_timeout": 5}
_LIBPQ_DRIVERS = ("psycopg", "psycopg2")


def _connect_args(parsed: URL) -> dict[str, Any]:
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() not in _LIBPQ_DRIVERS:
        return {}
    options = {**_KEEPALIVES, **_CONNECT_TIMEOUT}
    return {name: value for name, value in options.items() if name not in parsed.query}


def _ping_when_idle(engine: Engine) -> None:
    def checkin(_dbapi_connection, record) -> None:  # noqa: ANN001 - pool types
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection, record, _proxy) -> None:  # noqa: ANN001 - pool types
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool discards this connection and checks out another (a fresh one).
            raise DisconnectionError("pooled connection failed its ping") from exc

    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "isolation_level": None}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        invalidate_stale_connections(engine)
        if parsed.database and parsed.database != ":memory:":
            guard_file(engine, Path(parsed.database).absolute())
        return engine
    engine = create_engine(
        url,
        pool_size=10,
        max_overflow=20,
        pool_recycle=RECYCLE_SECONDS,
        connect_args=_connect_args(parsed),
    )
    _ping_when_idle(engine)
    invalidate_stale_connections(engine)
    return engine


def read(engine: Engine) -> Connection:
    """A connection for reads only: on SQLite it does not take the write lock."""
    return engine.connect().execution_options(readonly=True)


def upgrade(engine: Engine) -> None:
    """Apply every Alembic migration that the database has not seen yet."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several service processes may start at once against one database; the
            # advisory lock lets exactly one of them migrate while the others wait.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(724031)")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
