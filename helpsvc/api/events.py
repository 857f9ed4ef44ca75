"""Engine events as the API writes them: its own JSON, independent of how the store saves.

Money is ``{"minor": 156, "currency": "USD"}``, times ISO 8601, enums their value, time
spans seconds; an event's fields in declaration order under its ``type``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from helpsvc.credits import Decision, Event, Money


def to_json(value: Any) -> Any:
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    return value


def event_json(event: Event) -> dict[str, Any]:
    return {"type": event.name, **to_json(event)}


def events_json(decision: Decision) -> list[dict[str, Any]]:
    return [event_json(event) for event in decision.events]
