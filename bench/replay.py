"""Replaying a PSTN usage export of 1,000,000 rows, against merely parsing it with ``csv``.

The measured side is what ``helpsvc simulate EXPORT --funds 2000 --trigger 500 --recharge
1500`` does: read and check every row, gather the spend statistics and replay every
credit-funded call through the credits engine (``helpsvc.usage.simulate.simulate``). The
baseline, in the same run on the same file, iterates ``csv.reader`` over it and does nothing
else. Both run twice, interleaved, the best of each counts. Goal: replay <= 2.0 x baseline.

Memory: the same replay runs in a fresh process for a 1,000,000-row and a 4,000,000-row
export (same period, four times the users) and reports its peak resident set size
(``VmHWM``). Goal: the larger within 1.2 x the smaller, i.e. memory does not grow with
the file. The amounts scale with the file (x4 for four times the users), so both replays
make the same number of recharges: what the credits engine keeps per purchase (every lot
stays in its state, expired ones included) is a matter of the configuration, not of the
file's length. The exports come from ``helpsvc usage generate`` (a year of calls).
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_result  # noqa: E402
from helpsvc.usage.generate import generate_rows, write_csv  # noqa: E402

DAYS = 365
ROWS_PER_USER_DAY = 3.9  # what the generator makes per user and day, weekends included
ROUNDS = 2
CONFIG = {"funds": "2000", "trigger": "500", "recharge": "1500"}

# The child reads VmHWM, the peak RSS of its own address space: ``ru_maxrss`` would also
# count the parent's RSS at the fork (Linux keeps it across exec).
_CHILD = """
import sys, time
from helpsvc.credits import load_sample_tariff
from helpsvc.usage.reader import open_export
from helpsvc.usage.simulate import SimulationOptions, simulate
path = sys.argv[1]
options = SimulationOptions(funds=sys.argv[2], trigger=sys.argv[3], recharge=sys.argv[4])
start = time.perf_counter()
sim = simulate(lambda strict: open_export(path, strict=strict), options, load_sample_tariff())
seconds = time.perf_counter() - start
status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
print(int(status), sim.stats.rows, seconds)
"""


def generate(path: Path, rows: int) -> int:
    users = max(1, round(rows / (DAYS * ROWS_PER_USER_DAY)))
    with path.open("w", encoding="utf-8", newline="") as handle:
        return write_csv(handle, generate_rows(users=users, days=DAYS, seed=7))


def baseline(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            count += 1
    return count - 1


def replay(path: Path) -> int:
    from helpsvc.credits import load_sample_tariff
    from helpsvc.usage.reader import open_export
    from helpsvc.usage.simulate import SimulationOptions, simulate

    sim = simulate(
        lambda strict: open_export(path, strict=strict),
        SimulationOptions(**CONFIG),
        load_sample_tariff(),
    )
    assert sim.passes == 1 and sim.problem_count == 0
    return sim.stats.rows


def timed(fn, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = fn(path)
    return time.perf_counter() - start, result


def peak_kib(path: Path, scale: int) -> tuple[int, int, float]:
    root = Path(__file__).resolve().parent.parent
    amounts = [str(int(value) * scale) for value in CONFIG.values()]
    output = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), *amounts],
        check=True,
        capture_output=True,
        text=True,
        cwd=root,
    ).stdout.split()
    return int(output[0]), int(output[1]), float(output[2])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "PSTN.calls.1m.csv"
        started = time.perf_counter()
        small_rows = generate(small, 1_000_000)
        print(
            f"generated {small_rows} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr
        )
        baseline(small)  # warm the file cache for both sides
        base_times, replay_times = [], []
        for _ in range(ROUNDS):
            seconds, base_n = timed(baseline, small)
            base_times.append(seconds)
            seconds, replay_n = timed(replay, small)
            replay_times.append(seconds)
        assert base_n == replay_n == small_rows, (base_n, replay_n, small_rows)
        small_kib, _n, _s = peak_kib(small, 1)
        small.unlink()
        large = Path(tmp) / "PSTN.calls.4m.csv"
        started = time.perf_counter()
        large_rows = generate(large, 4_000_000)
        print(
            f"generated {large_rows} rows in {time.perf_counter() - started:.0f} s", file=sys.stderr
        )
        large_kib, replayed, large_seconds = peak_kib(large, 4)
        assert replayed == large_rows
    base_s, replay_s = min(base_times), min(replay_times)
    ratio = replay_s / base_s
    memory_ratio = large_kib / small_kib
    write_result(
        "replay",
        f"seconds to replay {small_rows:,} rows (vs csv.reader on the same file)",
        replay_s,
        base_s,
        "ratio <= 2.0; peak memory 4M rows <= 1.2 x 1M rows",
        ratio <= 2.0 and memory_ratio <= 1.2,
        rows=small_rows,
        time_met=ratio <= 2.0,
        peak_rss_kib_1m=small_kib,
        peak_rss_kib_4m=large_kib,
        rows_4m=large_rows,
        replay_seconds_4m=round(large_seconds, 3),
        memory_ratio=round(memory_ratio, 3),
        memory_met=memory_ratio <= 1.2,
    )


if __name__ == "__main__":
    main()
