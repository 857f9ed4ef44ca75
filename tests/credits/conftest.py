"""Shared fixtures for the credits core: a small exact tariff and a tenant driver."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from helpsvc.credits import (
    AddFunds,
    AddUser,
    CallingPlan,
    Command,
    DomainError,
    Event,
    Licenses,
    Money,
    NumberType,
    Rate,
    SetPaymentCard,
    Tariff,
    TenantState,
    apply,
    new_tenant,
)
from helpsvc.credits.tariff import ConferencingAllowance, PlanAllowance, RateService

T0 = datetime(2024, 1, 15, 9, 30, tzinfo=UTC)

OUT = RateService.OUTBOUND
TFI = RateService.TOLL_FREE_DIAL_IN
GEO = NumberType.GEOGRAPHIC
MOB = NumberType.MOBILE


def _rate(per_minute: str, fee: str = "0", exponent: int = 2) -> Rate:
    return Rate(Decimal(per_minute).scaleb(exponent), Decimal(fee).scaleb(exponent))


def build_tariff() -> Tariff:
    """Hand-made prices so expectations can be computed in the tests' own heads."""
    return Tariff(
        name="test",
        label="TEST RATES",
        rates={
            ("USD", OUT, "US", GEO): _rate("0.02"),
            ("USD", OUT, "US", MOB): _rate("0.03"),
            ("USD", OUT, "GB", GEO): _rate("0.05", fee="0.10"),
            ("USD", OUT, "GB", MOB): _rate("0.1234"),
            ("USD", OUT, "DE", GEO): _rate("0.04"),
            ("USD", TFI, "US", GEO): _rate("0.03"),
            ("USD", TFI, "US", MOB): _rate("0.06", fee="0.05"),
            ("USD", OUT, "US", NumberType.TOLL_FREE): _rate("0"),
            ("JPY", OUT, "JP", GEO): _rate("2.5", exponent=0),
            ("JPY", OUT, "US", GEO): _rate("3", fee="10", exponent=0),
        },
        calling_plans={
            ("US", CallingPlan.DOMESTIC): PlanAllowance(domestic_minutes=100),
            ("US", CallingPlan.INTERNATIONAL): PlanAllowance(
                domestic_minutes=100, international_minutes=50
            ),
            ("GB", CallingPlan.DOMESTIC): PlanAllowance(domestic_minutes=40),
            ("JP", CallingPlan.DOMESTIC): PlanAllowance(domestic_minutes=30),
        },
        conferencing={"US": ConferencingAllowance(10, frozenset({"US"}))},
    )


@pytest.fixture(scope="session")
def tariff() -> Tariff:
    return build_tariff()


FULL = Licenses(
    audio_conferencing=True,
    phone_system=True,
    calling_plan=CallingPlan.DOMESTIC,
    communications_credits=True,
)


class Sim:
    """Drives one tenant through the engine and keeps every decision's events."""

    def __init__(
        self, tariff: Tariff, currency: str = "USD", country: str = "US", now: datetime = T0
    ) -> None:
        self.tariff = tariff
        self.state: TenantState = new_tenant("contoso", currency, country, now)
        self.events: list[Event] = []

    def money(self, text: str) -> Money:
        return Money.parse(text, self.state.currency)

    def do(self, *commands: Command) -> list[Event]:
        produced: list[Event] = []
        for command in commands:
            decision = apply(self.state, command, self.tariff)
            self.state = decision.state
            produced.extend(decision.events)
        self.events.extend(produced)
        return produced

    def refused(self, command: Command) -> DomainError:
        """Assert ``command`` is refused and changes nothing; return the error."""
        before = self.state
        snapshot = copy.deepcopy(before)
        with pytest.raises(DomainError) as info:
            apply(self.state, command, self.tariff)
        assert self.state is before and self.state == snapshot
        return info.value

    # -- common setup --------------------------------------------------------------

    def card(self, month: int = 12, year: int = 2030) -> Sim:
        self.do(SetPaymentCard("4242", month, year))
        return self

    def fund(self, text: str) -> Sim:
        if self.state.card is None:
            self.card()
        self.do(AddFunds(self.money(text)))
        return self

    def user(
        self, user_id: str = "ada", licenses: Licenses = FULL, country: str | None = None
    ) -> Sim:
        self.do(AddUser(user_id, country=country, licenses=licenses))
        return self

    @property
    def balance(self) -> Money:
        return self.state.balance


@pytest.fixture
def sim(tariff: Tariff) -> Sim:
    return Sim(tariff)


@pytest.fixture
def make_sim(tariff: Tariff) -> Callable[..., Sim]:
    def make(**kwargs: object) -> Sim:
        return Sim(tariff, **kwargs)  # type: ignore[arg-type]

    return make
