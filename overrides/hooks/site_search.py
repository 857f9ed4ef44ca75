"""MkDocs hook: one search index per language, so the search box shows the reader's language.

mkdocs-static-i18n merges the entries of every language into one ``search/search_index.json``
(a known limitation with Material), so a German reader searching "NCE" got the English page
first. After it has merged them, this hook writes each language's entries to that language's
folder (``de/search/search_index.json``, locations relative to ``/de/``) and keeps only the
default language's entries at the root. ``overrides/main.html`` points Material's search at
the language's folder. A page a language lacks is searched in the default language and
marked with that language's name, after the reader's own pages. Chinese entries keep the
segmentation (``\u200b`` between words) that Material's search plugin made with jieba.

The file lives in the theme folder; MkDocs never copies ``*.py`` from there to the site.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.site_search")
INDEX = Path("search", "search_index.json")


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def split_index(index: dict, default: str, languages: list[str], marker: str) -> dict[str, dict]:
    """``{lang: search index}``: each language's own entries, then the default language's
    entries for pages the language lacks (titles marked with ``marker``, linked back to the
    default language)."""
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    own: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        lang = next((x for x, p in prefixes.items() if doc["location"].startswith(p)), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(prefixes[lang]) :]}
        own[lang].append(doc)
    names = {doc["location"]: doc["title"] for doc in own[default]}
    out = {}
    for lang in languages:
        docs = list(own[lang])
        if lang != default:
            present = {_page(doc["location"]) for doc in docs}
            for doc in own[default]:
                if _page(doc["location"]) not in present:
                    label = names.get(_page(doc["location"]), doc["title"])
                    title = doc["title"] if doc["title"] == label else f"{label} › {doc['title']}"
                    docs.append(
                        {**doc, "location": f"../{doc['location']}", "title": f"{title} ({marker})"}
                    )
        out[lang] = {**index, "docs": docs}
    return out


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig, **_kwargs: object) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # one language of the i18n build: the merged index is not written yet
    site = Path(config.site_dir)
    path = site / INDEX
    if not path.exists():
        return
    default = i18n.default_language
    languages = list(dict.fromkeys([default, *i18n.build_languages]))
    marker = next((x.name for x in i18n.config.languages if x.locale == default), default)
    index = json.loads(path.read_text(encoding="utf-8"))
    indexes = split_index(index, default, languages, marker)
    for lang, index in indexes.items():
        target = path if lang == default else site / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        log.debug("search index for %s: %d entries", lang, len(index["docs"]))
