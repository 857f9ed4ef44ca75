"""MkDocs hooks: the glossary and the translation status on the guide site.

- the glossary page of each language, generated from ``glossary/*.yaml`` (not a file in
  ``docs/``, so the F1 index and the term lint never see its list of forbidden words);
- hover explanations of glossary terms: Material's abbreviations, fed per language with
  the glossary's definitions (``helpsvc.glossary.mdx`` makes them work for Chinese too and
  explains a term once per section), on every page but the glossary page itself;
- a banner on machine-translated and on stale pages, and on a page shown in English
  because its translation does not exist yet, in the reader's language.

mkdocs-static-i18n builds the site once per language and runs these hooks each time; its
own ``on_config`` and ``on_files`` run at priority -100, these run after it. Setting
``HELPSVC_GLOSSARY_SITE=off`` turns the hooks off (``bench/site_build.py`` measures the
site with and without them).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpsvc.content.frontmatter import FrontMatterError, split
from helpsvc.content.meta import Translation
from helpsvc.content.page import body_hash
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.mdx import GlossaryAbbrExtension
from helpsvc.glossary.model import Glossary
from helpsvc.glossary.site import abbreviations, banner, glossary_page
from helpsvc.glossary.status import MACHINE, STALE, translation_state

log = logging.getLogger("mkdocs.hooks.glossary")
GLOSSARY_PAGE = "glossary.md"
_cache: dict[str, object] = {}


def _enabled() -> bool:
    return os.environ.get("HELPSVC_GLOSSARY_SITE", "on").lower() not in ("off", "0", "false")


def _i18n(config: MkDocsConfig):  # noqa: ANN202 - the i18n plugin, when configured
    return config.plugins.get("i18n")


def _languages(config: MkDocsConfig) -> tuple[str, str, list[str]]:
    """``(current, default, all built)`` languages of this pass of the build."""
    plugin = _i18n(config)
    if plugin is None:
        lang = config.theme.get("language", "en")
        return lang, lang, [lang]
    return plugin.current_language, plugin.default_language, list(plugin.build_languages)


def _glossary(config: MkDocsConfig) -> Glossary:
    """The glossary, read once per build process (every language pass reuses it)."""
    directory = Path(os.environ.get("HELPSVC_GLOSSARY_DIR", "glossary"))
    if not directory.is_absolute():
        directory = Path(config.config_file_path).parent / directory
    # Keyed by the files' modification times: `mkdocs serve` rebuilds in the same process
    # and must pick up a translator's edit.
    stamps = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in directory.glob("*.y*ml")))
    key = f"glossary:{directory}:{stamps}"
    if key not in _cache:
        glossary, findings = load_glossary(directory)
        for finding in findings:
            # A warning makes `mkdocs build --strict` fail: a broken glossary is a broken site.
            log.warning("glossary: %s", finding.format())
        _cache[key] = glossary
    return _cache[key]  # type: ignore[return-value]


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    if not _enabled():
        return None
    lang, _default, _all = _languages(config)
    terms = abbreviations(_glossary(config), lang)
    extensions = [e for e in config.markdown_extensions if not isinstance(e, GlossaryAbbrExtension)]
    extensions.append(GlossaryAbbrExtension(glossary=terms))
    config.markdown_extensions = extensions
    return config


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page | None:
    # The glossary page defines every term in place: no tooltips there.
    on_glossary = page.file.src_uri.endswith(GLOSSARY_PAGE)
    for extension in config.markdown_extensions:
        if isinstance(extension, GlossaryAbbrExtension):
            extension.active = not on_glossary
    return page


def _page_url(rel: str, lang: str, default: str) -> str:
    return ("" if lang == default else f"{lang}/") + rel


@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    if not _enabled():
        return None
    lang, default, langs = _languages(config)
    file = File.generated(
        config, f"{lang}/{GLOSSARY_PAGE}", content=glossary_page(_glossary(config), lang)
    )
    rel = "glossary/index.html" if config.use_directory_urls else "glossary.html"
    file.dest_uri = _page_url(rel, lang, default)
    # What mkdocs-static-i18n records on the files it builds: the language switcher and the
    # hreflang alternates link to the glossary page of each language.
    file.locale = file.localization = file.locale_alternate_of = lang
    file.norm_src_uri = GLOSSARY_PAGE
    directory = "glossary/" if config.use_directory_urls else "glossary.html"
    # ``page=None``: the sitemap then builds each alternate's address from site_url.
    file.alternates = {
        other: SimpleNamespace(url=_page_url(directory, other, default), page=None)
        for other in langs
    }
    files.append(file)
    plugin = _i18n(config)
    if plugin is not None:
        # The sitemap (the site's hreflang annotations) lists the pages mkdocs-static-i18n
        # recorded in its own on_files, which ran before this page existed.
        plugin.i18n_files_per_language.setdefault(lang, []).append(file)
    return files


def _source_hash(config: MkDocsConfig, default: str, rel: str) -> str | None:
    path = Path(config.docs_dir) / default / rel
    try:
        key = f"hash:{path}:{path.stat().st_mtime_ns}"
    except OSError:
        return None
    if key not in _cache:
        try:
            _fm, body, _line = split(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, FrontMatterError):
            _cache[key] = None
        else:
            _cache[key] = body_hash(body)
    return _cache[key]  # type: ignore[return-value]


def _insert_after_title(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: i + 1], "", block, *lines[i + 1 :]])
    return block + "\n" + markdown


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not _enabled():
        return None
    lang, default, _all = _languages(config)
    if lang == default or page.file.src_uri.endswith(GLOSSARY_PAGE):
        return None
    file_lang = getattr(page.file, "locale", lang)
    if file_lang != lang:
        # mkdocs-static-i18n fell back to the English page: say so, and mark the text as
        # English so that screen readers and translation tools treat it as such.
        notice = banner("missing", lang)
        return f'{notice}\n<div lang="{file_lang}" markdown>\n\n{markdown}\n\n</div>\n'
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    source_hash = _source_hash(config, default, rel)
    if source_hash is None:
        return None
    raw = page.meta.get("translation")
    translation = (
        Translation(str(raw.get("source_hash") or "") or None, str(raw.get("type") or "human"))
        if isinstance(raw, dict)
        else None
    )
    state = translation_state(source_hash, translation)
    alternates = getattr(page.file, "alternates", {})
    english = alternates.get(default)
    url = get_relative_url(english.url, page.url) if english is not None else ""
    blocks = []
    if state == STALE:
        blocks.append(banner("stale", lang, url))
    if translation is not None and translation.type == MACHINE:
        blocks.append(banner("machine", lang, url))
    if not blocks:
        return None
    return _insert_after_title(markdown, "\n".join(blocks))
