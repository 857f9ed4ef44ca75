"""One row of the PSTN usage report (Calling Plans), typed: the model both writers share.

The synthetic generator and a tenant's usage export build ``PstnRow``s; ``writer.pstn_csv``
turns them into the CSV the admin center would give, and ``reader.read_records`` replays
them without going through CSV text. Both format a row through ``PstnRow.cells``, so the
file and the replay see the same text in every cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from helpsvc.credits import Money

from .times import format_time


@dataclass(frozen=True, slots=True)
class PstnRow:
    """One call, one field per column of ``columns.COLUMNS`` in the same order."""

    usage_id: str
    call_id: str
    conference_id: str
    user_location: str
    aad_object_id: str
    upn: str
    user_display_name: str
    caller_id: str
    call_type: str
    number_type: str
    domestic_international: str
    destination_dialed: str
    destination_number: str
    start_time: datetime
    """UTC; a naive time is taken as UTC."""
    end_time: datetime
    duration_seconds: int
    connection_fee: Money
    charge: Money
    """What the call cost, connection fee included."""
    currency: str
    capability: str

    def cells(self, money_decimals: int | None = None) -> list[str]:
        """The row's cells as the report writes them: times to the second in UTC with
        ``Z``; money with the currency's own minor digits ("1.56", "0.00", "120" yen), or
        with exactly ``money_decimals`` (the admin center writes four)."""
        return [
            self.usage_id,
            self.call_id,
            self.conference_id,
            self.user_location,
            self.aad_object_id,
            self.upn,
            self.user_display_name,
            self.caller_id,
            self.call_type,
            self.number_type,
            self.domestic_international,
            self.destination_dialed,
            self.destination_number,
            format_time(self.start_time),
            format_time(self.end_time),
            str(self.duration_seconds),
            format_money(self.connection_fee, money_decimals),
            format_money(self.charge, money_decimals),
            self.currency,
            self.capability,
        ]


def format_money(value: Money, decimals: int | None = None) -> str:
    """Major units with the currency's digits, or with ``decimals`` (rounded half up, as
    every amount of the credits is)."""
    if decimals is None:
        return value.format()
    exact = value.to_decimal().quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{exact:f}"
