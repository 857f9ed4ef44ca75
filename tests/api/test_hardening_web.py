"""Hardening of the web side: security headers, cookies, the "try it" start page, the miss
list behind the admin token, and per-client rate limits (issue 11, items 9 to 11)."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from helpsvc.api import create_app
from helpsvc.settings import Settings
from helpsvc.store.engine import make_engine, upgrade
from helpsvc.store.misses import MissCounter
from tests.api.tenant_helpers import Tenant

ADMIN = {"Authorization": "Bearer test-admin-token"}
HTML = {"Accept": "text/html"}
TENANT = {"name": "Contoso", "country": "US", "currency": "USD"}


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def tenant_count(client: TestClient) -> int:
    with client.app.state.services.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM tenants")).scalar_one()


def other_client(client: TestClient, address: str) -> TestClient:
    """A second browser or script, from another address, on the same running app."""
    return TestClient(client.app, client=(address, 50000), follow_redirects=False)


# -- security headers (item 9) ------------------------------------------------------------


def test_every_page_the_service_renders_forbids_scripts_and_framing(client):
    start = client.get("/try/set-up?lang=de")
    client.post("/try/set-up?lang=de", data={"csrf": csrf_of(start.text)})
    pages = [
        "/search?q=Guthaben&lang=de",
        "/f1/No_Such_Keyword",
        "/signin?lang=en",
        "/try/add-funds?lang=zh&model=nce",
        "/guide/set-up?lang=de",
        "/sandbox?lang=de",
        "/simulate?lang=de",
        "/api/v1/f1/O365E_SFBVoiceCredit",
    ]
    for path in pages:
        response = client.get(path, headers=HTML)
        assert response.status_code in {200, 404}, path
        policy = response.headers["content-security-policy"]
        assert "script-src" not in policy and "default-src 'none'" in policy, path
        assert "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy, path
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["referrer-policy"] == "same-origin", path


def test_only_the_simulation_report_may_use_inline_styles_for_its_charts(client):
    report = client.get("/simulate?lang=en").headers["content-security-policy"]
    assert "style-src 'self' 'unsafe-inline'" in report and "script-src" not in report
    search = client.get("/search?q=credits").headers["content-security-policy"]
    assert "'unsafe-inline'" not in search


def test_the_guide_site_has_its_own_policy_that_keeps_it_working_and_unframed(
    make_client, built_site
):
    client = make_client(site_dir=built_site)
    for path in ("/", "/de/guides/add-funds/", "/no/such/page/"):
        response = client.get(path)
        policy = response.headers["content-security-policy"]
        # Material's inline scripts run; nothing else loads from anywhere but this origin.
        assert "script-src 'self' 'unsafe-inline'" in policy, path
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert "http" not in policy, path
        assert response.headers["x-content-type-options"] == "nosniff", path


def test_the_api_explorer_can_load_swagger_ui_from_its_cdn(client):
    policy = client.get("/api/docs").headers["content-security-policy"]
    assert "script-src 'unsafe-inline' https://cdn.jsdelivr.net" in policy
    assert "frame-ancestors 'none'" in policy


# -- cookies (item 9) ---------------------------------------------------------------------


def test_form_and_session_cookies_are_secure_over_https_only(make_client):
    plain = make_client()
    assert "secure" not in plain.get("/signin").headers["set-cookie"].lower()
    https = TestClient(plain.app, base_url="https://testserver", follow_redirects=False)
    signin_cookie = https.get("/signin").headers["set-cookie"]
    assert "helpsvc_signin_csrf=" in signin_cookie and "Secure" in signin_cookie
    start = https.get("/try/set-up?lang=en")
    assert "helpsvc_try_csrf=" in start.headers["set-cookie"]
    assert "Secure" in start.headers["set-cookie"]
    session = https.post("/try/set-up?lang=en", data={"csrf": csrf_of(start.text)})
    assert "helpsvc_session=" in session.headers["set-cookie"]
    assert "Secure" in session.headers["set-cookie"]


def test_behind_a_tls_proxy_cookies_are_secure_even_over_plain_http(make_client):
    client = make_client(behind_tls=True)
    assert "Secure" in client.get("/signin").headers["set-cookie"]


# -- starting a sandbox (item 9) ----------------------------------------------------------


def test_following_a_try_link_creates_nothing_and_shows_a_start_button(client):
    before = tenant_count(client)
    for lang, title in (("en", "Try it in a sandbox"), ("de", "In einer Sandbox"), ("zh", "沙盒")):
        page = client.get(f"/try/set-up?lang={lang}")
        assert page.status_code == 200 and title in page.text
        assert "helpsvc_session" not in page.headers["set-cookie"]
        assert 'method="post"' in page.text and csrf_of(page.text)
    assert tenant_count(client) == before


def test_a_sandbox_start_without_the_page_token_is_refused_and_creates_nothing(client):
    page = client.get("/try/add-funds?lang=de")
    before = tenant_count(client)
    forged = client.post("/try/add-funds?lang=de", data={"csrf": "from-another-site"})
    assert forged.status_code == 403 and "helpsvc_session" not in forged.headers.get(
        "set-cookie", ""
    )
    assert "Das Formular ist abgelaufen" in forged.text
    cross_site = other_client(client, "203.0.113.9")  # no cookie from the page
    assert cross_site.post("/try/add-funds", data={"csrf": csrf_of(page.text)}).status_code == 403
    assert tenant_count(client) == before


def test_a_start_form_sent_twice_makes_one_sandbox(client):
    page = client.get("/try/set-up?lang=en")
    first = client.post("/try/set-up?lang=en", data={"csrf": csrf_of(page.text)})
    count = tenant_count(client)
    again = client.post("/try/set-up?lang=en", data={"csrf": csrf_of(page.text)})
    assert first.status_code == again.status_code == 303
    assert again.headers["location"] == "/guide/set-up?lang=en"
    assert tenant_count(client) == count


def test_a_signed_in_browser_is_told_that_a_new_sandbox_replaces_its_organization(client):
    page = client.get("/try/set-up?lang=de")
    client.post("/try/set-up?lang=de", data={"csrf": csrf_of(page.text)})
    # The same model: straight to the walkthrough; NCE asks first, and says what happens.
    assert client.get("/try/add-funds?lang=de").status_code == 303
    nce = client.get("/try/switch-to-nce?lang=de&model=nce")
    assert nce.status_code == 200 and "stattdessen bei der neuen Sandbox" in nce.text
    assert "NCE-Abrechnung nach Nutzung" in nce.text


# -- the miss list (item 10) --------------------------------------------------------------


def test_the_miss_list_needs_the_admin_token(client):
    client.get("/f1/Some_Missing_Keyword")
    anonymous = client.get("/api/v1/f1/misses")
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"] == "application/problem+json"
    assert anonymous.headers["www-authenticate"] == "Bearer"
    wrong = client.get("/api/v1/f1/misses", headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and "some_missing_keyword" not in wrong.text
    listed = client.get("/api/v1/f1/misses", headers=ADMIN).json()
    assert [m["keyword"] for m in listed["misses"]] == ["some_missing_keyword"]


def test_without_an_admin_token_the_miss_list_is_off_and_says_how_to_turn_it_on(make_client):
    client = make_client(admin_token=None)
    off = client.get("/api/v1/f1/misses", headers={**ADMIN, "Accept-Language": "de"})
    assert off.status_code == 403 and off.json()["code"] == "admin_disabled"
    assert "HELPSVC_ADMIN_TOKEN" in off.json()["detail"] and "deaktiviert" in off.json()["detail"]


def test_random_keywords_beyond_the_cap_are_counted_as_other_not_listed(make_client):
    client = make_client(miss_max_keywords=3)
    for _ in range(5):
        client.get("/f1/Often_Missed")
    for n in range(20):
        client.get(f"/f1/random_{n}")
    listed = client.get("/api/v1/f1/misses?limit=10", headers=ADMIN).json()
    assert len(listed["misses"]) == 3
    assert listed["misses"][0]["keyword"] == "often_missed" and listed["misses"][0]["count"] == 5
    assert listed["other"] == 18
    assert sum(m["count"] for m in listed["misses"]) + listed["other"] == 25


def test_the_cap_holds_across_flushes_and_restarts(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    counter = MissCounter(engine, max_keywords=2)
    counter.record("first", "en")
    counter.flush()
    counter.record("second", "de")
    counter.record("first", "en")
    counter.stop()
    restarted = MissCounter(engine, max_keywords=2)
    restarted.record("third", "zh")
    restarted.record("third", "zh")
    restarted.record("second", "de")
    listing = restarted.listing(10)
    assert [(m.keyword, m.count) for m in listing.misses] == [("first", 2), ("second", 2)]
    assert listing.other == 2
    engine.dispose()


def test_the_most_frequent_misses_are_read_through_an_index(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    top = 'SELECT keyword FROM f1_misses ORDER BY "count" DESC, keyword, locale LIMIT 10'
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            plan = " ".join(
                str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {top}")
            )
            assert "f1_misses_by_count" in plan and "TEMP B-TREE" not in plan
        else:
            # A tiny table is scanned anyway; with scans priced out the planner shows the
            # index it would use on a big one.
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {top}"))
            assert "f1_misses_by_count" in plan and "Sort" not in plan
    engine.dispose()


# -- rate limits (item 11) ----------------------------------------------------------------


def test_anonymous_tenant_creation_past_the_limit_gets_429_with_retry_after(make_client):
    client = make_client(rate_limit_tenant_creation="2/minute")
    for _ in range(2):
        assert client.post("/api/v1/tenants", json=TENANT).status_code == 201
    limited = client.post("/api/v1/tenants", json=TENANT, headers={"Accept-Language": "de"})
    assert limited.status_code == 429
    assert limited.headers["content-type"] == "application/problem+json"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    body = limited.json()
    assert body["code"] == "rate_limited" and body["title"] == "Zu viele Anfragen"
    assert f"in {limited.headers['retry-after']} Sekunden" in body["detail"]
    zh = client.post("/api/v1/tenants", json=TENANT, headers={"Accept-Language": "zh"}).json()
    assert zh["title"] == "请求过多"
    # Counted per client: another address still creates.
    elsewhere = other_client(client, "198.51.100.20")
    assert elsewhere.post("/api/v1/tenants", json=TENANT).status_code == 201


def test_wrong_api_keys_count_against_the_caller_until_even_the_right_key_waits(make_client):
    client = make_client(rate_limit_key_failures="3/minute")
    tenant = Tenant(client)
    url = f"/api/v1/tenants/{tenant.id}"
    for n in range(3):
        guess = client.get(url, headers={"Authorization": f"Bearer hsk_guess_{n}"})
        assert guess.status_code == 401
    blocked = client.get(url, headers={"Authorization": f"Bearer {tenant.key}"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    owner = other_client(client, "198.51.100.30")
    assert owner.get(url, headers={"Authorization": f"Bearer {tenant.key}"}).status_code == 200


def test_sign_in_attempts_are_limited_and_a_browser_gets_a_page(make_client):
    client = make_client(rate_limit_sign_in="2/minute")
    token = csrf_of(client.get("/signin?lang=de").text)
    for _ in range(2):
        wrong = client.post("/signin?lang=de", data={"csrf": token, "api_key": "hsk_x"})
        assert wrong.status_code == 401
    page = client.post("/signin?lang=de", data={"csrf": token, "api_key": "hsk_x"}, headers=HTML)
    assert page.status_code == 429 and "Zu viele Anfragen" in page.text
    assert page.headers["content-type"].startswith("text/html") and page.headers["retry-after"]
    script = client.post("/signin?lang=de", data={"csrf": token, "api_key": "hsk_x"})
    assert script.status_code == 429 and script.json()["code"] == "rate_limited"


def test_wrong_sign_in_keys_count_as_key_failures(make_client):
    client = make_client(rate_limit_key_failures="2/minute")
    tenant = Tenant(client)
    token = csrf_of(client.get("/signin").text)
    for _ in range(2):
        client.post("/signin", data={"csrf": token, "api_key": "hsk_wrong"})
    right = client.post("/signin", data={"csrf": token, "api_key": tenant.key})
    assert right.status_code == 429


def test_starting_sandboxes_is_limited_per_client(make_client):
    client = make_client(rate_limit_sandbox="1/minute")
    page = client.get("/try/set-up?lang=en")
    assert client.post("/try/set-up?lang=en", data={"csrf": csrf_of(page.text)}).status_code == 303
    nce = client.get("/try/switch-to-nce?lang=en&model=nce")
    before = tenant_count(client)
    limited = client.post(
        "/try/switch-to-nce?lang=en&model=nce", data={"csrf": csrf_of(nce.text)}, headers=HTML
    )
    assert limited.status_code == 429 and "Try again in" in limited.text
    assert tenant_count(client) == before


def test_admin_routes_are_limited_and_wrong_admin_tokens_count(make_client):
    client = make_client(rate_limit_admin="3/minute", rate_limit_key_failures="1/minute")
    assert (
        client.get("/api/v1/f1/misses", headers={"Authorization": "Bearer no"}).status_code == 401
    )
    # One wrong token was allowed; now even the right one waits.
    assert client.get("/api/v1/f1/misses", headers=ADMIN).status_code == 429
    client.get("/api/v1/f1/misses", headers=ADMIN)
    past = client.get("/api/v1/f1/misses", headers=ADMIN)
    assert past.status_code == 429 and past.headers["retry-after"]


def test_a_limit_setting_that_cannot_be_read_names_the_setting(tmp_path):
    settings = Settings(data_dir=tmp_path, site_dir=tmp_path, rate_limit_sign_in="lots")
    with pytest.raises(ValueError, match="HELPSVC_RATE_LIMIT_SIGN_IN"):
        create_app(settings)


@pytest.fixture
def redis_url() -> str:
    import redis

    url = "redis://127.0.0.1:6379"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis at {url} is not reachable: {exc}")
    return url


def test_processes_sharing_redis_share_one_limit(make_client, redis_url):
    first = make_client(rate_limit_storage=redis_url, rate_limit_tenant_creation="2/minute")
    second = make_client(rate_limit_storage=redis_url, rate_limit_tenant_creation="2/minute")
    # A fresh address per run: the counters in Redis outlive the test.
    address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    one, two = other_client(first, address), other_client(second, address)
    assert one.post("/api/v1/tenants", json=TENANT).status_code == 201
    assert two.post("/api/v1/tenants", json=TENANT).status_code == 201
    limited = one.post("/api/v1/tenants", json=TENANT)
    assert limited.status_code == 429 and limited.headers["retry-after"]


def test_a_browser_signed_in_with_an_api_key_can_sign_out_from_the_dashboard(client):
    tenant = Tenant(client)
    form = client.get("/signin?lang=en")
    client.post("/signin?lang=en", data={"csrf": csrf_of(form.text), "api_key": tenant.key})
    board = client.get(f"/tenants/{tenant.id}?lang=en")
    assert 'action="/signout?lang=en"' in board.text
    out = client.post("/signout?lang=en", data={"csrf": csrf_of(board.text)})
    assert out.status_code == 303 and 'helpsvc_session=""' in out.headers["set-cookie"]
    assert client.get(f"/tenants/{tenant.id}?lang=en").status_code == 303  # to sign-in


def test_f1_answers_stop_telling_a_key_guesser_which_key_is_right(make_client):
    client = make_client(rate_limit_key_failures="2/minute")
    tenant = Tenant(client)
    page = "/api/v1/f1/O365E_SFBVoiceCredit"
    assert client.get(page, headers=tenant.headers).json()["tenant"] is not None
    for n in range(2):
        guess = client.get(page, headers={"Authorization": f"Bearer hsk_guess_{n}"})
        assert guess.status_code == 200 and guess.json()["tenant"] is None
    # Past the limit the right key gets the public answer too: no oracle, F1 still answers.
    assert client.get(page, headers=tenant.headers).json()["tenant"] is None
