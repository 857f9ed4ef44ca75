"""Reloading the docs without a restart; a broken file keeps its last good version."""

from __future__ import annotations

AUTH = {"Authorization": "Bearer test-admin-token"}


def test_reload_needs_the_admin_token(client):
    assert client.post("/api/v1/admin/reload").status_code == 401
    wrong = client.post("/api/v1/admin/reload", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.headers["content-type"] == "application/problem+json"


def test_reload_is_off_without_a_configured_token(make_client):
    client = make_client(admin_token=None)
    off = client.post("/api/v1/admin/reload", headers=AUTH)
    assert off.status_code == 403 and off.json()["code"] == "admin_disabled"


def test_reload_swaps_in_new_content(make_client, docs_copy):
    client = make_client(docs_dir=docs_copy)
    assert client.get("/api/v1/f1/Brand_New_Key").status_code == 404
    page = docs_copy / "en/guides/auto-recharge.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "f1_keywords:\n", "f1_keywords:\n  - Brand_New_Key\n", 1
        ),
        encoding="utf-8",
    )
    response = client.post("/api/v1/admin/reload", headers=AUTH)
    assert response.status_code == 200
    assert response.json()["errors"] == []
    assert client.get("/api/v1/f1/Brand_New_Key").json()["page_id"] == "auto-recharge"


def test_broken_file_keeps_serving_its_last_good_version(make_client, docs_copy):
    client = make_client(docs_dir=docs_copy)
    page = docs_copy / "de/guides/add-funds.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("  - O365M_SFBVoiceCredit\n", "O365M_Broken\n"),
        encoding="utf-8",
    )
    body = client.post("/api/v1/admin/reload", headers=AUTH).json()
    assert body["kept"] == ["de/guides/add-funds.md"]
    assert client.get("/f1/O365E_SFBVoiceCredit?lang=de").headers["location"] == (
        "/de/guides/add-funds/"
    )
    health = client.get("/healthz").json()
    assert health["status"] == "degraded"
    [error] = health["content_errors"]
    assert error["path"] == "de/guides/add-funds.md"
    assert error["serving_last_good_version"] is True
    assert error["line"] > 1


def test_sighup_reloads_a_running_server(docs_copy, tmp_path):
    import os
    import signal
    import time

    import httpx

    from tests.live_server import LiveServer

    live = LiveServer({"HELPSVC_DOCS_DIR": str(docs_copy)}, tmp_path).start()
    try:
        assert httpx.get(live.base + "/api/v1/f1/Signal_Key").status_code == 404
        page = docs_copy / "en/guides/licensing.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "f1_keywords:\n", "f1_keywords:\n  - Signal_Key\n", 1
            ),
            encoding="utf-8",
        )
        os.kill(live.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 20
        status = 404
        while status != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
            status = httpx.get(live.base + "/api/v1/f1/Signal_Key").status_code
        assert status == 200
        assert live.process.poll() is None  # reloaded, not stopped
    finally:
        live.stop()
