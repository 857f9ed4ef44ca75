"""Tenant state to JSON and back, driven by the dataclasses' own type hints.

The store keeps one JSON document per tenant (everything but the ledger's history, which
lives in its own table). Decoding follows the field types, so a new field with a default
in the core needs no change here, and old documents without it still load.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

from helpsvc.credits import Money, TenantState
from helpsvc.credits.ledger import Ledger


def _encode(value: Any) -> Any:
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency}
    if isinstance(value, Ledger):
        return {"base_seq": value.base_seq, "base_balance": _encode(value.base_balance)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(options[0], raw)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(_decode(item, v) for v in raw)
    if kind is Money:
        return Money(int(raw["minor"]), raw["currency"])
    if kind is Ledger:
        return Ledger((), int(raw["base_seq"]), _decode(Money, raw["base_balance"]))
    if kind is datetime:
        return datetime.fromisoformat(raw)
    if kind is timedelta:
        return timedelta(seconds=raw)
    if kind is Decimal:
        return Decimal(raw)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(raw)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(
            **{
                f.name: _decode(hints[f.name], raw[f.name])
                for f in dataclasses.fields(kind)
                if f.init and f.name in raw
            }
        )
    return raw


def dump_state(state: TenantState) -> str:
    """JSON of the state; the ledger is written as its count and closing balance only."""
    compact = dataclasses.replace(state, ledger=state.ledger.compacted(state.currency))
    return json.dumps(_encode(compact), separators=(",", ":"), sort_keys=True)


def load_state(text: str) -> TenantState:
    return _decode(TenantState, json.loads(text))


def encode(value: Any) -> Any:
    """JSON-ready form of any core value (events for API answers, for example)."""
    return _encode(value)
