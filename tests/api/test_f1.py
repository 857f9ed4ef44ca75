"""F1 lookups through HTTP: redirects, JSON, suggestions, safety and headers."""

from __future__ import annotations

from urllib.parse import quote

import pytest

ADD_FUNDS = "/guides/add-funds/"


@pytest.mark.parametrize(
    ("accept_language", "location", "content_language"),
    [
        ("de-AT", "/de" + ADD_FUNDS, "de"),
        ("de-CH", "/de" + ADD_FUNDS, "de"),
        ("zh-CN", "/zh" + ADD_FUNDS, "zh-Hans"),
        ("zh-SG", "/zh" + ADD_FUNDS, "zh-Hans"),
        ("zh-Hans", "/zh" + ADD_FUNDS, "zh-Hans"),
        ("zh-TW", ADD_FUNDS, "en"),
        ("fr-FR", ADD_FUNDS, "en"),
        ("fr;q=1, de;q=0.8", "/de" + ADD_FUNDS, "de"),
        (None, ADD_FUNDS, "en"),
    ],
)
def test_redirect_follows_accept_language(client, accept_language, location, content_language):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/f1/O365E_SFBVoiceCredit", headers=headers)
    assert response.status_code == 302
    assert response.headers["location"] == location
    assert response.headers["content-language"] == content_language
    assert response.headers["vary"] == "Accept-Language"
    assert "max-age" in response.headers["cache-control"]


def test_lang_parameter_overrides_the_header(client):
    response = client.get("/f1/O365M_SFBVoiceCredit?lang=zh", headers={"Accept-Language": "de"})
    assert response.headers["location"] == "/zh" + ADD_FUNDS


def test_keywords_match_case_insensitively_and_trimmed(client):
    response = client.get("/f1/" + quote("  o365p_sfbvoicecreditAETHER "))
    assert response.status_code == 302
    assert response.headers["location"] == ADD_FUNDS
    answer = client.get("/api/v1/f1/" + quote(" o365p_sfbvoicecreditaether")).json()
    assert answer["match"] == "normalized"
    assert answer["matched"] == "O365P_SFBVoiceCreditAether"


def test_several_keywords_answer_with_the_first_that_resolves(client):
    response = client.get(
        "/f1?k=Nope_Unknown&k=CommsCredits_NCE&k=O365E_SFBVoiceCredit",
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 302
    assert response.headers["location"] == "/de/guides/switch-to-nce/"
    answer = client.get("/api/v1/f1?k=Nope&k=CommsCredits_Estimate&lang=zh").json()
    assert answer["page_id"] == "estimate-funding"
    assert answer["match"] == "exact"


def test_json_answer_describes_the_page(client):
    answer = client.get("/api/v1/f1/CommsCredits_Setup", headers={"Accept-Language": "de"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["page_id"] == "set-up"
    assert body["lang"] == "de" and body["requested_lang"] == "de"
    assert body["fell_back"] is False
    assert body["translation"] == "human"
    assert body["url"] == "/de/guides/set-up-communications-credits/"
    anchors = [s["anchor"] for s in body["sections"]]
    for anchor in ("step-licenses", "step-credits", "step-assign-credits-license"):
        assert anchor in anchors
    assert all(s["title"] for s in body["sections"])
    english = client.get("/api/v1/f1/CommsCredits_Setup?lang=en").json()
    assert english["translation"] == "source"


def test_missing_translation_falls_back_to_english_and_says_so(make_client, docs_copy):
    (docs_copy / "de/guides/switch-to-nce.md").unlink()
    client = make_client(docs_dir=docs_copy)
    response = client.get("/f1/CommsCredits_NCE", headers={"Accept-Language": "de-DE"})
    assert response.status_code == 302
    assert response.headers["location"] == "/guides/switch-to-nce/"
    assert response.headers["content-language"] == "en"
    assert response.headers["x-help-fallback"] == "requested=de; served=en"
    answer = client.get("/api/v1/f1/CommsCredits_NCE?lang=de").json()
    assert answer["fell_back"] is True and answer["lang"] == "en"


@pytest.mark.parametrize("keyword", ["O365X_SFBVoiceCredit", "SFBVoiceCredits"])
def test_unknown_keyword_gets_a_problem_with_suggestions(client, keyword):
    response = client.get(f"/api/v1/f1/{keyword}", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "f1_keyword_not_found"
    assert body["suggestions"][0]["page_id"] == "add-funds"
    assert len(body["suggestions"]) <= 5
    redirect_miss = client.get(f"/f1/{keyword}")
    assert redirect_miss.status_code == 404
    assert redirect_miss.json()["suggestions"][0]["page_id"] == "add-funds"


def test_unknown_keyword_in_a_browser_gets_a_localized_page(client):
    response = client.get(
        "/f1/O365X_SFBVoiceCredit",
        headers={"Accept": "text/html,application/xhtml+xml", "Accept-Language": "de-DE"},
    )
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="de">' in html
    assert "Keine Hilfeseite zu diesem Schlüsselwort" in html
    assert 'href="/de/guides/add-funds/"' in html
    assert '<form class="search" action="/search"' in html
    assert 'name="q"' in html and 'value="O365X_SFBVoiceCredit"' in html
    chinese = client.get(
        "/f1/nothing-like-it", headers={"Accept": "text/html", "Accept-Language": "zh-CN"}
    )
    assert '<html lang="zh-Hans">' in chinese.text and "找不到此关键字的帮助页面" in chinese.text


def test_html_page_escapes_the_keyword(client):
    response = client.get(
        "/f1/" + quote("<script>alert(1)</script>"), headers={"Accept": "text/html"}
    )
    assert response.status_code == 404
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


NASTY = [
    "%2F%2Fevil.example",
    "%2F%2Fevil.example%2F",
    "//evil.example",
    "%5C%5Cevil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "http:%2F%2Fevil.example",
    "https://evil.example/",
    "a%0D%0ALocation:%20http://evil.example",
    "%00",
    "%09%0A",
    "O365E_SFBVoiceCredit%0D%0ALocation:%20//evil.example",
    "..%2F..%2Fetc%2Fpasswd",
    "x" * 5000,
    "%E2%80%AE" + "O365E_SFBVoiceCredit",
]


@pytest.mark.parametrize("raw", NASTY)
def test_no_input_redirects_off_the_site(client, raw):
    for url in (f"/f1/{raw}", f"/f1?k={raw}", f"/f1?k=nope&k={raw}&lang={raw}"):
        response = client.get(url, headers={"Accept-Language": raw[:100].replace("\n", "")})
        assert response.status_code in (302, 404, 422), url
        if response.status_code == 302:
            location = response.headers["location"]
            assert location.startswith("/") and not location.startswith(("//", "/\\")), location
            assert location in {
                "/guides/add-funds/",
                "/de/guides/add-funds/",
                "/zh/guides/add-funds/",
            }
        assert "evil" not in response.headers.get("location", "")


def test_misses_are_counted_and_listed(client):
    for _ in range(3):
        client.get("/f1/Missing_Keyword", headers={"Accept-Language": "de"})
    client.get("/api/v1/f1/missing_keyword ", headers={"Accept-Language": "de"})
    client.get("/f1/Other_Missing")
    client.get("/f1/O365E_SFBVoiceCredit")  # a hit is no miss
    listed = client.get(
        "/api/v1/f1/misses", headers={"Authorization": "Bearer test-admin-token"}
    ).json()["misses"]
    assert [(m["keyword"], m["locale"], m["count"]) for m in listed] == [
        ("missing_keyword", "de", 4),
        ("other_missing", "en", 1),
    ]
    assert listed[0]["first_seen"] <= listed[0]["last_seen"]
