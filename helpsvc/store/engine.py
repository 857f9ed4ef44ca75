"""Create the database engine from the settings and bring its schema up to date."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from helpsvc.settings import Settings


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
    # pysqlite's own transaction handling is off (isolation_level=None below); a write
    # transaction starts as BEGIN IMMEDIATE so it takes the lock before it reads, and two
    # read-modify-write transactions can never interleave. Reads (execution option
    # ``readonly``) start a deferred transaction and run beside a writer under WAL.
    if conn.get_execution_options().get("readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


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
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


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
