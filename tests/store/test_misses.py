"""F1 misses survive a restart and add up across flushes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from helpsvc.cli import app as cli
from helpsvc.store.engine import make_engine, upgrade
from helpsvc.store.misses import MissCounter


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_counts_survive_restart_and_add_up(database_url):
    clock = FakeClock()
    engine = make_engine(database_url)
    upgrade(engine)
    counter = MissCounter(engine, clock=clock)
    counter.record("O365X_Thing", "de")
    counter.record(" o365x_thing ", "de")
    counter.record("O365X_Thing", "zh")
    counter.stop()  # flushes
    engine.dispose()

    engine = make_engine(database_url)
    upgrade(engine)  # a second upgrade on a current schema changes nothing
    restarted = MissCounter(engine, clock=clock)
    restarted.record("o365x_thing", "de")
    # Unflushed counts are part of the answer already.
    top = restarted.top()
    assert [(m.keyword, m.locale, m.count) for m in top] == [
        ("o365x_thing", "de", 3),
        ("o365x_thing", "zh", 1),
    ]
    restarted.flush()
    stored = restarted.top()[0]
    assert stored.count == 3
    assert stored.first_seen == datetime(2026, 11, 1, 8, 1, tzinfo=UTC)
    assert stored.last_seen == datetime(2026, 11, 1, 8, 4, tzinfo=UTC)
    assert stored.sample == "o365x_thing"
    engine.dispose()


def test_a_failed_flush_loses_nothing(database_url):
    engine = make_engine(database_url)
    counter = MissCounter(engine)  # schema not created: the first flush fails
    counter.record("Lost_Or_Not", "en")
    with pytest.raises(DBAPIError):
        counter.flush()
    upgrade(engine)
    counter.flush()
    assert [(m.keyword, m.count) for m in counter.top()] == [("lost_or_not", 1)]
    engine.dispose()


def test_misses_command_prints_the_table(database_url, monkeypatch):
    engine = make_engine(database_url)
    upgrade(engine)
    counter = MissCounter(engine)
    for _ in range(2):
        counter.record("SFB_Missing", "de")
    counter.stop()
    engine.dispose()
    monkeypatch.setenv("HELPSVC_DATABASE_URL", database_url)
    result = CliRunner().invoke(cli, ["misses", "--json"])
    assert result.exit_code == 0, result.stdout
    assert '"keyword": "sfb_missing"' in result.stdout and '"count": 2' in result.stdout
    table = CliRunner().invoke(cli, ["misses"])
    assert "SFB_Missing" in table.stdout and "de" in table.stdout


def test_misses_command_shows_what_the_cap_folded_into_other(database_url, monkeypatch):
    engine = make_engine(database_url)
    upgrade(engine)
    counter = MissCounter(engine, max_keywords=2)
    for keyword in ("Kept_One", "Kept_Two", "Beyond_1", "Beyond_2", "Beyond_3"):
        counter.record(keyword, "en")
    counter.stop()
    engine.dispose()
    monkeypatch.setenv("HELPSVC_DATABASE_URL", database_url)
    body = json.loads(CliRunner().invoke(cli, ["misses", "--json"]).stdout)
    assert [m["keyword"] for m in body["misses"]] == ["kept_one", "kept_two"]
    assert body["other"] == 3
    table = CliRunner().invoke(cli, ["misses"]).stdout
    assert "3 more misses of keywords beyond the cap" in table
