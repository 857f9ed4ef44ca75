"""Tenant state to JSON and back, driven by the dataclasses' own type hints.

The store keeps one JSON document per tenant (everything but the ledger's history, which
lives in its own table). Decoding follows the field types, so a new field with a default
in the core needs no change here, and old documents without it still load.

Both directions are compiled once per type and cached, so a load or a dump is a straight
walk over the value: type hints, unions, tuples, enums and dataclass fields are resolved
when a type is first seen, never per value.

* Encoding follows the runtime type of each value (``encode`` takes any core value, events
  for API answers for example): one encoder per concrete type, chosen in this order: Money,
  Ledger (its count and closing balance only), Enum (its value), datetime (ISO 8601),
  timedelta (seconds), Decimal (text), dataclass (its fields, in declaration order), tuple
  and list (a list), anything else as it is.
* Decoding follows the declared type: one decoder per type hint; ``None`` stays ``None``,
  ``X | None`` decodes as ``X``, ``tuple[X, ...]`` item by item, a dataclass from the keys it
  finds (a missing key takes the field's default, an unknown key is ignored).
"""

from __future__ import annotations

import dataclasses
import json
import threading
import types
import typing
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from helpsvc.credits import Money, TenantState
from helpsvc.credits.ledger import Ledger

Coder = Callable[[Any], Any]

# Types whose values are their own JSON form (exact types: subclasses, such as StrEnum,
# get an encoder of their own).
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None)})


def _identity(value: Any) -> Any:
    return value


# -- encoding: one encoder per runtime type ---------------------------------------------------


class _Encoders:
    """Encoders by runtime type, compiled on first sight of a type.

    ``sort=True`` writes every object's keys in sorted order (what ``sort_keys`` would give
    the JSON text, without sorting at every dump); otherwise fields keep declaration order.
    """

    def __init__(self, *, sort: bool) -> None:
        self.sort = sort
        self.table: dict[type, Coder] = dict.fromkeys(_PLAIN, _identity)

    def encode(self, value: Any) -> Any:
        encoder = self.table.get(type(value))
        if encoder is None:
            encoder = self.encoder(type(value))
        return encoder(value)

    def encoder(self, cls: type) -> Coder:
        encoder = self.table.get(cls)
        if encoder is None:
            encoder = self.table[cls] = self._compile(cls)
        return encoder

    def _compile(self, cls: type) -> Coder:
        # The order of the checks is the order of precedence (a Money is a dataclass too).
        if issubclass(cls, type):
            return self._encode_class
        if issubclass(cls, Money):
            return self._object(("minor", "currency"), plain=("minor", "currency"))
        if issubclass(cls, Ledger):
            return self._object(("base_seq", "base_balance"), plain=("base_seq",))
        if issubclass(cls, Enum):
            return _enum_value
        if issubclass(cls, datetime):
            return cls.isoformat
        if issubclass(cls, timedelta):
            return cls.total_seconds
        if issubclass(cls, Decimal):
            return str
        if dataclasses.is_dataclass(cls):
            return self._object(tuple(f.name for f in dataclasses.fields(cls)), name=cls)
        if issubclass(cls, tuple | list):
            return self._sequence()
        if self.sort and issubclass(cls, dict):
            return _sorted_json
        return _identity

    def _object(
        self, names: tuple[str, ...], plain: tuple[str, ...] = (), name: Any = None
    ) -> Coder:
        """``{field: encoded value}`` as generated straight-line code; fields in ``plain``
        are written as they are."""
        lines = ["def encode(value):"]
        for n, field in enumerate(names):
            lines.append(f"    v{n} = value.{field}")
            if field not in plain:
                lines += [
                    f"    e = table.get(type(v{n}))",
                    "    if e is not identity:",
                    f"        v{n} = (e or compile_(type(v{n})))(v{n})",
                ]
        order = (
            sorted(enumerate(names), key=lambda item: item[1]) if self.sort else enumerate(names)
        )
        lines.append("    return {" + ", ".join(f"{field!r}: v{n}" for n, field in order) + "}")
        namespace = {"table": self.table, "identity": _identity, "compile_": self.encoder}
        exec("\n".join(lines), namespace)  # noqa: S102 - generated from field names only
        encoder = namespace["encode"]
        encoder.__qualname__ = f"encode_{getattr(name, '__qualname__', '_'.join(names))}"
        return encoder

    def _sequence(self) -> Coder:
        table, compile_ = self.table, self.encoder

        def encode_sequence(value: Any) -> list[Any]:
            out = []
            for item in value:
                encoder = table.get(type(item))
                if encoder is not _identity:
                    item = (encoder or compile_(type(item)))(item)
                out.append(item)
            return out

        return encode_sequence

    def _encode_class(self, value: type) -> Any:
        # A class as a value (never part of a state): what a dataclass instance check on the
        # value itself gives.
        if not dataclasses.is_dataclass(value):
            return value
        names = [f.name for f in dataclasses.fields(value)]
        return {
            name: self.encode(getattr(value, name))
            for name in (sorted(names) if self.sort else names)
        }


def _enum_value(value: Enum) -> Any:
    return value.value


def _sorted_json(value: Any) -> Any:
    """A raw JSON value (kept as it is) with the keys of its objects sorted, at any depth."""
    if isinstance(value, dict):
        return {key: _sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [_sorted_json(item) for item in value]
    return value


_API = _Encoders(sort=False)  # ``encode``: fields in declaration order, as the API answers
_STATE = _Encoders(sort=True)  # ``dump_state``: sorted keys, so the text is canonical
_to_json = json.JSONEncoder(separators=(",", ":")).encode


# -- decoding: one decoder per type hint ------------------------------------------------------

_DECODERS: dict[Any, Coder] = {}
# Compilation runs under one lock; the decoders of one compilation (a dataclass and the
# types its fields need) are published together, when all of them are complete.
_COMPILING = threading.RLock()
_STAGED: dict[Any, Coder] = {}


def _decoder(kind: Any) -> Coder:
    try:
        decoder = _DECODERS.get(kind)
    except TypeError:  # an unhashable hint: compiled every time, never cached
        with _COMPILING:
            return _compile_decoder(kind)
    if decoder is not None:
        return decoder
    with _COMPILING:
        decoder = _DECODERS.get(kind) or _STAGED.get(kind)
        if decoder is not None:
            return decoder
        outermost = not _STAGED
        try:
            decoder = _STAGED.setdefault(kind, _compile_decoder(kind))
            if outermost:
                _DECODERS.update(_STAGED)
        finally:
            if outermost:
                _STAGED.clear()
    return decoder


def _none_or(convert: Coder) -> Coder:
    def decode(raw: Any) -> Any:
        return None if raw is None else convert(raw)

    return decode


def _decode_money(raw: Any) -> Money | None:
    if raw is None:
        return None
    return Money(int(raw["minor"]), raw["currency"])


def _decode_ledger(raw: Any) -> Ledger | None:
    if raw is None:
        return None
    return Ledger((), int(raw["base_seq"]), _decode_money(raw["base_balance"]))


def _decode_timedelta(raw: Any) -> timedelta | None:
    return None if raw is None else timedelta(seconds=raw)


def _compile_decoder(kind: Any) -> Coder:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decoder(options[0])
    if origin is tuple:
        item = _decoder(typing.get_args(kind)[0])
        if item is _identity:
            return _none_or(tuple)

        def decode_tuple(raw: Any) -> tuple[Any, ...] | None:
            return None if raw is None else tuple([item(v) for v in raw])

        return decode_tuple
    if kind is Money:
        return _decode_money
    if kind is Ledger:
        return _decode_ledger
    if kind is datetime:
        return _none_or(datetime.fromisoformat)
    if kind is timedelta:
        return _decode_timedelta
    if kind is Decimal:
        return _none_or(Decimal)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _enum_decoder(kind)
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    return _identity


def _enum_decoder(kind: type[Enum]) -> Coder:
    members = kind._value2member_map_

    def decode_enum(raw: Any) -> Enum | None:
        if raw is None:
            return None
        try:
            return members[raw]
        except (KeyError, TypeError):  # not a canonical value: the Enum's own lookup
            return kind(raw)

    return decode_enum


def _dataclass_decoder(kind: type) -> Coder:
    """``kind(**{field: decoded raw[field] for the fields present})`` as generated code."""
    compiled: list[Coder] = []

    def forward(raw: Any) -> Any:  # a recursive type refers to itself before it is done
        return compiled[0](raw)

    _STAGED[kind] = forward
    hints = typing.get_type_hints(kind)
    fields = [f for f in dataclasses.fields(kind) if f.init]
    namespace: dict[str, Any] = {"cls": kind, "names": frozenset(f.name for f in fields)}
    values = []
    for n, f in enumerate(fields):
        decoder = _decoder(hints[f.name])
        if decoder is _identity:
            values.append((f.name, f"raw[{f.name!r}]"))
        else:
            namespace[f"d{n}"] = decoder
            values.append((f.name, f"d{n}(raw[{f.name!r}])"))
    lines = [
        "def decode(raw):",
        "    if raw is None:",
        "        return None",
        "    if raw.keys() >= names:",
        "        return cls(" + ", ".join(f"{name}={value}" for name, value in values) + ")",
        "    kwargs = {}",
    ]
    for name, value in values:
        lines += [f"    if {name!r} in raw:", f"        kwargs[{name!r}] = {value}"]
    lines.append("    return cls(**kwargs)")
    exec("\n".join(lines), namespace)  # noqa: S102 - generated from field names only
    decoder = namespace["decode"]
    decoder.__qualname__ = f"decode_{kind.__qualname__}"
    compiled.append(decoder)
    _STAGED[kind] = decoder
    return decoder


# -- the state --------------------------------------------------------------------------------


def dump_state(state: TenantState) -> str:
    """JSON of the state; the ledger is written as its count and closing balance only.

    The keys of every object are in sorted order (the encoders write them so), so the text
    is the same as ``json.dumps(..., sort_keys=True)`` gives, without sorting per dump.
    """
    document = _STATE.encoder(type(state))(state)
    document["ledger"] = _STATE.encode(state.ledger.compacted(state.currency))
    return _to_json(document)


def load_state(text: str) -> TenantState:
    return _decoder(TenantState)(json.loads(text))


def encode(value: Any) -> Any:
    """JSON-ready form of any core value (events for API answers, for example)."""
    return _API.encode(value)
