"""Request bodies of the tenant API. Amounts are decimal strings in the tenant's currency."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

Amount = Decimal | str


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TenantCreate(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "name": "Contoso",
                "country": "DE",
                "currency": "EUR",
                "commerce_model": "prepaid",
                "language": "de",
                "admin_email": "billing@contoso.example",
                "start": "2026-01-01T00:00:00Z",
            }
        },
    )

    name: str = Field(min_length=1, max_length=200)
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")
    commerce_model: Literal["prepaid", "nce"] = "prepaid"
    language: Literal["en", "de", "zh"] = "en"
    admin_email: EmailStr | None = None
    start: datetime | None = Field(None, description="Simulated start time (UTC); default: now.")


class LicensesIn(_Body):
    audio_conferencing: bool = False
    phone_system: bool = False
    calling_plan: Literal["domestic", "international", "pay_as_you_go"] | None = None
    communications_credits: bool = False


class UserCreate(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "user_id": "ada@contoso.example",
                "country": "DE",
                "licenses": {
                    "audio_conferencing": True,
                    "phone_system": True,
                    "calling_plan": "domestic",
                    "communications_credits": True,
                },
            }
        },
    )

    user_id: str = Field(min_length=1, max_length=100)
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    licenses: LicensesIn = LicensesIn()


class PaymentCardIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"last4": "4242", "exp_month": 12, "exp_year": 2027}},
    )

    last4: str = Field(pattern=r"^\d{4}$")
    exp_month: int = Field(ge=1, le=12)
    exp_year: int = Field(ge=2000, le=2100)


class FundsIn(_Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"amount": "50.00"}})

    amount: Amount


class AutoRechargeIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {"enabled": True, "trigger_amount": "10.00", "recharge_amount": "25.00"}
        },
    )

    enabled: bool
    trigger_amount: Amount | None = None
    recharge_amount: Amount | None = None


class CallIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "example": {
                "user_id": "ada@contoso.example",
                "kind": "user_outbound_international",
                "destination": "GB",
                "number_type": "mobile",
                "duration_seconds": 754,
            }
        },
    )

    user_id: str
    kind: Literal[
        "toll_free_dial_in",
        "conference_dial_out",
        "user_outbound_domestic",
        "user_outbound_international",
        "payg_outbound",
    ]
    destination: str = Field(pattern=r"^[A-Z]{2}$")
    number_type: Literal["geographic", "mobile", "toll_free"] = "geographic"
    duration_seconds: int = Field(ge=0, le=86_400)
    charge: Amount | None = Field(None, description="Use this price instead of the rates.")


class ClockIn(_Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {"days": 31}})

    to: datetime | None = None
    days: int | None = Field(None, ge=0, le=3660)
    hours: int | None = Field(None, ge=0, le=87_840)
    months: int | None = Field(None, ge=0, le=120)

    @model_validator(mode="after")
    def _one_way_of_moving(self) -> ClockIn:
        # Months are calendar months, days and hours a duration, "to" a point in time: two
        # of them together have no single meaning, so none is silently ignored.
        given = [
            name
            for name, present in (
                ("to", self.to is not None),
                ("months", self.months is not None),
                ("days/hours", self.days is not None or self.hours is not None),
            )
            if present
        ]
        if len(given) > 1:
            raise ValueError(
                f"give one of 'to', 'months' or 'days'/'hours', not {' and '.join(given)}"
            )
        return self


class AdjustmentIn(_Body):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {"amount": "-5.00", "reason": "goodwill correction"}},
    )

    amount: Amount
    reason: str = Field("", max_length=200)
