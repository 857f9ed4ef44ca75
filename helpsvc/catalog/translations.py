"""The compiled catalogs, loaded once per language.

``make`` compiles each ``helpsvc.po`` into ``helpsvc.mo`` beside it, and the wheel ships
both. A checkout whose ``.mo`` is missing or older than its ``.po`` (a translator has just
saved it) reads the ``.po`` itself, so an edit shows on the next start without a build step.
"""

from __future__ import annotations

import gettext
import io
import logging
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "de", "zh")
DOMAIN = "helpsvc"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def _read(po: Path) -> Catalog | None:
    """The catalog of ``po``; None if it is missing or cannot be read."""
    if not po.is_file():
        return None
    try:
        with po.open("rb") as fh:
            return read_po(fh, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError):
        return None


def catalog_path(lang: str, suffix: str = ".po", root: Path = LOCALE_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang``; English (the msgids themselves) for anything else."""
    if lang not in LANGUAGES or lang == "en":
        return gettext.NullTranslations()
    return load(catalog_path(lang))


def load(po: Path) -> gettext.NullTranslations:
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return _compiled(mo)
    catalog = _read(po)
    if catalog is None:
        # A .po saved half-way (a translator's syntax error) leaves the last compiled
        # catalog in service; `helpsvc check terms` says where the .po is broken.
        logger.warning(
            "%s cannot be read; %s", po, "using " + mo.name if mo.is_file() else "English"
        )
        return _compiled(mo) if mo.is_file() else gettext.NullTranslations()
    buffer = io.BytesIO()
    # Fuzzy entries are left out, as msgfmt does: a translation marked for review is not shown.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _compiled(mo: Path) -> gettext.GNUTranslations:
    with mo.open("rb") as fh:
        return gettext.GNUTranslations(fh)
