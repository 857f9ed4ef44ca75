"""Price list and plan allowances the rating uses (already loaded; see ``ratedata``).

Rates are kept per currency instead of converting: a tenant pays in one currency and the
price list for that currency is what the admin sees, so no exchange rate is ever applied.
Rates are exact Decimals in minor units because real per-minute prices have fractions of
a cent (0.019 USD); only the price of a whole call is rounded to minor units.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .users import CallingPlan


class NumberType(StrEnum):
    GEOGRAPHIC = "geographic"
    MOBILE = "mobile"
    TOLL_FREE = "toll_free"


class RateService(StrEnum):
    OUTBOUND = "outbound"
    """User outbound calls and conference dial-out, keyed by destination country."""
    TOLL_FREE_DIAL_IN = "toll_free_dial_in"
    """Callers dialling the tenant's toll-free number, keyed by the number's country and the
    caller's line type (mobile callers often cost more)."""


@dataclass(frozen=True, slots=True)
class Rate:
    per_minute_minor: Decimal
    connection_fee_minor: Decimal = Decimal(0)


RateKey = tuple[str, RateService, str, NumberType]
"""(currency, service, country, number type)."""


@dataclass(frozen=True, slots=True)
class PlanAllowance:
    """Monthly minutes one licensed user adds to the country's pools."""

    domestic_minutes: int = 0
    international_minutes: int = 0


@dataclass(frozen=True, slots=True)
class ConferencingAllowance:
    """Monthly dial-out minutes one Audio Conferencing user adds to the country's pool, and
    the destinations that pool covers."""

    dial_out_minutes: int = 0
    destinations: frozenset[str] = frozenset()


_NO_PLAN = PlanAllowance()
_NO_CONFERENCING = ConferencingAllowance()


@dataclass(frozen=True)
class Tariff:
    name: str
    label: str = ""
    """Shown next to prices, e.g. "SAMPLE RATES, not Microsoft prices"."""
    rates: Mapping[RateKey, Rate] = field(default_factory=dict)
    calling_plans: Mapping[tuple[str, CallingPlan], PlanAllowance] = field(default_factory=dict)
    conferencing: Mapping[str, ConferencingAllowance] = field(default_factory=dict)

    def rate(
        self, currency: str, service: RateService, country: str, number_type: NumberType
    ) -> Rate | None:
        return self.rates.get((currency, service, country, number_type))

    def plan_allowance(self, country: str, plan: CallingPlan | None) -> PlanAllowance:
        # Pay-as-you-go plans never bring minutes, whatever the data says.
        if plan is None or plan is CallingPlan.PAY_AS_YOU_GO:
            return _NO_PLAN
        return self.calling_plans.get((country, plan), _NO_PLAN)

    def conferencing_allowance(self, country: str) -> ConferencingAllowance:
        return self.conferencing.get(country, _NO_CONFERENCING)

    def currencies(self) -> frozenset[str]:
        return frozenset(key[0] for key in self.rates)
