"""F1 keywords that found no page, read from the service's database by the docs owners."""

from __future__ import annotations

from helpsvc.settings import Settings
from helpsvc.store.engine import database_url, make_engine, upgrade
from helpsvc.store.misses import MissCounter, MissList


def top_misses(settings: Settings, limit: int) -> MissList:
    """The most frequent misses and the count folded into "other" by the cap; the schema is
    brought up to date first (a new database)."""
    engine = make_engine(database_url(settings))
    try:
        upgrade(engine)
        return MissCounter(engine, max_keywords=settings.miss_max_keywords).listing(limit)
    finally:
        engine.dispose()
