"""A Microsoft Learn / DocFX repository as docs owners have it (tests/fixtures/learn-de, written
for these tests): German only, DocFX front matter, CSH flags, a reused asset id, a keyword two
pages claim, a TOC and an include. The F1 answers must be right, and say where they are not."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from helpsvc.cli import app
from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.learn_paths import is_include, is_toc, is_toc_or_include
from helpsvc.settings import Settings
from tests.conftest import REPO

LEARN = REPO / "tests" / "fixtures" / "learn-de"


@pytest.fixture(scope="module")
def learn():
    corpus = load_corpus(LEARN)
    return corpus, build_index(corpus)


def _by_path(corpus, path: str):
    return next(p for p in corpus.pages if p.path == path)


def test_csh_and_nocsh_are_flags_not_keywords(learn):
    corpus, index = learn
    page = _by_path(corpus, "Teams/guthaben-verwalten.md")
    assert page.keywords == ("TeamsAdmin_Guthaben",)
    assert page.help_flag == "NOCSH"
    assert index.lookup("CSH") is None and index.lookup("NOCSH") is None


def test_keyword_keys_in_any_letter_case_and_odd_values_are_reported(learn):
    corpus, _index = learn
    # "F1keywords" (capital F) is read like f1_keywords.
    assert "TeamsAdmin_Richtlinie" in _by_path(corpus, "Teams/teams-richtlinien.md").keywords
    landing = _by_path(corpus, "Teams/Microsoft-Teams.md")
    [problem] = landing.problems
    assert "'For O365M_ShareLync' contains a space" in problem.message


def test_pages_sharing_an_asset_id_keep_every_keyword(learn):
    corpus, index = learn
    first, second = (
        _by_path(corpus, p) for p in ("Teams/guthaben-verwalten.md", "Teams/teams-richtlinien.md")
    )
    assert first.asset_id == second.asset_id == "7f3c9a10-0001"
    # Both pages are served; the second under its path, which /api/v1/pages can fetch.
    assert index.page("7f3c9a10-0001", "de").path == first.path
    assert index.page("Teams/teams-richtlinien", "de").path == second.path
    assert index.lookup("TeamsAdmin_Richtlinie").path == second.path
    assert [(a.path, b.path) for a, b in index.duplicates] == [(first.path, second.path)]


def test_the_owner_decides_who_wins_a_shared_keyword_and_the_report_says_why(learn, tmp_path):
    _corpus, index = learn
    # Path order would give it to the landing page ("Microsoft-Teams" before "teams-...").
    assert index.lookup("TeamsAdmin_Start").path == "Teams/teams-richtlinien.md"
    [conflict] = index.conflicts
    assert conflict.other.path == "Teams/Microsoft-Teams.md"
    assert conflict.reason == "f1_priority 10 is higher than 0"
    # Without a priority, path order decides, in any letter case, and the reason says so.
    unprioritised = tmp_path / "docs"
    for source in LEARN.rglob("*.md"):
        target = unprioritised / source.relative_to(LEARN)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text("utf-8").replace("f1_priority: 10\n", ""), "utf-8")
    again = build_index(load_corpus(unprioritised))
    assert again.lookup("TeamsAdmin_Start").path == "Teams/Microsoft-Teams.md"
    assert "comes first in path order" in again.conflicts[0].reason


def test_a_toc_and_includes_are_files_not_pages(learn):
    corpus, _index = learn
    assert {"Teams/TOC.md", "includes/hinweis.md"} <= corpus.files
    assert not {"Teams/TOC.md", "includes/hinweis.md"} & {p.path for p in corpus.pages}
    assert (
        is_toc("a/toc.yml")
        and is_include("x/Includes/y.md")
        and not is_toc_or_include("includes.md")
    )


def test_an_english_reader_gets_the_german_page_marked_as_fallback(make_client):
    client = make_client(docs_dir=LEARN)
    answer = client.get("/api/v1/f1/TeamsAdmin_Guthaben", params={"lang": "en"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["lang"], body["requested_lang"], body["fell_back"]) == ("de", "en", True)
    redirect = client.get("/f1/TeamsAdmin_Guthaben", headers={"Accept-Language": "en-US"})
    assert redirect.status_code == 302
    assert redirect.headers["X-Help-Fallback"] == "requested=en; served=de"
    # A flag asked for as a keyword is no keyword; the real one next to it still answers.
    assert client.get("/f1/CSH").status_code == 404
    both = client.get("/f1", params=[("k", "NOCSH"), ("k", "TeamsAdmin_Guthaben")])
    assert both.status_code == 302 and "guthaben-verwalten" in both.headers["location"]
    # A page id made from a path is fetched like any other.
    page = client.get("/api/v1/pages/Teams/teams-richtlinien")
    assert page.status_code == 200 and page.json()["title"] == "Richtlinien für Guthaben"
    missing = client.get("/api/v1/pages/Teams/none")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_f1_redirects_to_where_the_docs_live(make_client):
    pattern = "https://learn.microsoft.com/{locale}/microsoftteams/{path}"
    client = make_client(docs_dir=LEARN, page_url=pattern)
    redirect = client.get("/f1/TeamsAdmin_Guthaben", params={"lang": "de"})
    assert redirect.status_code == 302
    assert redirect.headers["location"] == (
        "https://learn.microsoft.com/de-de/microsoftteams/Teams/guthaben-verwalten"
    )
    answer = client.get("/api/v1/f1/TeamsAdmin_Guthaben", params={"lang": "de"}).json()
    assert answer["url"] == redirect.headers["location"]
    assert [s["anchor"] for s in answer["sections"]] == ["aufladen"]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("ftp://docs/{path}", "https://"),
        ("https://learn.microsoft.com/de-de/", "{path}"),
        ("https://x/{path}/{page}", "placeholders"),
    ],
)
def test_a_page_url_pattern_that_cannot_place_a_page_is_refused(pattern, reason):
    with pytest.raises(ValidationError, match=reason.replace("{", r"\{").replace("}", r"\}")):
        Settings(page_url=pattern)


def test_the_projects_own_docs_still_redirect_to_its_site(client):
    redirect = client.get("/f1/O365E_SFBVoiceCredit", params={"lang": "de"})
    assert redirect.headers["location"] == "/de/guides/add-funds/"


def test_helpsvc_index_names_the_winner_of_a_shared_keyword_and_why():
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["index", str(LEARN), "--json"]).stdout)
    assert data["conflicts"] == [
        {
            "keyword": "TeamsAdmin_Start",
            "kept": "Teams/teams-richtlinien.md",
            "other": "Teams/Microsoft-Teams.md",
            "reason": "f1_priority 10 is higher than 0",
        }
    ]
    assert data["languages"] == {"de": 3}
    text = runner.invoke(app, ["index", str(LEARN)]).stdout
    assert "belongs to Teams/teams-richtlinien.md (f1_priority 10 is higher than 0)" in text


def test_without_ms_contentlocale_the_language_is_read_from_the_text(make_tree):
    german = (
        "---\ntitle: Guthaben\nf1_keywords: [K1]\n---\n\n# Guthaben\n\nHier richten Sie die"
        " automatische Aufladung des Guthabens ein, damit gebührenfreie Anrufe nicht abgelehnt"
        " werden, wenn der Saldo unter den Auslösebetrag fällt.\n"
    )
    short = "---\ntitle: Start\n---\n\n# Start\n\nTeams.\n"
    corpus = load_corpus(make_tree({"Teams/guthaben.md": german, "Teams/start.md": short}))
    pages = {p.path: (p.lang, p.lang_source) for p in corpus.pages}
    assert pages["Teams/guthaben.md"] == ("de", "text")
    # Too short to tell: the default language, and the page says so.
    assert pages["Teams/start.md"] == ("en", "default")
    # Front matter and language folders decide without reading the text.
    assert {p.lang_source for p in load_corpus(LEARN).pages} == {"ms.contentlocale"}
    assert {p.lang_source for p in load_corpus(REPO / "docs").pages} == {"folder"}


def test_piped_index_output_is_one_unwrapped_line_per_page(make_tree):
    long_title = "Ein sehr langer Titel " * 8
    root = make_tree(
        {
            "Teams/a/" + "tief/" * 10 + "seite.md": f"---\ntitle: {long_title}\n---\n",
            "Teams/kurz.md": "---\ntitle: Kurz\nms.contentlocale: de-de\n---\n\n# Kurz\n",
        }
    )
    text = CliRunner().invoke(app, ["index", str(root)]).stdout
    line = next(x for x in text.splitlines() if "seite.md" in x)
    path, lang, page_id, title, keywords = line.split("\t")
    assert path.endswith("tief/seite.md") and title == long_title.strip() and keywords == ""
    assert lang == "en" and page_id == path.removesuffix(".md")
    assert "language from: default 1, ms.contentlocale 1" in text
    assert f"{path}: language unknown" in text and "set --lang" in text
    # The owner says which language the folder is in.
    forced = json.loads(
        CliRunner().invoke(app, ["index", str(root), "--json", "--lang", "de"]).stdout
    )
    assert {(p["lang"], p["lang_source"]) for p in forced["pages"]} == {
        ("de", "folder"),
        ("de", "ms.contentlocale"),
    }
