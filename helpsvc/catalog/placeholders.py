"""Placeholders a translation must keep: the ``{name}`` fields of its English text.

A translation that drops ``{amount}`` hides a figure; one that invents ``{betrag}`` fails
at run time. The singular form of a plural may leave out the count ("eine Zeile").
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass

from babel.messages.catalog import Catalog


def fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        # An unbalanced brace: reported as a mismatch by the caller, never raised.
        return {"{"}


@dataclass(frozen=True, slots=True)
class PlaceholderMismatch:
    context: str | None
    lineno: int
    missing: frozenset[str]
    unknown: frozenset[str]


def mismatches(catalog: Catalog) -> Iterator[PlaceholderMismatch]:
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = set().union(*(fields(text) for text in ids))
        for index, text in enumerate(strings):
            if not text:
                continue
            found = fields(text)
            # Only a plural's first form may leave a field out ("1 Zeile" without {count}).
            missing = set() if len(ids) > 1 and index == 0 else expected - found
            unknown = found - expected
            if missing or unknown:
                yield PlaceholderMismatch(
                    message.context, message.lineno, frozenset(missing), frozenset(unknown)
                )
