"""What the glossary adds to the guide site, as Markdown text: the glossary page of each
language, the abbreviation list behind the hover explanations, and the banners that tell a
reader about machine-translated, outdated or missing translations, in their own language.

Pure functions of the glossary; ``mkdocs_hooks`` feeds them into the build.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

from helpsvc.catalog.entries import Entry as CatalogEntry
from helpsvc.catalog.entries import entry
from helpsvc.glossary.matching import language_kind
from helpsvc.glossary.model import SOURCE_LANG, Concept, Entry, Glossary

PAGE_TITLE = entry("glossary.page.title", "Glossary")
_LABELS: dict[str, CatalogEntry] = {
    "intro": entry(
        "glossary.page.intro",
        "The terms these guides use, what they mean and which words to avoid. Translation "
        "tools can import the same list as TBX or CSV (`helpsvc glossary export`).",
    ),
    "english": entry("glossary.page.english", "English"),
    "also": entry("glossary.page.also", "Also"),
    "admitted": entry("glossary.page.admitted", "Admitted"),
    "forbidden": entry("glossary.page.forbidden", "Do not use"),
    "ui": entry("glossary.page.ui", "Admin center label"),
    "gender": entry("glossary.page.gender", "Gender"),
    "measure": entry("glossary.page.measure", "Measure word"),
    "note": entry("glossary.page.note", "Note"),
}
_GENDER: dict[str, CatalogEntry] = {
    "masculine": entry("glossary.gender.masculine", "masculine"),
    "feminine": entry("glossary.gender.feminine", "feminine"),
    "neuter": entry("glossary.gender.neuter", "neuter"),
}
BANNERS: dict[str, tuple[CatalogEntry, CatalogEntry]] = {
    "machine": (
        entry("glossary.banner.machine.title", "Machine translation"),
        entry(
            "glossary.banner.machine.text",
            "This page was translated by machine and has not been reviewed yet. If in doubt, "
            "the [English original]({url}) applies.",
        ),
    ),
    "stale": (
        entry("glossary.banner.stale.title", "Translation out of date"),
        entry(
            "glossary.banner.stale.text",
            "The English original of this page changed after it was translated, so some "
            "details may be out of date. See the [current English version]({url}).",
        ),
    ),
    "missing": (
        entry("glossary.banner.missing.title", "Not translated yet"),
        entry(
            "glossary.banner.missing.text",
            "This page is not available in your language yet; you are reading the English "
            "original.",
        ),
    ),
}


# The page's punctuation is the language's: "**English:** term", "**英文：**term", "、".
_FACT = entry("glossary.page.fact", "**{label}:** {value}")
_LIST_SEPARATOR = entry("glossary.page.list_separator", ", ")
_WHERE = entry("glossary.page.ui_where", "{label} ({where})")


def _labels(lang: str) -> dict[str, str]:
    return {key: label.text(lang) for key, label in _LABELS.items()}


def _sort_key(term: str) -> str:
    # Case and accents do not decide the order ("Ablaufdatum" before "automatische ...").
    decomposed = unicodedata.normalize("NFKD", term.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NOT_HAN = "\x00"
_SyllableKey = tuple[str, int]


def _pinyin_key(term: str) -> tuple[tuple[_SyllableKey, ...], str]:
    """Chinese dictionary order: by the pinyin of each character, then its tone; Latin
    words ("PSTN") sort by their letters among the syllables. Code point order would be
    radical-and-stroke order, which no reader looks things up by."""
    syllables = lazy_pinyin(
        term, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda text: _NOT_HAN + text
    )
    key = []
    for syllable in syllables:
        if syllable.startswith(_NOT_HAN):
            key.append((_sort_key(syllable[1:].strip()), 0))
        else:
            key.append((syllable[:-1], int(syllable[-1])))
    # Same pinyin, same tones (homophones): the characters decide, so the order is stable.
    return tuple(key), term


def glossary_order(terms: Iterable[str], lang: str) -> list[str]:
    """``terms`` in the order a reader of ``lang`` looks them up."""
    if lang == "zh" or lang.startswith("zh-"):
        return sorted(terms, key=_pinyin_key)
    return sorted(terms, key=_sort_key)


# Whitespace that YAML folding (">-") leaves between two lines of Chinese text: a space
# next to full-width punctuation or between two ideographs is wrong in Chinese.
_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\uff00-\uffef\u2018-\u201d\u4e00-\u9fff])\s+"
    r"(?=[\u3000-\u303f\uff00-\uffef\u2018-\u201d\u4e00-\u9fff])"
)


def _one_line(text: str, lang: str = SOURCE_LANG) -> str:
    line = " ".join(text.split())
    if language_kind(lang) == "cjk":
        line = _CJK_GAP.sub("", line)
    return line


def glossary_page(glossary: Glossary, lang: str) -> str:
    """The Markdown of the glossary page in ``lang``; one section per concept, anchored by
    the concept id so that links work across languages."""
    labels = _labels(lang)
    comma = _LIST_SEPARATOR.text(lang)

    def fact(key: str, value: str) -> str:
        return _FACT.format(lang, label=labels[key], value=value)

    title = PAGE_TITLE.text(lang)
    lines = [
        "---",
        f"title: {title}",
        "---",
        "",
        f"# {title}",
        "",
        labels["intro"],
        "",
    ]
    rows: dict[str, list[tuple[Concept, Entry]]] = {}
    for concept in glossary.concepts:
        entry = glossary.entry(lang, concept.id)
        if entry is not None:
            rows.setdefault(entry.preferred, []).append((concept, entry))
    ordered = [(term, *row) for term in glossary_order(rows, lang) for row in rows[term]]
    for term, concept, entry in ordered:
        lines += [f"## {term} {{#{concept.id}}}", ""]
        facts = []
        if lang != SOURCE_LANG:
            english = glossary.term(SOURCE_LANG, concept.id)
            if english:
                facts.append(fact("english", english))
        if entry.gender:
            gender = _GENDER.get(entry.gender)
            facts.append(fact("gender", gender.text(lang) if gender else entry.gender))
        if entry.measure_word:
            facts.append(fact("measure", entry.measure_word))
        if facts:
            lines += [" · ".join(facts), ""]
        definition = glossary.definition(lang, concept.id)
        if definition:
            lines += [_one_line(definition, lang), ""]
        items = []
        if entry.forms:
            items.append("- " + fact("also", comma.join(entry.forms)))
        if entry.admitted:
            items.append("- " + fact("admitted", comma.join(entry.admitted)))
        for ui in entry.ui_labels:
            shown = _WHERE.format(lang, label=ui.label, where=ui.where) if ui.where else ui.label
            items.append("- " + fact("ui", shown))
        for item in entry.forbidden:
            reason = _one_line(item.reason, lang)
            items.append("- " + fact("forbidden", f"<del>{item.term}</del> – {reason}"))
        note = entry.notes or (concept.notes if lang == SOURCE_LANG else None)
        if note:
            items.append("- " + fact("note", _one_line(note, lang)))
        if items:
            lines += [*items, ""]
    return "\n".join(lines)


def abbreviations(glossary: Glossary, lang: str) -> dict[str, str]:
    """``{term: definition}`` for the hover explanations: the preferred term and its forms;
    admitted and forbidden variants are not what the guides should say, so they get none."""
    found: dict[str, str] = {}
    for concept in glossary.concepts:
        entry = glossary.entry(lang, concept.id)
        definition = glossary.definition(lang, concept.id)
        if entry is None or not definition:
            continue
        for term in entry.accepted:
            for form in _written_forms(term, lang):
                # Quotes would end the title attribute early in some renderers.
                found.setdefault(form, _one_line(definition, lang).replace('"', "'"))
    return found


def _written_forms(term: str, lang: str) -> list[str]:
    """The term as it appears in running text. Abbreviations match literally, so German
    adjective phrases get their inflected and sentence-initial forms too ("der
    automatischen Aufladung", "Automatische Aufladung")."""
    forms = [term]
    first, _, rest = term.partition(" ")
    if lang == "de" and rest and first.islower() and first.endswith("e"):
        forms += [f"{first}n {rest}", f"{first}r {rest}"]
    if lang == "de" and term[0].islower():
        forms += [f[0].upper() + f[1:] for f in list(forms)]
    return forms


def abbreviations_markdown(glossary: Glossary, lang: str) -> str:
    """The same list in Markdown's abbreviation syntax, for ``pymdownx.snippets``."""
    return "".join(f"*[{term}]: {text}\n" for term, text in abbreviations(glossary, lang).items())


def banner(kind: str, lang: str, url: str = "") -> str:
    """A Material admonition telling the reader about the translation, in ``lang``."""
    title, text = (part.text(lang) for part in BANNERS[kind])
    kind_class = "warning" if kind == "stale" else "info"
    # An HTML link: MkDocs would check a Markdown link against the docs of this language's
    # build, where the English page is not a file, and fail a strict build.
    link = rf'<a href="{html.escape(url, quote=True)}" hreflang="en">\1</a>'
    body = re.sub(r"\[([^\]]+)\]\(\{url\}\)", link, text)
    return f'!!! {kind_class} translation-banner translation-{kind} "{title}"\n    {body}\n'
