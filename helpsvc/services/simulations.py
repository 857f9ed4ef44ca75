"""Replays of usage against a credits configuration: an uploaded export, or a tenant's own.

A tenant's usage is replayed from the same report rows its usage export serves (through the
reader's row checks, without writing CSV and reading it back), so the download and the
replay agree to the cent. Errors users can fix (not an export, a bad row under ``strict``,
an amount or setting that does not parse) are raised as the usage package's own errors.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from helpsvc.credits import Tariff
from helpsvc.services.usage_export import UsageExport
from helpsvc.usage.reader import open_export, read_records
from helpsvc.usage.simulate import Simulation, SimulationOptions, simulate


class Simulations:
    def __init__(self, tariff: Tariff, usage: UsageExport) -> None:
        self.tariff = tariff
        self.usage = usage

    def replay_file(self, path: Path, name: str, options: SimulationOptions) -> Simulation:
        """Replay an export on disk; ``name`` is the file's name as the user knows it."""

        def opener(strict: bool) -> Any:
            return open_export(path, strict=strict, name=name)

        return simulate(opener, options, self.tariff)

    def replay_tenant(self, tenant_id: str, options: SimulationOptions) -> Simulation:
        self.usage.tenant(tenant_id)  # TenantNotFound before any work

        @contextlib.contextmanager
        def opener(strict: bool) -> Iterator[Any]:
            rows = self.usage.rows(tenant_id)
            yield read_records(rows, f"tenant {tenant_id} usage.csv", strict=strict)

        return simulate(opener, options, self.tariff)
