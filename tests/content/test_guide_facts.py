"""Facts of the guides, checked against the source articles in every language (issue 17).

These tests read the real pages under docs/. Each one guards a correction: the report's
credit-funded capabilities are always both named, product names are current, the set-up
order puts credits before toll-free numbers, the Audio Conferencing dial-out pool is
described instead of "dial-out to any number", the unsourced resource-account claim stays
gone, and every rule that is only the credit simulator's model sits inside a marked
"In the simulator" admonition that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
LANGS = ("en", "de", "zh")

SIMULATOR_TITLE = {"en": "In the simulator", "de": "Im Simulator", "zh": "模拟器中"}
SIMULATOR_DISCLAIMER = {
    "en": "not documented Microsoft behaviour",
    "de": "kein dokumentiertes Verhalten von Microsoft",
    "zh": "并非Microsoft文档所述的行为",
}

# Rules the simulator implements that no source documents: each must only be stated inside
# an "In the simulator" admonition.
SIMULATOR_RULES: dict[str, dict[str, str]] = {
    "fifo by expiry": {
        "en": r"first-in,? first-out",
        "de": r"First In,? First Out",
        "zh": r"先进先出",
    },
    "call in progress continues": {
        "en": r"in progress|already running",
        "de": r"[Ll]aufende[rn]?\s+(guthabenfinanzierte[rn]?\s+)?Anruf|bereits läuft",
        "zh": r"进行中|已在进行",
    },
    "negative balance paid first": {
        "en": r"negative (part|balance) first|pays off the negative",
        "de": r"negativen (Teil|Saldo) aus",
        "zh": r"抵消负数",
    },
    "one email per event": {
        "en": r"once per event",
        "de": r"einmal pro Ereignis",
        "zh": r"只发送一次",
    },
    "charge includes the connection fee": {
        "en": r"(Charge|charge) already includes|connection fee already",
        "de": r"Verbindungsgebühr bereits|enthält die Verbindungsgebühr",
        "zh": r"已包含(接通|连接)费",
    },
    "exactly one recharge": {
        "en": r"exactly one recharge",
        "de": r"genau eine Aufladung",
        "zh": r"只会执行一次|仅执行一次",
    },
}


@dataclass(frozen=True)
class Line:
    page: str
    number: int
    text: str
    admonition: str | None
    """Title of the admonition the line belongs to, if any."""


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[end + 5 :]
    return text


_ADMONITION = re.compile(r'^(?P<indent>\s*)!!!\s+\w+(?:\s+"(?P<title>[^"]*)")?\s*$')


def _lines(path: Path) -> list[Line]:
    """Body lines of a page, each with the title of the admonition it sits in."""
    body = _strip_front_matter(path.read_text(encoding="utf-8"))
    page = str(path.relative_to(DOCS))
    out: list[Line] = []
    open_at: tuple[int, str] | None = None  # (indent, title)
    for number, raw in enumerate(body.splitlines(), start=1):
        indent = len(raw) - len(raw.lstrip())
        if open_at is not None and raw.strip() and indent <= open_at[0]:
            open_at = None
        match = _ADMONITION.match(raw)
        if match:
            open_at = (len(match.group("indent")), match.group("title") or "")
            out.append(Line(page, number, raw, open_at[1]))
            continue
        out.append(Line(page, number, raw, open_at[1] if open_at else None))
    return out


def _pages(lang: str) -> list[Path]:
    pages = sorted((DOCS / lang).rglob("*.md"))
    assert pages, f"no pages under docs/{lang}"
    return pages


def _page(lang: str, name: str) -> list[Line]:
    return _lines(DOCS / lang / "guides" / f"{name}.md")


def _section(lines: list[Line], anchor: str) -> list[Line]:
    """The lines of the heading with {#anchor} up to the next heading of the same level."""
    for i, line in enumerate(lines):
        if line.text.startswith("#") and f"{{#{anchor}}}" in line.text:
            level = len(line.text) - len(line.text.lstrip("#"))
            rest = []
            for other in lines[i + 1 :]:
                hashes = len(other.text) - len(other.text.lstrip("#"))
                if other.text.startswith("#") and hashes <= level:
                    break
                rest.append(other)
            return [line, *rest]
    raise AssertionError(f"no section {{#{anchor}}} in {lines[0].page}")


def _paragraphs(path: Path) -> list[str]:
    body = _strip_front_matter(path.read_text(encoding="utf-8"))
    return [p for p in re.split(r"\n\s*\n", body) if p.strip()]


def _where(line: Line) -> str:
    return f"{line.page}:{line.number}: {line.text.strip()[:120]}"


# -- 1. both credit-funded capabilities ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_count_of_credit_funded_rows_names_both_capabilities(lang: str) -> None:
    seen = 0
    for path in _pages(lang):
        for paragraph in _paragraphs(path):
            if "MCOPSTNPP" in paragraph or "MCOMEETACPEA" in paragraph:
                seen += 1
                assert "MCOPSTNPP" in paragraph and "MCOMEETACPEA" in paragraph, (
                    f"{path.relative_to(DOCS)}: names only one capability: {paragraph[:160]}"
                )
    assert seen >= 3  # what-are-credits and estimate-funding both count them
    what_are = (DOCS / lang / "guides" / "what-are-communications-credits.md").read_text("utf-8")
    assert "MCOMEETACPEA" in what_are


# -- 2. credits before toll-free numbers --------------------------------------------------

TOLL_FREE = {"en": "toll-free number", "de": "gebührenfreie", "zh": "免费电话号码"}
NOT_YET = {
    "en": "without toll-free numbers",
    "de": "ohne gebührenfreie",
    "zh": "先不添加免费电话号码",
}
SET_UP_CREDITS = {
    "en": "Set up Communications Credits",
    "de": "Richten Sie Kommunikationsguthaben",
    "zh": "设置通信点数",
}


@pytest.mark.parametrize("lang", LANGS)
def test_set_up_guide_buys_credits_before_it_gets_toll_free_numbers(lang: str) -> None:
    lines = _page(lang, "set-up-communications-credits")
    anchors = [ln.text for ln in lines if ln.text.startswith("## ")]
    order = [
        a
        for key in (
            "step-licenses",
            "step-credits",
            "step-assign-credits-license",
            "toll-free-numbers",
        )
        for a in anchors
        if f"{{#{key}}}" in a
    ]
    assert len(order) == 4, anchors
    assert [anchors.index(a) for a in order] == sorted(anchors.index(a) for a in order)
    for line in _section(lines, "step-licenses") + _section(lines, "before-you-begin"):
        if TOLL_FREE[lang] in line.text:
            assert NOT_YET[lang] in line.text, f"toll-free numbers before credits: {_where(line)}"


@pytest.mark.parametrize("lang", LANGS)
def test_licensing_audio_conferencing_path_gets_toll_free_numbers_after_credits(
    lang: str,
) -> None:
    lines = _page(lang, "licensing")
    start = next(i for i, ln in enumerate(lines) if ln.text.startswith("=== "))
    tab = []
    for line in lines[start + 1 :]:
        if line.text.startswith("=== "):
            break
        tab.append(line.text)
    steps = [t.strip() for t in tab if re.match(r"\s+\d+\.", t)]
    credits_step = next(i for i, s in enumerate(steps) if SET_UP_CREDITS[lang] in s)
    toll_free_step = next(i for i, s in enumerate(steps) if TOLL_FREE[lang] in s)
    assert credits_step < toll_free_step, steps


# -- 3. Audio Conferencing dial-out pool --------------------------------------------------

ANY_NUMBER = {
    "en": r"dial-out[^.|]*to any (number|phone number)",
    "de": r"an beliebige Nummern",
    "zh": r"拨出到任意号码",
}
ZONE_A = {"en": "Zone A", "de": "Zone A", "zh": "A区"}
ORGANIZER = {"en": "organizer", "de": "Organisator", "zh": "组织者"}


@pytest.mark.parametrize("lang", LANGS)
def test_dial_out_is_described_with_the_zone_a_pool_not_as_any_number(lang: str) -> None:
    for path in _pages(lang):
        for line in _lines(path):
            assert not re.search(ANY_NUMBER[lang], line.text), _where(line)
    for name in ("what-are-communications-credits", "licensing"):
        text = "\n".join(ln.text for ln in _page(lang, name))
        assert ZONE_A[lang] in text and "60" in text, name
        assert ORGANIZER[lang] in text, name


# -- 4. the resource-account claim --------------------------------------------------------

RESOURCE_ACCOUNT = {"en": "resource account", "de": "Ressourcenkont", "zh": "资源账户"}
LICENSE = {"en": "license", "de": "Lizenz", "zh": "许可证"}


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_claims_resource_accounts_need_the_credits_license(lang: str) -> None:
    for path in _pages(lang):
        for line in _lines(path):
            if RESOURCE_ACCOUNT[lang] in line.text:
                assert LICENSE[lang] not in line.text, _where(line)


# -- 5. product names ---------------------------------------------------------------------

PHONE_SYSTEM = {"en": "Phone System", "de": "Telefonsystem", "zh": "电话系统"}
INTERNATIONAL_PLAN = {
    "en": r"(?<!Domestic and )International Calling Plan",
    "de": r"(?<!Inlands- und )Auslandsanrufplan",
    "zh": r"(?<!国内和)国际通话套餐",
}
E5_INCLUDES = {
    "en": r"E5[^.]*already include",
    "de": r"E5[^.]*enthalten bereits",
    "zh": r"E5[^。]*已包含",
}
NOT_EVERY_E5 = {"en": "not every E5", "de": "nicht jedes E5", "zh": "并非所有E5"}


@pytest.mark.parametrize("lang", LANGS)
def test_phone_system_is_only_named_as_the_former_name_of_teams_phone(lang: str) -> None:
    for path in _pages(lang):
        for line in _lines(path):
            if PHONE_SYSTEM[lang] in line.text:
                assert "Teams Phone" in line.text, _where(line)
    for name in ("licensing", "set-up-communications-credits"):
        assert any("Teams Phone Standard" in ln.text for ln in _page(lang, name)), name


@pytest.mark.parametrize("lang", LANGS)
def test_international_calling_plan_is_always_domestic_and_international(lang: str) -> None:
    for path in _pages(lang):
        for line in _lines(path):
            assert not re.search(INTERNATIONAL_PLAN[lang], line.text), _where(line)


@pytest.mark.parametrize("lang", LANGS)
def test_e5_is_not_said_to_always_include_audio_conferencing(lang: str) -> None:
    for path in _pages(lang):
        for line in _lines(path):
            assert not re.search(E5_INCLUDES[lang], line.text), _where(line)
    section = _section(_page(lang, "licensing"), "e5-users")
    assert any(NOT_EVERY_E5[lang] in ln.text for ln in section)


# -- 6. documented behaviour vs. the simulator's model ------------------------------------

DISCONNECTED = {"en": "disconnected", "de": "getrennt", "zh": "挂断"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", sorted(SIMULATOR_RULES))
def test_simulator_model_rules_only_appear_inside_a_marked_admonition(lang: str, rule: str) -> None:
    pattern = re.compile(SIMULATOR_RULES[rule][lang])
    found = 0
    for path in _pages(lang):
        for line in _lines(path):
            if pattern.search(line.text):
                found += 1
                assert line.admonition == SIMULATOR_TITLE[lang], (
                    f"{rule!r} stated outside an {SIMULATOR_TITLE[lang]!r} admonition: "
                    f"{_where(line)}"
                )
    assert found, f"{rule!r} is no longer described in {lang}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_simulator_admonition_says_it_is_the_simulators_model(lang: str) -> None:
    count = 0
    for path in _pages(lang):
        lines = _lines(path)
        starts = [
            i
            for i, ln in enumerate(lines)
            if _ADMONITION.match(ln.text) and ln.admonition == SIMULATOR_TITLE[lang]
        ]
        for i in starts:
            count += 1
            block = [ln.text for ln in lines[i:] if ln.admonition == SIMULATOR_TITLE[lang]]
            body = []
            for ln in lines[i + 1 :]:
                if ln.admonition != SIMULATOR_TITLE[lang] or _ADMONITION.match(ln.text):
                    break
                body.append(ln.text)
            assert block and SIMULATOR_DISCLAIMER[lang] in " ".join(body), _where(lines[i])
    assert count >= 6


@pytest.mark.parametrize("lang", LANGS)
def test_calls_are_disconnected_when_plan_minutes_run_out_without_credits(lang: str) -> None:
    for name in ("set-up-communications-credits", "what-are-communications-credits"):
        assert any(
            DISCONNECTED[lang] in ln.text and ln.admonition is None for ln in _page(lang, name)
        ), name


# -- 7. facts from the source articles ----------------------------------------------------

ENTERPRISE_AGREEMENT = {
    "en": "Enterprise Agreement",
    "de": "Enterprise Agreement",
    "zh": "企业协议",
}
START_SMALL = {
    "en": "Microsoft recommends starting with a small amount",
    "de": "empfiehlt Microsoft, mit einem kleinen Betrag",
    "zh": "Microsoft建议先",
}


@pytest.mark.parametrize("lang", LANGS)
def test_enterprise_agreement_payment_and_start_small_advice_are_stated(lang: str) -> None:
    step = _section(_page(lang, "set-up-communications-credits"), "step-credits")
    assert any(ENTERPRISE_AGREEMENT[lang] in ln.text for ln in step)
    who = _section(_page(lang, "what-are-communications-credits"), "who-cannot-use")
    assert any(ENTERPRISE_AGREEMENT[lang] in ln.text for ln in who)
    start = _section(_page(lang, "what-are-communications-credits"), "how-much-to-start")
    assert any(START_SMALL[lang] in ln.text for ln in start)


# -- German labels and terms as in the admin center ---------------------------------------


def test_german_set_up_uses_the_admin_center_labels() -> None:
    step = "\n".join(
        ln.text for ln in _section(_page("de", "set-up-communications-credits"), "step-credits")
    )
    for label in (
        "Guthaben hinzufügen",
        "Automatisch aufladen",
        "Aufladen mit",
        "bei Guthaben unter",
    ):
        assert f"**{label}**" in step, label
    for name in ("auto-recharge", "estimate-funding"):
        assert any("**bei Guthaben unter**" in ln.text for ln in _page("de", name)), name
    for path in _pages("de"):
        text = path.read_text(encoding="utf-8")
        assert "Wenn der Saldo unter diesen Wert fällt" not in text, path
        assert "Anrufwarteschlange" not in text, path


def test_german_pages_use_microsofts_terms_for_call_queue_and_overage() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _pages("de"))
    assert "Anrufwarteschleife" in text
    assert "Überschreitung" in text
