"""Which check ids a run reports: ``--select`` and ``--ignore``, as ruff has them.

A selector is a check id or a prefix of whole words of one: ``link`` stands for
``link-broken``, ``link-case-mismatch`` and ``link-outside-docs``; ``page-id`` for both page
id checks. A prefix of letters (``lin``) selects nothing, so a typo is reported, not
silently matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def split_ids(values: Iterable[str] | None) -> tuple[str, ...]:
    """``["a,b", "c"]`` → ``("a", "b", "c")``: each option may be repeated or list several."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def matches(check_id: str, selector: str) -> bool:
    stem = selector.rstrip("-")
    return check_id == stem or check_id.startswith(stem + "-")


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ()  # empty: every check
    ignore: tuple[str, ...] = ()

    def wants(self, check_id: str) -> bool:
        chosen = not self.select or any(matches(check_id, s) for s in self.select)
        return chosen and not any(matches(check_id, s) for s in self.ignore)

    def unknown(self, known: Iterable[str]) -> list[str]:
        """Selectors that match none of the ``known`` ids: most likely typos."""
        ids = list(known)
        return [s for s in (*self.select, *self.ignore) if not any(matches(i, s) for i in ids)]
