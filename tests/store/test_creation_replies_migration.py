"""Upgrading a database forgets the creation answers that held API keys in plain text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, insert, select

import helpsvc.store.engine as store_engine
from helpsvc.store.engine import make_engine
from helpsvc.store.schema import idempotency_keys

MIGRATIONS = Path(store_engine.__file__).parent / "migrations"


def migrate(engine: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_upgrade_forgets_creation_answers_holding_api_keys(database_url):
    engine = make_engine(database_url)
    try:
        migrate(engine, "0004")
        row = {"request_hash": "0" * 64, "status": 201, "created_at": datetime.now(UTC)}
        with engine.begin() as connection:
            connection.execute(
                insert(idempotency_keys),
                [
                    {**row, "scope": "-", "key": "c1", "body": '{"api_key":"hsk_secret"}'},
                    {**row, "scope": "9f2c4e1ab0d34c55", "key": "f1", "body": "{}"},
                ],
            )
        migrate(engine, "head")
        with engine.begin() as connection:
            left = list(
                connection.execute(select(idempotency_keys.c.scope, idempotency_keys.c.key))
            )
            # Keys of up to 255 characters fit now (PostgreSQL enforces the length).
            connection.execute(
                insert(idempotency_keys), {**row, "scope": "new:x", "key": "k" * 255, "body": "{}"}
            )
        assert [(r.scope, r.key) for r in left] == [("9f2c4e1ab0d34c55", "f1")]
    finally:
        engine.dispose()
