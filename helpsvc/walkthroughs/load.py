"""Read the flow files, reporting mistakes with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpsvc.walkthroughs.actions import ACTIONS
from helpsvc.walkthroughs.conditions import CONDITIONS
from helpsvc.walkthroughs.model import Flow, Input, Step, Stop

FLOWS_DIR = Path(__file__).resolve().parent / "flows"
INPUT_KINDS = {
    "email",
    "choice",
    "money",
    "boolean",
    "last4",
    "month",
    "year",
    "confirm",
    "users_without_credits_license",
}


@dataclass(frozen=True, slots=True)
class FlowError(Exception):
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _mapping_lines(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {key.value: value for key, value in node.value}


def parse_flow(text: str, path: str) -> Flow:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FlowError(
            path, (mark.line + 1) if mark else 1, f"not valid YAML: {exc.problem}"
        ) from None
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise FlowError(path, 1, "a flow file must be a mapping with id, guide and steps")
    nodes = _mapping_lines(root)
    for key in ("id", "guide", "steps"):
        if key not in data:
            raise FlowError(path, 1, f"missing '{key}'")
    steps_node = nodes["steps"]
    steps: list[Step] = []
    seen: set[str] = set()
    for raw, node in zip(data["steps"] or [], getattr(steps_node, "value", []), strict=False):
        line = _line(node)
        for key in ("id", "section", "action"):
            if key not in raw:
                raise FlowError(path, line, f"step without '{key}'")
        if raw["id"] in seen:
            raise FlowError(path, line, f"step id '{raw['id']}' is used twice")
        seen.add(raw["id"])
        if raw["action"] not in ACTIONS:
            raise FlowError(path, line, f"unknown action '{raw['action']}'")
        done = raw.get("done_when")
        if done is not None and done not in CONDITIONS:
            raise FlowError(path, line, f"unknown condition '{done}'")
        inputs = []
        for item in raw.get("inputs") or []:
            if item.get("kind") not in INPUT_KINDS:
                raise FlowError(
                    path, line, f"input '{item.get('name')}': unknown kind '{item.get('kind')}'"
                )
            inputs.append(
                Input(
                    name=item["name"],
                    kind=item["kind"],
                    required=bool(item.get("required", False)),
                    required_with=item.get("required_with"),
                    options=tuple(item.get("options") or ()),
                )
            )
        steps.append(Step(raw["id"], raw["section"], raw["action"], tuple(inputs), done, line))
    stops = []
    for raw in data.get("stop_when") or []:
        if raw.get("condition") not in CONDITIONS:
            raise FlowError(
                path, _line(nodes.get("stop_when")), f"unknown condition '{raw.get('condition')}'"
            )
        stops.append(Stop(raw["condition"], raw["reason"], raw["guide"], raw["section"]))
    lines = {s.id: s.line for s in steps}
    return Flow(str(data["id"]), str(data["guide"]), tuple(steps), tuple(stops), path, lines)


def load_flows(folder: Path = FLOWS_DIR) -> dict[str, Flow]:
    flows: dict[str, Flow] = {}
    for file in sorted(folder.glob("*.yaml")):
        flow = parse_flow(file.read_text(encoding="utf-8"), str(file))
        flows[flow.id] = flow
    return flows
