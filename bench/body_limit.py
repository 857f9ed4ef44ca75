"""Peak memory of a real server while clients send bodies at and far over the limit.

A server (``helpsvc serve``) runs in a child process on a free loopback port. Its resident
memory is read from /proc once it is idle; then six clients at once send the largest body
the limit lets through, six send 60 MB bodies with a Content-Length, and six stream 60 MB
without one (chunked). The peak (VmHWM) must stay within 1.2 x the idle RSS plus the limit:
refused bodies are never held, accepted ones are held once.

Writes bench/results/body_limit.json.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_result  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LIMIT = 1024 * 1024
HUGE = 60 * 1024 * 1024
CLIENTS = 6


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


def start_server(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "HELPSVC_DOCS_DIR": str(REPO / "docs"),
        "HELPSVC_SITE_DIR": str(data_dir / "no-site"),
        "HELPSVC_DATA_DIR": str(data_dir),
        "HELPSVC_MAX_BODY_BYTES": str(LIMIT),
        # Each client creates a tenant: the limit on anonymous creation is not measured here.
        "HELPSVC_RATE_LIMIT_TENANT_CREATION": "1000/minute",
    }
    command = [sys.executable, "-m", "helpsvc.cli", "serve", "--host", "127.0.0.1"]
    process = subprocess.Popen(  # noqa: S603 - our own CLI
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    raise RuntimeError("server did not start")


def at_limit_body() -> bytes:
    filler = "x" * (LIMIT - 200)
    return f'{{"name": "{filler[:180]}", "country": "DE", "currency": "EUR"}}'.ljust(
        LIMIT, " "
    ).encode()


def streamed(size: int) -> Iterator[bytes]:
    chunk = b" " * (64 * 1024)
    for _ in range(size // len(chunk)):
        yield chunk


def send(base: str, kind: str) -> int:
    url = base + "/api/v1/tenants"
    headers = {"Content-Type": "application/json"}
    try:
        if kind == "at_limit":
            body = at_limit_body()
            return httpx.post(url, content=body, headers=headers, timeout=60).status_code
        if kind == "declared":
            return httpx.post(url, content=b" " * HUGE, headers=headers, timeout=60).status_code
        return httpx.post(url, content=streamed(HUGE), headers=headers, timeout=60).status_code
    except httpx.HTTPError:
        # The server closes the connection once it has answered 413 to an unread body.
        return 413


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="helpsvc-bench-body-") as folder:
        process, base = start_server(Path(folder))
        try:
            for _ in range(3):  # warm up the code paths that later requests take
                httpx.post(
                    base + "/api/v1/tenants",
                    json={"name": "W", "country": "DE", "currency": "EUR"},
                    timeout=30,
                )
            time.sleep(1)
            idle = memory_kib(process.pid, "VmRSS") * 1024
            # Reset the peak to the current RSS, so VmHWM is the peak under load, not at start.
            Path(f"/proc/{process.pid}/clear_refs").write_text("5")
            statuses: dict[str, list[int]] = {}
            with ThreadPoolExecutor(CLIENTS * 3) as pool:
                for kind in ("at_limit", "declared", "chunked"):
                    statuses[kind] = list(pool.map(send, [base] * CLIENTS, [kind] * CLIENTS))
            peak = memory_kib(process.pid, "VmHWM") * 1024
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    allowed = 1.2 * idle + LIMIT
    refused = all(s == 413 for s in statuses["declared"] + statuses["chunked"])
    write_result(
        "body_limit",
        "peak RSS bytes under 6 concurrent bodies at the limit and 12 far over it",
        peak,
        idle,
        f"peak <= 1.2 x idle RSS + limit ({LIMIT} bytes) and every over-limit body 413",
        peak <= allowed and refused,
        limit_bytes=LIMIT,
        allowed_bytes=round(allowed),
        statuses=statuses,
    )


if __name__ == "__main__":
    main()
