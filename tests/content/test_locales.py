"""Locale negotiation: ?lang=, Accept-Language by q-value, BCP 47 lookup, English last."""

from __future__ import annotations

import pytest

from helpsvc.content.locales import negotiate, parse_accept_language

SITE = ["en", "de", "zh"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("de-AT", "de"),
        ("de-CH,fr;q=0.5", "de"),
        ("zh-CN", "zh"),
        ("zh-SG", "zh"),
        ("zh-Hans", "zh"),
        ("zh-Hans-CN", "zh"),
        ("zh", "zh"),
        # Traditional Chinese readers are not handed Simplified text they did not ask for.
        ("zh-TW", "en"),
        ("zh-HK", "en"),
        ("zh-Hant", "en"),
        ("zh-Hant-TW, de;q=0.5", "de"),
        ("zh-TW, zh-CN;q=0.8", "zh"),
        ("fr-FR, fr;q=0.9", "en"),
        ("fr;q=1.0, de;q=0.8, zh;q=0.9", "zh"),
        ("de;q=0, zh;q=0.1", "zh"),
        ("*", "en"),
        ("", "en"),
        ("garbage;;;q=x, ,de", "de"),
    ],
)
def test_accept_language(header: str, expected: str):
    assert negotiate(None, header, SITE, "en") == expected


def test_lang_parameter_wins_over_the_header():
    assert negotiate("zh-CN", "de-DE", SITE, "en") == "zh"
    assert negotiate("xx", "de-DE", SITE, "en") == "de"


def test_q_values_order_and_ties_keep_header_order():
    assert parse_accept_language("en;q=0.5, de, zh;q=0.5") == ["de", "en", "zh"]
