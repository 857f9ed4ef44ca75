"""Glossary tooltips in the Markdown of a page, and the glossary page's own text: a term is
explained once per section and never in a title or an admin center label; the Chinese
glossary is in pinyin order and its folded text has no stray spaces."""

from __future__ import annotations

import re

import markdown
from pypinyin import Style, lazy_pinyin

from helpsvc.glossary.mdx import GlossaryAbbrExtension
from helpsvc.glossary.model import Glossary
from helpsvc.glossary.site import abbreviations, glossary_order, glossary_page

TERMS = {
    "trigger amount": "The balance below which a recharge happens.",
    "recharge amount": "What one recharge adds.",
    "触发金额": "余额低于此值时开始充值。",
}


def _render(text: str, active: bool = True) -> str:
    extension = GlossaryAbbrExtension(glossary=TERMS)
    extension.active = active
    return markdown.markdown(text, extensions=[extension, "attr_list", "admonition"])


def _explained(html: str) -> list[str]:
    return re.findall(r"<abbr [^>]*>([^<]+)</abbr>", html)


def test_a_term_is_explained_at_its_first_occurrence_in_each_section():
    html = _render(
        "Set the trigger amount. The trigger amount must be below the recharge amount.\n\n"
        "Later, the trigger amount again.\n\n"
        "## Choose values\n\n"
        "Pick a trigger amount and a recharge amount; the recharge amount is larger.\n\n"
        "### Example\n\n"
        "Here the trigger amount is USD 150.\n"
    )
    sections = re.split(r"<h[23]", html)
    assert [_explained(part) for part in sections] == [
        ["trigger amount", "recharge amount"],
        ["trigger amount", "recharge amount"],
        ["trigger amount"],
    ]


def test_never_in_headings_links_bold_labels_code_or_admonition_titles():
    html = _render(
        "## The trigger amount\n\n"
        '!!! note "About the recharge amount"\n'
        "    Text.\n\n"
        "Select **trigger amount** in [trigger amount settings](x.md), "
        "then type `trigger amount`.\n\n"
        "Only here: trigger amount.\n"
    )
    assert _explained(html) == ["trigger amount"]
    assert html.count("<abbr") == 1
    assert "<p>Only here: <abbr" in html


def test_chinese_terms_inside_running_text():
    html = _render("余额低于触发金额时充值。再次提到触发金额。")
    assert _explained(html) == ["触发金额"]


def test_tooltips_can_be_turned_off_for_a_page():
    assert "<abbr" not in _render("The trigger amount.", active=False)


def test_the_chinese_glossary_is_in_pinyin_order(project_glossary: Glossary):
    page = glossary_page(project_glossary, "zh")
    headings = re.findall(r"^## (.+?) \{#", page, flags=re.MULTILINE)
    assert len(headings) > 5
    spelled = [[s.casefold() for s in lazy_pinyin(h, style=Style.TONE3)] for h in headings]
    assert spelled == sorted(spelled)
    # 充 (chōng), 即 (jí), 计 (jì): first by the sound, then by the tone.
    assert glossary_order(["计费", "即用即付", "充值"], "zh") == ["充值", "即用即付", "计费"]


def test_german_and_english_glossaries_ignore_case_and_accents():
    assert glossary_order(["Zählwort", "automatische Aufladung", "Ablaufdatum"], "de") == [
        "Ablaufdatum",
        "automatische Aufladung",
        "Zählwort",
    ]


def test_folded_chinese_text_has_no_space_between_sentences(project_glossary: Glossary):
    page = glossary_page(project_glossary, "zh")
    titles = abbreviations(project_glossary, "zh").values()
    for text in [page, *titles]:
        assert not re.search(r"[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff] +[\u4e00-\u9fff]", text)
