"""MkDocs hook: one search index per language, so the search box shows the reader's language.

mkdocs-static-i18n merges the entries of every language into one ``search/search_index.json``
(a known limitation with Material), so a German reader searching "NCE" got the English page
first. After it has merged them, this hook writes each language's entries to that language's
folder (``de/search/search_index.json``, locations relative to ``/de/``) and keeps only the
default language's entries at the root. ``overrides/main.html`` points Material's search at
the language's folder. A page a language lacks is searched in the default language and
marked with that language's name, after the reader's own pages. mkdocs-static-i18n builds
such a page into the language's folder too (``fallback_to_default``), in the language's
navigation with a banner that says the translation is missing, but drops those of its
entries that equal the default language's: the hook notes these fallback pages while they
are rendered, takes all their entries from the default language and links them to that copy,
so the reader stays on their language's site. Chinese entries keep the
segmentation (``\u200b`` between words) that Material's search plugin made with jieba: the
entries are moved, never re-tokenized.

The file lives in the theme folder; MkDocs never copies ``*.py`` from there to the site.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.site_search")
INDEX = Path("search", "search_index.json")
# {lang: locations (relative to the language's folder) of pages built from the default
# language's file}, noted during each language's pass.
_fallbacks: dict[str, set[str]] = {}


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def split_index(
    index: dict[str, Any],
    default: str,
    languages: list[str],
    marker: str,
    fallbacks: Mapping[str, Collection[str]] | None = None,
) -> dict[str, dict[str, Any]]:
    """``{lang: search index}`` from the merged index: each language's own entries, then the
    default language's entries for pages the language lacks (titles marked with ``marker``).
    ``fallbacks[lang]`` are the pages the language's folder holds in the default language:
    lacking as well, and linked to that copy; other lacking pages link to the default
    language's folder."""
    fallbacks = fallbacks or {}
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    own: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        lang = next((x for x, p in prefixes.items() if doc["location"].startswith(p)), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(prefixes[lang]) :]}
            if _page(doc["location"]) in fallbacks.get(lang, ()):
                continue
        own[lang].append(doc)
    # A section's entry has only the section's title; a marked one names its page as well,
    # since the reader cannot tell the page from a title in another language.
    pages = {doc["location"]: doc["title"] for doc in own[default]}
    out = {}
    for lang in languages:
        docs = list(own[lang])
        if lang != default:
            present = {_page(doc["location"]) for doc in docs}
            for doc in own[default]:
                page = _page(doc["location"])
                if page in present:
                    continue
                label = pages.get(page, doc["title"])
                title = doc["title"] if doc["title"] == label else f"{label} › {doc['title']}"
                copy = page in fallbacks.get(lang, ())
                location = doc["location"] if copy else f"../{doc['location']}"
                docs.append({**doc, "location": location, "title": f"{title} ({marker})"})
        out[lang] = {**index, "docs": docs}
    return out


def on_pre_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        # The pass that starts a build (``mkdocs serve`` rebuilds in the same process).
        _fallbacks.clear()


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_kwargs: object
) -> dict[str, Any]:
    i18n = config.plugins.get("i18n")
    locale = getattr(page.file, "locale", None)
    if i18n is not None and locale is not None and locale != i18n.current_language:
        lang = i18n.current_language
        _fallbacks.setdefault(lang, set()).add(page.url.removeprefix(f"{lang}/"))
    return context


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig, **_kwargs: object) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # one language's pass of the i18n build: the merged index is not written yet
    site = Path(config.site_dir)
    path = site / INDEX
    if not path.exists():
        return
    default = i18n.default_language
    languages = list(dict.fromkeys([default, *i18n.build_languages]))
    marker = next((x.name for x in i18n.config.languages if x.locale == default), default)
    merged = json.loads(path.read_text(encoding="utf-8"))
    for lang, index in split_index(merged, default, languages, marker, _fallbacks).items():
        target = path if lang == default else site / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact like Material's own index: it is fetched on every page.
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        log.debug("search index for %s: %d entries", lang, len(index["docs"]))
