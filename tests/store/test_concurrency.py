"""Concurrent debits and a hard crash, against the real server on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import httpx
import pytest

from helpsvc.credits import (
    AddFunds,
    AddUser,
    CallingPlan,
    CallKind,
    ConfigureAutoRecharge,
    Licenses,
    Money,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    apply,
    load_sample_tariff,
    new_tenant,
)
from tests.live_server import LiveServer

CLIENTS = 8
DEBITS = 200
CHARGE = "0.50"
ADA = {
    "audio_conferencing": True,
    "phone_system": True,
    "calling_plan": "domestic",
    "communications_credits": True,
}


@pytest.fixture
def servers(database_url, tmp_path):
    """Two service processes sharing one database, as in a deployment with two workers."""
    lives = [LiveServer({"HELPSVC_DATABASE_URL": database_url}, tmp_path) for _ in range(2)]
    try:
        for live in lives:  # both start at once, migrating one database, as workers do
            live.launch()
        for live in lives:
            live.wait_ready()
        yield lives
    finally:
        for live in lives:
            live.stop()


def make_tenant(base: str) -> tuple[str, dict[str, str]]:
    created = httpx.post(
        base + "/api/v1/tenants",
        json={"name": "Load", "country": "US", "currency": "USD", "start": "2026-01-10T09:00:00Z"},
    ).json()
    tenant_id, headers = created["tenant"]["id"], {"Authorization": f"Bearer {created['api_key']}"}
    url = f"{base}/api/v1/tenants/{tenant_id}"
    for method, path, body in (
        ("post", "/users", {"user_id": "ada", "licenses": ADA}),
        ("put", "/payment-card", {"last4": "4242", "exp_month": 12, "exp_year": 2030}),
        ("post", "/funds", {"amount": "20.00"}),
        (
            "put",
            "/auto-recharge",
            {"enabled": True, "trigger_amount": "10.00", "recharge_amount": "30.00"},
        ),
    ):
        response = httpx.request(method, url + path, json=body, headers=headers)
        assert response.status_code in (200, 201), response.text
    return url, headers


def expected_after(debits: int) -> tuple[str, int]:
    """The same history through the pure engine, one debit after the other."""
    tariff = load_sample_tariff()
    usd = lambda text: Money.parse(text, "USD")  # noqa: E731
    state = new_tenant("t", "USD", "US", datetime(2026, 1, 10, 9, tzinfo=UTC))
    setup = [
        AddUser("ada", licenses=Licenses(True, True, CallingPlan.DOMESTIC, True)),
        SetPaymentCard("4242", 12, 2030),
        AddFunds(usd("20.00")),
        ConfigureAutoRecharge(True, usd("10.00"), usd("30.00")),
    ]
    for command in setup:
        state = apply(state, command, tariff).state
    call = PlaceCall(
        "ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.MOBILE, 60, charge=usd(CHARGE)
    )
    recharges = 0
    for _ in range(debits):
        decision = apply(state, call, tariff)
        recharges += sum(1 for e in decision.events if e.name == "auto_recharge_succeeded")
        state = decision.state
    return state.balance.format(), recharges


def test_concurrent_debits_lose_nothing_and_recharge_once_per_crossing(servers):
    url, headers = make_tenant(servers[0].base)
    urls = [url.replace(servers[0].base, live.base) for live in servers]
    body = {
        "user_id": "ada",
        "kind": "user_outbound_international",
        "destination": "GB",
        "number_type": "mobile",
        "duration_seconds": 60,
        "charge": CHARGE,
    }

    def debit(n: int) -> int:
        with httpx.Client(timeout=60) as client:
            # Half of the debits go to each process: the lock must hold across processes.
            return client.post(urls[n % 2] + "/calls", json=body, headers=headers).status_code

    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = list(pool.map(debit, range(DEBITS)))
    assert statuses == [201] * DEBITS

    balance, recharges = expected_after(DEBITS)
    state = httpx.get(url, headers=headers).json()
    assert state["balance"] == balance
    entries = httpx.get(url + "/ledger", params={"limit": 500}, headers=headers).json()["entries"]
    assert sum(1 for e in entries if e["type"] == "auto_recharge") == recharges > 0
    assert sum(1 for e in entries if e["type"] == "usage") >= DEBITS
    total = sum(int(e["amount"].replace(".", "")) for e in entries)
    assert f"{total / 100:.2f}" == balance == entries[-1]["balance_after"]
    outbox = httpx.get(url + "/notifications", headers=headers).json()["notifications"]
    assert sum(1 for n in outbox if n["kind"] == "recharge_succeeded") == recharges


def test_hard_kill_keeps_every_acknowledged_write(database_url, tmp_path):
    live = LiveServer({"HELPSVC_DATABASE_URL": database_url}, tmp_path).start()
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    try:
        url, headers = make_tenant(live.base)

        def load(worker: int) -> None:
            with httpx.Client(timeout=10) as client:
                for n in range(2000):
                    if stop.is_set():
                        return
                    try:
                        response = client.post(
                            url + "/funds",
                            json={"amount": "1.00"},
                            headers={**headers, "Idempotency-Key": f"w{worker}-{n}"},
                        )
                    except httpx.HTTPError:
                        return  # the server is gone
                    if response.status_code == 201:
                        lot = response.json()["tenant"]["lots"][-1]["id"]
                        with lock:
                            acknowledged.append(lot)

        threads = [threading.Thread(target=load, args=(w,)) for w in range(CLIENTS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        live.kill()  # SIGKILL in the middle of the load
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
    finally:
        live.stop()
    assert len(acknowledged) >= 60

    restarted = LiveServer({"HELPSVC_DATABASE_URL": database_url}, tmp_path).start()
    try:
        state = httpx.get(url.replace(live.base, restarted.base), headers=headers).json()
        entries = httpx.get(
            url.replace(live.base, restarted.base) + "/ledger",
            params={"limit": 500, "type": "purchase"},
            headers=headers,
        ).json()["entries"]
        all_entries = []
        after = 0
        while True:
            page = httpx.get(
                url.replace(live.base, restarted.base) + "/ledger",
                params={"limit": 500, "after": after},
                headers=headers,
            ).json()
            all_entries += page["entries"]
            if page["next_after"] is None:
                break
            after = page["next_after"]
    finally:
        restarted.stop()
    lots = {lot["id"] for lot in state["lots"]}
    purchased = {e["lot_id"] for e in entries}
    assert set(acknowledged) <= lots
    assert set(acknowledged) <= purchased
    total = sum(
        int(e["amount"].replace(".", "").replace("-", ""))
        * (-1 if e["amount"].startswith("-") else 1)
        for e in all_entries
    )
    assert f"{total / 100:.2f}" == state["balance"] == all_entries[-1]["balance_after"]
    assert [e["seq"] for e in all_entries] == list(range(1, len(all_entries) + 1))
