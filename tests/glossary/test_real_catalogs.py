"""The project's catalogs open in translators' tools: translate-toolkit (Pootle, Weblate,
Virtaal) and GNU msgfmt (what Poedit runs on save) read them without a complaint."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.glossary.conftest import LOCALE

# Skipped only while the catalogs are being created; translate-toolkit and msgfmt are part
# of the development setup.
pytestmark = pytest.mark.skipif(not LOCALE.is_dir(), reason="helpsvc/locale does not exist yet")


def _po_files() -> list[Path]:
    return sorted(LOCALE.rglob("*.po")) if LOCALE.is_dir() else []


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.relative_to(LOCALE).as_posix())
def test_translate_toolkit_reads_what_babel_reads(po: Path):
    from translate.storage.po import pofile

    store = pofile.parsefile(str(po))  # raises PoParseError with the line on a syntax error
    units = [u for u in store.units if not u.isheader()]
    with po.open("rb") as fh:
        catalog = read_po(fh, abort_invalid=True)
    live = [m for m in catalog if m.id]
    assert len(units) == len(live) + len(catalog.obsolete)
    assert sorted((u.getcontext(), u.isobsolete(), u.isfuzzy()) for u in units) == sorted(
        [(m.context or "", False, m.fuzzy) for m in live]
        + [(m.context or "", True, m.fuzzy) for m in catalog.obsolete.values()]
    )


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.relative_to(LOCALE).as_posix())
def test_msgfmt_accepts_the_catalog(po: Path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt not found: install GNU gettext (apt-get install gettext)")
    result = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    # Warnings too: Poedit shows them to the translator on every save.
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_there_are_catalogs():
    assert _po_files(), f"no .po files under {LOCALE}"
