"""Words as the search sees them: stems, umlauts, compounds, markup, stop words."""

from __future__ import annotations

from helpsvc.content.compounds import split_compound
from helpsvc.content.stopwords import stop_words
from helpsvc.content.text import plain, tokens


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
    assert {"wie", "ich"} <= stop_words("de")
    assert "哪些" in stop_words("zh")
    assert "amount" in stop_words("en") and "amount" not in stop_words("en", keep={"amount"})
