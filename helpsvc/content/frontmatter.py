"""Split a Markdown file into its YAML front matter and body.

Front matter is the block between a first line of ``---`` and the next line of ``---``
(or ``...``). Errors carry the 1-based line number *in the file*, so a translator can jump
straight to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # The C loader is an order of magnitude faster; fall back when libyaml is absent.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class FrontMatterError(Exception):
    """Front matter that cannot be read; ``line`` is 1-based in the whole file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Document:
    meta: dict[str, Any]
    body: str
    # 1-based file line on which ``body`` starts; used to report body locations.
    body_line: int
    has_front_matter: bool


def split(text: str) -> tuple[str | None, str, int]:
    """Return ``(front_matter_text, body, body_line)``; front matter is None if absent."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None, text, 1
    start = text.index("\n") + 1
    pos = start - 1
    while True:
        # Jump from one "\n---" / "\n..." to the next instead of walking every line.
        dash, dots = text.find("\n---", pos), text.find("\n...", pos)
        candidates = [c for c in (dash, dots) if c != -1]
        if not candidates:
            raise FrontMatterError(1, "front matter opened with '---' on line 1 is never closed")
        pos = min(candidates)
        end = text.find("\n", pos + 1)
        rest = text[pos + 4 : end if end != -1 else len(text)]
        if rest.strip(" \t\r") == "":
            fm_text = text[start : pos + 1]
            body = text[end + 1 :] if end != -1 else ""
            return fm_text, body, fm_text.count("\n") + 3
        pos += 4


def parse_yaml(fm_text: str) -> Any:
    """Parse front matter YAML; errors are reported with file lines (front matter starts on 2)."""
    try:
        return yaml.load(fm_text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct began (an unclosed bracket, a key
        # without its colon): the line the author has to look at.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 2) if mark is not None else 2
        problem = exc.problem or exc.context or "invalid YAML"
        hint = _find_bare_list_item(fm_text)
        if hint is not None:
            key, item_line = hint
            raise FrontMatterError(
                item_line,
                f"front matter is not valid YAML: item of the '{key}' list lacks its leading '- '",
            ) from None
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(2, f"front matter is not valid YAML: {exc}") from None


def _find_bare_list_item(fm_text: str) -> tuple[str, int] | None:
    """Find the common hand-editing slip: a list item written without ``- ``.

    PyYAML notices it only a line later, as a missing ``:``; pointing at the item itself
    saves the reader a search.
    """
    key = None
    in_list = False
    for offset, raw in enumerate(fm_text.splitlines()):
        line = raw.rstrip()
        if not line or line.lstrip().startswith("#"):
            continue
        if line.lstrip().startswith("- "):
            in_list = key is not None
            continue
        if line[0] not in " \t" and ":" in line:
            key, _, value = line.partition(":")
            key = key.strip()
            # A key without a value opens a block: a list is the usual content here.
            in_list = not value.strip()
            continue
        if in_list and ":" not in line:
            return key or "?", offset + 2
    return None


def parse(text: str) -> Document:
    fm_text, body, body_line = split(text)
    if fm_text is None:
        return Document({}, body, body_line, False)
    data = parse_yaml(fm_text)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a mapping of keys to values")
    return Document(data, body, body_line, True)
