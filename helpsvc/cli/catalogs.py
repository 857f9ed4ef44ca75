"""The ``--catalogs DIR`` option of ``check terms`` and ``i18n status``: which folder of
gettext catalogs to read, and how to name it in what they print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from helpsvc.cli.consoles import err

CatalogsOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogs",
        help="Folder of gettext catalogs, <lang>/LC_MESSAGES/*.po "
        "(default: the package's helpsvc/locale, skipped when it is missing).",
    ),
]


def catalog_dir(given: Path | None) -> Path | None:
    """The folder to read: as given (exit 2 when it is missing), else the package's, or
    None when the package has none (an installation without catalogs checks only docs)."""
    from helpsvc.glossary.catalogs import default_catalog_dir

    if given is not None:
        if not given.is_dir():
            err.print(f"[red]error:[/] {given}: no such folder")
            raise typer.Exit(2)
        return given
    default = default_catalog_dir()
    return default if default.is_dir() else None


def shown(path: Path) -> str:
    """``path`` as the user can open it: relative to the working folder when inside it
    (the package's folder is absolute), without a trailing slash."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path.as_posix().rstrip("/")
    text = relative.as_posix()
    return "." if text in ("", ".") else text
