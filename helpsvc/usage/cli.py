"""``helpsvc usage ...`` and ``helpsvc simulate``: registered on the main command."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the usage commands to the ``helpsvc`` command."""
