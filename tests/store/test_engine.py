"""The PostgreSQL pool: no ping per transaction, yet a connection that died while idle is
replaced before use."""

from __future__ import annotations

from sqlalchemy import event, text

from helpsvc.store import engine as engine_module
from helpsvc.store.engine import make_engine


def backend_pid(engine) -> int:  # noqa: ANN001
    with engine.connect() as connection:
        return connection.execute(text("select pg_backend_pid()")).scalar_one()


def terminate(url: str, pid: int) -> None:
    admin = make_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text("select pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        admin.dispose()


def test_busy_connections_are_not_pinged(postgres_url: str, monkeypatch) -> None:
    engine = make_engine(postgres_url)
    pings: list[object] = []
    monkeypatch.setattr(engine.dialect, "do_ping", pings.append)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    try:
        for _ in range(5):
            with engine.begin() as connection:
                connection.execute(text("select 2"))
        assert statements == ["select 2"] * 5 and pings == []
        assert engine.pool._recycle == engine_module.RECYCLE_SECONDS
    finally:
        engine.dispose()


def test_a_connection_that_died_while_idle_is_replaced(postgres_url: str, monkeypatch) -> None:
    engine = make_engine(postgres_url)
    try:
        first = backend_pid(engine)
        terminate(postgres_url, first)
        monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 0.0)
        second = backend_pid(engine)  # no error: the ping found it dead, a new one was made
        assert second != first
    finally:
        engine.dispose()
