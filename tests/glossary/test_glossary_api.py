"""`/api/v1/glossary` and the help search finding guides by glossary terms."""

from __future__ import annotations

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.content.search import SearchIndex
from helpsvc.glossary.load import load_glossary
from helpsvc.glossary.lookup import search_synonyms


def test_search_terms_with_a_typo_in_the_readers_language(client):
    body = client.get("/api/v1/glossary", params={"lang": "de", "q": "Auslösebtrag"}).json()
    assert body["lang"] == "de"
    top = body["results"][0]
    assert (top["concept"], top["term"], top["english"]) == (
        "trigger-amount",
        "Auslösebetrag",
        "trigger amount",
    )
    assert top["url"] == "/de/glossary/#trigger-amount"
    assert top["match"]["status"] == "preferred"


def test_a_forbidden_variant_leads_to_the_right_term(client):
    body = client.get(
        "/api/v1/glossary",
        params={"q": "Kommunikation Gutschriften"},
        headers={"Accept-Language": "de"},
    ).json()
    top = body["results"][0]
    assert top["term"] == "Kommunikationsguthaben"
    assert top["match"] == {
        "term": "Kommunikation Gutschriften",
        "status": "forbidden",
        "lang": "de",
        "score": top["match"]["score"],
    }
    chinese = client.get("/api/v1/glossary", params={"lang": "zh", "q": "通信贷项"}).json()
    assert chinese["results"][0]["term"] == "通信点数"


def test_list_and_one_concept(client):
    listing = client.get("/api/v1/glossary", params={"lang": "zh", "limit": 100}).json()
    assert listing["count"] >= 30
    assert {r["concept"] for r in listing["results"]} >= {"communications-credits", "nce"}
    concept = client.get("/api/v1/glossary/auto-recharge").json()
    assert concept["pos"] == "noun"
    assert concept["languages"]["de"]["term"] == "automatische Aufladung"
    assert concept["languages"]["de"]["gender"] == "feminine"
    assert concept["languages"]["zh"]["term"] == "自动充值"
    assert "自动充电" in [f["term"] for f in concept["languages"]["zh"]["forbidden"]]


def test_unknown_concept_is_a_problem_with_suggestions(client):
    response = client.get("/api/v1/glossary/auto-rechage", headers={"Accept-Language": "zh"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "concept_not_found"
    assert "auto-rechage" in body["detail"] and "术语表" in body["detail"]
    assert body["suggestions"][0] == "auto-recharge"


def test_search_finds_a_guide_by_an_admitted_variant(client):
    def pages(q: str, lang: str) -> list[str]:
        response = client.get("/api/v1/search", params={"q": q, "lang": lang})
        return [hit["page_id"] for hit in response.json()["results"]][:3]

    # None of these words is in the guides; the glossary knows what they stand for.
    assert "auto-recharge" in pages("Schwellenwert", "de")
    assert "auto-recharge" in pages("阈值金额", "zh")
    assert "auto-recharge" in pages("threshold amount", "en")
    # The English term works in a translation too.
    assert "auto-recharge" in pages("trigger amount", "de")


def test_synonyms_widen_a_query_without_outranking_the_words_themselves(make_tree, write_glossary):
    docs = make_tree(
        {
            "de/a.md": "---\npage_id: a\n---\n# Aufladen\n\n"
            "Der Auslösebetrag löst eine Aufladung aus.\n",
            "de/b.md": "---\npage_id: b\n---\n# Lizenzen\n\nJeder Benutzer braucht eine Lizenz.\n",
            "zh/a.md": "---\npage_id: a\n---\n# 充值\n\n余额低于触发金额时自动充值。\n",
            "zh/b.md": "---\npage_id: b\n---\n# 许可证\n\n每个用户都需要许可证。\n",
        }
    )
    glossary, _ = load_glossary(
        write_glossary(
            {
                "en.yaml": "concepts:\n  trigger-amount:\n    term: trigger amount\n    pos: noun\n"
                "    definition: The balance that starts a recharge.\n",
                "de.yaml": "terms:\n  trigger-amount:\n    preferred: Auslösebetrag\n"
                "    admitted: [Schwellenwert]\n",
                "zh.yaml": "terms:\n  trigger-amount:\n    preferred: 触发金额\n"
                "    admitted: [阈值金额]\n",
            }
        )
    )
    index = build_index(load_corpus(docs), "de")
    plain = SearchIndex(index)
    widened = SearchIndex(index, search_synonyms(glossary))
    assert plain.search("Schwellenwert", "de") == []
    assert [h.page_id for h in widened.search("Schwellenwert", "de")] == ["a"]
    assert [h.page_id for h in widened.search("trigger amount", "de")] == ["a"]
    assert [h.page_id for h in widened.search("阈值金额", "zh")][:1] == ["a"]
    direct = widened.search("Auslösebetrag", "de")[0]
    via = widened.search("Schwellenwert", "de")[0]
    assert direct.page_id == via.page_id and direct.score > via.score
    # A query without glossary words is answered exactly as before.
    assert widened.search("Lizenz", "de") == plain.search("Lizenz", "de")
