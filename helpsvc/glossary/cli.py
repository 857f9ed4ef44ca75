"""``helpsvc glossary ...``, ``helpsvc check terms`` and ``helpsvc i18n status``."""

from __future__ import annotations

import typer


def register(app: typer.Typer, check_app: typer.Typer, i18n_app: typer.Typer) -> None:
    """Add the glossary and translation-status commands to the ``helpsvc`` command."""
