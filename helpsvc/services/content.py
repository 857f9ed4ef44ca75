"""The content the service answers from, swapped in whole on reload.

A reload builds a complete new ``Content`` beside the one being served and replaces the
reference in one assignment, so a request sees either the old or the new index, never a mix.
A file that fails to parse keeps its last good version: its page is carried over from the
previous content and the error is reported on ``/healthz``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from helpsvc.content.corpus import Corpus, LoadError, load_corpus
from helpsvc.content.f1 import Suggester
from helpsvc.content.index import ContentIndex, build_index
from helpsvc.content.search import SearchIndex, Synonyms
from helpsvc.settings import Settings


@dataclass(frozen=True)
class Content:
    corpus: Corpus
    index: ContentIndex
    suggester: Suggester
    search: SearchIndex
    # Files that failed to parse and are served from their last good version.
    kept: tuple[str, ...] = ()
    loaded_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def languages(self) -> tuple[str, ...]:
        return self._languages

    def __post_init__(self) -> None:
        # Computed once: every F1 request negotiates against it.
        object.__setattr__(self, "_languages", self.index.languages)

    @property
    def errors(self) -> tuple[LoadError, ...]:
        return self.corpus.errors


def load_content(
    settings: Settings, previous: Content | None = None, synonyms: Synonyms | None = None
) -> Content:
    corpus = load_corpus(settings.docs_dir, default_lang=settings.default_lang)
    kept: list[str] = []
    if previous is not None and corpus.errors:
        last_good = {page.path: page for page in previous.corpus.pages}
        carried = [last_good[e.path] for e in corpus.errors if e.path in last_good]
        kept = [page.path for page in carried]
        corpus = Corpus(
            corpus.root,
            corpus.layout,
            corpus.pages + tuple(carried),
            corpus.errors,
            corpus.files,
        )
    index = build_index(corpus, settings.default_lang, settings.page_url)
    search = SearchIndex(index, synonyms)
    return Content(corpus, index, Suggester(index), search, tuple(kept))


class ContentHolder:
    def __init__(
        self,
        settings: Settings,
        synonyms: Synonyms | None = None,
        initial: Content | None = None,
    ) -> None:
        self._settings = settings
        # Glossary synonyms for the search; they outlive reloads of the docs.
        self._synonyms = synonyms
        self._lock = threading.Lock()
        # A content built before (by another app of the same docs) is immutable: shared.
        self.current: Content = initial or load_content(settings, synonyms=synonyms)

    def reload(self) -> Content:
        with self._lock:  # two reloads at once would only do the work twice
            self.current = load_content(
                self._settings, previous=self.current, synonyms=self._synonyms
            )
        self.warm()
        return self.current

    def warm(self) -> None:
        """Build the search indexes of the current content in the background, so that the
        first search does not wait for them (F1 answers never do)."""
        if self._settings.search_warmup:
            threading.Thread(
                target=self.current.search.warm, name="search-warmup", daemon=True
            ).start()
