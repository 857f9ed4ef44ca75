"""What reading an export reports: bad rows, notes, and files that are not the export.

Codes with parameters, never prose: ``presentation.messages`` words them in English,
German or Chinese, and the API returns the codes as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RowProblem:
    source: str
    row: int
    code: str
    """``columns``, ``missing_value``, ``bad_time``, ``end_before_start``, ``bad_duration``,
    ``negative_duration``, ``currency_mismatch``, ``not_csv``, ``bad_charge`` (replay),
    ``no_rate`` (replay)."""
    params: dict[str, Any] = field(default_factory=dict)

    def where(self) -> str:
        return f"{self.source}:{self.row}"


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader wants the user to know that is not a bad row."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class ExportError(Exception):
    """The file is not the Calling Plans export of the PSTN usage report."""

    def __init__(self, code: str, source: str, **params: Any) -> None:
        self.code = code
        self.source = source
        self.params = params
        super().__init__(f"{source}: {code} {params}")


class BadRowError(Exception):
    """A bad row under ``strict``."""

    def __init__(self, problem: RowProblem) -> None:
        self.problem = problem
        super().__init__(f"{problem.where()}: {problem.code} {problem.params}")
