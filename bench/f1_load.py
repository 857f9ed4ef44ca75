"""F1 redirect throughput: the help service against a bare Starlette app, same server, same load.

Both apps run under the same uvicorn command line (one worker, 127.0.0.1, a free port), and
the same load generator (wrk, 2 threads, 64 connections, 10 s, redirects not followed) asks
``GET /f1/O365E_SFBVoiceCredit`` with a German ``Accept-Language``: a 302 to
``/de/guides/add-funds/``. After a warm-up the two sides alternate twice; the best run of
each counts. Goal: service requests/s >= 0.7 x bare requests/s.

Without wrk, a load generator in a separate process (httpx, asyncio, 64 connections) takes
its place; the record says which one ran (``load_generator``).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_result  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PATH = "/f1/O365E_SFBVoiceCredit"
ACCEPT_LANGUAGE = "de-DE,de;q=0.9,en;q=0.5"
TARGET = "/de/guides/add-funds/"
CONNECTIONS = 64
THREADS = 2
DURATION = 10  # seconds per measured run
WARMUP = 3  # seconds of load per side before measuring
ROUNDS = 2  # bare, service, bare, service
GOAL = 0.7
START_TIMEOUT = 60.0
APPS = {"bare": "bench.f1_apps:bare", "service": "bench.f1_apps:service"}


def uvicorn_impl() -> dict[str, str]:
    """What uvicorn's ``auto`` picks in this environment; passed explicitly to both servers."""
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    import uvicorn

    return {"loop": loop, "http": http, "uvicorn": uvicorn.__version__}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def probe(port: int) -> tuple[int, str | None]:
    """Status and Location of the measured request, without following the redirect."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{PATH}", headers={"Accept-Language": ACCEPT_LANGUAGE}
    )
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers.get("location")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("location")


class Server:
    """One uvicorn process in its own process group; always stopped by ``stop()``."""

    def __init__(self, app: str, impl: dict[str, str], data_dir: str) -> None:
        self.app, self.impl, self.data_dir = app, impl, data_dir
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.log_path = Path(data_dir, app.rsplit(":", 1)[-1] + ".log")

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            self.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            "1",
            "--loop",
            self.impl["loop"],
            "--http",
            self.impl["http"],
            "--no-access-log",
            "--log-level",
            "warning",
        ]

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HELPSVC_")}
        env["BENCH_DATA_DIR"] = self.data_dir
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.port = free_port()
            with open(self.log_path, "wb") as log:
                self.proc = subprocess.Popen(
                    self.command(),
                    cwd=REPO,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            deadline = time.monotonic() + START_TIMEOUT
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    probe(self.port)
                    return
                except OSError:
                    time.sleep(0.1)
            self.stop()
        log = self.log_path.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{self.app} did not start:\n{log}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                return
            try:
                proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(port: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            f"Accept-Language: {ACCEPT_LANGUAGE}",
            f"http://127.0.0.1:{port}{PATH}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": 0,
    }
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        result["errors"] += sum(int(n) for n in errors.groups())
    non_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_3xx:
        result["errors"] += int(non_3xx.group(1))
    return result


async def _httpx_load(url: str, seconds: float) -> dict[str, float]:
    """One client (one keep-alive connection) per simulated connection: a shared pool of 64
    serializes on its own bookkeeping and measures httpx rather than the server."""
    import httpx

    latencies: list[float] = []
    errors = 0
    headers = {"Accept-Language": ACCEPT_LANGUAGE}
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    # Clients are made before the clock starts: each builds an SSL context, even for http.
    clients = [
        httpx.AsyncClient(limits=limits, headers=headers, timeout=10, verify=False)
        for _ in range(CONNECTIONS)
    ]
    start = time.perf_counter()
    deadline = start + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in range(10_000_000):  # bounded; the deadline ends it first
            now = time.perf_counter()
            if now >= deadline:
                return
            try:
                response = await client.get(url)
                if response.status_code != 302:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - now) * 1000)

    try:
        await asyncio.gather(*(worker(client) for client in clients))
        elapsed = time.perf_counter() - start
    finally:
        for client in clients:
            await client.aclose()
    latencies.sort()
    n = len(latencies) or 1
    return {
        "rps": len(latencies) / elapsed,
        "p50_ms": latencies[n // 2] if latencies else 0.0,
        "p99_ms": latencies[min(n - 1, int(n * 0.99))] if latencies else 0.0,
        "requests": len(latencies),
        "errors": errors,
    }


def run_httpx(port: int, seconds: int) -> dict[str, float]:
    """The fallback load generator, in its own process like wrk."""
    out = subprocess.run(
        [sys.executable, __file__, "--loadgen", f"http://127.0.0.1:{port}{PATH}", str(seconds)],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    impl = uvicorn_impl()
    use_wrk = shutil.which("wrk") is not None
    load = run_wrk if use_wrk else run_httpx
    generator = (
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s --latency"
        if use_wrk
        else f"httpx AsyncClient, separate process, {CONNECTIONS} connections, {DURATION}s"
        " (wrk not installed; the client, not the server, limits throughput)"
    )
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "service": []}
    with tempfile.TemporaryDirectory() as data_dir:
        servers = {name: Server(app, impl, data_dir) for name, app in APPS.items()}
        try:
            for name, server in servers.items():
                server.start()
                status, location = probe(server.port)
                if (status, location) != (302, TARGET):
                    raise RuntimeError(f"{name}: {status} {location}, expected 302 {TARGET}")
            for server in servers.values():
                load(server.port, WARMUP)
            for _ in range(ROUNDS):
                for name in ("bare", "service"):
                    runs[name].append(load(servers[name].port, DURATION))
        finally:
            for server in servers.values():
                server.stop()
    best = {name: max(results, key=lambda r: r["rps"]) for name, results in runs.items()}
    service, bare = best["service"]["rps"], best["bare"]["rps"]
    write_result(
        "f1_load",
        f"requests/s, GET {PATH} (302), {CONNECTIONS} connections, uvicorn 1 worker",
        service,
        bare,
        f"ratio >= {GOAL}",
        service / bare >= GOAL,
        load_generator=generator,
        uvicorn=impl,
        service_p50_ms=best["service"]["p50_ms"],
        service_p99_ms=best["service"]["p99_ms"],
        bare_p50_ms=best["bare"]["p50_ms"],
        bare_p99_ms=best["bare"]["p99_ms"],
        errors=sum(r["errors"] for results in runs.values() for r in results),
        runs={name: [round(r["rps"], 1) for r in results] for name, results in runs.items()},
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--loadgen", nargs=2, metavar=("URL", "SECONDS"))
    args = parser.parse_args()
    if args.loadgen:
        url, seconds = args.loadgen
        print(json.dumps(asyncio.run(_httpx_load(url, float(seconds)))))
    else:
        main()
