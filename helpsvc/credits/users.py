"""Users of a tenant and the licenses that decide what they may call and pay with."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CallingPlan(StrEnum):
    DOMESTIC = "domestic"
    INTERNATIONAL = "international"
    PAY_AS_YOU_GO = "pay_as_you_go"


class License(StrEnum):
    """License names as they appear in ``license_missing`` refusals."""

    AUDIO_CONFERENCING = "audio_conferencing"
    PHONE_SYSTEM = "phone_system"
    CALLING_PLAN = "calling_plan"
    PAY_AS_YOU_GO_PLAN = "pay_as_you_go_plan"
    COMMUNICATIONS_CREDITS = "communications_credits"


@dataclass(frozen=True, slots=True)
class Licenses:
    audio_conferencing: bool = False
    phone_system: bool = False
    calling_plan: CallingPlan | None = None
    communications_credits: bool = False

    @classmethod
    def e5(cls, calling_plan: CallingPlan | None = None) -> Licenses:
        """What an E5 seat brings: Audio Conferencing and Phone System, but not the
        Communications Credits license, which must still be assigned to draw on credits."""
        return cls(audio_conferencing=True, phone_system=True, calling_plan=calling_plan)


@dataclass(frozen=True, slots=True)
class User:
    id: str
    country: str
    """Usage location (ISO 3166 alpha-2): decides domestic vs international and which
    country's plan-minute pool the user's licenses feed."""
    licenses: Licenses = Licenses()
