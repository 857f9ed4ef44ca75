"""Start-up over a Microsoft Learn-style repository of 5,000 pages, against its floor.

The repository is generated: one language (German, ``ms.contentlocale: de-DE``), DocFX front
matter with ``f1.keywords`` that carry the ``CSH`` flag on a third of the pages, asset ids
reused by one page in ten, links with ``?toc=`` query strings, inline triple-backtick spans,
two sections per page, a ``TOC.md`` per folder and an ``includes/`` folder.

Floor: walk the tree, read every file and parse its front matter with the service's YAML
loader; nothing less can know the F1 keywords. Start: what the service does before it
answers, ``load_content`` (corpus, keyword index, suggester; the search indexes are built in
the background afterwards, ``search_warmup``). Each side runs in a fresh process, several
times, the best run counts; the start's peak RSS is that process's, imports included.
Goal: start ≤ 3 × floor and peak RSS ≤ 250 MB. The search indexes' build time and the
process's RSS once they are built are recorded too (``search``), as facts, without a goal.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_result  # noqa: E402

PAGES = 5000
FOLDERS = 40
ROUNDS = 3
GOAL_RATIO, GOAL_RSS_MB = 3.0, 250
REPO = Path(__file__).resolve().parent.parent
WORDS = [
    "Guthaben",
    "Anruf",
    "Lizenz",
    "Besprechung",
    "Benutzer",
    "Richtlinie",
    "Aufladung",
    "Nummer",
    "gebührenfrei",
    "Teams",
    "Telefonie",
    "Einstellung",
    "Organisation",
    "Konferenz",
    "Verwaltung",
    "Bericht",
    "Zahlung",
    "Abrechnung",
]


def generate(root: Path) -> None:
    rng = random.Random(7)
    vocabulary = WORDS + [f"Begriff{i}" for i in range(3000)]

    def sentence(n: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(n)) + "."

    for i in range(PAGES):
        folder = root / "Teams" / f"bereich-{i % FOLDERS}"
        folder.mkdir(parents=True, exist_ok=True)
        asset = f"{(i - 1 if i % 10 == 9 else i):08x}-4d2e-9b1a"
        keywords = [f"TeamsAdmin_Thema{i}", *(["CSH"] if i % 3 == 0 else [])]
        text = "\n\n".join(sentence(60) for _ in range(5))
        (folder / f"seite-{i}.md").write_text(
            "---\n"
            f"title: Seite {i} zu {rng.choice(WORDS)}\n"
            f"ms.assetid: {asset}\n"
            "ms.contentlocale: de-DE\n"
            "f1.keywords:\n" + "".join(f"- {k}\n" for k in keywords) + "---\n\n"
            f"# Seite {i}\n\n{text}\n\n"
            f"## Einrichtung {{#einrichtung}}\n\nSiehe [weiter](seite-{i + 1}.md?toc=/t/toc.json)"
            " und ```Get-CsOnlineUser``` in der Shell.\n\n"
            f"## Details\n\n{sentence(80)}\n",
            encoding="utf-8",
        )
    for f in range(FOLDERS):
        (root / "Teams" / f"bereich-{f}" / "TOC.md").write_text(
            "".join(f"# [Seite {i}](seite-{i}.md)\n" for i in range(f, PAGES, FOLDERS)),
            encoding="utf-8",
        )
    includes = root / "Teams" / "includes"
    includes.mkdir(parents=True, exist_ok=True)
    (includes / "hinweis.md").write_text("Ein eingebundener Hinweis.\n", encoding="utf-8")


FLOOR = """
import os, resource, sys, time
from pathlib import Path
from helpsvc.content.frontmatter import parse
start = time.perf_counter()
count = 0
for dirpath, _dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".md"):
            parse(Path(dirpath, name).read_text(encoding="utf-8"))
            count += 1
seconds = time.perf_counter() - start
print(seconds, count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

START = """
import resource, sys, time
from helpsvc.services.content import load_content
from helpsvc.settings import Settings
settings = Settings(docs_dir=sys.argv[1], default_lang="de", search_warmup=False)
start = time.perf_counter()
content = load_content(settings)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
count = sum(len(pages) for pages in content.index.pages.values())
if len(sys.argv) > 2:  # the search indexes too, after the start
    start = time.perf_counter()
    content.search.warm()
    built = time.perf_counter() - start
    print(seconds, count, rss, built, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
else:
    print(seconds, count, rss)
"""


def run(code: str, *args: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=REPO
    )
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root)
        run(FLOOR, str(root))  # warm the file cache for both sides
        floors, starts = [], []
        for _ in range(ROUNDS):  # interleaved: a burst of load hits both sides alike
            floors.append(run(FLOOR, str(root)))
            starts.append(run(START, str(root)))
        search = run(START, str(root), "with-search")
    floor = min(floors, key=lambda r: r[0])
    start = min(starts, key=lambda r: r[0])
    rss = max(r[2] for r in starts)
    ratio = start[0] / floor[0]
    write_result(
        "learn_startup",
        f"seconds until a {PAGES}-page Learn-style repository answers F1 (load_content)",
        start[0],
        floor[0],
        f"start <= {GOAL_RATIO} x floor (read + parse front matter), peak RSS <= {GOAL_RSS_MB} MB",
        ratio <= GOAL_RATIO and rss <= GOAL_RSS_MB,
        files_read_by_floor=int(floor[1]),
        pages_indexed=int(start[1]),
        peak_rss_mb=int(rss),
        floor_rss_mb=int(max(r[2] for r in floors)),
        search={
            "build_seconds": round(search[3], 3),
            "peak_rss_mb_with_search": int(search[4]),
        },
        rounds=ROUNDS,
        runs={
            "floor_s": [round(r[0], 3) for r in floors],
            "start_s": [round(r[0], 3) for r in starts],
        },
    )


if __name__ == "__main__":
    main()
