"""`helpsvc check terms` over the gettext catalogs: findings at the word's line and column."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po

from helpsvc.cli import app
from helpsvc.glossary.catalogs import load_catalogs
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.po_lint import lint_catalogs, without_placeholders
from tests.conftest import REPO
from tests.glossary.conftest import DE_SMALL, EN_SMALL, ZH_SMALL, where

DE = r"""
    msgctxt "credit.title"
    msgid "Communications Credits"
    msgstr "Gutschrift"

    #, python-brace-format
    msgctxt "credit.placeholder"
    msgid "Communications Credits: {gutschrift} left"
    msgstr "Kommunikationsguthaben: {gutschrift} übrig, {{Gutschrift}} nicht"

    #, python-brace-format
    msgctxt "credit.multiline"
    msgid ""
    "Turn on auto-recharge so that your Communications Credits never run out, "
    "even on \"busy\" days."
    msgstr ""
    "Aktivieren Sie die automatische Aufladung, damit Ihr \"Kommunikationsguthaben\"\n"
    "nie aufgebraucht ist; auch die \"Kommunikationsgutschriften\" nicht."

    #, python-brace-format
    msgctxt "credit.plural"
    msgid "One Calling Plan"
    msgid_plural "{count} Calling Plans"
    msgstr[0] "Ein Anrufplan"
    msgstr[1] "{count} Tarife"

    # terms: off
    msgctxt "credit.quoted"
    msgid "Communications Credits"
    msgstr "Gutschrift"

    #, fuzzy
    msgctxt "credit.fuzzy"
    msgid "Turn on auto-recharge."
    msgstr "Schalten Sie die Auto-Ladeleuchte ein."

    msgctxt "credit.empty"
    msgid "Communications Credits"
    msgstr ""

    #~ msgctxt "credit.old"
    #~ msgid "Communications Credits"
    #~ msgstr "Gutschrift"
"""
ZH = r"""
    msgctxt "credit.title"
    msgid "Communications Credits"
    msgstr "通信贷项"

    #, python-brace-format
    msgctxt "credit.recharge"
    msgid "Turn on auto-recharge for {充电}."
    msgstr ""
    "为{充电}启用"
    "自动充电。"
"""


def _check_terms(runner, docs, terms, catalogs, *extra: str):
    args = ["check", "terms", "--docs", str(docs), "--glossary", str(terms)]
    return runner.invoke(app, [*args, "--catalogs", str(catalogs), *extra])


@pytest.fixture
def small(make_tree, write_glossary, write_catalogs):
    docs = make_tree({"en/index.md": "---\npage_id: home\n---\n# Home\n"})
    terms = write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE_SMALL, "zh.yaml": ZH_SMALL})
    return docs, terms, write_catalogs({"de": DE, "zh": ZH})


def test_forbidden_variants_and_drift_per_entry(small):
    _docs, terms, locale = small
    glossary, _ = load_glossary(terms)
    catalogs, problems = load_catalogs(locale)
    assert problems == []
    de = (locale / "de/LC_MESSAGES/helpsvc.po").read_text("utf-8")
    zh = (locale / "zh/LC_MESSAGES/helpsvc.po").read_text("utf-8")
    found = [
        (f.path, f.line, f.column, f.check, f.suggestion) for f in lint_catalogs(catalogs, glossary)
    ]
    de_po, zh_po = "de/LC_MESSAGES/helpsvc.po", "zh/LC_MESSAGES/helpsvc.po"
    compound = where(de, "Kommunikationsgutschriften")
    assert found == [
        # One word on the msgstr's line: both checks point at it.
        (de_po, *where(de, 'Gutschrift"'), "term-forbidden", "use 'Kommunikationsguthaben'"),
        (de_po, *where(de, 'Gutschrift"'), "term-inconsistent", "use 'Kommunikationsguthaben'"),
        # Literal braces are text the reader sees; the {gutschrift} field is not.
        (de_po, *where(de, "Gutschrift}}"), "term-forbidden", "use 'Kommunikationsguthaben'"),
        # The second line of a msgstr, after two escaped quotes: the compound's own column.
        (de_po, *compound, "term-forbidden", "use 'Kommunikationsguthaben'"),
        # A plural form without the term: the start of that form's text.
        (de_po, *where(de, "{count} Tarife"), "term-inconsistent", "use 'Anrufplan'"),
        # A fuzzy entry: its forbidden variant, but not its drift.
        (de_po, *where(de, "Auto-Ladeleuchte"), "term-forbidden", "use 'automatische Aufladung'"),
        (zh_po, *where(zh, "通信贷项"), "term-forbidden", "use '通信点数'"),
        (zh_po, *where(zh, "通信贷项"), "term-inconsistent", "use '通信点数'"),
        # 充电 inside 自动充电 on a continuation line; the {充电} placeholder is no term.
        (zh_po, *where(zh, "充电。"), "term-forbidden", "use '自动充值'"),
        (zh_po, *where(zh, "充电。"), "term-inconsistent", "use '自动充值'"),
    ]  # fmt: skip
    # Not reported: credit.quoted (# terms: off), credit.empty and the obsolete credit.old.
    assert compound == (32, 35)


def test_placeholders_are_blanked_and_literal_braces_kept():
    text = "{count} Gutschriften, {{Gutschrift}}, {name!r:>10}"
    blanked = without_placeholders(text)
    assert len(blanked) == len(text)
    assert blanked == "        Gutschriften,   Gutschrift  ,             "


def test_cli_reports_docs_and_catalogs_in_one_list(small, runner):
    docs, terms, locale = small
    base = ["check", "terms", "--docs", str(docs), "--glossary", str(terms)]
    text = runner.invoke(app, [*base, "--catalogs", str(locale)])
    assert text.exit_code == 1
    de = (locale / "de/LC_MESSAGES/helpsvc.po").read_text("utf-8")
    line, column = where(de, "Kommunikationsgutschriften")
    assert (
        f"{locale.as_posix()}/de/LC_MESSAGES/helpsvc.po:{line}:{column}: msgctxt "
        "'credit.multiline': 'Kommunikationsgutschriften' is a forbidden variant of "
        "'communications-credits': Eine Gutschrift ist ein Buchungsbeleg. "
        "(use 'Kommunikationsguthaben') [term-forbidden]"
    ) in text.stdout.splitlines()
    assert "10 term problem(s); 1 pages and 7 catalog entries checked against 3 concepts" in (
        " ".join(text.stderr.split())
    )
    rows = json.loads(
        runner.invoke(app, [*base, "--catalogs", str(locale), "--format", "json"]).stdout
    )
    assert len(rows) == 10
    assert rows[0]["path"] == f"{locale.as_posix()}/de/LC_MESSAGES/helpsvc.po"
    github = runner.invoke(app, [*base, "--catalogs", str(locale), "--format", "github"])
    assert github.stdout.startswith(
        f"::error file={locale.as_posix()}/de/LC_MESSAGES/helpsvc.po,"
        f"line={where(de, 'Gutschrift')[0]},col=9,title=term-forbidden::"
    )


def test_a_catalogs_folder_given_and_missing_is_an_error(small, runner, tmp_path):
    docs, terms, _locale = small
    missing = tmp_path / "nowhere"
    result = _check_terms(runner, docs, terms, missing)
    assert result.exit_code == 2
    assert str(missing) in " ".join(result.stderr.split())


def test_an_unreadable_catalog_is_reported_with_its_line(small, runner):
    docs, terms, locale = small
    file = locale / "zh/LC_MESSAGES/helpsvc.po"
    file.write_text(file.read_text("utf-8").replace('"自动充电。"', '"自动充电。'), "utf-8")
    result = _check_terms(runner, docs, terms, locale)
    assert result.exit_code == 1
    line = where(file.read_text("utf-8"), "自动充电")[0]
    assert (
        f"{locale.as_posix()}/zh/LC_MESSAGES/helpsvc.po:{line}: string without a closing quote "
        "[catalog-unreadable]"
    ) in result.stdout


def _replace_in_msgstr(file, lang: str, preferred: str, wrong: str) -> tuple[str, int, int]:
    """Put ``wrong`` for ``preferred`` in the first one-line msgstr that has it; the
    entry's context and where ``wrong`` now stands."""
    text = file.read_text("utf-8")
    with file.open("rb") as fh:
        catalog = read_po(fh)
    lines = text.split("\n")
    for message in catalog:
        if not message.id or not isinstance(message.string, str) or preferred not in message.string:
            continue
        index = message.lineno  # the msgstr's line (0-based) follows the msgid's
        if lines[index].startswith('msgstr "') and lines[index] != 'msgstr ""':
            lines[index] = lines[index].replace(preferred, wrong, 1)
            file.write_text("\n".join(lines), "utf-8")
            return message.context, index + 1, lines[index].index(wrong) + 1
    raise AssertionError(f"no one-line msgstr in {lang} with {preferred!r}")


@pytest.mark.parametrize(
    ("lang", "preferred", "wrong"),
    [("de", "Kommunikationsguthaben", "Kommunikationskredit"), ("zh", "通信点数", "通信贷项")],
)
def test_a_forbidden_variant_in_the_real_catalogs(catalogs_copy, runner, lang, preferred, wrong):
    """The project's glossary forbids these variants; written into a real msgstr,
    `check terms` points at them."""
    file = catalogs_copy / lang / "LC_MESSAGES" / "helpsvc.po"
    context, line, column = _replace_in_msgstr(file, lang, preferred, wrong)
    result = runner.invoke(
        app,
        ["check", "terms", "--docs", str(REPO / "docs"), "--glossary", str(REPO / "glossary"),
         "--catalogs", str(catalogs_copy)],
    )  # fmt: skip
    assert result.exit_code == 1
    expected = re.compile(
        re.escape(
            f"{catalogs_copy.as_posix()}/{lang}/LC_MESSAGES/helpsvc.po:{line}:{column}: "
            f"msgctxt '{context}': '{wrong}"
        )
        + r".*\[term-forbidden\]$"
    )
    assert any(expected.match(row) for row in result.stdout.splitlines()), result.stdout


def test_a_forbidden_variant_on_a_continuation_line_of_the_real_catalogs(catalogs_copy, runner):
    file = catalogs_copy / "de" / "LC_MESSAGES" / "helpsvc.po"
    lines = file.read_text("utf-8").split("\n")
    # The second line of the first msgstr written over several lines.
    start = lines.index('msgstr ""', lines.index('msgstr ""') + 1)  # past the header
    target = start + 2
    assert lines[target].startswith('"')
    lines[target] = '"Kontostand ' + lines[target][1:]
    file.write_text("\n".join(lines), "utf-8")
    result = runner.invoke(
        app,
        ["check", "terms", "--docs", str(REPO / "docs"), "--glossary", str(REPO / "glossary"),
         "--catalogs", str(catalogs_copy)],
    )  # fmt: skip
    location = f"{catalogs_copy.as_posix()}/de/LC_MESSAGES/helpsvc.po:{target + 1}:2: "
    hits = [row for row in result.stdout.splitlines() if row.startswith(location)]
    assert any("'Kontostand' is a forbidden variant of 'balance'" in row for row in hits), hits


DE_EXEMPT = r"""
    # terms: off for communications-credits: a quoted label of another product
    msgctxt "credit.exempt"
    msgid "Communications Credits with auto-recharge"
    msgstr "Gutschrift mit Auto-Ladeleuchte"

    # terms: off for no-such-concept
    msgctxt "credit.unknown"
    msgid "Turn on auto-recharge."
    msgstr "Aktivieren Sie die automatische Aufladung."
"""


def test_terms_off_for_a_concept_leaves_the_others_checked(
    make_tree, write_glossary, write_catalogs
):
    terms = write_glossary({"en.yaml": EN_SMALL, "de.yaml": DE_SMALL, "zh.yaml": ZH_SMALL})
    locale = write_catalogs({"de": DE_EXEMPT})
    glossary, _ = load_glossary(terms)
    catalogs, _ = load_catalogs(locale)
    de = (locale / "de/LC_MESSAGES/helpsvc.po").read_text("utf-8")
    found = [(f.line, f.column, f.check) for f in lint_catalogs(catalogs, glossary)]
    assert found == [
        # The exempted concept's variant "Gutschrift" is not reported, the other one is.
        (*where(de, "Auto-Ladeleuchte"), "term-forbidden"),
        (*where(de, "Auto-Ladeleuchte"), "term-inconsistent"),
        # A comment naming a concept the glossary lacks says so at the entry.
        (*where(de, "Aktivieren"), "term-off-unknown"),
    ]
