"""Count F1 keywords that found no page, off the request path.

A lookup only adds to an in-memory tally under a lock; a background thread writes the tally
to the database every few seconds, one or two statements per keyword, and once more at
shutdown, so counts survive a restart without a database write per request.

Anyone can send F1 lookups, so the list is bounded: at most ``max_keywords`` distinct
(keyword, locale) pairs are kept, in memory and in the database; a miss of any further
keyword only adds to the "other" count of its locale. Keywords seen first keep their place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from helpsvc.content.meta import normalize_keyword
from helpsvc.credits.clock import as_utc
from helpsvc.store.engine import read
from helpsvc.store.schema import f1_miss_other, f1_misses

MAX_KEYWORD = 256
MAX_KEYWORDS = 10_000


@dataclass(slots=True)
class Miss:
    keyword: str  # normalised
    locale: str
    count: int
    first_seen: datetime
    last_seen: datetime
    sample: str  # as last sent


@dataclass(frozen=True, slots=True)
class MissList:
    """The most frequent misses, and how many misses the cap folded into "other"."""

    misses: list[Miss]
    other: int


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _insert_for(connection: Connection):  # noqa: ANN202 - the dialect's insert construct
    return postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert


class MissCounter:
    def __init__(
        self,
        engine: Engine,
        flush_seconds: float = 2.0,
        clock: Callable[[], datetime] = _utcnow,
        max_keywords: int = MAX_KEYWORDS,
    ) -> None:
        self._engine = engine
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._max_keywords = max_keywords
        self._pending: dict[tuple[str, str], Miss] = {}
        self._pending_other: dict[str, int] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def record(self, keyword: str, locale: str) -> None:
        sample = keyword.strip()[:MAX_KEYWORD]
        key = (normalize_keyword(sample), locale[:16])
        now = self._clock()
        with self._lock:
            miss = self._pending.get(key)
            if miss is None and len(self._pending) >= self._max_keywords:
                self._pending_other[key[1]] = self._pending_other.get(key[1], 0) + 1
            elif miss is None:
                self._pending[key] = Miss(key[0], key[1], 1, now, now, sample)
            else:
                miss.count += 1
                miss.last_seen = now
                miss.sample = sample

    def flush(self) -> int:
        """Write the tally to the database; returns how many keywords were written."""
        with self._lock:
            batch, self._pending = self._pending, {}
            other, self._pending_other = self._pending_other, {}
        if not batch and not other:
            return 0
        try:
            with self._engine.begin() as connection:
                self._write(connection, batch, other)
        except Exception:
            # Nothing counted is lost when the database is briefly unavailable: put the
            # batch back and try again at the next flush.
            self._put_back(batch, other)
            raise
        return len(batch)

    def _write(
        self, connection: Connection, batch: dict[tuple[str, str], Miss], other: dict[str, int]
    ) -> None:
        insert = _insert_for(connection)
        kept = connection.execute(select(func.count()).select_from(f1_misses)).scalar_one()
        for miss in batch.values():
            key = (f1_misses.c.keyword == miss.keyword) & (f1_misses.c.locale == miss.locale)
            updated = connection.execute(
                update(f1_misses)
                .where(key)
                .values(
                    count=f1_misses.c.count + miss.count,
                    last_seen=miss.last_seen,
                    sample=miss.sample,
                )
            )
            if updated.rowcount:
                continue
            if kept >= self._max_keywords:
                other[miss.locale] = other.get(miss.locale, 0) + miss.count
                continue
            statement = insert(f1_misses).values(
                keyword=miss.keyword,
                locale=miss.locale,
                count=miss.count,
                first_seen=miss.first_seen,
                last_seen=miss.last_seen,
                sample=miss.sample,
            )
            # Another process may have added the keyword since the update above.
            statement = statement.on_conflict_do_update(
                index_elements=["keyword", "locale"],
                set_={
                    "count": f1_misses.c.count + statement.excluded.count,
                    "last_seen": statement.excluded.last_seen,
                    "sample": statement.excluded.sample,
                },
            )
            connection.execute(statement)
            kept += 1
        for locale, count in other.items():
            statement = insert(f1_miss_other).values(locale=locale, count=count)
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["locale"],
                    set_={"count": f1_miss_other.c.count + statement.excluded.count},
                )
            )

    def _put_back(self, batch: dict[tuple[str, str], Miss], other: dict[str, int]) -> None:
        with self._lock:
            for key, miss in batch.items():
                current = self._pending.get(key)
                if current is None:
                    self._pending[key] = miss
                else:
                    current.count += miss.count
                    current.first_seen = miss.first_seen
            for locale, count in other.items():
                self._pending_other[locale] = self._pending_other.get(locale, 0) + count

    def top(self, limit: int = 50) -> list[Miss]:
        """Most frequent misses, stored and not yet flushed together."""
        return self.listing(limit).misses

    def listing(self, limit: int = 50) -> MissList:
        """The ``limit`` most frequent misses and the "other" count, counted up to now.

        The tally is flushed first, so the answer is one indexed query (``count DESC``)
        however many keywords are stored, and includes the misses of the last seconds.
        """
        self.flush()
        ranked = select(f1_misses).order_by(
            f1_misses.c.count.desc(), f1_misses.c.keyword, f1_misses.c.locale
        )
        with read(self._engine) as connection:
            misses = [
                Miss(
                    row.keyword,
                    row.locale,
                    row.count,
                    as_utc(row.first_seen),
                    as_utc(row.last_seen),
                    row.sample,
                )
                for row in connection.execute(ranked.limit(limit))
            ]
            other = connection.execute(select(func.sum(f1_miss_other.c.count))).scalar_one()
        return MissList(misses, int(other or 0))

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
