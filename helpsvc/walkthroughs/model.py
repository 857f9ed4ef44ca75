"""Flows as data: a flow is a guide page and steps; a step is a guide section, the inputs
it asks for, the condition that shows it is done and the simulator action it performs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Input:
    name: str
    kind: str  # email | choice | money | boolean | last4 | month | year | confirm | users_...
    required: bool = False
    required_with: str | None = None  # required when this boolean input is on
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    section: str  # anchor in the flow's guide page, identical in every language
    action: str
    inputs: tuple[Input, ...] = ()
    done_when: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Stop:
    """A branch of the guides: when ``condition`` holds, the flow cannot go on."""

    condition: str
    reason: str  # a credits error code, explained in the admin's language
    guide: str  # page to offer instead
    section: str


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    guide: str  # page_id of the guide the steps come from
    steps: tuple[Step, ...]
    stop_when: tuple[Stop, ...] = ()
    path: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def index(self, step_id: str) -> int:
        return [s.id for s in self.steps].index(step_id)
