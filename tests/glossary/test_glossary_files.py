"""The glossary files: the project's own, and what `helpsvc glossary check` reports."""

from __future__ import annotations

import json

from helpsvc.cli import app
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.validate import progress, validate
from tests.conftest import REPO
from tests.glossary.conftest import DE_SMALL, EN_SMALL, ZH_SMALL

DOMAIN = {
    "communications-credits": ("Kommunikationsguthaben", "通信点数"),
    "auto-recharge": ("automatische Aufladung", "自动充值"),
    "trigger-amount": ("Auslösebetrag", "触发金额"),
    "recharge-amount": ("Aufladebetrag", "充值金额"),
    "add-funds": ("Guthaben aufladen", "添加资金"),
    "balance": ("Saldo", "余额"),
    "toll-free-number": ("gebührenfreie Rufnummer", "免费电话号码"),
    "dial-in": ("Einwahl", "拨入"),
    "dial-out": ("Anruf aus einer Besprechung", "拨出"),
    "audio-conferencing": ("Audiokonferenzen", "音频会议"),
    "phone-system": ("Telefonsystem", "电话系统"),
    "calling-plan": ("Anrufplan", "通话套餐"),
    "domestic-calling-plan": ("Inlandsanrufplan", "国内通话套餐"),
    "international-calling-plan": ("Inlands- und Auslandsanrufplan", "国内和国际通话套餐"),
    "pay-as-you-go-calling-plan": ("Anrufplan mit nutzungsbasierter Bezahlung", "即用即付通话套餐"),
    "monthly-minutes": ("Monatsminuten", "每月分钟数"),
    "pstn-usage-report": ("PSTN-Nutzungsbericht", "PSTN使用情况报告"),
    "nce": ("NCE (New Commerce Experience)", "新商务体验（NCE）"),
    "post-usage-billing": ("Abrechnung nach Nutzung", "使用后计费"),
    "overage": ("Mehrnutzung", "超额使用"),
    "license": ("Lizenz", "许可证"),
    "tenant": ("Organisation", "组织"),
    "admin-center": ("Microsoft 365 Admin Center", "Microsoft 365管理中心"),
    "payment-method": ("Zahlungsmethode", "付款方式"),
    "notification": ("Benachrichtigung", "通知"),
    "expiry": ("Verfall", "过期"),
    "credit-card": ("Kreditkarte", "信用卡"),
}


def test_project_glossary_is_clean_and_covers_the_domain(project_glossary):
    assert validate(project_glossary) == []
    assert len(project_glossary.concepts) >= 30
    for concept_id, (de, zh) in DOMAIN.items():
        assert project_glossary.term("de", concept_id) == de, concept_id
        assert project_glossary.term("zh", concept_id) == zh, concept_id
    assert all(p.missing == () for p in progress(project_glossary))
    # The seeds' mistakes are on record, each with its reason.
    forbidden = {
        (lang, f.term): cid
        for lang in ("de", "zh")
        for cid, entry in project_glossary.entries[lang].items()
        for f in entry.forbidden
    }
    assert forbidden[("de", "Kommunikation Gutschriften")] == "communications-credits"
    assert forbidden[("de", "Guthaben für Kommunikationen")] == "communications-credits"
    assert forbidden[("de", "Auto-Ladeleuchte")] == "auto-recharge"
    assert forbidden[("zh", "通信贷项")] == "communications-credits"
    assert project_glossary.entry("de", "communications-credits").gender == "neuter"


def test_schema_errors_name_file_and_line(write_glossary):
    folder = write_glossary(
        {
            "en.yaml": """
                language: en
                concepts:
                  balance:
                    term: balance
                    pos: noun
                    definition: What is left.
                  funds:
                    term: funds
                    pos: money
                    definition: Money paid in.
                  balance:
                    term: balance again
                    pos: noun
                    definition: Twice.
                  expiry:
                    term: expiry
                    colour: blue
                    definition: The end.
                    pos: noun
            """,
            "de.yaml": """
                language: de
                terms:
                  balance:
                    preferred: Saldo
                    gender: männlich
                  funds:
                    admitted: [Guthaben]
                  ghost:
                    preferred: Gespenst
                  expiry:
                    preferred: Verfall
                    forbidden:
                      - term: Ablauf
            """,
        }
    )
    glossary, findings = load_glossary(folder)
    findings += validate(glossary)
    lines = {(f.path.rsplit("/", 1)[-1], f.line, f.check) for f in findings}
    assert ("en.yaml", 9, "glossary-schema") in lines  # pos: money
    assert ("en.yaml", 11, "concept-duplicate") in lines  # balance again
    assert ("en.yaml", 17, "glossary-schema") in lines  # colour: blue
    assert ("de.yaml", 5, "glossary-schema") in lines  # gender: männlich
    assert ("de.yaml", 6, "glossary-schema") in lines  # funds without preferred
    assert ("de.yaml", 8, "concept-unknown") in lines  # ghost
    assert ("de.yaml", 13, "glossary-schema") in lines  # forbidden without reason
    messages = " ".join(f.message for f in findings)
    assert "'money' is not one of" in messages
    assert "already defined on line 3" in messages
    assert "needs reason" in messages
    # The rest still loads.
    assert glossary.term("de", "balance") == "Saldo"


def test_yaml_syntax_error_and_forbidden_preferred(write_glossary):
    folder = write_glossary(
        {
            "en.yaml": EN_SMALL,
            "de.yaml": DE_SMALL.replace(
                "preferred: Anrufplan",
                "preferred: Anrufplan\n        forbidden:\n"
                "          - term: automatische Aufladung\n            reason: Test.",
            ),
            "zh.yaml": "language: zh\nterms:\n  auto-recharge: [unclosed\n",
        }
    )
    glossary, findings = load_glossary(folder)
    findings += validate(glossary)
    by_check = {f.check: f for f in findings}
    assert by_check["glossary-yaml"].path.endswith("zh.yaml")
    assert by_check["glossary-yaml"].line == 4
    clash = by_check["term-forbidden-preferred"]
    assert "'automatische Aufladung' is forbidden for 'calling-plan'" in clash.message
    assert "preferred term 'automatische Aufladung' of concept 'auto-recharge'" in clash.message


def test_cli_check_reports_progress_and_fails_on_problems(write_glossary, runner):
    folder = write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE_SMALL, "zh.yaml": ZH_SMALL})
    result = runner.invoke(app, ["glossary", "check", "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "de: 3/3 translated (100 %)" in result.output
    assert "zh: 2/3 translated (67 %)" in result.output
    assert "missing: calling-plan" in result.output

    (folder / "de.yaml").write_text("language: de\nterms:\n  x: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["glossary", "check", "--dir", str(folder), "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert rows[0]["path"].endswith("de.yaml") and rows[0]["line"] == 3


def test_cli_check_on_the_project(runner):
    result = runner.invoke(app, ["glossary", "check", "--dir", str(REPO / "glossary")])
    assert result.exit_code == 0, result.output
