"""TenantService.execute on SQLite and PostgreSQL: what it stores is what the engine decided.

Every row the store writes for a command (ledger entries, calls, notifications, the saved
state and its version) is compared with the engine's own decision, over commands that write
nothing, one row per table, or several (auto-recharge, expiry, refusals).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from helpsvc.credits import (
    AddFunds,
    AddUser,
    AdvanceClock,
    CallingPlan,
    CallKind,
    CallRated,
    CallRefused,
    ConfigureAutoRecharge,
    Decision,
    DomainError,
    Licenses,
    Money,
    NotificationQueued,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    TenantState,
    apply,
    load_sample_tariff,
)
from helpsvc.services.errors import IdempotencyConflict
from helpsvc.services.tenants import NewTenant, TenantService
from helpsvc.store.codec import encode
from helpsvc.store.engine import make_engine, upgrade
from helpsvc.store.records import TenantRecord
from helpsvc.store.schema import calls, ledger_entries, notifications
from helpsvc.store.unit_of_work import UnitOfWork


def usd(text: str) -> Money:
    return Money.parse(text, "USD")


def render(info: TenantRecord, event: NotificationQueued) -> tuple[str, str]:
    return f"{event.kind.value} for {info.name}", f"balance {event.balance.minor}"


def respond(_info: TenantRecord, outcome: Decision | DomainError) -> tuple[int, dict[str, Any]]:
    if isinstance(outcome, DomainError):
        return 409, {"code": outcome.code.value}
    return 201, {"events": [event.name for event in outcome.events]}


def call(user: str, seconds: int, charge: str | None = None, **kind: Any) -> PlaceCall:
    return PlaceCall(
        user,
        kind.get("kind", CallKind.USER_OUTBOUND_DOMESTIC),
        kind.get("destination", "US"),
        NumberType.GEOGRAPHIC,
        seconds,
        charge=usd(charge) if charge else None,
    )


COMMANDS = [
    AddUser("ada", licenses=Licenses(True, True, CallingPlan.DOMESTIC, True)),
    AddUser("bob"),  # no licenses: his calls are refused (a call row, no ledger entry)
    AddFunds(usd("10.00")),  # refused: no card yet (nothing written)
    SetPaymentCard("4242", 12, 2030),
    AddFunds(usd("10.00")),  # one ledger entry
    call("ada", 600),  # plan minutes: a call row, no ledger entry
    call("ada", 60, "0.50", kind=CallKind.USER_OUTBOUND_INTERNATIONAL, destination="GB"),
    call("bob", 60),
    ConfigureAutoRecharge(True, usd("5.00"), usd("20.00")),
    call("ada", 60, "6.00", kind=CallKind.USER_OUTBOUND_INTERNATIONAL, destination="GB"),
    ConfigureAutoRecharge(False),
    call("ada", 60, "40.00", kind=CallKind.USER_OUTBOUND_INTERNATIONAL, destination="GB"),
    call("ada", 60, "1.00", kind=CallKind.USER_OUTBOUND_INTERNATIONAL, destination="GB"),
    AddFunds(usd("50.00")),
    AdvanceClock(months=13),  # the lot expires
    call("ada", 60, "0.01", kind=CallKind.USER_OUTBOUND_INTERNATIONAL, destination="GB"),
]


@pytest.fixture
def store(database_url: str):
    engine = make_engine(database_url)
    upgrade(engine)
    try:
        yield TenantService(UnitOfWork(engine), load_sample_tariff(), render)
    finally:
        engine.dispose()


def new_tenant_id(store: TenantService) -> str:
    spec = NewTenant(
        name="Contoso",
        country="US",
        currency="USD",
        model="prepaid",
        language="en",
        admin_email=None,
        start=datetime(2026, 1, 10, 9, tzinfo=UTC),
    )
    answer = store.create(spec, present=lambda info, _state, _key: {"id": info.id})
    return answer.body["id"]


def run(store: TenantService, tenant_id: str, command: Any, key: str | None = None) -> Any:
    return store.execute(tenant_id, lambda _state: command, present=respond, idempotency_key=key)


def rows(store: TenantService, table: Any, tenant_id: str, order: Any) -> list[Any]:
    with store.uow.engine.connect() as connection:
        query = select(table).where(table.c.tenant_id == tenant_id).order_by(order)
        return list(connection.execute(query))


def test_every_row_stored_is_the_engines_decision(store: TenantService) -> None:
    tenant_id = new_tenant_id(store)
    state = store.load(tenant_id).state
    expected: TenantState = state
    events: list[Any] = []
    decided = 0
    for command in COMMANDS:
        answer = run(store, tenant_id, command)
        try:
            decision = apply(expected, command, store.tariff)
        except DomainError as refusal:
            assert (answer.status, answer.body) == (409, {"code": refusal.code.value})
            continue
        assert answer.status == 201, (command, answer)
        assert answer.body == {"events": [event.name for event in decision.events]}
        expected, decided = decision.state, decided + 1
        events += decision.events

    info, saved = store.load(tenant_id).record, store.load(tenant_id).state
    assert info.version == 1 + decided
    assert saved == dataclasses.replace(
        expected, ledger=expected.ledger.compacted(expected.currency)
    )

    entries = rows(store, ledger_entries, tenant_id, ledger_entries.c.seq)
    assert [
        (r.seq, r.type, r.amount_minor, r.balance_after_minor, r.lot_id, r.call_id, r.detail)
        for r in entries
    ] == [
        (e.seq, e.type.value, e.amount.minor, e.balance_after.minor, e.lot_id, e.call_id, e.detail)
        for e in expected.ledger
    ]
    assert [r.at.astimezone(UTC) if r.at.tzinfo else r.at.replace(tzinfo=UTC) for r in entries] == [
        e.at for e in expected.ledger
    ]
    assert {r.type for r in entries} >= {"purchase", "usage", "auto_recharge", "expiry"}

    stored_calls = rows(store, calls, tenant_id, calls.c.call_id)
    made = [e for e in events if isinstance(e, CallRated | CallRefused)]
    assert sorted((r.call_id, r.refused) for r in stored_calls) == sorted(
        (e.call_id, None if isinstance(e, CallRated) else e.reason.value) for e in made
    )
    assert any(r.refused for r in stored_calls)

    queued = [e for e in events if isinstance(e, NotificationQueued)]
    stored = rows(store, notifications, tenant_id, notifications.c.id)
    assert [(r.kind, json.loads(r.payload)) for r in stored] == [
        (e.kind.value, json.loads(json.dumps(encode(e)))) for e in queued
    ]
    assert [r.subject for r in stored] == [f"{e.kind.value} for Contoso" for e in queued]
    assert len({r.kind for r in stored}) >= 2


def test_idempotent_commands_are_answered_once(store: TenantService) -> None:
    tenant_id = new_tenant_id(store)
    run(store, tenant_id, SetPaymentCard("4242", 12, 2030))
    first = run(store, tenant_id, AddFunds(usd("5.00")), key="k1")
    again = run(store, tenant_id, AddFunds(usd("5.00")), key="k1")
    assert (first.replayed, again.replayed) == (False, True) and again.body == first.body
    with pytest.raises(IdempotencyConflict):
        run(store, tenant_id, AddFunds(usd("6.00")), key="k1")
    info, state = store.load(tenant_id).record, store.load(tenant_id).state
    assert info.version == 3 and state.balance == usd("5.00")
    assert len(rows(store, ledger_entries, tenant_id, ledger_entries.c.seq)) == 1
