"""A finding of a content check: which check, where, and what is wrong.

CI output, the CLI and the API all render the same finding, so it carries its location as
data rather than as a preformatted string.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    path: str
    line: int
    check: str
    message: str
    column: int | None = None
    suggestion: str | None = None

    def location(self, root: str = "") -> str:
        path = f"{root.rstrip('/')}/{self.path}" if root else self.path
        return f"{path}:{self.line}" + (f":{self.column}" if self.column else "")

    def format(self, root: str = "") -> str:
        hint = f" ({self.suggestion})" if self.suggestion else ""
        return f"{self.location(root)}: {self.message}{hint} [{self.check}]"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
