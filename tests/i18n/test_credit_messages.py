"""Localized refusals and admin e-mails of the credit simulator (helpsvc.i18n.credit_messages)."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpsvc.catalog import Entry
from helpsvc.credits.errors import ErrorCode
from helpsvc.credits.events import NotificationKind
from helpsvc.credits.tariff import NumberType, RateService
from helpsvc.credits.users import License
from helpsvc.i18n.credit_messages import (
    ERROR_MESSAGES,
    FIELD_NAMES,
    GENERIC_ERROR,
    LICENSE_NAMES,
    NOTIFICATION_LINES,
    NOTIFICATIONS,
    NUMBER_TYPE_NAMES,
    SERVICE_NAMES,
    error_detail,
    error_title,
    field_label,
    notification_email,
)

LANGS = ("en", "de", "zh")
CREDITS_DIR = Path(__file__).resolve().parents[2] / "helpsvc" / "credits"

# Every parameter set the engine can attach to each code, with realistic values: the
# DomainError(...) raise sites, CallRefused params, and the bare codes used as a call's
# cut_reason or a notification's reason. test_param_sets_cover_the_raise_sites keeps this
# list in step with helpsvc/credits.
PARAM_SETS: dict[str, list[dict[str, str | int]]] = {
    "nce_cannot_purchase": [{}],
    "auto_recharge_must_be_off": [{}],
    "already_nce": [{}],
    "debt_outstanding": [{"debt": "12.40", "currency": "USD"}],
    "insufficient_balance": [{"amount": "50.00", "balance": "20.00", "currency": "EUR"}],
    "balance_not_positive": [{"balance": "-3.20", "currency": "USD"}, {}],
    "license_missing": [{"license": lic.value} for lic in License] + [{}],
    "rate_missing": [
        {"currency": "USD", "service": "outbound", "country": "FR", "number_type": "mobile"},
        {
            "currency": "EUR",
            "service": "toll_free_dial_in",
            "country": "DE",
            "number_type": "geographic",
        },
    ],
    "invalid_call": [
        {"field": "kind", "value": "fax"},
        {"field": "number_type", "value": "satellite"},
        {"field": "duration_seconds", "value": "-5"},
        {"field": "destination", "value": "FR", "expected": "US"},
        {"field": "destination", "value": "US", "user_country": "US"},
    ],
    "card_expired": [{"last4": "4242", "expiry": "01/2024"}, {}],
    "card_missing": [{}],
    "invalid_card": [
        {"field": "last4", "value": "12a4"},
        {"field": "exp_month", "value": "13"},
        {"field": "exp_year", "value": "1999"},
    ],
    "currency_mismatch": [
        {"expected": "USD", "got": "EUR"},
        {"field": "amount", "expected": "USD", "got": "EUR"},
        {"field": "trigger", "expected": "USD", "got": "GBP"},
        {"field": "charge", "expected": "EUR", "got": "USD"},
    ],
    "unknown_currency": [{"currency": "UDS"}],
    "invalid_amount": [
        {"value": "True", "currency": "USD"},
        {"value": "12,50", "currency": "EUR"},
        {"value": "0.005", "currency": "USD", "max_decimals": 2},
        {"value": "1.5", "currency": "JPY", "max_decimals": 0},
        {"field": "amount", "value": "missing"},
        {"field": "trigger", "value": "missing"},
        {"field": "amount", "value": "0.00"},
        {"field": "trigger", "value": "-1.00"},
        {"field": "charge", "value": "-0.50"},
    ],
    "invalid_country": [
        {"field": "country", "value": "usa"},
        {"field": "destination", "value": "X1"},
    ],
    "invalid_time": [
        {"field": "at", "value": "2025-03-01 09:00:00"},
        {"field": "now", "value": "2025-03-01 09:00:00"},
        {"field": "to", "value": "2025-04-01 00:00:00"},
        {"field": "by", "value": "3 days"},
        {"field": "months", "value": "1.5"},
    ],
    "invalid_command": [
        {"command": "ResetLedger"},
        {"field": "licenses"},
        {"field": "licenses.calling_plan", "value": "gold"},
        {"field": "to|by|months"},
        {"field": "tenant_id"},
    ],
    "amount_too_large": [
        {"value": "92233720368547758.08", "max": "1000000000.00", "currency": "USD"},
    ],
    "balance_limit": [
        {
            "amount": "500.00",
            "balance": "99999999999.00",
            "max": "100000000000.00",
            "currency": "EUR",
        },
    ],
    "unknown_user": [{"user_id": "adele@contoso.com"}],
    "user_exists": [{"user_id": "adele@contoso.com"}],
    "invalid_user": [{"user_id": ""}, {"user_id": "   "}, {"user_id": "42"}],
    "clock_backwards": [
        {"now": "2025-03-01T09:00:00+00:00", "to": "2025-02-01T09:00:00+00:00"},
        {"now": "2025-03-01T09:00:00+00:00"},
    ],
    "clock_too_far": [
        {"field": "months", "max": "120"},
        {"field": "by", "max": "3660"},
        {"field": "to", "max": "2035-03-09T09:00:00Z"},
        {"field": "to", "horizon": "2200-01-01T00:00:00Z"},
        {"field": "months", "horizon": "2200-01-01T00:00:00Z"},
    ],
}

# Glossary: wrong or competing terms that must not appear (case-sensitive substrings).
FORBIDDEN = {
    "de": (
        "Guthaben für Kommunikationen",
        "Kommunikation Gutschriften",
        "Gutschrift",
        "Zahlungskarte",
        "Mandant",
        "Tenant",
        "Schwellenwert",
        "Aufladungsbetrag",
    ),
    "zh": (
        "通信信用额度",
        "信用额度",
        "通信贷项",
        "贷项",
        "租户",
        "通讯信用",
        "信用点",
        "您",
        "阈值",
    ),
}
# German addresses the reader with "Sie"; "Nutzer" competes with "Benutzer".
DE_FORBIDDEN_WORDS = re.compile(r"\b(?:du|dich|dir|dein\w*|Nutzer\w*)\b", re.IGNORECASE)


def _cases() -> Iterator[tuple[str, dict[str, str | int]]]:
    for code, param_sets in PARAM_SETS.items():
        for params in param_sets:
            yield code, params


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _entries() -> Iterator[Entry]:
    """Every template and label of the module's tables."""
    for parts in (*ERROR_MESSAGES.values(), *NOTIFICATIONS.values()):
        for wording in parts.values():
            yield wording.base
            yield from (variant.entry for variant in wording.variants)
    yield from GENERIC_ERROR.values()
    yield from NOTIFICATION_LINES.values()
    for table in (FIELD_NAMES, LICENSE_NAMES, SERVICE_NAMES, NUMBER_TYPE_NAMES):
        yield from table.values()


def _catalog_texts(lang: str) -> Iterator[str]:
    """Every template and label of ``lang``, as the catalog translates it."""
    for entry in _entries():
        yield entry.text(lang)


def _rendered_texts(lang: str) -> Iterator[str]:
    for code, params in _cases():
        yield error_title(code, lang)
        yield error_detail(code, params, lang)
    for kind in NotificationKind:
        for reason in (None, "card_expired", "card_missing"):
            yield from notification_email(
                kind.value,
                lang,
                tenant_name="Contoso",
                balance="0.00 USD",
                amount="400.00 USD",
                reason_code=reason,
                at="2025-03-01 09:00 UTC",
            )


# -- catalog completeness ----------------------------------------------------------------


def test_every_error_code_has_title_and_detail_in_every_language() -> None:
    assert set(ERROR_MESSAGES) == {code.value for code in ErrorCode}
    for code, parts in ERROR_MESSAGES.items():
        for lang in LANGS:
            assert parts["title"].base.text(lang).strip(), (code, lang)
            assert parts["detail"].base.text(lang).strip(), (code, lang)
            assert error_title(code, lang) == parts["title"].base.text(lang)


def test_templates_only_use_placeholders_they_require() -> None:
    # The parameter-free fallback and titles need nothing; a variant needs only what its
    # requirements name, so no raise site can leave a "{name}" unfilled.
    for table, always in ((ERROR_MESSAGES, set()), (NOTIFICATIONS, {"tenant_name"})):
        for code, parts in table.items():
            for wording in parts.values():
                texts = [(wording.base, set())] + [
                    (v.entry, {name for name, _ in v.requires}) for v in wording.variants
                ]
                for entry, required in texts:
                    for lang in LANGS:
                        assert _placeholders(entry.text(lang)) <= required | always, (
                            code,
                            lang,
                            entry.context,
                        )
    for lang in LANGS:
        lines = " ".join(line.text(lang) for line in NOTIFICATION_LINES.values())
        assert _placeholders(lines) <= {"at", "balance"}, lang


def test_param_sets_list_every_code() -> None:
    assert set(PARAM_SETS) == {code.value for code in ErrorCode}


def _raise_sites() -> Iterator[tuple[str, str, frozenset[str], str | None]]:
    """(file, code, parameter names, literal ``field`` value) of each ``ErrorCode.X``
    passed with a literal dict (``DomainError(code, {...})``, ``refuse(code, {...})``,
    ``return code, {...}``) or alone (``DomainError(code)``)."""
    for path in sorted(CREDITS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                items = node.args
            elif isinstance(node, ast.Tuple):
                items = node.elts
            else:
                continue
            for index, item in enumerate(items):
                if not (
                    isinstance(item, ast.Attribute)
                    and isinstance(item.value, ast.Name)
                    and item.value.id == "ErrorCode"
                ):
                    continue
                code = ErrorCode[item.attr].value
                following = items[index + 1] if index + 1 < len(items) else None
                if isinstance(following, ast.Dict):
                    names = frozenset(
                        key.value for key in following.keys if isinstance(key, ast.Constant)
                    )
                    field = next(
                        (
                            value.value
                            for key, value in zip(following.keys, following.values, strict=True)
                            if isinstance(key, ast.Constant)
                            and key.value == "field"
                            and isinstance(value, ast.Constant)
                        ),
                        None,
                    )
                    yield path.name, code, names, field
                elif following is None and isinstance(node, ast.Call):
                    yield path.name, code, frozenset(), None


def test_param_sets_cover_the_raise_sites() -> None:
    sites = list(_raise_sites())
    assert len(sites) > 30  # the scan still finds the engine's raise sites
    for filename, code, names, field in sites:
        known = PARAM_SETS[code]
        assert names in {frozenset(params) for params in known}, (filename, code, names)
        if field is not None:
            assert field in {params.get("field") for params in known}, (filename, code, field)


def test_field_names_cover_the_api_and_engine_fields() -> None:
    required = {
        "amount",
        "trigger",
        "trigger_amount",
        "recharge_amount",
        "last4",
        "exp_month",
        "exp_year",
        "country",
        "currency",
        "user_id",
        "duration_seconds",
        "destination",
        "number_type",
        "kind",
        "name",
        "to",
        "by",
        "months",
        "licenses",
    }
    engine_fields = {
        str(params["field"])
        for _, params in _cases()
        if "field" in params and "|" not in str(params["field"])
    }
    assert required | engine_fields <= set(FIELD_NAMES)
    for field, label in FIELD_NAMES.items():
        assert all(label.text(lang).strip() for lang in LANGS), field


def test_value_names_cover_the_engine_enums() -> None:
    assert set(LICENSE_NAMES) == {lic.value for lic in License}
    assert set(SERVICE_NAMES) == {service.value for service in RateService}
    assert set(NUMBER_TYPE_NAMES) == {number_type.value for number_type in NumberType}


# -- rendering refusals ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("code", "params"), list(_cases()))
def test_every_raise_site_renders_without_leftover_placeholders(
    code: str, params: dict[str, str | int], lang: str
) -> None:
    title = error_title(code, lang)
    detail = error_detail(code, params, lang)
    assert title.strip() and detail.strip()
    for text in (title, detail):
        assert "{" not in text and "}" not in text, text
    if "field" in params and "|" not in str(params["field"]) and "_" in str(params["field"]):
        # The raw API name (exp_month, tenant_id, ...) never leaks; the label is shown.
        assert str(params["field"]) not in detail, detail


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", [code.value for code in ErrorCode])
@pytest.mark.parametrize(
    "params",
    [None, {}, {"unexpected": "x"}, {"field": None, "value": None}, {"field": "amount"}],
)
def test_any_param_set_renders_without_leftover_placeholders(
    code: str, params: dict[str, str | None] | None, lang: str
) -> None:
    detail = error_detail(code, params, lang)  # type: ignore[arg-type]
    assert detail.strip()
    assert "{" not in detail and "}" not in detail, detail


@pytest.mark.parametrize(
    ("code", "params", "lang", "expected"),
    [
        ("invalid_card", {"field": "exp_month", "value": "13"}, "de", "„Ablaufmonat“"),
        ("invalid_card", {"field": "last4", "value": "12a4"}, "zh", "“信用卡号后 4 位”"),
        ("invalid_amount", {"field": "trigger", "value": "-1.00"}, "de", "„Auslösebetrag“"),
        ("invalid_amount", {"field": "trigger", "value": "missing"}, "zh", "“触发金额”"),
        ("invalid_amount", {"field": "recharge_amount", "value": "0"}, "de", "„Aufladebetrag“"),
        (
            "currency_mismatch",
            {"field": "amount", "expected": "USD", "got": "EUR"},
            "en",
            "“Amount”",
        ),
        (
            "invalid_country",
            {"field": "destination", "value": "X1"},
            "de",
            "„Zielland oder -region“",
        ),
        ("invalid_command", {"field": "name"}, "zh", "“名称”"),
        ("invalid_call", {"field": "duration_seconds", "value": "-5"}, "de", "Anrufdauer"),
    ],
)
def test_field_params_show_the_localized_label(
    code: str, params: dict[str, str], lang: str, expected: str
) -> None:
    assert expected in error_detail(code, params, lang)


def test_field_label_falls_back_sensibly() -> None:
    assert field_label("exp_year", "de") == "Ablaufjahr"
    assert field_label("to|by", "zh") == "目标时间 / 时间跨度"
    assert field_label("licenses.calling_plan", "de") == "Anrufplan"
    assert field_label("payload.currency", "de") == "Währung"
    assert field_label("no_such_field", "de") == "no_such_field"
    assert field_label("amount", "fr") == "Amount"


def test_details_say_what_to_do() -> None:
    card = error_detail("card_expired", {"last4": "4242", "expiry": "01/2024"}, "de")
    assert "4242" in card and "01/2024" in card and "Kreditkarte" in card
    card_zh = error_detail("card_expired", {"last4": "4242", "expiry": "01/2024"}, "zh")
    assert "4242" in card_zh and "01/2024" in card_zh and "信用卡" in card_zh
    balance = error_detail("balance_not_positive", {"balance": "-3.20", "currency": "USD"}, "de")
    assert "-3.20 USD" in balance
    assert "Guthaben auf" in balance and "automatische Aufladung" in balance
    balance_zh = error_detail("balance_not_positive", {}, "zh")
    assert "添加资金" in balance_zh and "自动充值" in balance_zh
    switch = error_detail("auto_recharge_must_be_off", {}, "en")
    assert "Turn off auto-recharge" in switch and "switch again" in switch
    debt = error_detail("debt_outstanding", {"debt": "12.40", "currency": "USD"}, "zh")
    assert "12.40 USD" in debt and "添加资金" in debt


def test_localized_value_names() -> None:
    assert "Audiokonferenzen" in error_detail(
        "license_missing", {"license": "audio_conferencing"}, "de"
    )
    assert "通信点数许可证" in error_detail(
        "license_missing", {"license": "communications_credits"}, "zh"
    )
    assert "Kommunikationsguthaben-Lizenz" in error_detail(
        "license_missing", {"license": "communications_credits"}, "de"
    )
    rate = error_detail(
        "rate_missing",
        {
            "currency": "EUR",
            "service": "toll_free_dial_in",
            "country": "DE",
            "number_type": "mobile",
        },
        "de",
    )
    assert "gebührenfreie Einwahl" in rate and "Mobilfunk" in rate


def test_amounts_without_decimals_get_their_own_wording() -> None:
    whole = error_detail(
        "invalid_amount", {"value": "1.5", "currency": "JPY", "max_decimals": 0}, "en"
    )
    assert "whole numbers" in whole
    two = error_detail(
        "invalid_amount", {"value": "0.005", "currency": "USD", "max_decimals": 2}, "en"
    )
    assert "at most 2 decimal places" in two


def test_param_values_are_not_formatted_again() -> None:
    assert "“{x}”" in error_detail("unknown_user", {"user_id": "{x}"}, "en")


def test_unknown_code_gets_a_generic_message_naming_it() -> None:
    for lang in LANGS:
        assert "no_such_code" in error_detail("no_such_code", {"field": "amount"}, lang)
        assert error_title("no_such_code", lang) == GENERIC_ERROR["title"].text(lang)


def test_error_code_members_work_like_their_values() -> None:
    code = ErrorCode.CARD_MISSING
    assert error_title(code, "de") == error_title("card_missing", "de")
    assert error_detail(code, {}, "zh") == error_detail("card_missing", {}, "zh")


# -- notifications -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", [kind.value for kind in NotificationKind])
@pytest.mark.parametrize("amount", [None, "400.00 USD"])
@pytest.mark.parametrize("reason", [None, "card_expired", "card_missing", "no_such_code"])
def test_notification_email_renders_for_every_kind_and_language(
    kind: str, lang: str, amount: str | None, reason: str | None
) -> None:
    subject, body = notification_email(
        kind,
        lang,
        tenant_name="Contoso",
        balance="-3.20 USD",
        amount=amount,
        reason_code=reason,
        at="2025-03-01 09:00 UTC",
    )
    assert subject.strip() and "Contoso" in subject and "\n" not in subject
    lines = body.split("\n")
    assert 3 <= len(lines) <= 6
    assert all(line.strip() for line in lines)
    assert "-3.20 USD" in body
    assert "2025-03-01 09:00 UTC" in body
    assert lines[-1] == NOTIFICATION_LINES["closing"].text(lang)
    for text in (subject, body):
        assert "{" not in text and "}" not in text, text
    if amount and kind not in ("balance_not_positive", "credits_used_up"):
        assert amount in lines[0]


def test_notification_time_line_is_left_out_without_a_time() -> None:
    _, body = notification_email(
        "balance_not_positive",
        "en",
        tenant_name="Contoso",
        balance="0.00 USD",
        amount=None,
        reason_code=None,
        at="",
    )
    assert len(body.split("\n")) == 4 and "0.00 USD" in body


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("expired", "Update the credit card", "add funds manually")),
        ("de", ("abgelaufen", "Aktualisieren Sie die Kreditkarte", "Guthaben manuell auf")),
        ("zh", ("已过期", "更新信用卡", "手动添加资金")),
    ],
)
def test_failed_recharge_on_expired_card_says_what_to_do(
    lang: str, expected: tuple[str, ...]
) -> None:
    _, body = notification_email(
        "recharge_failed",
        lang,
        tenant_name="Contoso",
        balance="12.00 USD",
        amount="400.00 USD",
        reason_code="card_expired",
        at="2025-03-01 09:00 UTC",
    )
    for phrase in expected:
        assert phrase in body


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("Add funds", "turn on auto-recharge")),
        ("de", ("Laden Sie jetzt Guthaben auf", "automatische Aufladung")),
        ("zh", ("添加资金", "启用自动充值")),
    ],
)
def test_balance_notification_says_what_to_do(lang: str, expected: tuple[str, ...]) -> None:
    _, body = notification_email(
        "balance_not_positive",
        lang,
        tenant_name="Contoso",
        balance="-3.20 USD",
        amount=None,
        reason_code=None,
        at="2025-03-01 09:00 UTC",
    )
    for phrase in expected:
        assert phrase in body


def test_unknown_notification_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="lot_expired"):
        notification_email(
            "lot_expired",
            "en",
            tenant_name="Contoso",
            balance="0.00 USD",
            amount=None,
            reason_code=None,
            at="2025-03-01 09:00 UTC",
        )


# -- languages and terminology -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "", "xx-YY", "zh-TW", "zh-Hant", "*"])
def test_unknown_language_falls_back_to_english(lang: str) -> None:
    params = {"field": "exp_month", "value": "13"}
    assert error_title("invalid_card", lang) == error_title("invalid_card", "en")
    assert error_detail("invalid_card", params, lang) == error_detail("invalid_card", params, "en")
    assert error_detail("nope", {}, lang) == error_detail("nope", {}, "en")
    email = {
        "tenant_name": "Contoso",
        "balance": "1.00 USD",
        "amount": None,
        "reason_code": "card_expired",
        "at": "2025-03-01 09:00 UTC",
    }
    assert notification_email("recharge_failed", lang, **email) == notification_email(
        "recharge_failed", "en", **email
    )


@pytest.mark.parametrize(("tag", "lang"), [("de-AT", "de"), ("de_CH", "de"), ("zh-CN", "zh")])
def test_regional_tags_find_their_language(tag: str, lang: str) -> None:
    assert error_detail("card_missing", {}, tag) == error_detail("card_missing", {}, lang)


@pytest.mark.parametrize("lang", ["de", "zh"])
def test_no_forbidden_terms(lang: str) -> None:
    texts = [*_catalog_texts(lang), *_rendered_texts(lang)]
    assert texts
    for text in texts:
        for term in FORBIDDEN[lang]:
            assert term not in text, (term, text)
        if lang == "de":
            assert not DE_FORBIDDEN_WORDS.search(text), text


@pytest.mark.parametrize(
    ("lang", "term"),
    [
        ("en", "NCE (New Commerce Experience)"),
        ("de", "NCE (New Commerce Experience)"),
        ("zh", "新商务体验（NCE）"),
    ],
)
def test_nce_is_always_spelled_out(lang: str, term: str) -> None:
    for text in _catalog_texts(lang):
        if "NCE" in text:
            assert term in text, text


def test_glossary_terms_are_used() -> None:
    de = " ".join(_catalog_texts("de"))
    zh = " ".join(_catalog_texts("zh"))
    for term in (
        "Kommunikationsguthaben",
        "automatische Aufladung",
        "Auslösebetrag",
        "Aufladebetrag",
        "Saldo",
        "Kreditkarte",
        "Kommunikationsguthaben-Lizenz",
        "Abrechnung nach Nutzung",
        "gebührenfrei",
        "Benutzer",
        "Organisation",
    ):
        assert term in de, term
    for term in (
        "通信点数",
        "自动充值",
        "触发金额",
        "充值金额",
        "添加资金",
        "余额",
        "信用卡",
        "通信点数许可证",
        "使用后计费",
        "免费电话",
        "用户",
        "组织",
    ):
        assert term in zh, term
    assert "Guthaben auf" in de  # "Guthaben aufladen", split as German verbs are


def test_chinese_uses_full_width_punctuation() -> None:
    # ASCII ":" and "." are allowed only inside numbers, times and addresses
    # (25.00, 2025-03-01T09:00:00Z, adele@contoso.com).
    ascii_punctuation = re.compile(r"[,;!?()]|(?<!\d):|:(?!\d)|\.(?!\w)")
    for text in _catalog_texts("zh"):
        assert not ascii_punctuation.search(text), text


def test_quotation_marks_match_the_language() -> None:
    for text in _catalog_texts("de"):
        assert "”" not in text, text  # German closes with “ after opening „
    for text in _catalog_texts("en"):
        assert "„" not in text, text


def test_a_refusal_whose_translation_has_a_wrong_placeholder_reads_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    import helpsvc.catalog.entries as entries
    from helpsvc.catalog.translations import load

    variant = ERROR_MESSAGES["debt_outstanding"]["detail"].pick({"debt": "5.00"})
    po = tmp_path / "de" / "LC_MESSAGES" / "helpsvc.po"
    po.parent.mkdir(parents=True)
    catalog = Catalog(locale="de")
    catalog.add(variant.english, "Ihr Saldo liegt {schuld} unter null.", context=variant.context)
    with po.open("wb") as fh:
        write_po(fh, catalog)
    monkeypatch.setattr(entries, "translations", lambda lang: load(po))
    entries._translated.cache_clear()
    try:
        detail = error_detail("debt_outstanding", {"debt": "5.00", "currency": "EUR"}, "de")
    finally:
        entries._translated.cache_clear()
    assert detail == variant.english.format(debt="5.00 EUR")
