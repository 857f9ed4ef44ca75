"""Fenced code blocks are found where CommonMark finds them, so headings and links after an
inline ```code``` span or inside list items are neither lost nor invented."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpsvc.content.fences import fenced_regions, parsed_regions
from helpsvc.content.scan import scan


def _anchors(body: str) -> list[str]:
    return [s.anchor for s in scan(body).sections]


def test_an_inline_triple_backtick_span_does_not_hide_the_rest_of_the_page():
    body = (
        "# Set up\n"
        "Run ```Set-CsOnlineDialInConferencingUser -Identity x``` in PowerShell.\n"
        "## Check the balance {#check-balance}\n"
        "See [funds](add-funds.md).\n"
    )
    outline = scan(body)
    assert [s.anchor for s in outline.sections] == ["set-up", "check-balance"]
    assert [link.target for link in outline.links] == ["add-funds.md"]


def test_a_fence_indented_in_a_list_item_hides_its_content_and_ends_where_it_closes():
    body = (
        "# Steps\n"
        "1. Open the shell:\n"
        "\n"
        "    ```powershell\n"
        "    # not a heading\n"
        "    [not a link](missing.md)\n"
        "    ```\n"
        "\n"
        "2. Next step.\n"
        "## After the list\n"
        "- item\n"
        "   ```\n"
        "   # neither\n"
        "   ```\n"
        "## Last\n"
    )
    outline = scan(body)
    assert [s.anchor for s in outline.sections] == ["steps", "after-the-list", "last"]
    assert outline.links == ()


def test_a_fence_inside_an_html_block_is_html_not_code():
    body = "<div>\n```\n</div>\n\n## Kept\n"
    assert _anchors(body) == ["kept"]


def test_column_zero_fences_still_hide_headings_and_unclosed_fences_run_to_the_end():
    body = "## One\n```yaml\n# comment\n```\n## Two\n~~~~\n## hidden\n~~~\n## hidden too\n"
    assert _anchors(body) == ["one", "two"]


LINES = [
    "```",
    "```js",
    "```x```",
    "````",
    "~~~",
    "~~~ `ok`",
    "  ```",
    "    ```",
    "- ```",
    "- item",
    "  text",
    "> ```",
    "<div>",
    "<!-- note",
    "-->",
    "",
    "text",
    "# heading",
    "\t```",
    "```   ",
    "1. step",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12))
def test_the_column_zero_shortcut_agrees_with_the_commonmark_parser(lines):
    padded = "\n" + "\n".join(lines) + "\n"
    assert fenced_regions(padded) == parsed_regions(padded)
