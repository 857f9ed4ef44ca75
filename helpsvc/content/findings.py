"""A finding of a content check: which check, where, what is wrong and how much it matters.

CI output, the CLI and the API all render the same finding, so it carries its location as
data rather than as a preformatted string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

# Only errors fail `helpsvc check`; a warning is likely wrong, info is worth a look.
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    path: str
    line: int
    check: str
    message: str
    column: int | None = None
    suggestion: str | None = None
    severity: Severity = "error"

    def location(self, root: str = "") -> str:
        path = f"{root.rstrip('/')}/{self.path}" if root else self.path
        return f"{path}:{self.line}" + (f":{self.column}" if self.column else "")

    def format(self, root: str = "") -> str:
        hint = f" ({self.suggestion})" if self.suggestion else ""
        # Errors keep the plain `file:line: message` shape CI scripts already parse; the
        # others say so the way compilers do, which editors' problem matchers understand.
        level = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.location(root)}: {level}{self.message}{hint} [{self.check}]"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class CheckCount:
    check: str
    severity: Severity
    count: int


def count_by_check(findings: Iterable[Finding]) -> list[CheckCount]:
    """How many findings each check id has, the noisiest first (then by id)."""
    counts = Counter((f.check, f.severity) for f in findings)
    rows = [CheckCount(check, severity, n) for (check, severity), n in counts.items()]
    return sorted(rows, key=lambda row: (-row.count, row.check))


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = Counter(f.severity for f in findings)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}
