"""Page metadata API and the OpenAPI document."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_list_pages_in_a_language(client):
    body = client.get("/api/v1/pages", params={"lang": "zh"}).json()
    assert body["lang"] == "zh"
    # Every Chinese page of the docs tree is listed, none twice.
    listed = [p["page_id"] for p in body["pages"]]
    assert len(listed) == len(set(listed)) == len(list((DOCS / "zh").rglob("*.md")))
    assert {"troubleshooting", "faq", "set-up"} <= set(listed)
    assert all(p["lang"] == "zh" and p["languages"] == ["en", "de", "zh"] for p in body["pages"])


def test_one_page_with_sections_and_languages(client):
    body = client.get("/api/v1/pages/set-up", headers={"Accept-Language": "de"}).json()
    assert body["lang"] == "de"
    assert body["url"] == "/de/guides/set-up-communications-credits/"
    assert body["translation"] == "human"
    assert "step-licenses" in [s["anchor"] for s in body["sections"]]
    missing = client.get("/api/v1/pages/nope?lang=de")
    assert missing.status_code == 404
    assert "„nope“" in missing.json()["detail"]


def test_every_route_documents_an_example(client):
    spec = client.get("/api/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            found = any("examples" in p for p in operation.get("parameters", []))
            for response in operation["responses"].values():
                for media in response.get("content", {}).values():
                    ref = media.get("schema", {}).get("$ref", "")
                    schema = schemas.get(ref.rsplit("/", 1)[-1], {})
                    found = found or "example" in media or "example" in schema
            assert found, f"{method.upper()} {path} has no example"
    assert client.get("/api/docs").status_code == 200
