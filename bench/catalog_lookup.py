"""Messages from the gettext catalogs against the Python dictionaries they replaced.

Issue 15 moved ~590 texts per language out of ``{key: {lang: text}}`` dictionaries into
``.po``/``.mo`` catalogs. A refusal, an e-mail or a page now asks gettext for each text.
Baseline: the same texts from dictionaries built in this run from the catalogs, through the
old modules' lookup (``t`` → ``message`` → ``pick``, then ``str.format``). Value: the same
keys and parameters through today's ``t`` → ``message`` → ``Entry.format``. Goal: ≤ 1.5 ×
baseline.
Also recorded: loading a language's compiled ``.mo`` and, for a catalog saved after its
compilation, reading the ``.po`` itself.
"""

from __future__ import annotations

import gettext
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import write_result  # noqa: E402
from helpsvc.catalog.entries import Entry  # noqa: E402
from helpsvc.catalog.translations import catalog_path, load, translations  # noqa: E402
from helpsvc.i18n import console_messages, problem_messages, site_messages  # noqa: E402
from helpsvc.i18n.lookup import message  # noqa: E402
from helpsvc.usage.presentation import messages as usage_messages  # noqa: E402

ROUNDS = 15
LANGS = ("en", "de", "zh")


def _tables() -> list[dict[str, Entry]]:
    tables = [site_messages.MESSAGES, console_messages.MESSAGES, problem_messages.MESSAGES]
    usage = {k: e for k, e in usage_messages.MESSAGES.items() if isinstance(e, Entry)}
    return [*tables, usage]


# The lookup of the modules before the catalogs, as it was.
def _pick(entry: dict[str, str], lang: str) -> str:
    return entry.get(lang) or entry["en"]


def _old_message(table: dict[str, dict[str, str]], key: str, lang: str, /, **params: str) -> str:
    text = _pick(table[key], lang)
    return text.format(**params) if params else text


def _params(text: str) -> dict[str, str]:
    return {name: "42" for _, name, _, _ in string.Formatter().parse(text) if name}


def _timed(work) -> float:
    runs = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    # The fastest run: the least disturbed by whatever else the machine does.
    return min(runs)


def main() -> None:
    tables = _tables()
    calls = [
        (index, key, lang, _params(entry.english))
        for index, table in enumerate(tables)
        for key, entry in table.items()
        for lang in LANGS
    ] * 20
    old = [
        {key: {lang: entry.text(lang) for lang in LANGS} for key, entry in table.items()}
        for table in tables
    ]

    def from_dicts() -> None:
        for index, key, lang, params in calls:
            _old_message(old[index], key, lang, **params)

    def from_catalogs() -> None:
        for index, key, lang, params in calls:
            message(tables[index], key, lang, **params)

    baseline = _timed(from_dicts)
    value = _timed(from_catalogs)
    po = catalog_path("de")
    mo_load = _timed(lambda: gettext.GNUTranslations(po.with_suffix(".mo").open("rb")))
    po_load = _timed(lambda: load(_stale_copy(po)))
    translations.cache_clear()
    write_result(
        "catalog_lookup",
        "fastest of 15 runs formatting every page, console and usage text in en/de/zh, 20 times",
        value,
        baseline,
        "catalog lookups <= 1.5 x the dictionaries they replaced",
        value <= 1.5 * baseline,
        lookups=len(calls),
        mo_load_ms=round(mo_load * 1000, 2),
        po_read_ms=round(po_load * 1000, 2),
    )


def _stale_copy(po: Path) -> Path:
    """The catalog in a folder without a compiled .mo, as right after a translator saves."""
    import tempfile

    folder = Path(tempfile.mkdtemp()) / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    target = folder / po.name
    target.write_bytes(po.read_bytes())
    return target


if __name__ == "__main__":
    main()
