"""Misses counted by one service process are listed by the next one."""

from __future__ import annotations


def test_misses_survive_a_restart_of_the_service(make_client, tmp_path, database_url):
    first = make_client(database_url=database_url)
    first.get("/f1/Gone_Keyword", headers={"Accept-Language": "zh-CN"})
    first.__exit__(None, None, None)  # shutdown flushes

    second = make_client(database_url=database_url)
    listed = second.get(
        "/api/v1/f1/misses", headers={"Authorization": "Bearer test-admin-token"}
    ).json()["misses"]
    assert [(m["keyword"], m["locale"], m["count"]) for m in listed] == [("gone_keyword", "zh", 1)]
