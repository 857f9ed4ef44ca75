"""Run the real service in a child process on a free loopback port, for tests that need
real concurrency or a real crash."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import REPO, TEST_RATE_LIMITS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._env = {
            **os.environ,
            "HELPSVC_DOCS_DIR": str(REPO / "docs"),
            "HELPSVC_SITE_DIR": str(data_dir / "no-site"),
            "HELPSVC_DATA_DIR": str(data_dir),
            **{f"HELPSVC_{name.upper()}": value for name, value in TEST_RATE_LIMITS.items()},
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None
        self._log = data_dir / f"server-{self.port}.log"

    def launch(self) -> LiveServer:
        """Start the process without waiting for it (several can then start at once)."""
        command = [
            sys.executable,
            "-m",
            "helpsvc.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our own CLI
            command,
            env=self._env,
            stdout=self._log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def wait_ready(self, timeout: float = 30.0) -> LiveServer:
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self._log.read_text()[-2000:]}")
            try:
                if httpx.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start: {self._log.read_text()[-2000:]}")

    def start(self, timeout: float = 30.0) -> LiveServer:
        return self.launch().wait_ready(timeout)

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
