"""Fixtures of the glossary tests: the project's glossary, copies to change, a CLI runner."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.model import Glossary
from tests.conftest import REPO


@pytest.fixture(scope="session")
def project_glossary() -> Glossary:
    glossary, findings = load_glossary(REPO / "glossary")
    assert findings == []
    return glossary


@pytest.fixture
def glossary_copy(tmp_path: Path) -> Path:
    """A copy of the project's glossary folder that a test may change."""
    target = tmp_path / "glossary"
    shutil.copytree(REPO / "glossary", target)
    return target


@pytest.fixture
def write_glossary(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{"en.yaml": text, ...}`` into a fresh glossary folder."""

    def write(files: dict[str, str]) -> Path:
        folder = tmp_path / "terms"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return folder

    return write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


EN_SMALL = """
    language: en
    concepts:
      communications-credits:
        term: Communications Credits
        pos: properNoun
        definition: The prepaid balance for calls.
      auto-recharge:
        term: auto-recharge
        pos: noun
        definition: Tops the balance up automatically.
      calling-plan:
        term: Calling Plan
        pos: properNoun
        definition: A subscription with calls.
"""
DE_SMALL = """
    language: de
    terms:
      communications-credits:
        preferred: Kommunikationsguthaben
        gender: neuter
        forbidden:
          - term: Gutschrift
            reason: Eine Gutschrift ist ein Buchungsbeleg.
          - term: Guthaben für Kommunikationen
            reason: Umschreibung; der Produktname ist Kommunikationsguthaben.
      auto-recharge:
        preferred: automatische Aufladung
        admitted: [automatisches Aufladen]
        forbidden:
          - term: Auto-Ladeleuchte
            reason: Eine Ladeleuchte ist eine Lampe.
      calling-plan:
        preferred: Anrufplan
"""
ZH_SMALL = """
    language: zh
    terms:
      communications-credits:
        preferred: 通信点数
        forbidden:
          - term: 通信贷项
            reason: 会计用语。
      auto-recharge:
        preferred: 自动充值
        forbidden:
          - term: 充电
            reason: 给电池充电。
"""


def with_every_entry(glossary: Glossary, **changes: object) -> Glossary:
    """``glossary`` with ``changes`` made to every entry of every language, as an import from
    a tool that drops a field would give it back (``ui_labels=()``)."""
    return Glossary(
        glossary.concepts,
        {
            lang: {cid: replace(entry, **changes) for cid, entry in entries.items()}
            for lang, entries in glossary.entries.items()
        },
    )


# The header every catalog of the project has (Babel's), in the language of the folder.
PO_HEADER = r"""# Translations for helpsvc.
msgid ""
msgstr ""
"Project-Id-Version: helpsvc 1.0\n"
"Report-Msgid-Bugs-To: docs@example.com\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\n"
"PO-Revision-Date: 2026-01-02 00:00+0000\n"
"Last-Translator: A Translator <translator@example.com>\n"
"Language: {lang}\n"
"Language-Team: {team}\n"
"Plural-Forms: {plural}\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=utf-8\n"
"Content-Transfer-Encoding: 8bit\n"
"""
PLURALS = {"de": "nplurals=2; plural=(n != 1);", "zh": "nplurals=1; plural=0;"}
TEAMS = {"de": "German", "zh": "Simplified Chinese"}
LOCALE = REPO / "helpsvc" / "locale"


def po_file(lang: str, body: str) -> str:
    """A catalog of ``lang``: the project's header, then ``body`` (dedented)."""
    header = PO_HEADER.replace("{lang}", lang).replace("{team}", TEAMS[lang])
    return header.replace("{plural}", PLURALS[lang]) + "\n" + textwrap.dedent(body).lstrip("\n")


@pytest.fixture
def write_catalogs(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{"de": body, ...}`` as ``locale/<lang>/LC_MESSAGES/helpsvc.po``."""

    def write(bodies: dict[str, str]) -> Path:
        root = tmp_path / "locale"
        for lang, body in bodies.items():
            file = root / lang / "LC_MESSAGES" / "helpsvc.po"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(po_file(lang, body), encoding="utf-8")
        return root

    return write


@pytest.fixture
def catalogs_copy(tmp_path: Path) -> Path:
    """A copy of the project's catalogs that a test may change (skipped until they exist)."""
    if not LOCALE.is_dir():
        pytest.skip("helpsvc/locale does not exist yet")
    target = tmp_path / "locale"
    shutil.copytree(LOCALE, target)
    return target


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Line and column (1-based) of the ``nth`` occurrence of ``needle`` in ``text``."""
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
