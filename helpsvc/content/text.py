"""Plain text of Markdown sections, and the tokens search matches on, per language.

Tokens are case-folded words; German words get a light suffix strip and Chinese runs are
segmented with jieba (the same segmenter the site search uses), so that a Chinese query
without spaces meets the words of a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from helpsvc.content.page import Page

_FENCE_LINE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}")
_HTML = re.compile(r"</?[A-Za-z][^>]*>")
_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+\.|>|!!!|\?\?\?|===)\s*|[*_`|#]+", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{_CJK}]+|[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
CJK_RUN = re.compile(rf"^[{_CJK}]+$")


def plain(markdown: str) -> str:
    """Readable text of a Markdown fragment: links keep their text, markup goes."""
    text = _FENCE_LINE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    text = _ATTR.sub("", text)
    text = _HTML.sub("", text)
    text = _MARKUP.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def sections_text(page: Page) -> Iterator[tuple[str | None, str, str]]:
    """``(anchor, heading, plain text)`` for the page's lead and each of its sections."""
    lines = page.body.split("\n")
    cuts = [(s.line - page.body_line, s) for s in page.sections if s.level >= 2]
    start = 0
    anchor, heading = None, page.title
    for offset, section in cuts:
        body = "\n".join(lines[start:offset])
        if start == 0:
            body = re.sub(r"^\s*#\s[^\n]*", "", body, count=1)  # the page title itself
        yield anchor, heading, plain(body)
        start = offset + 1
        anchor, heading = section.anchor, section.title
    yield anchor, heading, plain("\n".join(lines[start:]))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def stem_word(token: str, lang: str) -> str:
    # Light suffix stripping: enough for plural and case forms ("Lizenzen", "recharges")
    # without a stemming library; index and query pass through the same function.
    if lang == "en" and len(token) > 4:
        if token.endswith("ies"):
            return token[:-3] + "y"
        if token.endswith("s") and not token.endswith("ss"):
            return token[:-1]
    elif lang == "de" and len(token) > 5:
        for suffix in ("en", "er", "es", "e", "n", "s"):
            if token.endswith(suffix):
                return token[: -len(suffix)]
    return token


def tokens(text: str, lang: str) -> list[str]:
    found: list[str] = []
    for match in TOKEN.finditer(text.casefold()):
        token = match.group(0)
        if CJK_RUN.match(token):
            found.extend(w for w in _jieba().cut_for_search(token) if w.strip())
        else:
            found.append(stem_word(token.replace("’", "'"), lang))
    return found


def compound_parts(token: str, vocabulary: set[str], min_part: int = 4) -> list[str]:
    """Split a German compound into words the corpus knows: ``kommunikationsguthab`` →
    ``kommunikation``, ``guthab`` (stems). Returns [] when no split is found."""
    if len(token) < 2 * min_part or not token.isalpha():
        return []
    for cut in range(len(token) - min_part, min_part - 1, -1):
        head, tail = token[:cut], token[cut:]
        if tail not in vocabulary:
            continue
        rest = compound_parts(tail, vocabulary, min_part) or [tail]
        # The linking "s" (Fugen-s) belongs to neither word: "Kommunikation-s-guthaben".
        heads = [head]
        if head.endswith("s") and head[:-1] in vocabulary:
            heads = [head[:-1]]
        return heads + rest
    return []
