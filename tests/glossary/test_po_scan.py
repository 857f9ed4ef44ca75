"""The .po scanner: the text of each string as Babel reads it, and where each character is."""

from __future__ import annotations

import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from hypothesis import given, settings
from hypothesis import strategies as st

from helpsvc.glossary.po_scan import PoSyntaxError, scan_strings, translations_by_msgid_line

# What gettext writes for a character that cannot stand in a quoted string as it is.
ESCAPED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def test_continuation_lines_and_escapes_keep_their_place():
    source = 'msgctxt "k"\nmsgid "Hello"\nmsgstr ""\n"Zeile \\"eins\\"\\n"\n  "zwei\\\\drei"\n'
    [ctx, msgid, msgstr] = scan_strings(source)
    assert (ctx.keyword, ctx.text, msgid.line) == ("msgctxt", "k", 2)
    assert msgstr.text == 'Zeile "eins"\nzwei\\drei'
    assert msgstr.line == 3
    assert msgstr.position(0) == (4, 2)  # "Z", after the opening quote
    assert msgstr.position(msgstr.text.index('"')) == (4, 8)  # the backslash of \"
    assert msgstr.position(msgstr.text.index("\n")) == (4, 16)  # the backslash of \n
    assert msgstr.position(msgstr.text.index("zwei")) == (5, 4)  # after the indent
    assert msgstr.position(len(msgstr.text)) == (5, 14)  # the end: the closing quote


def test_obsolete_entries_and_comments_are_skipped_and_plurals_grouped():
    source = (
        '#: file.py:1\n#, fuzzy\n#| msgid "Old"\nmsgid "One"\nmsgid_plural "Many"\n'
        'msgstr[0] "Eins"\nmsgstr[1] "Viele"\n\n#~ msgid "Gone"\n#~ msgstr "Weg"\n'
    )
    by_line = translations_by_msgid_line(scan_strings(source))
    assert list(by_line) == [4]
    assert [(s.keyword, s.text) for s in by_line[4]] == [
        ("msgstr[0]", "Eins"),
        ("msgstr[1]", "Viele"),
    ]


def test_crlf_and_a_line_separator_inside_a_string():
    source = 'msgid "a"\r\nmsgstr "b\u2028c"\r\nmsgid "d"\r\nmsgstr "e"\r\n'
    strings = scan_strings(source)
    assert [s.text for s in strings] == ["a", "b\u2028c", "d", "e"]
    assert strings[3].position(0) == (4, 9)


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "string without a closing quote"),
        ('msgid "a"\nmsgstr b\n', 2, "msgstr without a string"),
        ('msgid "a"\nmsgstr "x" "y"\n', 2, "text after the closing quote (one string a line)"),
        ('msgid "a"\nmsgstr ""\n"x\n', 3, "string without a closing quote"),
    ],
)
def test_strings_gettext_would_not_read_are_errors(source, line, message):
    with pytest.raises(PoSyntaxError) as caught:
        scan_strings(source)
    assert (caught.value.line, str(caught.value)) == (line, message)


texts = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from('"\\\n\t\r {}'),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(texts.filter(bool), texts), min_size=1, max_size=5, unique_by=lambda t: t[0])
)
def test_round_trip_through_babel(pairs):
    """Whatever Babel writes (wrapped, escaped), the scanner reads Babel's text back, and
    each character's position is where the file has it or its escape."""
    catalog = Catalog(locale="de")
    for msgid, msgstr in pairs:
        catalog.add(msgid, msgstr, context="ctx")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=40)
    source = buffer.getvalue().decode("utf-8")
    lines = source.split("\n")
    spans = translations_by_msgid_line(scan_strings(source))
    read = read_po(io.BytesIO(buffer.getvalue()))
    checked = 0
    for message in read:
        if not message.id:
            continue
        [span] = spans[message.lineno]
        assert span.text == message.string
        for offset, char in enumerate(span.text):
            line, column = span.position(offset)
            written = ESCAPED.get(char, char)
            assert lines[line - 1][column - 1 : column - 1 + len(written)] == written
        checked += 1
    assert checked == len(pairs)
