"""Tenant-aware F1 lookups never hold up the rest of the service while they read a state.

The proof does not time anything: the store's read of a tenant's state is held on a
threading.Event (a SQLAlchemy hook on the app's real engine, in the real call path), and
while it is held, other requests to the same app must complete. A safety timeout only keeps
a regression from hanging the test run.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import event

from helpsvc.api.f1 import F1_CONTEXT_THREADS
from tests.api.tenant_helpers import Tenant

KEYWORD = "O365E_SFBVoiceCredit"
GUARD_SECONDS = 60  # only against a hang; the assertions are about order, not speed
# More blocked lookups than the shared thread pool has threads (anyio's default: 40).
BURST = 48


class HeldStateReads:
    """Holds every SELECT of a tenant's state until released, and counts the held ones."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.held = 0
        self.first_held = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and "tenants.state" in statement:
            with self._lock:
                self.held += 1
            self.first_held.set()
            self.release.wait(GUARD_SECONDS)


@pytest.fixture
def app_and_tenant(client) -> Iterator[tuple[object, Tenant, HeldStateReads]]:
    tenant = Tenant(client)
    engine = client.app.state.services.f1.uow.engine
    held = HeldStateReads()
    event.listen(engine, "before_cursor_execute", held)
    try:
        yield client.app, tenant, held
    finally:
        held.release.set()
        event.remove(engine, "before_cursor_execute", held)


async def _while_state_reads_are_held(app, tenant: Tenant, held: HeldStateReads) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://helpsvc.test") as http:
        lookups = [
            asyncio.create_task(http.get(f"/f1/{KEYWORD}", headers=tenant.headers)),
            asyncio.create_task(http.get(f"/api/v1/f1/{KEYWORD}", headers=tenant.headers)),
        ]
        lookups += [
            asyncio.create_task(http.get(f"/f1/{KEYWORD}", headers=tenant.headers))
            for _ in range(BURST)
        ]
        assert await asyncio.to_thread(held.first_held.wait, GUARD_SECONDS)

        # The loop is free: a liveness check (a sync route, so it needs a pool thread too)
        # and an anonymous lookup both answer while the tenant's reads are held.
        health = await asyncio.wait_for(http.get("/healthz"), GUARD_SECONDS)
        anonymous = await asyncio.wait_for(http.get(f"/f1/{KEYWORD}"), GUARD_SECONDS)
        assert health.status_code == 200
        assert anonymous.status_code == 302
        assert not any(task.done() for task in lookups)  # still held, not failed
        assert held.held <= F1_CONTEXT_THREADS  # the rest queue for the F1 threads

        held.release.set()
        answers = await asyncio.wait_for(asyncio.gather(*lookups), GUARD_SECONDS)
    assert answers[1].status_code == 200 and answers[1].json()["tenant"]["id"] == tenant.id
    assert {a.status_code for a in answers[:1] + answers[2:]} == {302}
    assert all(a.headers["cache-control"] == "private, no-store" for a in answers[:1])


def test_other_requests_complete_while_tenant_lookups_are_held_in_the_store(
    app_and_tenant,
) -> None:
    app, tenant, held = app_and_tenant
    asyncio.run(_while_state_reads_are_held(app, tenant, held))
