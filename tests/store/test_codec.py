"""The state codec: rich states round-trip, and the JSON is the format stored so far.

The codec compiles an encoder and a decoder per type; ``reference_encode`` and
``reference_decode`` below are the plain recursive walk it replaced, kept here as the
definition of the stored format: documents written either way must be the same text and
load to the same state.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest

from helpsvc.credits import (
    AddFunds,
    AddUser,
    Adjustment,
    AdvanceClock,
    CallingPlan,
    CallKind,
    Command,
    ConfigureAutoRecharge,
    Event,
    Licenses,
    Money,
    NumberType,
    PlaceCall,
    SetPaymentCard,
    SwitchToNce,
    TenantState,
    apply,
    load_sample_tariff,
    new_tenant,
)
from helpsvc.credits.ledger import Ledger
from helpsvc.store.codec import dump_state, encode, load_state

START = datetime(2026, 1, 10, 9, tzinfo=UTC)


def usd(text: str) -> Money:
    return Money.parse(text, "USD")


def drive(state: TenantState, *commands: Command) -> tuple[list[TenantState], list[Event]]:
    tariff = load_sample_tariff()
    states, events = [state], []
    for command in commands:
        decision = apply(state, command, tariff)
        state = decision.state
        states.append(state)
        events.extend(decision.events)
    return states, events


def prepaid_history() -> tuple[list[TenantState], list[Event]]:
    """Users of every license kind, lots (expired and settling debt), pools, a card,
    auto-recharge, adjustments and a debt."""
    return drive(
        new_tenant("prepaid", "USD", "US", START),
        AddUser("ada", licenses=Licenses(True, True, CallingPlan.DOMESTIC, True)),
        AddUser(
            "bob", country="GB", licenses=Licenses(False, True, CallingPlan.INTERNATIONAL, True)
        ),
        AddUser("cy", licenses=Licenses(True, True, CallingPlan.PAY_AS_YOU_GO, True)),
        AddUser("dee"),
        SetPaymentCard("4242", 12, 2030),
        AddFunds(usd("25.00")),
        AddFunds(usd("10.00")),
        ConfigureAutoRecharge(True, usd("5.00"), usd("20.00")),
        PlaceCall("ada", CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.GEOGRAPHIC, 600),
        PlaceCall("bob", CallKind.USER_OUTBOUND_INTERNATIONAL, "US", NumberType.MOBILE, 900),
        PlaceCall("cy", CallKind.PAYG_OUTBOUND, "DE", NumberType.MOBILE, 300),
        PlaceCall("ada", CallKind.TOLL_FREE_DIAL_IN, "US", NumberType.MOBILE, 1200),
        PlaceCall("ada", CallKind.CONFERENCE_DIAL_OUT, "GB", NumberType.GEOGRAPHIC, 240),
        PlaceCall("dee", CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.GEOGRAPHIC, 60),
        PlaceCall(
            "ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.MOBILE, 60, usd("30.00")
        ),
        Adjustment(usd("3.00"), "goodwill"),
        Adjustment(usd("-1.00"), "fix"),
        ConfigureAutoRecharge(False),
        PlaceCall(
            "ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.MOBILE, 60, usd("500.00")
        ),
        AdvanceClock(by=timedelta(days=40)),
        AdvanceClock(months=13),
        PlaceCall("ada", CallKind.USER_OUTBOUND_DOMESTIC, "US", NumberType.GEOGRAPHIC, 600),
        PlaceCall("bob", CallKind.USER_OUTBOUND_INTERNATIONAL, "US", NumberType.MOBILE, 900),
        AddFunds(usd("100.00")),
    )


def nce_history() -> tuple[list[TenantState], list[Event]]:
    """An NCE tenant with overage billed over several closed periods (invoices)."""
    return drive(
        new_tenant("nce", "USD", "US", START),
        AddUser("ada", licenses=Licenses(True, True, CallingPlan.INTERNATIONAL, True)),
        SetPaymentCard("4242", 12, 2030),
        AddFunds(usd("5.00")),
        SwitchToNce(),
        PlaceCall(
            "ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC, 60, usd("8")
        ),
        PlaceCall("ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "GB", NumberType.MOBILE, 3600),
        AdvanceClock(months=1),
        PlaceCall(
            "ada", CallKind.USER_OUTBOUND_INTERNATIONAL, "DE", NumberType.GEOGRAPHIC, 60, usd("2")
        ),
        AdvanceClock(months=2),
    )


PREPAID, PREPAID_EVENTS = prepaid_history()
NCE, NCE_EVENTS = nce_history()
OTHERS = [
    new_tenant("jpy", "JPY", "JP", datetime(2026, 3, 31, 23, 59, 59, 123456, tzinfo=UTC)),
    new_tenant("kwd", "KWD", "KW", START, model="nce"),
]
STATES = [*PREPAID, *NCE, *OTHERS]


def compacted(state: TenantState) -> TenantState:
    return dataclasses.replace(state, ledger=state.ledger.compacted(state.currency))


def test_the_histories_cover_the_whole_state() -> None:
    rich, nce = PREPAID[-1], NCE[-1]
    assert len(rich.users) == 4 and {u.licenses.calling_plan for u in rich.users} == {
        CallingPlan.DOMESTIC,
        CallingPlan.INTERNATIONAL,
        CallingPlan.PAY_AS_YOU_GO,
        None,
    }
    assert rich.debt.is_positive and rich.card is not None and rich.pools.used
    assert any(lot.expired for lot in rich.lots) and any(lot.debt_settled for lot in rich.lots)
    assert any(s.auto_recharge.enabled for s in PREPAID) and len(rich.ledger) > 10
    assert nce.nce is not None and len(nce.invoices) >= 2


@pytest.mark.parametrize("state", STATES, ids=lambda s: f"{s.tenant_id}@{s.counters}")
def test_round_trip_gives_the_compacted_state(state: TenantState) -> None:
    text = dump_state(state)
    assert load_state(text) == compacted(state)
    assert dump_state(load_state(text)) == text


@pytest.mark.parametrize("state", STATES, ids=lambda s: f"{s.tenant_id}@{s.counters}")
def test_the_document_is_the_format_stored_so_far(state: TenantState) -> None:
    text = dump_state(state)
    reference = json.dumps(
        reference_encode(compacted(state)), separators=(",", ":"), sort_keys=True
    )
    assert text == reference
    assert load_state(reference) == reference_decode(TenantState, json.loads(reference))


def test_older_documents_still_load() -> None:
    # A field the document lacks takes its default; a key the state no longer has is ignored.
    document = json.loads(dump_state(PREPAID[-1]))
    del document["counters"]["invoice"]
    del document["users"][0]["licenses"]
    document["lots"][0]["retired_field"] = 1
    state = load_state(json.dumps(document))
    assert state.counters.invoice == 1 and state.users[0].licenses == Licenses()
    assert state.lots == PREPAID[-1].lots


def test_encode_is_the_plain_walk_in_declaration_order() -> None:
    values: list[Any] = [*PREPAID_EVENTS, *NCE_EVENTS, *STATES, PlaceCall, Decimal("1.50")]
    values += [(1, "a", None), [timedelta(seconds=90)], {"kept": usd("1")}, CallKind.PAYG_OUTBOUND]
    for value in values:
        # Text, not only equality: the keys' order is the API answers' order.
        got, want = encode(value), reference_encode(value)
        assert json.dumps(got, default=repr) == json.dumps(want, default=repr), value


# -- the format, as the plain recursive walk wrote and read it --------------------------------


def reference_encode(value: Any) -> Any:
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency}
    if isinstance(value, Ledger):
        return {"base_seq": value.base_seq, "base_balance": reference_encode(value.base_balance)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value):
        return {f.name: reference_encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [reference_encode(v) for v in value]
    return value


def reference_decode(kind: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return reference_decode(options[0], raw)
    if origin is tuple:
        return tuple(reference_decode(typing.get_args(kind)[0], v) for v in raw)
    if kind is Money:
        return Money(int(raw["minor"]), raw["currency"])
    if kind is Ledger:
        return Ledger((), int(raw["base_seq"]), reference_decode(Money, raw["base_balance"]))
    if kind is datetime:
        return datetime.fromisoformat(raw)
    if kind is timedelta:
        return timedelta(seconds=raw)
    if kind is Decimal:
        return Decimal(raw)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(raw)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(
            **{
                f.name: reference_decode(hints[f.name], raw[f.name])
                for f in dataclasses.fields(kind)
                if f.init and f.name in raw
            }
        )
    return raw
