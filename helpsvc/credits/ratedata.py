"""Loading price lists and plan allowances from YAML into a ``Tariff``.

This is the only module of the package that reads files, and only when asked. Numbers are
taken from the YAML source text, never through floats, so "0.019" stays exactly 0.019.
Every error names the file, line and field (``rates.yaml:12: currencies.USD...: ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml

from .money import CURRENCY_EXPONENTS
from .tariff import (
    ConferencingAllowance,
    NumberType,
    PlanAllowance,
    Rate,
    RateKey,
    RateService,
    Tariff,
)
from .users import CallingPlan

_E = TypeVar("_E", RateService, NumberType, CallingPlan)

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_DECIMAL_RE = re.compile(r"^\d+(\.\d+)?$")
_INT_RE = re.compile(r"^\d+$")


class RateDataError(ValueError):
    """A rate or plan file that cannot be used; the message says where and why."""

    def __init__(self, source: str, line: int, field: str, message: str) -> None:
        self.source = source
        self.line = line
        self.field = field
        super().__init__(f"{source}:{line}: {field}: {message}")


class _At:
    """Where a node sits: file, dotted field path and 1-based line."""

    def __init__(self, source: str, field: str, node: yaml.Node) -> None:
        self.source = source
        self.field = field
        self.line = node.start_mark.line + 1

    def error(self, message: str) -> RateDataError:
        return RateDataError(self.source, self.line, self.field or "(document)", message)

    def child(self, key: str, node: yaml.Node) -> _At:
        return _At(self.source, f"{self.field}.{key}" if self.field else key, node)


def _compose(text: str, source: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise RateDataError(source, line, "(document)", f"not valid YAML: {exc.problem}") from exc
    if node is None:
        raise RateDataError(source, 1, "(document)", "file is empty")
    return node


def _mapping(node: yaml.Node, at: _At) -> list[tuple[str, yaml.Node, _At]]:
    if not isinstance(node, yaml.MappingNode):
        raise at.error("expected a mapping")
    items: list[tuple[str, yaml.Node, _At]] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise at.error("keys must be plain names")
        key = str(key_node.value)
        where = at.child(key, key_node)
        if key in seen:
            raise where.error("duplicate key")
        seen.add(key)
        items.append((key, value_node, where))
    return items


def _scalar(node: yaml.Node, at: _At) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise at.error("expected a single value")
    return str(node.value).strip()


def _decimal(node: yaml.Node, at: _At) -> Decimal:
    text = _scalar(node, at)
    if not _DECIMAL_RE.match(text):
        raise at.error(f"expected a non-negative decimal such as 0.019, got {text!r}")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes this
        raise at.error(f"not a number: {text!r}") from None


def _count(node: yaml.Node, at: _At) -> int:
    text = _scalar(node, at)
    if not _INT_RE.match(text):
        raise at.error(f"expected a whole number of minutes, got {text!r}")
    return int(text)


def _country(key: str, at: _At) -> str:
    if not _COUNTRY_RE.match(key):
        raise at.error(f"expected an ISO 3166 country code such as US, got {key!r}")
    return key


def _enum_value(options: Mapping[str, _E], key: str, at: _At, what: str) -> _E:
    if key not in options:
        raise at.error(f"unknown {what} {key!r}; expected one of {', '.join(sorted(options))}")
    return options[key]


def _text_field(items: list[tuple[str, yaml.Node, _At]], name: str) -> str:
    for key, node, where in items:
        if key == name:
            return _scalar(node, where)
    return ""


def _rate(node: yaml.Node, at: _At, exponent: int) -> Rate:
    if isinstance(node, yaml.ScalarNode):
        return Rate(per_minute_minor=_decimal(node, at).scaleb(exponent))
    fields = {"per_minute": Decimal(0), "connection_fee": Decimal(0)}
    given: set[str] = set()
    for key, value, where in _mapping(node, at):
        if key not in fields:
            raise where.error("unknown field; expected per_minute or connection_fee")
        fields[key] = _decimal(value, where).scaleb(exponent)
        given.add(key)
    if "per_minute" not in given:
        raise at.error("per_minute is required")
    return Rate(
        per_minute_minor=fields["per_minute"], connection_fee_minor=fields["connection_fee"]
    )


def parse_rates(text: str, source: str = "rates.yaml") -> tuple[str, str, dict[RateKey, Rate]]:
    """(name, label, rates) from a rates document."""
    node = _compose(text, source)
    items = _mapping(node, _At(source, "", node))
    rates: dict[RateKey, Rate] = {}
    services = {s.value: s for s in RateService}
    number_types = {n.value: n for n in NumberType}
    for key, section, where in items:
        if key in ("name", "label"):
            continue
        if key != "currencies":
            raise where.error("unknown field; expected name, label or currencies")
        for currency, cur_node, cur_at in _mapping(section, where):
            if currency not in CURRENCY_EXPONENTS:
                raise cur_at.error(f"unknown currency {currency!r}")
            exponent = CURRENCY_EXPONENTS[currency]
            for service_key, svc_node, svc_at in _mapping(cur_node, cur_at):
                service = _enum_value(services, service_key, svc_at, "service")
                for country, c_node, c_at in _mapping(svc_node, svc_at):
                    _country(country, c_at)
                    for type_key, r_node, r_at in _mapping(c_node, c_at):
                        number_type = _enum_value(number_types, type_key, r_at, "number type")
                        key_tuple = (currency, service, country, number_type)
                        rates[key_tuple] = _rate(r_node, r_at, exponent)
    return _text_field(items, "name") or source, _text_field(items, "label"), rates


class ZoneConferencing(Mapping[str, ConferencingAllowance]):
    """One dial-out allowance for organizers in every country (the Zone A idea).

    Looking up any ISO 3166 country code gives the same allowance: minutes per Audio
    Conferencing user and month, for dial-out to the zone's countries. Iterating lists the
    zone's countries, which is what a reader of the plan file wrote down.
    """

    def __init__(self, allowance: ConferencingAllowance) -> None:
        self.allowance = allowance

    def __getitem__(self, country: str) -> ConferencingAllowance:
        if not isinstance(country, str) or not _COUNTRY_RE.match(country):
            raise KeyError(country)
        return self.allowance

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.allowance.destinations))

    def __len__(self) -> int:
        return len(self.allowance.destinations)

    def __repr__(self) -> str:
        return f"ZoneConferencing({self.allowance!r})"


_ZONE_FIELDS = ("dial_out_minutes", "zone_a")


def _zone_conferencing(items: list[tuple[str, yaml.Node, _At]], at: _At) -> ZoneConferencing:
    minutes: int | None = None
    zone: set[str] = set()
    for field, f_node, f_at in items:
        if field == "dial_out_minutes":
            minutes = _count(f_node, f_at)
        elif field == "zone_a":
            if not isinstance(f_node, yaml.SequenceNode):
                raise f_at.error("expected a list of country codes")
            for item in f_node.value:
                zone.add(_country(_scalar(item, f_at), f_at.child("[]", item)))
        else:
            raise f_at.error("unknown field; expected dial_out_minutes and zone_a")
    if minutes is None:
        raise at.error("dial_out_minutes is required with zone_a")
    if not zone:
        raise at.error("zone_a must list at least one country")
    return ZoneConferencing(ConferencingAllowance(minutes, frozenset(zone)))


def parse_plans(
    text: str, source: str = "plans.yaml"
) -> tuple[str, dict[tuple[str, CallingPlan], PlanAllowance], Mapping[str, ConferencingAllowance]]:
    """(label, calling plan allowances, conferencing allowances) from a plans document.

    ``audio_conferencing`` is either ``{dial_out_minutes, zone_a}``, one allowance for
    organizers in every country, or, per organizer country,
    ``<country>: {dial_out_minutes, destinations}``.
    """
    node = _compose(text, source)
    items = _mapping(node, _At(source, "", node))
    plans: dict[tuple[str, CallingPlan], PlanAllowance] = {}
    conferencing: Mapping[str, ConferencingAllowance] = {}
    plan_kinds = {p.value: p for p in CallingPlan}
    for key, section, where in items:
        if key == "label":
            continue
        if key == "calling_plans":
            for country, c_node, c_at in _mapping(section, where):
                _country(country, c_at)
                for plan_key, p_node, p_at in _mapping(c_node, c_at):
                    plan = _enum_value(plan_kinds, plan_key, p_at, "calling plan")
                    minutes = {"domestic_minutes": 0, "international_minutes": 0}
                    for field, m_node, m_at in _mapping(p_node, p_at):
                        if field not in minutes:
                            raise m_at.error(
                                "unknown field; expected domestic_minutes or international_minutes"
                            )
                        minutes[field] = _count(m_node, m_at)
                    plans[(country, plan)] = PlanAllowance(
                        domestic_minutes=minutes["domestic_minutes"],
                        international_minutes=minutes["international_minutes"],
                    )
        elif key == "audio_conferencing":
            entries = _mapping(section, where)
            if any(name in _ZONE_FIELDS for name, _, _ in entries):
                conferencing = _zone_conferencing(entries, where)
                continue
            per_country: dict[str, ConferencingAllowance] = {}
            conferencing = per_country
            for country, c_node, c_at in entries:
                _country(country, c_at)
                dial_out = 0
                destinations: set[str] = set()
                for field, f_node, f_at in _mapping(c_node, c_at):
                    if field == "dial_out_minutes":
                        dial_out = _count(f_node, f_at)
                    elif field == "destinations":
                        if not isinstance(f_node, yaml.SequenceNode):
                            raise f_at.error("expected a list of country codes")
                        for item in f_node.value:
                            destinations.add(_country(_scalar(item, f_at), f_at.child("[]", item)))
                    else:
                        raise f_at.error("unknown field; expected dial_out_minutes or destinations")
                per_country[country] = ConferencingAllowance(dial_out, frozenset(destinations))
        else:
            raise where.error("unknown field; expected label, calling_plans or audio_conferencing")
    return _text_field(items, "label"), plans, conferencing


def parse_tariff(
    rates_text: str,
    plans_text: str,
    *,
    rates_source: str = "rates.yaml",
    plans_source: str = "plans.yaml",
) -> Tariff:
    name, label, rates = parse_rates(rates_text, rates_source)
    plans_label, plans, conferencing = parse_plans(plans_text, plans_source)
    labels = [text for text in (label, plans_label) if text]
    return Tariff(
        name=name,
        label=" / ".join(dict.fromkeys(labels)),
        rates=rates,
        calling_plans=plans,
        conferencing=conferencing,
    )


def load_tariff(rates_path: str | Path, plans_path: str | Path) -> Tariff:
    rates_path, plans_path = Path(rates_path), Path(plans_path)
    return parse_tariff(
        rates_path.read_text(encoding="utf-8"),
        plans_path.read_text(encoding="utf-8"),
        rates_source=str(rates_path),
        plans_source=str(plans_path),
    )


def load_sample_tariff() -> Tariff:
    """The bundled SAMPLE rates and plans (invented numbers, not Microsoft prices)."""
    data = resources.files("helpsvc.credits") / "data"
    return parse_tariff(
        (data / "rates.yaml").read_text(encoding="utf-8"),
        (data / "plans.yaml").read_text(encoding="utf-8"),
        rates_source="helpsvc/credits/data/rates.yaml",
        plans_source="helpsvc/credits/data/plans.yaml",
    )
