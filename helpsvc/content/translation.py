"""Record in a translation which English source it follows (``translation.source_hash``).

The front matter is edited as text, not re-serialised, so the translator's key order,
quoting and comments stay as they wrote them.
"""

from __future__ import annotations

import re

from helpsvc.content.frontmatter import split

_SOURCE_HASH = re.compile(r"^(?P<indent>[ \t]+)source_hash:[^\n]*$", re.MULTILINE)
_TRANSLATION = re.compile(r"^translation:[ \t]*$", re.MULTILINE)


def stamp_source_hash(text: str, source_hash: str) -> str:
    """Return ``text`` with its translation block recording ``source_hash``."""
    fm_text, _body, _line = split(text)
    if fm_text is None:
        raise ValueError("the page has no front matter to record the source hash in")
    start = text.index(fm_text)
    block = _TRANSLATION.search(fm_text)
    if block is None:
        new_fm = fm_text + f"translation:\n  source_hash: {source_hash}\n  type: human\n"
    else:
        tail = fm_text[block.end() :]
        existing = _SOURCE_HASH.search(tail)
        # Only a source_hash inside the translation block counts: it is the first indented
        # key after ``translation:`` before the next top-level key.
        next_key = re.search(r"^\S", tail[1:], re.MULTILINE)
        limit = next_key.start() + 1 if next_key else len(tail)
        if existing is not None and existing.start() < limit:
            indent = existing.group("indent")
            tail = (
                tail[: existing.start()]
                + f"{indent}source_hash: {source_hash}"
                + tail[existing.end() :]
            )
        else:
            tail = f"\n  source_hash: {source_hash}" + tail
        new_fm = fm_text[: block.end()] + tail
    return text[:start] + new_fm + text[start + len(fm_text) :]
