"""Files of a Microsoft Learn / DocFX repository that are Markdown but not pages.

A ``TOC.md`` (or ``toc.yml``) is the navigation of a folder and a file under ``includes/``
is a fragment pulled into pages with ``[!INCLUDE]``: neither is published on its own, so
neither needs a page id, a translation of its own or F1 keywords. Paths use ``/`` as
separator, relative to any root.
"""

from __future__ import annotations

import posixpath

_TOC_NAMES = frozenset({"toc.md", "toc.yml", "toc.yaml"})


def is_toc(path: str) -> bool:
    """True for a table of contents: a file named ``toc.md`` or ``toc.yml`` in any letter
    case (``TOC.md`` is the DocFX spelling)."""
    return posixpath.basename(path).casefold() in _TOC_NAMES


def is_include(path: str) -> bool:
    """True for a file inside a folder named ``includes`` (at any depth, in any letter case),
    where DocFX keeps the fragments that pages include."""
    return any(part.casefold() == "includes" for part in path.split("/")[:-1])


def is_toc_or_include(path: str) -> bool:
    """True for a Markdown file that is not a page of its own (see ``is_toc``, ``is_include``)."""
    return is_toc(path) or is_include(path)
