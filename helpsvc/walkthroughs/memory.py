"""What a walkthrough session remembers beyond its position: values, changes, moves.

``values`` holds what the admin typed for each step (sent, or left behind with Back), so a
step shown again is filled in. ``changes`` is what each applied step changed, in machine
form (amounts as plain decimal strings), worded in the reader's language only when shown.
``moves`` counts every move of the session; a form's step token is derived from it, so a
token is good for exactly one move: a double click, a refresh that resends the form or a
replayed POST finds the session moved on and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

# Form fields that are not values of the step.
CONTROL_FIELDS = frozenset({"csrf", "session_id", "action", "step_token", "confirm_amount", "flow"})


@dataclass(slots=True)
class Memory:
    moves: int = 0
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {"moves": self.moves, "values": self.values, "changes": self.changes},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str | None) -> Memory:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(int(data.get("moves", 0)), data.get("values", {}), data.get("changes", []))

    def keep(self, step_id: str, form: dict[str, Any]) -> None:
        self.values[step_id] = typed_values(form)


def typed_values(form: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in form.items() if k not in CONTROL_FIELDS}


def step_token(session_id: str, step_id: str | None, moves: int) -> str:
    """The token of the form shown now; it changes with every move of the session."""
    seed = f"{session_id}:{step_id}:{moves}".encode()
    return hashlib.sha256(seed).hexdigest()[:32]
