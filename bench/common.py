"""Shared by the benchmarks: the result record every benchmark writes and prints."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def write_result(
    name: str, metric: str, value: float, baseline: float, goal: str, met: bool, **extra: Any
) -> dict[str, Any]:
    """Write ``bench/results/<name>.json`` and print the same record on one line."""
    record = {
        "name": name,
        "metric": metric,
        "value": round(value, 6),
        "baseline": round(baseline, 6),
        "ratio": round(value / baseline, 3) if baseline else None,
        "goal": goal,
        "met": met,
        "machine": machine(),
        **extra,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(record, ensure_ascii=False))
    return record
