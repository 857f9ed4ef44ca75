"""Refusals as stable codes plus parameters.

The engine never writes prose: the API and the walkthroughs localize a code into the user's
language, so the code must not change once published and the parameters carry everything a
message needs (plain strings and integers, ready for JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class ErrorCode(StrEnum):
    # Purchases and commerce model
    NCE_CANNOT_PURCHASE = "nce_cannot_purchase"
    AUTO_RECHARGE_MUST_BE_OFF = "auto_recharge_must_be_off"
    ALREADY_NCE = "already_nce"
    DEBT_OUTSTANDING = "debt_outstanding"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    # Calls (also used as CallRefused / cut reasons)
    BALANCE_NOT_POSITIVE = "balance_not_positive"
    LICENSE_MISSING = "license_missing"
    RATE_MISSING = "rate_missing"
    INVALID_CALL = "invalid_call"
    # Payment card
    CARD_EXPIRED = "card_expired"
    CARD_MISSING = "card_missing"
    INVALID_CARD = "invalid_card"
    # Values
    CURRENCY_MISMATCH = "currency_mismatch"
    UNKNOWN_CURRENCY = "unknown_currency"
    INVALID_AMOUNT = "invalid_amount"
    AMOUNT_TOO_LARGE = "amount_too_large"
    BALANCE_LIMIT = "balance_limit"
    INVALID_COUNTRY = "invalid_country"
    INVALID_TIME = "invalid_time"
    INVALID_COMMAND = "invalid_command"
    # Users
    UNKNOWN_USER = "unknown_user"
    USER_EXISTS = "user_exists"
    INVALID_USER = "invalid_user"
    # Time
    CLOCK_BACKWARDS = "clock_backwards"
    CLOCK_TOO_FAR = "clock_too_far"


Param = str | int


class DomainError(Exception):
    """A command the engine refuses; the state it was given stays valid and unchanged."""

    def __init__(self, code: ErrorCode, params: Mapping[str, Param] | None = None) -> None:
        self.code = ErrorCode(code)
        self.params: dict[str, Param] = dict(params or {})
        super().__init__(self.code.value, self.params)

    def __repr__(self) -> str:
        return f"DomainError({self.code.value!r}, {self.params!r})"

    def __str__(self) -> str:
        # Developer-facing only (logs, tracebacks); users see the localized code.
        detail = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.code.value}({detail})" if detail else self.code.value
