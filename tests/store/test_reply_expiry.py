"""Remembered answers older than the idempotency window are deleted when the next is written,
whoever wrote them: a caller that never comes back leaves nothing behind for long."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from helpsvc.services.idempotency import Idempotency, Reply
from helpsvc.store.engine import make_engine
from helpsvc.store.replies import ReplyRepository
from helpsvc.store.schema import idempotency_keys
from tests.store.test_creation_replies_migration import migrate


def test_expired_answers_of_any_scope_go_when_a_new_one_is_written(database_url):
    engine = make_engine(database_url)
    now = [datetime(2026, 11, 1, 9, tzinfo=UTC)]
    keys = Idempotency(lambda: now[0], window=timedelta(hours=24))
    try:
        migrate(engine, "head")
        with engine.begin() as connection:
            replies = ReplyRepository(connection)
            keys.remember(replies, "new:gone", "k1", "d1", Reply(201, {"id": "t1"}))
            now[0] += timedelta(hours=12)
            keys.remember(replies, "tenant-a", "k2", "d2", Reply(200, {}))
        now[0] += timedelta(hours=13)  # k1 is 25 h old, k2 13 h
        with engine.begin() as connection:
            keys.remember(ReplyRepository(connection), "tenant-b", "k3", "d3", Reply(200, {}))
            left = sorted(r.key for r in connection.execute(select(idempotency_keys.c.key)))
            # The unexpired answer is still replayed as it was.
            replayed = keys.replay(ReplyRepository(connection), "tenant-a", "k2", "d2")
        assert left == ["k2", "k3"]
        assert replayed is not None and replayed.replayed and replayed.status == 200
    finally:
        engine.dispose()
