"""One section of a page as Markdown and as HTML, for pages that quote the guides.

A walkthrough step shows the section of the guide it comes from; rendering it from the
docs (not from a copy) means a translator's edit reaches the walkthrough with no other step.
"""

from __future__ import annotations

import posixpath
import re

import markdown

from helpsvc.content.page import Page

# The extensions of mkdocs.yml that change how a section reads.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
EXTENSION_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}
_HREF = re.compile(r'href="([^"#:]*\.md)(#[^"]*)?"')


def section_markdown(page: Page, anchor: str) -> str | None:
    """The section's body (without its heading), up to the next heading of its level."""
    section = page.section(anchor)
    if section is None:
        return None
    lines = page.body.split("\n")
    start = section.line - page.body_line + 1
    end = len(lines)
    for other in page.sections:
        if other.line > section.line and other.level <= section.level:
            end = other.line - page.body_line
            break
    return "\n".join(lines[start:end]).strip("\n")


def render_section(page: Page, anchor: str, site_path: str) -> str | None:
    """HTML of a section; links to other pages point at the built site.

    ``site_path`` is the page's own URL on the site (``/de/guides/set-up-.../``).
    """
    text = section_markdown(page, anchor)
    if text is None:
        return None
    html = markdown.markdown(
        text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html"
    )
    base = posixpath.dirname(site_path.rstrip("/"))

    def site_link(match: re.Match[str]) -> str:
        target = match.group(1)[: -len(".md")]
        if target.endswith("index"):
            target = target[: -len("index")]
        url = posixpath.normpath(posixpath.join(base, target)) + "/"
        return f'href="{url}{match.group(2) or ""}"'

    return _HREF.sub(site_link, html)
