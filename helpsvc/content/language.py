"""The language a page is written in, read from its text when its front matter does not say.

A folder of a Learn repository has no language folders, and not every file carries
``ms.contentlocale``; labelling those files with the default language would serve German
pages as English ones. py3langid reads the language from the page's prose. Short texts say
too little (a title, a list of links): below ``MIN_CHARS`` or ``MIN_CONFIDENCE`` the caller
keeps its default and says so.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from helpsvc.content.text import plain

MIN_CHARS = 40
MIN_CONFIDENCE = 0.9
SAMPLE_CHARS = 3000  # enough for a confident answer; a long page costs no more


@cache
def _identifier() -> Any:
    # Loaded on the first page that needs it: half a second that most docs trees never pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(markdown: str) -> str | None:
    """The ISO 639-1 code of the language of ``markdown``'s prose, or None when unsure."""
    sample = plain(markdown)[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return None
    lang, confidence = _identifier().classify(sample)
    return str(lang) if confidence >= MIN_CONFIDENCE else None
