"""MkDocs hooks: what the guide site says around the docs, in the reader's language.

- a 404 page per language: MkDocs renders ``404.html`` once per language pass of
  mkdocs-static-i18n, each time into the site's root, so the last language built (Chinese)
  used to answer every reader. Each rendering is kept and written to ``<lang>/404.html``
  (the default language's to ``404.html``) once every pass is done; the service picks the
  reader's (``helpsvc.api.site_files``). Its language switcher leads to the home pages.
- the permalink tooltip of headings ("Permanent link") in the language of the page.

Runs after mkdocs-static-i18n (priority -100), which builds the other languages from
inside the default language's ``on_post_build``.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from helpsvc.catalog.entries import Entry, entry

NOT_FOUND = "404.html"
# Said the way each language's own sites say it, not translated word for word.
LABELS: dict[str, Entry] = {
    "permalink": entry("site.chrome.permalink", "Link to this section"),
    "not_found_title": entry("site.chrome.not_found_title", "Page not found"),
    "not_found_text": entry(
        "site.chrome.not_found_text",
        "There is no page at this address. It may have moved, or the link you followed may be "
        "mistyped. Search the guides with the search box at the top of the page, or start "
        "again from the home page.",
    ),
    "not_found_home": entry("site.chrome.not_found_home", "Go to the home page"),
}
_rendered: dict[str, str] = {}


def labels(lang: str) -> dict[str, str]:
    """The site's own words in ``lang`` (English where a language has none)."""
    return {key: label.text(lang) for key, label in LABELS.items()}


def _languages(config: MkDocsConfig) -> tuple[str, str]:
    """``(current, default)`` language of this pass of the build."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        lang = config.theme.get("language", "en")
        return lang, lang
    return plugin.current_language, plugin.default_language


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang, _default = _languages(config)
    if "toc" in config.mdx_configs or "toc" in config.markdown_extensions:
        toc = dict(config.mdx_configs.get("toc") or {})
        toc["permalink_title"] = labels(lang)["permalink"]
        config.mdx_configs["toc"] = toc
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    lang, default = _languages(config)
    if lang == default:
        # A new build (``mkdocs serve`` rebuilds in the same process).
        _rendered.clear()


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name != NOT_FOUND:
        return context
    lang, default = _languages(config)
    context["site_labels"] = labels(lang)
    # The 404 page answers at any depth: its links are absolute paths.
    root = urlsplit(config.site_url or "/").path.rstrip("/")
    context["site_home"] = f"{root}/" if lang == default else f"{root}/{lang}/"
    plugin = config.plugins.get("i18n")
    homes = getattr(plugin, "extra_alternate", None)
    if homes:
        # The switcher of the 404 page leads to each language's home page, not to the
        # alternates of whichever page the pass rendered last.
        # mkdocs-static-i18n sets it as an attribute per page (which the theme reads
        # first) and as an item per language pass: both, then.
        config.extra["alternate"] = deepcopy(homes)
        config.extra.alternate = deepcopy(homes)
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == NOT_FOUND:
        lang, _default = _languages(config)
        _rendered[lang] = output_content
    return output_content


@event_priority(-120)
def on_post_build(config: MkDocsConfig) -> None:
    _lang, default = _languages(config)
    site = Path(config.site_dir)
    for lang, html in _rendered.items():
        target = site / NOT_FOUND if lang == default else site / lang / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
