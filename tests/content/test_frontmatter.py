"""Front matter as found in the wild: DocFX keys, odd shapes, broken YAML."""

from __future__ import annotations

import textwrap

import pytest

from helpsvc.content.corpus import load_page
from helpsvc.content.frontmatter import FrontMatterError, parse
from tests.conftest import FIXTURES


def page_from(text: str, lang: str | None = "en"):
    return load_page(textwrap.dedent(text).lstrip("\n"), "x.md", "x.md", lang, "en")


def test_seed_with_list_items_without_dash_is_reported_on_the_item_line():
    # The keyword list of seed 000_ac4bbafe73b6356f.txt, exactly as malformed as it is there.
    text = (FIXTURES / "docfx-broken-keywords.md").read_text(encoding="utf-8")
    page, error = load_page(text, "seed.md", "seed.md", None, "en")
    assert page is None
    assert error is not None
    lines = text.splitlines()
    # The first item without "- " is the line the reader has to fix.
    assert lines[error.line - 1].strip() == "O365P_SFBVoiceCreditAether"
    assert "f1_keywords" in error.message and "- " in error.message


def test_yaml_error_line_is_counted_in_the_file():
    with pytest.raises(FrontMatterError) as info:
        parse("---\ntitle: ok\ndescription: [unclosed\n---\nbody\n")
    assert info.value.line in (3, 4)
    assert "not valid YAML" in info.value.message


def test_unclosed_front_matter_is_an_error_on_line_1():
    with pytest.raises(FrontMatterError) as info:
        parse("---\ntitle: never closed\n# Heading\n")
    assert info.value.line == 1


def test_front_matter_that_is_a_list_is_rejected():
    with pytest.raises(FrontMatterError, match="mapping"):
        parse("---\n- a\n- b\n---\n")


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("f1_keywords:\n- A_Key \n- B_Key", ("A_Key", "B_Key")),
        ("f1keywords: Scalar_Key  ", ("Scalar_Key",)),
        ("f1.keywords:\n  - Dotted_Key", ("Dotted_Key",)),
        ("f1_keywords: None", ()),
        ("f1_keywords:", ()),
        ("f1_keywords: ''", ()),
        ("f1_keywords: []", ()),
        ("f1_keywords:\n- Dup\n- dup \nf1keywords: Other", ("Dup", "Other")),
    ],
)
def test_keyword_shapes(front: str, expected: tuple[str, ...]):
    page, error = page_from(f"---\ntitle: T\n{front}\n---\n# T\n")
    assert error is None
    assert page.keywords == expected


def test_docfx_metadata_and_locale_give_language_and_translation_kind():
    page, error = page_from(
        """
        ---
        title: Kommunikationsguthaben
        ms.assetid: 691c9301-1f66-41fe-9b2c-ca24ae987463
        ms.contentlocale: de-DE
        ms.translationtype: MT
        ms.openlocfilehash: c22500656e8a1ffa20728699744a69c28b3b5159
        ---
        # <a name="communication-credits"></a>Kommunikationsguthaben
        """,
        lang=None,
    )
    assert error is None
    assert page.lang == "de"
    assert page.page_id == "691c9301-1f66-41fe-9b2c-ca24ae987463"
    assert not page.has_page_id
    assert page.translation.type == "machine"
    assert page.translation.source_hash == "c22500656e8a1ffa20728699744a69c28b3b5159"
    assert "communication-credits" in page.anchors


def test_page_without_front_matter_is_titled_by_its_heading():
    text = "# Guthaben einrichten {#set-up}\n\n## Schritt 1: Lizenzen {#step-licenses}\n"
    page, error = load_page(text, "s.md", "s.md", None, "de")
    assert error is None
    assert page.title == "Guthaben einrichten"
    assert page.lang == "de"
    assert page.keywords == ()
    assert [s.anchor for s in page.sections] == ["set-up", "step-licenses"]


def test_explicit_anchors_survive_translated_headings_and_code_blocks_are_ignored():
    page, _ = page_from(
        """
        ---
        title: T
        page_id: t
        ---
        # Titel
        ## Schritt 1: Lizenzen zuweisen {#step-licenses}
        ```
        ## not a heading {#fake}
        [not a link](missing.md)
        ```
        ## Ohne Anker
        See [the next step](#step-licenses) and [other](other.md#x "title").
        """
    )
    assert page.explicit_anchors == ("step-licenses",)
    assert "ohne-anker" in page.anchors and "fake" not in page.anchors
    assert [(link.target, link.anchor) for link in page.links] == [
        ("", "step-licenses"),
        ("other.md", "x"),
    ]
    assert page.links[0].line == 12  # counted in the file, front matter included
