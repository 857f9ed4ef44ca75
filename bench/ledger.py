"""Debits per second through the tenant store at 8 concurrent clients, against a raw update.

The measured side is the store's unit of work, exactly as the API drives it::

    TenantService(UnitOfWork(engine), load_sample_tariff(), render_notification).execute(
        tenant_id, lambda _state: PlaceCall(..., charge=Money.parse("0.01", "USD")), present=...)

Every debit is one transaction under the tenant's lock: lock the tenant row, load the JSON
state, apply the command, insert the ledger entry and the call, save the state, commit. No
idempotency key is sent (the API's optional header), so the idempotency table is not
touched.

Two kinds of clients, both measured:

* ``processes`` (the goal figure): 8 client processes, each with its own engine and store,
  as the service scales (several service processes share one database); started once per
  database and kept for every run;
* ``threads`` (extra fields, under ``threads``): 8 threads of this process sharing one
  engine and its connection pool, so all the Python work of the 8 clients runs under one
  GIL.

Two shapes of load for each:

* ``parallel`` (the goal figure with processes): 8 tenants, one per client, the realistic
  multi-tenant load where the per-tenant locks never collide;
* ``single_tenant`` (extra fields): all 8 clients debit ONE tenant, as
  tests/store/test_concurrency.py does, so every debit waits for the tenant's lock.

Every tenant is created with ``TenantService.create`` and set up through ``execute``: one
user with a calling plan and Communications Credits, a card, 100,000.00 USD of credits and
auto-recharge on with a 1.00 trigger (the check runs on every debit; it never fires).

Baselines, same run, same client count:

* PostgreSQL: ``pgbench -N -c 8 -j 2 -T 10`` (its simple-update builtin: UPDATE one account
  row, SELECT it, INSERT a history row, per transaction) on ``pgbench -i -s 1`` data in a
  scratch database; tps "without initial connection time". The store uses its own scratch
  database, migrated with ``upgrade(engine)``; both are dropped afterwards.
* SQLite: Python's sqlite3 module with the store's settings (WAL, synchronous=NORMAL,
  busy_timeout=30000, autocommit off), 8 threads with a connection each, each thread
  looping ``BEGIN IMMEDIATE; UPDATE accounts SET balance = balance - 1 WHERE id = ?;
  COMMIT`` on its own row of an 8-row table (the shape of the parallel load). The store
  uses ``make_engine("sqlite:///<tmp>/bench.sqlite3")``. For scale, the record also has
  ``sql_floor``: the store's own SQL for a debit (BEGIN IMMEDIATE, the tenant SELECT, the
  ledger and call INSERTs, the state UPDATE with a state document of the bench tenants'
  size, COMMIT) through raw sqlite3, with no Python work between the statements, from 8
  threads and from 8 processes on 8 tenants (1 s warm-up, 5 s counted, once each), and
  from one client: what any store issuing those statements could reach at best.

Each run is 1 s of warm-up then 10 s counted (debits that finish inside the window). The
sides alternate (baseline, then processes and threads, parallel and single tenant) twice;
the best of each counts. Goal on each database: parallel store debits/s with process
clients >= 0.3 x baseline tps. The machine's 1-minute load average at the start and the end
of each database's part is recorded (``load_average``): other work on the machine skews
both sides.

``--profile`` instead runs one client's debits on SQLite and PostgreSQL under cProfile and
prints where the time of a debit goes (codec, SQL, engine apply).
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, event, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.common import write_result  # noqa: E402
from helpsvc.credits import (  # noqa: E402
    AddFunds,
    AddUser,
    CallingPlan,
    CallKind,
    ConfigureAutoRecharge,
    Licenses,
    Money,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    load_sample_tariff,
)
from helpsvc.services.notifications import render_notification  # noqa: E402
from helpsvc.services.tenants import NewTenant, TenantService  # noqa: E402
from helpsvc.store.engine import make_engine, upgrade  # noqa: E402
from helpsvc.store.unit_of_work import UnitOfWork  # noqa: E402

CLIENTS = 8
PGBENCH_JOBS = 2
WARMUP = 1.0  # seconds of load before the counted window, every run
DURATION = 10.0  # seconds counted per run
ROUNDS = 2  # baseline, then processes and threads x parallel and single tenant; twice
GOAL = 0.3
PG_ADMIN_URL = os.environ.get(
    "HELPSVC_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SETUP_COMMANDS = 4  # AddUser, SetPaymentCard, AddFunds, ConfigureAutoRecharge
START_MARGIN = 0.2  # seconds for the processes to receive a run before its warm-up starts
FLOOR_DURATION = 5.0  # seconds counted per run of the SQLite floor (one run each)
SHAPES = (
    ("processes", "parallel"),
    ("processes", "single"),
    ("threads", "parallel"),
    ("threads", "single"),
)

USD = lambda text: Money.parse(text, "USD")  # noqa: E731
DEBIT = PlaceCall(
    "ada",
    CallKind.USER_OUTBOUND_INTERNATIONAL,
    "GB",
    NumberType.MOBILE,
    60,
    charge=USD("0.01"),
)


def respond(_info: Any, _outcome: Any) -> tuple[int, dict[str, Any]]:
    return 201, {}


# -- the store side --------------------------------------------------------------------------


class TenantStore:
    """The service's tenant commands as the benchmark drives them: one command per call."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.service = TenantService(UnitOfWork(engine), load_sample_tariff(), render_notification)

    def run(self, tenant_id: str, command: Any, *, respond: Any) -> Any:
        return self.service.execute(tenant_id, lambda _state: command, present=respond)

    def load(self, tenant_id: str) -> tuple[Any, Any]:
        loaded = self.service.load(tenant_id)
        return loaded.record, loaded.state

    def ledger_totals(self, tenant_id: str) -> tuple[int, int]:
        with self.service.uow.read() as tx:
            return tx.tenants.ledger_totals(tenant_id)


def new_store(engine: Engine) -> TenantStore:
    return TenantStore(engine)


def make_tenant(store: TenantStore, n: int) -> str:
    spec = NewTenant(
        name=f"Bench {n}",
        country="US",
        currency="USD",
        model="prepaid",
        language="en",
        admin_email=None,
        start=datetime(2026, 1, 10, 9, tzinfo=UTC),
    )
    answer = store.service.create(spec, present=lambda info, _state, _key: {"id": info.id})
    tenant_id = answer.body["id"]
    for command in (
        AddUser("ada", licenses=Licenses(True, True, CallingPlan.DOMESTIC, True)),
        SetPaymentCard("4242", 12, 2030),
        AddFunds(USD("100000.00")),
        ConfigureAutoRecharge(True, USD("1.00"), USD("10.00")),
    ):
        answer = store.run(tenant_id, command, respond=respond)
        assert answer.status == 201, (command, answer)
    return tenant_id


def drive(
    work: Callable[[int], None], clients: int, warmup: float, duration: float
) -> tuple[float, list[float], list[int]]:
    """Run ``work(client)`` in a loop from ``clients`` threads for warm-up + duration.

    Returns (operations/s and latencies in seconds, both counting only the operations that
    ran inside the counted window; and every operation each client completed).
    """
    barrier = threading.Barrier(clients + 1)
    stop = threading.Event()
    counted: list[list[float]] = [[] for _ in range(clients)]
    totals = [0] * clients
    errors: list[BaseException] = []
    window: dict[str, float] = {}

    def loop(client: int) -> None:
        mine = counted[client]
        try:
            barrier.wait()
            start_at, end_at = window["start"], window["end"]
            while not stop.is_set():
                began = time.perf_counter()
                if began >= end_at:
                    break
                work(client)
                done = time.perf_counter()
                totals[client] += 1
                if start_at <= began and done <= end_at:
                    mine.append(done - began)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the caller
            errors.append(exc)
            stop.set()

    threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in range(clients)]
    for thread in threads:
        thread.start()
    now = time.perf_counter()
    window["start"], window["end"] = now + warmup, now + warmup + duration
    try:
        barrier.wait(timeout=30)
    except BaseException:
        stop.set()
        raise
    finally:
        deadline = window["end"] + 60
        for thread in threads:
            thread.join(timeout=max(0.1, deadline - time.perf_counter()))
        stop.set()
    if errors:
        raise errors[0]
    if any(thread.is_alive() for thread in threads):
        raise RuntimeError("a client did not finish within 60 s of the end of the run")
    latencies = [x for per_client in counted for x in per_client]
    # Operations that began in the window but ended after it are not counted; the loss is
    # at most one per client, against thousands counted.
    return len(latencies) / duration, latencies, totals


def store_run(store: TenantStore, tenant_ids: list[str]) -> tuple[float, list[float], list[int]]:
    def work(client: int) -> None:
        answer = store.run(tenant_ids[client % len(tenant_ids)], DEBIT, respond=respond)
        if answer.status != 201:
            raise RuntimeError(f"debit answered {answer.status}: {answer.body}")

    return drive(work, CLIENTS, WARMUP, DURATION)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def statements_per_debit(store: TenantStore, tenant_id: str, debits: int = 50) -> float:
    """Statements SQLAlchemy sends per debit (``BEGIN IMMEDIATE`` on SQLite included).

    Not counted: psycopg's own BEGIN and COMMIT on PostgreSQL (each a round trip of its
    own: round trips per debit = statements + 2), COMMIT on SQLite.
    """
    seen = [0]

    def count(*_args: Any) -> None:
        seen[0] += 1

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        for _ in range(debits):
            store.run(tenant_id, DEBIT, respond=respond)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return seen[0] / debits


def check_no_lost_debit(store: TenantStore, debits: dict[str, int]) -> None:
    """Every debit made is in the tenant's version and ledger: nothing lost under load."""
    for tenant_id, made in debits.items():
        info, state = store.load(tenant_id)
        assert info.version == 1 + SETUP_COMMANDS + made, (tenant_id, info.version, made)
        total, last = store.ledger_totals(tenant_id)
        assert total == last == state.balance.minor, (tenant_id, total, last)
        assert state.balance.minor == 10_000_000 - made, (tenant_id, state.balance, made)


def client_process(pipe: Pipe, url: str) -> None:
    """One client process: its own engine and store; runs debit loops when told to."""
    engine = make_engine(url)
    store = new_store(engine)
    try:
        pipe.send("ready")
        while (job := pipe.recv()) is not None:
            tenant_id, start_at, end_at = job
            try:
                before = os.times()
                latencies, total = debit_loop(store, tenant_id, start_at, end_at)
                after = os.times()
                cpu = (after.user - before.user) + (after.system - before.system)
                pipe.send(("done", latencies, total, cpu))
            except BaseException as exc:  # noqa: BLE001 - reported to the parent
                pipe.send(("error", repr(exc), 0, 0.0))
    finally:
        engine.dispose()


def debit_loop(
    store: TenantStore, tenant_id: str, start_at: float, end_at: float
) -> tuple[list[float], int]:
    """Debit until ``end_at``; latencies of the debits inside [start_at, end_at], and all.

    ``time.perf_counter`` is CLOCK_MONOTONIC on Linux, one clock for every process.
    """
    latencies: list[float] = []
    total = 0
    while True:
        began = time.perf_counter()
        if began >= end_at:
            return latencies, total
        answer = store.run(tenant_id, DEBIT, respond=respond)
        if answer.status != 201:
            raise RuntimeError(f"debit answered {answer.status}: {answer.body}")
        done = time.perf_counter()
        total += 1
        if start_at <= began and done <= end_at:
            latencies.append(done - began)


class ClientProcesses:
    """CLIENTS processes, each with its own engine on ``url``, alive for every run."""

    def __init__(self, url: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipes: list[Pipe] = []
        self.processes = []
        for _ in range(CLIENTS):
            mine, theirs = context.Pipe()
            process = context.Process(target=client_process, args=(theirs, url), daemon=True)
            process.start()
            self.pipes.append(mine)
            self.processes.append(process)
        for pipe in self.pipes:
            if not pipe.poll(120) or pipe.recv() != "ready":
                raise RuntimeError("a client process did not start")

    def run(self, tenant_ids: list[str]) -> tuple[float, list[float], list[int], float]:
        """(debits/s, latencies, debits per client, CPU seconds of all clients)."""
        start_at = time.perf_counter() + START_MARGIN + WARMUP
        end_at = start_at + DURATION
        for client, pipe in enumerate(self.pipes):
            pipe.send((tenant_ids[client % len(tenant_ids)], start_at, end_at))
        latencies: list[float] = []
        totals: list[int] = []
        cpu = 0.0
        errors = []
        for pipe in self.pipes:
            if not pipe.poll(end_at - time.perf_counter() + 60):
                raise RuntimeError("a client did not finish within 60 s of the end of the run")
            status, counted, total, seconds = pipe.recv()
            if status != "done":
                errors.append(counted)
                continue
            latencies += counted
            totals.append(total)
            cpu += seconds
        if errors:
            raise RuntimeError(f"a client process failed: {errors[0]}")
        return len(latencies) / DURATION, latencies, totals, cpu

    def close(self) -> None:
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(None)
        for process in self.processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()


class StoreSide:
    """Tenants for both shapes in one database; alternating runs of either client kind and
    shape."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.store = new_store(engine)
        self.parallel = [make_tenant(self.store, n) for n in range(CLIENTS)]
        self.single = [make_tenant(self.store, CLIENTS)]
        self.probe = make_tenant(self.store, CLIENTS + 1)
        self.made = dict.fromkeys([*self.parallel, *self.single], 0)
        # (debits/s, latencies, CPU seconds of the clients per wall second) per run
        self.runs: dict[tuple[str, str], list[tuple[float, list[float], float]]] = {
            key: [] for key in SHAPES
        }
        self.processes = ClientProcesses(url)

    def run(self, kind: str, shape: str) -> float:
        tenant_ids = self.parallel if shape == "parallel" else self.single
        if kind == "processes":
            wall_before = time.perf_counter()
            tps, latencies, totals, cpu = self.processes.run(tenant_ids)
            wall = time.perf_counter() - wall_before - START_MARGIN
        else:
            cpu_before, wall_before = os.times(), time.perf_counter()
            tps, latencies, totals = store_run(self.store, tenant_ids)
            cpu_after, wall = os.times(), time.perf_counter() - wall_before
            cpu = (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system)
        self.runs[kind, shape].append((tps, latencies, cpu / wall))
        for client, made in enumerate(totals):  # client c debits tenant c mod len(tenants)
            self.made[tenant_ids[client % len(tenant_ids)]] += made
        return tps

    def run_all(self) -> None:
        for kind, shape in SHAPES:
            self.run(kind, shape)

    def best(self, kind: str, shape: str) -> tuple[float, list[float], float]:
        return max(self.runs[kind, shape], key=lambda run: run[0])

    def close(self) -> None:
        self.processes.close()

    def verify(self) -> float:
        check_no_lost_debit(self.store, self.made)
        return statements_per_debit(self.store, self.probe)


# -- PostgreSQL ------------------------------------------------------------------------------


def pgbench_path() -> str:
    for candidate in ("/usr/lib/postgresql/15/bin/pgbench", shutil.which("pgbench")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("pgbench not found: apt-get install postgresql-15 (make bench does)")


def pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    parsed = make_url(url)
    args = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port or 5432)]
    args += ["-U", parsed.username or "postgres"]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    return args, env


def pgbench_run(binary: str, url: str, database: str) -> tuple[float, float]:
    """One ``pgbench -N`` run: (tps without initial connection time, mean latency ms)."""
    args, env = pg_args(url)
    command = [binary, *args, "-N", "-c", str(CLIENTS), "-j", str(PGBENCH_JOBS)]
    command += ["-T", str(int(DURATION)), "-n", database]
    out = subprocess.run(
        command, env=env, capture_output=True, text=True, check=True, timeout=DURATION + 60
    ).stdout
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out) or re.search(
        r"tps = ([\d.]+)", out
    )
    latency = re.search(r"latency average = ([\d.]+) ms", out)
    if tps is None:
        raise RuntimeError("no tps in pgbench output:\n" + out)
    return float(tps.group(1)), float(latency.group(1)) if latency else float("nan")


def bench_postgresql() -> None:
    binary = pgbench_path()
    suffix = uuid.uuid4().hex[:10]
    base_db, store_db = f"helpsvc_bench_pgbench_{suffix}", f"helpsvc_bench_ledger_{suffix}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    engine: Engine | None = None
    load_start = os.getloadavg()[0]
    try:
        with admin.connect() as connection:
            for name in (base_db, store_db):
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        args, env = pg_args(PG_ADMIN_URL)
        subprocess.run(
            [binary, *args, "-i", "-s", "1", "-q", base_db],
            env=env,
            capture_output=True,
            check=True,
            timeout=120,
        )
        version = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        url = make_url(PG_ADMIN_URL).set(database=store_db).render_as_string(hide_password=False)
        engine = make_engine(url)
        upgrade(engine)
        side = StoreSide(engine, url)
        try:
            pgbench_run(binary, PG_ADMIN_URL, base_db)  # warm-up: the pgbench data into cache
            base_runs: list[tuple[float, float]] = []
            for _ in range(ROUNDS):
                base_runs.append(pgbench_run(binary, PG_ADMIN_URL, base_db))
                side.run_all()
        finally:
            side.close()
        statements = side.verify()
        with engine.connect() as connection:
            server = connection.execute(text("show server_version")).scalar()
            sync_commit = connection.execute(text("show synchronous_commit")).scalar()
        record(
            "ledger_postgresql",
            side,
            max(run[0] for run in base_runs),
            baseline_name=f"pgbench -N -c {CLIENTS} -j {PGBENCH_JOBS} -T {int(DURATION)}"
            " (simple-update builtin, scale 1, tps without initial connection time)",
            baseline_runs_tps=[round(run[0], 1) for run in base_runs],
            baseline_latency_ms_mean=round(max(base_runs)[1], 3),
            pgbench=version,
            server_version=server,
            synchronous_commit=sync_commit,
            sql_statements_per_debit=statements,
            round_trips_per_debit=statements + 2,  # with psycopg's BEGIN and COMMIT
            load_average=[round(load_start, 2), round(os.getloadavg()[0], 2)],
        )
    finally:
        if engine is not None:
            engine.dispose()
        with admin.connect() as connection:
            for name in (base_db, store_db):
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# -- SQLite ----------------------------------------------------------------------------------


def sqlite_connect(path: Path) -> sqlite3.Connection:
    """The store's settings (helpsvc/store/engine.py): WAL, NORMAL, busy_timeout, autocommit."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=30000")
    return connection


def sqlite_baseline(path: Path) -> float:
    connections = [sqlite_connect(path) for _ in range(CLIENTS)]
    try:

        def work(client: int) -> None:
            cursor = connections[client]
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("UPDATE accounts SET balance = balance - 1 WHERE id = ?", (client,))
            cursor.execute("COMMIT")

        tps, _latencies, _total = drive(work, CLIENTS, WARMUP, DURATION)
        return tps
    finally:
        for connection in connections:
            connection.close()


def capture_debit_sql(
    store: TenantStore, tenant_id: str
) -> list[tuple[str, tuple[str, ...], dict]]:
    """The SQL the store sends to SQLite for one debit: (text, parameter names, values)."""
    seen: list[tuple[str, tuple[str, ...], dict]] = []

    def capture(_conn, _cursor, statement, parameters, context, _many) -> None:  # noqa: ANN001
        names = tuple(getattr(context.compiled, "positiontup", None) or ())
        seen.append((statement, names, dict(zip(names, parameters or (), strict=True))))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        store.run(tenant_id, DEBIT, respond=respond)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return seen


def floor_debit(connection: sqlite3.Connection, sql: list, tenant_id: str, n: int) -> None:
    """One debit's statements, as the store sends them, and COMMIT; nothing else."""
    for statement, names, values in sql:
        if names:
            values = {**values, "tenant_id": tenant_id, "seq": 10**9 + n, "call_id": f"f{n}"}
            cursor = connection.execute(statement, tuple(values[name] for name in names))
        else:
            cursor = connection.execute(statement)
        if statement.lstrip().upper().startswith("SELECT"):
            cursor.fetchone()
    connection.execute("COMMIT")


def floor_process(
    path: Path, sql: list, tenant_id: str, client: int, start_at: float, end_at: float
) -> int:
    """A client process of the floor: debits counted inside the window."""
    connection = sqlite_connect(path)
    counted, n = 0, client * 10**7
    while (began := time.perf_counter()) < end_at:
        n += 1
        floor_debit(connection, sql, tenant_id, n)
        if began >= start_at and time.perf_counter() <= end_at:
            counted += 1
    connection.close()
    return counted


def sqlite_floor(tmp: Path, side: StoreSide) -> dict[str, Any]:
    """The store's SQL for a debit through raw sqlite3: 1 client, 8 threads, 8 processes."""
    path = Path(side.store.engine.url.database)
    sql = capture_debit_sql(side.store, side.probe)
    connections = [sqlite_connect(path) for _ in range(CLIENTS)]
    counter = [0] * CLIENTS
    try:

        def work(client: int) -> None:
            counter[client] += 1
            floor_debit(
                connections[client], sql, side.parallel[client], client * 10**7 + counter[client]
            )

        solo = 2000
        start = time.perf_counter()
        for _ in range(solo):
            work(0)
        one_client_us = (time.perf_counter() - start) / solo * 1e6
        threads_tps, _latencies, _totals = drive(work, CLIENTS, WARMUP, FLOOR_DURATION)
    finally:
        for connection in connections:
            connection.close()
    context = multiprocessing.get_context("spawn")
    with context.Pool(CLIENTS) as pool:
        pool.map(abs, range(CLIENTS))  # the workers are up
        start_at = time.perf_counter() + 2 + WARMUP
        jobs = [
            (path, sql, side.parallel[c], c + CLIENTS, start_at, start_at + FLOOR_DURATION)
            for c in range(CLIENTS)
        ]
        processes_tps = sum(pool.starmap(floor_process, jobs, chunksize=1)) / FLOOR_DURATION
    return {
        "what": "the store's own SQL for one debit through raw sqlite3, nothing between the "
        "statements (same database, 8 tenants, state document of the bench tenants' size)",
        "statements": [statement for statement, _names, _values in sql] + ["COMMIT"],
        "state_bytes": len(next(v["new_state"] for _s, _n, v in sql if "new_state" in v)),
        "seconds_per_run": FLOOR_DURATION,
        "one_client_us_per_debit": round(one_client_us, 1),
        "threads_tps": round(threads_tps, 1),
        "processes_tps": round(processes_tps, 1),
    }


def bench_sqlite() -> None:
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="helpsvc_bench_ledger_") as tmp:
        base_path = Path(tmp) / "baseline.sqlite3"
        with sqlite_connect(base_path) as connection:
            connection.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)")
            connection.executemany(
                "INSERT INTO accounts VALUES (?, ?)", [(n, 10**9) for n in range(CLIENTS)]
            )
        connection.close()
        url = f"sqlite:///{(Path(tmp) / 'bench.sqlite3').as_posix()}"
        engine = make_engine(url)
        try:
            upgrade(engine)
            side = StoreSide(engine, url)
            try:
                base_runs = []
                for _ in range(ROUNDS):
                    base_runs.append(sqlite_baseline(base_path))
                    side.run_all()
            finally:
                side.close()
            statements = side.verify()
            floor = sqlite_floor(Path(tmp), side)
            record(
                "ledger_sqlite",
                side,
                max(base_runs),
                baseline_name=f"sqlite3 module, {CLIENTS} threads, one connection each, "
                "BEGIN IMMEDIATE; UPDATE accounts SET balance = balance - 1 WHERE id = ?; "
                f"COMMIT on its own row of {CLIENTS} (WAL, synchronous=NORMAL, "
                "busy_timeout=30000)",
                baseline_runs_tps=[round(tps, 1) for tps in base_runs],
                sqlite_version=sqlite3.sqlite_version,
                sql_statements_per_debit=statements,
                sql_floor=floor,
                load_average=[round(load_start, 2), round(os.getloadavg()[0], 2)],
            )
        finally:
            engine.dispose()


# -- the record ------------------------------------------------------------------------------


def shape_fields(side: StoreSide, kind: str, baseline: float) -> dict[str, Any]:
    ms = lambda seconds: round(seconds * 1000, 3)  # noqa: E731
    tps, latencies, cpu = side.best(kind, "parallel")
    single_tps, single_latencies, single_cpu = side.best(kind, "single")
    return {
        "tps": round(tps, 1),
        "ratio": round(tps / baseline, 3),
        "runs_tps": [round(run[0], 1) for run in side.runs[kind, "parallel"]],
        "p50_ms": ms(statistics.median(latencies)),
        "p99_ms": ms(percentile(latencies, 0.99)),
        # CPU of the clients (all 8 processes, or the one process of the 8 threads) per wall
        # second, and per debit.
        "cpu_percent": round(cpu * 100, 1),
        "cpu_ms_per_debit": ms(cpu / tps),
        "single_tenant_tps": round(single_tps, 1),
        "single_tenant_ratio": round(single_tps / baseline, 3),
        "single_tenant_runs_tps": [round(run[0], 1) for run in side.runs[kind, "single"]],
        "single_tenant_p50_ms": ms(statistics.median(single_latencies)),
        "single_tenant_p99_ms": ms(percentile(single_latencies, 0.99)),
        "single_tenant_cpu_percent": round(single_cpu * 100, 1),
    }


def record(name: str, side: StoreSide, baseline: float, **extra: Any) -> None:
    tps = side.best("processes", "parallel")[0]
    processes = shape_fields(side, "processes", baseline)
    threads = shape_fields(side, "threads", baseline)
    write_result(
        name,
        f"store debits/s at {CLIENTS} client processes, one tenant per client "
        "(TenantStore.run, PlaceCall with charge 0.01 USD)",
        tps,
        baseline,
        f"ratio >= {GOAL}",
        tps / baseline >= GOAL,
        clients=CLIENTS,
        client_kind=f"processes: {CLIENTS} client processes, one engine and store each "
        f"(goal figure); threads: {CLIENTS} threads sharing one engine (extra, under "
        "'threads')",
        shape="parallel: 8 tenants, one per client (goal figure); single_tenant: all 8 "
        "clients on one tenant, serialized on its lock (extra)",
        seconds_per_run=DURATION,
        warmup_seconds=WARMUP,
        rounds=ROUNDS,
        store_runs_tps=processes.pop("runs_tps"),
        **{key: value for key, value in processes.items() if key not in ("tps", "ratio")},
        threads=threads,
        idempotency_key=None,
        tenant_setup="1 user (phone system, domestic plan, credits), card, 100000.00 USD, "
        "auto-recharge on (trigger 1.00, amount 10.00; checked on every debit, never fires)",
        verified="tenant versions and ledger sums match every debit made (none lost)",
        **extra,
    )


# -- profile ---------------------------------------------------------------------------------


def profile(debits: int) -> None:
    """One client, ``debits`` debits, under cProfile; the functions that matter, summed."""
    import cProfile
    import pstats

    def one(label: str, engine: Engine) -> None:
        store = new_store(engine)
        tenant_id = make_tenant(store, 0)
        for _ in range(200):  # warm the pool, the statement cache and the tariff
            store.run(tenant_id, DEBIT, respond=respond)
        start = time.perf_counter()
        for _ in range(debits):
            store.run(tenant_id, DEBIT, respond=respond)
        plain = (time.perf_counter() - start) / debits
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(debits):
            store.run(tenant_id, DEBIT, respond=respond)
        profiler.disable()
        stats = pstats.Stats(profiler)
        total = stats.total_tt
        print(
            f"\n== {label}: {plain * 1e6:.0f} us/debit unprofiled, {total / debits * 1e6:.0f}"
            " us/debit under cProfile =="
        )
        wanted = (
            (
                "TenantService.execute (whole unit of work)",
                "helpsvc/services/tenants.py",
                "execute",
            ),
            ("codec.load_state (JSON -> state)", "helpsvc/store/codec.py", "load_state"),
            ("codec.dump_state (state -> JSON)", "helpsvc/store/codec.py", "dump_state"),
            ("idempotency.request_hash", "helpsvc/services/idempotency.py", "request_hash"),
            ("credits.apply (engine)", "helpsvc/credits/engine.py", "apply"),
            ("tenants._lock (SELECT tenant row)", "helpsvc/store/tenants.py", "_lock"),
            ("tenants._persist (INSERTs + UPDATE)", "helpsvc/store/tenants.py", "_persist"),
            ("Connection.execute (all SQL)", "sqlalchemy/engine/base.py", "execute"),
            ("Engine.begin (checkout + BEGIN)", "sqlalchemy/engine/base.py", "begin"),
            ("Transaction commit", "sqlalchemy/engine/base.py", "commit"),
            ("sqlite3 Cursor.execute", "~", "<method 'execute' of 'sqlite3.Cursor' objects>"),
            ("psycopg Cursor.execute", "psycopg/cursor.py", "execute"),
        )
        rows = stats.stats  # type: ignore[attr-defined]
        for label_, suffix, func in wanted:
            cum = calls = 0.0
            for (filename, _line, name), (_cc, nc, _tt, ct, _callers) in rows.items():
                if name == func and filename.endswith(suffix):
                    cum += ct
                    calls += nc
            if calls:
                print(
                    f"  {label_:40s} {cum / debits * 1e6:8.0f} us/debit  "
                    f"{calls / debits:5.1f} calls/debit  {cum / total:6.1%}"
                )
        print("  -- top 25 by cumulative time --")
        stats.sort_stats("cumulative").print_stats(25)

    with tempfile.TemporaryDirectory(prefix="helpsvc_bench_ledger_") as tmp:
        engine = make_engine(f"sqlite:///{(Path(tmp) / 'profile.sqlite3').as_posix()}")
        try:
            upgrade(engine)
            one("SQLite", engine)
        finally:
            engine.dispose()
    name = f"helpsvc_bench_profile_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    engine = None
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        upgrade(engine)
        one("PostgreSQL", engine)
    finally:
        if engine is not None:
            engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("postgresql", "sqlite"))
    parser.add_argument("--profile", type=int, metavar="DEBITS", help="profile, no records")
    options = parser.parse_args()
    if options.profile:
        profile(options.profile)
        return
    if options.only != "sqlite":
        bench_postgresql()
    if options.only != "postgresql":
        bench_sqlite()


if __name__ == "__main__":
    main()
