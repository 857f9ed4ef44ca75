"""Admin center labels in the glossary (``ui_labels``) and the product term 通信点数.

A guide quotes what the localized admin center shows, in bold; the term lint must leave a
recorded label alone there, and only there.
"""

from __future__ import annotations

import pytest

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.glossary.csvx import from_csv, to_csv
from helpsvc.glossary.lint import lint_terms
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.merge import merge
from helpsvc.glossary.model import UiLabel
from helpsvc.glossary.site import glossary_page
from helpsvc.glossary.tbx import from_tbx, to_tbx
from helpsvc.glossary.validate import validate
from helpsvc.glossary.write import dump_language
from tests.conftest import REPO
from tests.glossary.conftest import EN_SMALL, with_every_entry

ZH_LABELS = """
    language: zh
    terms:
      communications-credits:
        preferred: 通信点数
        ui_labels:
          - label: 通信额度
            where: 用户 > 活动用户 > 许可证和应用
          - 通信信用额度
        forbidden:
          - term: 通信信用额度
            reason: 旧译名。
          - term: 通信贷项
            reason: 会计用语。
"""

EN_PAGE = """
    ---
    title: Guide
    page_id: guide
    ---

    # Guide

    Communications Credits pay for calls.

    ## License {#license}

    Select **Communications Credits** on the tab.
"""


def _lint(make_tree, write_glossary, zh_page: str, zh_glossary: str = ZH_LABELS):
    docs = make_tree({"en/guide.md": EN_PAGE, "zh/guide.md": zh_page})
    glossary, problems = load_glossary(
        write_glossary({"en.yaml": EN_SMALL, "zh.yaml": zh_glossary})
    )
    assert problems == []
    corpus = load_corpus(docs)
    return lint_terms(corpus, build_index(corpus), glossary)


def _zh(body: str) -> str:
    return "---\ntitle: 指南\npage_id: guide\n---\n\n# 指南\n\n" + body


def test_the_project_glossary_follows_microsofts_chinese_terms(project_glossary):
    entry = project_glossary.entry("zh", "communications-credits")
    assert entry.preferred == "通信点数"
    assert UiLabel("通信额度", entry.ui_labels[0].where) in entry.ui_labels
    assert "许可证和应用" in (entry.ui_labels[0].where or "")
    old = {f.term: f.reason for f in entry.forbidden}
    assert "通信点数" in old["通信信用额度"] and "通信额度" in old["通信信用额度"]
    # The admin center's labels of the auto-recharge fields, as the guides quote them.
    labels = {lang: project_glossary.ui_labels(lang) for lang in ("en", "de", "zh")}
    assert labels["en"]["When balance falls below"] == "trigger-amount"
    assert labels["de"]["bei Guthaben unter"] == "trigger-amount"
    assert labels["zh"]["余额低于此值时"] == "trigger-amount"
    assert labels["zh"]["通信额度"] == "communications-credits"


def test_labels_load_as_mappings_or_plain_text(write_glossary):
    glossary, problems = load_glossary(write_glossary({"en.yaml": EN_SMALL, "zh.yaml": ZH_LABELS}))
    assert problems == []
    assert glossary.entry("zh", "communications-credits").ui_labels == (
        UiLabel("通信额度", "用户 > 活动用户 > 许可证和应用"),
        UiLabel("通信信用额度"),
    )


@pytest.mark.parametrize(
    ("labels", "line", "message"),
    [
        ("    ui_labels: 通信额度\n", 5, "'ui_labels' must be a list of {label, where}"),
        ("    ui_labels:\n      - where: 许可证\n", 6, "a UI label needs 'label'"),
        ("    ui_labels:\n      - {label: 通信额度, page: x}\n", 6, "unknown key 'page'"),
    ],
)
def test_a_broken_label_is_reported_with_its_line(write_glossary, labels, line, message):
    zh = "language: zh\nterms:\n  communications-credits:\n    preferred: 通信点数\n" + labels
    folder = write_glossary({"en.yaml": EN_SMALL})
    (folder / "zh.yaml").write_text(zh, encoding="utf-8")
    _, problems = load_glossary(folder)
    [problem] = problems
    assert problem.path.endswith("zh.yaml") and problem.line == line
    assert message in problem.message


def test_one_label_for_two_concepts_is_reported(write_glossary):
    zh = ZH_LABELS + (
        "      auto-recharge:\n        preferred: 自动充值\n"
        "        ui_labels:\n          - label: 通信额度\n"
    )
    glossary, problems = load_glossary(write_glossary({"en.yaml": EN_SMALL, "zh.yaml": zh}))
    assert problems == []
    [finding] = validate(glossary)
    assert finding.check == "ui-label-ambiguous"
    assert "'通信额度' of 'auto-recharge' is already recorded for 'communications-credits'" in (
        finding.message
    )


def test_a_recorded_label_in_bold_is_not_a_term_problem(make_tree, write_glossary):
    page = _zh(
        "通信点数用于支付通话。\n\n## 许可证 {#license}\n\n在选项卡上选中**通信信用额度**。\n"
    )
    assert _lint(make_tree, write_glossary, page) == []


def test_the_same_label_outside_bold_is_forbidden_with_a_hint(make_tree, write_glossary):
    page = _zh("通信点数用于支付通话。\n\n## 许可证 {#license}\n\n在选项卡上选中通信信用额度。\n")
    [finding] = _lint(make_tree, write_glossary, page)
    assert (finding.check, finding.line, finding.column) == ("term-forbidden", 12, 8)
    assert finding.suggestion == (
        "use '通信点数', or quote the admin center's label in bold: **通信信用额度**"
    )


def test_bold_does_not_hide_a_variant_that_is_no_label(make_tree, write_glossary):
    page = _zh("通信点数用于支付通话。\n\n## 许可证 {#license}\n\n在选项卡上选中**通信贷项**。\n")
    [finding] = _lint(make_tree, write_glossary, page)
    assert finding.check == "term-forbidden" and finding.suggestion == "use '通信点数'"


def test_a_label_alone_does_not_stand_for_the_preferred_term(make_tree, write_glossary):
    # The guide must still name the product as the glossary says somewhere on the page.
    page = _zh("## 许可证 {#license}\n\n在选项卡上选中**通信额度**。\n")
    [finding] = _lint(make_tree, write_glossary, page)
    assert finding.check == "term-inconsistent"
    assert finding.suggestion == "use '通信点数'"


def test_the_old_chinese_term_is_forbidden_in_the_guides(make_tree):
    docs = make_tree(
        {
            "en/guide.md": EN_PAGE,
            "zh/guide.md": _zh(
                "通信信用额度用于支付通话。\n\n## 许可证 {#license}\n\n选中**通信额度**。\n"
            ),
        }
    )
    glossary, problems = load_glossary(REPO / "glossary")
    assert problems == []
    corpus = load_corpus(docs)
    findings = lint_terms(corpus, build_index(corpus), glossary)
    forbidden = [f for f in findings if f.check == "term-forbidden"]
    assert [(f.line, f.column, f.suggestion) for f in forbidden] == [(8, 1, "use '通信点数'")]
    assert "本站早期的译名" in forbidden[0].message


def test_labels_survive_yaml_tbx_and_csv(project_glossary, tmp_path):
    for lang in project_glossary.languages:
        (tmp_path / f"{lang}.yaml").write_text(dump_language(project_glossary, lang), "utf-8")
    again, problems = load_glossary(tmp_path)
    assert problems == []
    assert again.ui_labels("zh") == project_glossary.ui_labels("zh")
    for version in (2, 3):
        assert from_tbx(to_tbx(project_glossary, version)).ui_labels("zh") == (
            project_glossary.ui_labels("zh")
        )
    assert from_csv(to_csv(project_glossary)).entry("zh", "communications-credits") == (
        project_glossary.entry("zh", "communications-credits")
    )


def test_an_import_without_labels_keeps_the_recorded_ones(project_glossary):
    # A CAT tool that drops the label notes must not turn every labelled entry into a conflict.
    bare = with_every_entry(project_glossary, ui_labels=())
    result = merge(project_glossary, bare, overwrite=True)
    assert result.conflicts == ()
    assert result.glossary.ui_labels("zh") == project_glossary.ui_labels("zh")


def test_the_glossary_page_shows_the_admin_center_label(project_glossary):
    page = glossary_page(project_glossary, "zh")
    assert "**管理中心界面名称：**通信额度（" in page
    assert "<del>通信信用额度</del>" in page
    assert "Admin center label" in glossary_page(project_glossary, "en")
