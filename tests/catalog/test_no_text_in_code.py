"""No Python module holds German or Chinese text a user reads: it belongs in the catalogs.

Docstrings and comments may quote the glossary's terms, and OpenAPI examples show what the
API accepts ("自动充值" as a search query); every other string literal must be English or
data. A module that has to hold other-language data names its reason here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "helpsvc"

# Han ideographs, CJK punctuation and full-width forms; German words with umlauts or ß.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
UMLAUT_WORD = re.compile(r"\b\w*[äöüÄÖÜß]\w*\b")

# A character class or a single character is data about a script, not text for a reader.
RANGE = re.compile(r"\S-\S")

EXAMPLE_KEYWORDS = {"openapi_examples", "examples", "example", "json_schema_extra"}

# Language data that is not a message, by module and reason.
DATA_MODULES = {
    # Symbols Chinese admins type with an amount ("100元"), which Babel's CLDR data lacks.
    "i18n/formats.py": {"元"},
}


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _examples(tree: ast.AST) -> set[int]:
    """String constants inside an example argument or ``model_config`` example."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in EXAMPLE_KEYWORDS:
            ids.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in EXAMPLE_KEYWORDS:
                    ids.update(id(n) for n in ast.walk(value))
    return ids


def foreign_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _examples(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if len(text) <= 2 or (RANGE.search(text) and " " not in text):
                continue
            if CJK.search(text) or UMLAUT_WORD.search(text):
                yield node.lineno, text


def test_no_module_holds_german_or_chinese_text() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        allowed = DATA_MODULES.get(relative, set())
        for line, text in foreign_literals(path):
            if text not in allowed:
                found.append(f"helpsvc/{relative}:{line}: {text[:60]!r}")
    assert not found, "German or Chinese text outside the catalogs:\n" + "\n".join(found)


def test_the_check_finds_chinese_and_german_text(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Docstring: 通信点数 is fine here."""\n'
        "# a comment: Kommunikationsguthaben für Sie\n"
        'TITLE = {"de": "Schlüsselwort", "zh": "关键字"}\n'
        'EXAMPLE = f(openapi_examples={"zh": {"value": "自动充值"}})\n'
        'PLAIN = "Add funds"\n'
        'HAN = "[\u4e00-\u9fff]"\n',
        encoding="utf-8",
    )
    assert {text for _, text in foreign_literals(module)} == {"关键字", "Schlüsselwort"}
