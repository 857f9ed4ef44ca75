"""Lists and label punctuation as each language writes them (Babel's CLDR data, catalogs)."""

from __future__ import annotations

from helpsvc.i18n.formats import format_list
from helpsvc.i18n.site_messages import t


def test_lists_read_as_a_sentence_of_the_language() -> None:
    names = ["Teams Phone Standard", "Inlandsanrufplan", "Kommunikationsguthaben"]
    assert format_list(names, "de") == (
        "Teams Phone Standard, Inlandsanrufplan und Kommunikationsguthaben"
    )
    assert format_list(["Teams Phone Standard", "国内通话套餐", "通信点数"], "zh") == (
        "Teams Phone Standard、国内通话套餐和通信点数"
    )
    assert (
        format_list(["a@contoso.com", "b@contoso.com"], "en") == "a@contoso.com and b@contoso.com"
    )
    assert format_list(["only"], "zh") == "only" and format_list([], "de") == ""


def test_a_label_is_followed_by_the_languages_colon() -> None:
    assert t("punct.colon", "en") == ": " and t("punct.colon", "de") == ": "
    assert t("punct.colon", "zh") == "："
