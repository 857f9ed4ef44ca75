"""The content the service answers from: corpus and index, swapped in whole on reload."""

from __future__ import annotations

from dataclasses import dataclass

from helpsvc.content.corpus import Corpus, load_corpus
from helpsvc.content.index import ContentIndex, build_index
from helpsvc.settings import Settings


@dataclass(frozen=True, slots=True)
class Content:
    corpus: Corpus
    index: ContentIndex


def load_content(settings: Settings) -> Content:
    corpus = load_corpus(settings.docs_dir, default_lang=settings.default_lang)
    return Content(corpus, build_index(corpus, settings.default_lang))
