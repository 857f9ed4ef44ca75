"""Site build time with the glossary hooks against the same build without them.

The glossary adds to every language pass of the MkDocs build: a generated glossary page,
hover explanations of its terms on every page (abbreviations) and the translation banners.
Both sides build the project's real site (``mkdocs.yml``, all three languages) into a
temporary folder in a child process, as ``helpsvc build`` does; ``HELPSVC_GLOSSARY_SITE=off``
switches the hooks off for the baseline. Rounds alternate between the two sides and the
best run of each counts, so a burst of load on the machine hits both alike.
Goal: with the glossary ≤ 1.2 × without.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402

ROUNDS = 4
GOAL = 1.2


def build(site_dir: Path, glossary: bool) -> float:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "HELPSVC_GLOSSARY_SITE": "on" if glossary else "off",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml")]
    start = time.perf_counter()
    # Not --strict: without the hooks the nav entry of the generated glossary page is
    # missing, which is the one warning of the baseline build.
    subprocess.run(
        [*command, "-d", str(site_dir)],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp, "site")
        build(site, glossary=True)  # warm-up: jieba's cache, the OS file cache
        with_glossary, without = [], []
        for round_ in range(ROUNDS):
            order = (True, False) if round_ % 2 == 0 else (False, True)
            for glossary in order:
                seconds = build(site, glossary)
                (with_glossary if glossary else without).append(seconds)
        pages = sum(1 for _ in site.rglob("index.html"))
    value, baseline = min(with_glossary), min(without)
    write_result(
        "site_build",
        "seconds for `mkdocs build` of the guide site (en, de, zh) with the glossary hooks",
        value,
        baseline,
        f"ratio <= {GOAL}",
        value / baseline <= GOAL,
        rounds=ROUNDS,
        with_glossary_seconds=[round(s, 3) for s in with_glossary],
        without_glossary_seconds=[round(s, 3) for s in without],
        pages_built=pages,
    )


if __name__ == "__main__":
    main()
