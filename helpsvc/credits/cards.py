"""The payment card used for purchases and auto-recharge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from .clock import next_month_start
from .errors import DomainError, ErrorCode


@dataclass(frozen=True, slots=True)
class PaymentCard:
    last4: str
    exp_month: int
    exp_year: int

    def __post_init__(self) -> None:
        if not (isinstance(self.last4, str) and len(self.last4) == 4 and self.last4.isdigit()):
            raise DomainError(ErrorCode.INVALID_CARD, {"field": "last4", "value": str(self.last4)})
        if not isinstance(self.exp_month, int) or not 1 <= self.exp_month <= 12:
            raise DomainError(
                ErrorCode.INVALID_CARD, {"field": "exp_month", "value": str(self.exp_month)}
            )
        if not isinstance(self.exp_year, int) or not 2000 <= self.exp_year <= 9998:
            raise DomainError(
                ErrorCode.INVALID_CARD, {"field": "exp_year", "value": str(self.exp_year)}
            )

    @property
    def valid_until(self) -> datetime:
        """First instant the card no longer works: cards are valid through the last day
        of their expiry month."""
        return next_month_start(datetime(self.exp_year, self.exp_month, 1, tzinfo=UTC))

    def is_expired(self, now: datetime) -> bool:
        return now >= self.valid_until

    @property
    def expiry_text(self) -> str:
        return f"{self.exp_month:02d}/{self.exp_year}"
