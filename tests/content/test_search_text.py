"""Words as the search sees them: stems, umlauts, compounds, markup, stop words."""

from __future__ import annotations

from helpsvc.content.compounds import split_compound
from helpsvc.content.stopwords import stop_words
from helpsvc.content.text import function_words, plain, tokens


def test_plurals_and_umlauts_meet_their_singular():
    assert tokens("Anrufplan Anrufpläne Anrufplänen", "de") == ["anrufplan"] * 3
    assert tokens("recharges recharging recharge", "en") == ["recharg"] * 3


def test_html_between_words_keeps_them_apart():
    text = plain("Alle Anrufplänen<br>anzeigen, <b>Guthaben</b>aufladung")
    assert "Anrufplänen anzeigen" in text and "Guthabenaufladung" in text


def test_compounds_split_into_words_the_index_knows():
    known = set(tokens("Kreditkarte abgelaufen Ablauf Kommunikation Guthaben", "de"))
    assert split_compound("kreditkartenablauf", known, "de") == ["kreditkart", "ablauf"]
    assert split_compound("kommunikationsguthab", known, "de") == ["kommunikation", "guthab"]
    assert split_compound("zahlungsmethode", known, "de") == []


def test_stop_words_but_not_the_glossarys_words():
    assert {"wie", "ich", "welche"} <= stop_words("de")
    assert "哪些" in stop_words("zh")
    assert "how" in stop_words("en") and "how" not in stop_words("en", keep={"how"})


def test_stop_words_are_function_words_not_what_a_help_query_is_about():
    # The longer stopwords-iso lists had these, so "buy more credit" searched for "credit".
    for lang, words in {
        "en": {"buy", "call", "order", "zero", "amount"},
        "de": {"kaufen", "anruf", "guthaben", "geht"},
    }.items():
        assert not words & stop_words(lang), lang


def test_jieba_tags_the_function_words_of_a_chinese_question():
    found = function_words("资金多久过期，换一张信用卡吗")
    assert {"多久", "一张", "吗"} <= found
    assert not {"资金", "过期", "信用卡"} & found
