"""The shape of the code that the layering contracts (import-linter) cannot see."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "helpsvc"
LONG_FUNCTION_LINES = 60
# A function may be longer when a comment starting so says why, on the lines above it.
LONG_REASON = "# long:"


def _modules() -> list[tuple[str, Path, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        found.append((name, path, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    offences = []
    for name, path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if not node.module.startswith("helpsvc") or node.module == name:
                continue
            private = [alias.name for alias in node.names if alias.name.startswith("_")]
            private += [part for part in node.module.split(".") if part.startswith("_")]
            offences += [f"{path}:{node.lineno}: {node.module}.{p}" for p in private]
    assert offences == []


def test_functions_are_short_or_say_why_not() -> None:
    offences = []
    for _name, path, tree in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            # The body counts: a long signature of options is not a long function.
            first = node.body[0].lineno
            length = node.end_lineno - first + 1
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            above = "\n".join(lines[max(0, start - 4) : start - 1])
            if length > LONG_FUNCTION_LINES and LONG_REASON not in above:
                offences.append(f"{path}:{node.lineno}: {node.name} has {length} lines")
    assert offences == []


def test_times_from_the_database_are_made_aware_in_one_place() -> None:
    pattern = "tzinfo else"
    offences = [
        f"{path}:{n}"
        for _name, path, _tree in _modules()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern in line and path.name != "clock.py"
    ]
    assert offences == []
