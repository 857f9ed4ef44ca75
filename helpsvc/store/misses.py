"""Count F1 keywords that found no page, off the request path.

A lookup only adds to an in-memory tally under a lock; a background thread writes the tally
to the database every few seconds in one upsert per keyword, and once more at shutdown, so
counts survive a restart without a database write per request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from helpsvc.content.meta import normalize_keyword
from helpsvc.credits.clock import as_utc
from helpsvc.store.engine import read
from helpsvc.store.schema import f1_misses

MAX_KEYWORD = 256


@dataclass(slots=True)
class Miss:
    keyword: str  # normalised
    locale: str
    count: int
    first_seen: datetime
    last_seen: datetime
    sample: str  # as last sent


def _utcnow() -> datetime:
    return datetime.now(UTC)


class MissCounter:
    def __init__(
        self,
        engine: Engine,
        flush_seconds: float = 2.0,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._engine = engine
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._pending: dict[tuple[str, str], Miss] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def record(self, keyword: str, locale: str) -> None:
        sample = keyword.strip()[:MAX_KEYWORD]
        key = (normalize_keyword(sample), locale[:16])
        now = self._clock()
        with self._lock:
            miss = self._pending.get(key)
            if miss is None:
                self._pending[key] = Miss(key[0], key[1], 1, now, now, sample)
            else:
                miss.count += 1
                miss.last_seen = now
                miss.sample = sample

    def flush(self) -> int:
        """Write the tally to the database; returns how many rows were touched."""
        with self._lock:
            batch, self._pending = self._pending, {}
        if not batch:
            return 0
        try:
            with self._engine.begin() as connection:
                dialect = connection.dialect.name
                insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
                for miss in batch.values():
                    statement = insert(f1_misses).values(
                        keyword=miss.keyword,
                        locale=miss.locale,
                        count=miss.count,
                        first_seen=miss.first_seen,
                        last_seen=miss.last_seen,
                        sample=miss.sample,
                    )
                    statement = statement.on_conflict_do_update(
                        index_elements=["keyword", "locale"],
                        set_={
                            "count": f1_misses.c.count + statement.excluded.count,
                            "last_seen": statement.excluded.last_seen,
                            "sample": statement.excluded.sample,
                        },
                    )
                    connection.execute(statement)
        except Exception:
            # Nothing counted is lost when the database is briefly unavailable: put the
            # batch back and try again at the next flush.
            with self._lock:
                for key, miss in batch.items():
                    current = self._pending.get(key)
                    if current is None:
                        self._pending[key] = miss
                    else:
                        current.count += miss.count
                        current.first_seen = miss.first_seen
            raise
        return len(batch)

    def top(self, limit: int = 50) -> list[Miss]:
        """Most frequent misses, stored and not yet flushed together."""
        rows: dict[tuple[str, str], Miss] = {}
        with read(self._engine) as connection:
            for row in connection.execute(select(f1_misses)):
                rows[(row.keyword, row.locale)] = Miss(
                    row.keyword,
                    row.locale,
                    row.count,
                    as_utc(row.first_seen),
                    as_utc(row.last_seen),
                    row.sample,
                )
        with self._lock:
            for key, miss in self._pending.items():
                stored = rows.get(key)
                if stored is None:
                    rows[key] = Miss(**{f: getattr(miss, f) for f in Miss.__slots__})
                else:
                    stored.count += miss.count
                    stored.last_seen = miss.last_seen
                    stored.sample = miss.sample
        ranked = sorted(rows.values(), key=lambda m: (-m.count, m.keyword, m.locale))
        return ranked[:limit]

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="f1-miss-flush", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._flush_seconds):
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - retried at the next tick
                continue

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self.flush()
