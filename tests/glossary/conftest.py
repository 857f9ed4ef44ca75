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
