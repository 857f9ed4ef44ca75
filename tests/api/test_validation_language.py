"""A request that fails validation is told what is wrong in the reader's language."""

from __future__ import annotations

import pytest


def _errors(client, lang: str, body: dict) -> dict[str, str]:
    response = client.post("/api/v1/tenants", json=body, headers={"Accept-Language": lang})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return {e["field"]: e["message"] for e in response.json()["errors"]}


@pytest.mark.parametrize(
    ("lang", "missing", "too_long"),
    [
        ("en", "This field is required.", "Enter at most"),
        ("de", "Dieses Feld ist erforderlich.", "Geben Sie höchstens"),
        ("zh", "此字段为必填项。", "最多只能输入"),
    ],
)
def test_field_errors_speak_the_readers_language(client, lang, missing, too_long) -> None:
    errors = _errors(client, lang, {"name": "x" * 5000, "currency": "EUR"})
    assert errors["body.country"] == missing
    assert errors["body.name"].startswith(too_long)
    # The limit comes from the model, not from the text.
    assert any(ch.isdigit() for ch in errors["body.name"])


def test_an_error_type_without_a_sentence_keeps_pydantics_text(client) -> None:
    # The tenant's start beyond the horizon is our own validator's message (value_error).
    base = {"name": "Far", "country": "DE", "currency": "EUR"}
    errors = _errors(client, "de", {**base, "start": "2200-01-01T00:00:00Z"})
    assert "2200-01-01" in errors["body.start"]


def test_the_summary_uses_the_languages_punctuation(client) -> None:
    body = {"name": "x" * 5000, "currency": "EUR"}
    zh = client.post("/api/v1/tenants", json=body, headers={"Accept-Language": "zh"}).json()
    assert zh["detail"].startswith("请检查以下字段：名称和国家或地区。body.name：最多只能输入")
    assert "；body.country：此字段为必填项" in zh["detail"]
    de = client.post("/api/v1/tenants", json=body, headers={"Accept-Language": "de"}).json()
    assert "Name und Land oder Region. body.name: Geben Sie höchstens" in de["detail"]
    assert ".;" not in de["detail"]
