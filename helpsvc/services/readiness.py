"""Readiness: can this instance do its work now, as a load balancer or an operator asks it.

Liveness (``/healthz``) only says the process answers. Readiness checks what the work needs:
a database that takes a write (a real one, rolled back), the docs loaded, the glossary loaded;
it also counts the docs pages skipped because they failed to parse, with the reasons (the
last good version of such a page is still served, so they do not make the service unready).

``DatabaseUnavailable`` and ``database_fault`` come from the store and are offered here,
for the layers above that may not import the store.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from helpsvc.glossary.lookup import TermIndex
from helpsvc.services.content import ContentHolder
from helpsvc.store.faults import DatabaseUnavailable, database_fault, probe_write

__all__ = ["Check", "DatabaseUnavailable", "Readiness", "Report", "database_fault"]

log = logging.getLogger("helpsvc")

OK = "ok"


def content_errors(content: Any) -> list[dict[str, Any]]:
    """The docs files that failed to parse, and whether their last good version is served."""
    kept = set(content.kept)
    return [
        {
            "path": error.path,
            "line": error.line,
            "message": error.message,
            "serving_last_good_version": error.path in kept,
        }
        for error in content.errors
    ]


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: str  # "ok", or what is wrong ("full", "read_only", "empty"...)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == OK

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, **self.facts}


@dataclass(frozen=True, slots=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> list[str]:
        return [check.name for check in self.checks if not check.ok]

    def as_json(self) -> dict[str, Any]:
        return {
            "status": "ready" if self.ready else "not_ready",
            "checks": {check.name: check.as_json() for check in self.checks},
        }


class Readiness:
    def __init__(self, engine: Engine, content: ContentHolder, glossary: TermIndex) -> None:
        self._engine = engine
        self._content = content
        self._glossary = glossary

    def check(self) -> Report:
        return Report((self.database(), self.docs(), self.glossary()))

    def database(self) -> Check:
        backend = self._engine.dialect.name
        try:
            probe_write(self._engine)
        except Exception as error:  # noqa: BLE001 - every failure is an answer here
            fault = database_fault(error)
            if fault is None:
                log.exception("readiness: the database probe failed")
            else:
                log.warning("readiness: database %s: %s", fault, error)
            return Check("database", fault or "error", {"backend": backend})
        return Check("database", OK, {"backend": backend})

    def docs(self) -> Check:
        content = self._content.current
        pages = {lang: len(found) for lang, found in content.index.pages.items()}
        skipped = content_errors(content)
        facts = {
            "pages": pages,
            "skipped": len(skipped),
            "skipped_pages": skipped,
            # Search indexes are built in the background after a start; F1 does not wait.
            "search_indexes_built": list(content.search.built_languages),
        }
        return Check("docs", OK if sum(pages.values()) else "empty", facts)

    def glossary(self) -> Check:
        entries = self._glossary.glossary.entries
        terms = {lang: len(concepts) for lang, concepts in entries.items()}
        return Check("glossary", OK if sum(terms.values()) else "empty", {"concepts": terms})
