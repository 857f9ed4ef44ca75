"""Plain text of Markdown sections, and the tokens search matches on, per language.

Tokens are case-folded Snowball stems (``stemming``); Chinese runs are segmented with jieba
(the same segmenter the site search uses), so that a Chinese query without spaces meets the
words of a page. Markup goes with its word boundaries kept: a tag between two words
separates them ("Anrufplänen<br>anzeigen" is two words), an inline tag inside a word
("<b>Guthaben</b>aufladung") does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from helpsvc.content.page import Page
from helpsvc.content.stemming import stem

_FENCE_LINE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}")
_INLINE_TAGS = (
    "a|abbr|b|bdi|bdo|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|"
    "time|u|var"
)
_INLINE_HTML = re.compile(rf"</?(?:{_INLINE_TAGS})\b[^>]*>", re.IGNORECASE)
_HTML = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->", re.DOTALL)
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
    text = _INLINE_HTML.sub("", text)
    text = _HTML.sub(" ", text)
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


# jieba's part-of-speech classes that carry no subject: numerals and measure words (一张,
# 多少, 多久), pronouns and question words (如何, 哪些, 怎样), prepositions, conjunctions,
# particles, modal particles (吗) and interjections. No list of words to keep up to date.
_FUNCTION_CLASSES = ("m", "q", "r", "p", "c", "u", "y", "e", "o")


def function_words(text: str) -> frozenset[str]:
    """The Chinese words of ``text`` that jieba tags as function words (see above)."""
    from jieba import posseg

    _jieba()
    found = set()
    for run in re.findall(rf"[{_CJK}]+", text):
        for pair in posseg.cut(run):
            if pair.flag.startswith(_FUNCTION_CLASSES):
                found.add(pair.word)
    return frozenset(found)


def sub_words(word: str) -> list[str]:
    """The shorter words jieba finds inside a Chinese word (通信点数 → 通信, 点数)."""
    return [w for w in _jieba().cut_for_search(word) if w.strip() and w != word]


def stem_word(token: str, lang: str) -> str:
    """The Snowball stem of a case-folded word (index and query use the same function)."""
    return stem(token, lang)


def tokens(text: str, lang: str, *, precise: bool = False) -> list[str]:
    """Stems and Chinese words of ``text``. The index segments Chinese for search (a long
    word and its parts: 信用卡 and 信用); a query asks ``precise`` (信用卡 only), so that one
    word of the question is one thing to find."""
    found: list[str] = []
    for match in TOKEN.finditer(text.casefold()):
        token = match.group(0)
        if CJK_RUN.match(token):
            cut = _jieba().cut(token) if precise else _jieba().cut_for_search(token)
            found.extend(w for w in cut if w.strip())
        else:
            found.append(stem(token.replace("’", "'"), lang))
    return found
