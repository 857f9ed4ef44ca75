"""The PSTN usage report as the Teams admin center exports it: columns and their values.

One row is one call of the Calling Plans part of the report. The values that matter for the
credits (see ``docs/en/guides/estimate-funding.md#columns``):

* ``Capability`` names the license that paid for the minutes. ``MCOPSTNPP`` (pay-per-minute
  PSTN) and ``MCOMEETACPEA`` (Audio Conferencing pay-per-minute) are paid from
  Communications Credits; every other value (``MCOPSTN1``, ``MCOPSTN2``, ``MCOPSTNEAU2``...)
  means plan minutes that never touched the balance.
* ``Charge`` is what the call cost, connection fee included (``Connection Fee`` repeats that
  part for information), in ``Currency``. Exports write more decimals than the currency
  has; the amount is rounded half up to the minor unit once per call, as the engine does.
* ``Start Time`` / ``End Time`` are ISO 8601 in UTC (``Z``, an offset, or none, which is
  read as UTC); .NET writes seven fractional digits, Python reads six, which is enough.

The Direct Routing part of the export has other columns: its calls run over the
organization's own carrier and never draw on credits.
"""

from __future__ import annotations

COLUMNS: tuple[str, ...] = (
    "UsageId",
    "Call ID",
    "Conference ID",
    "User Location",
    "AAD ObjectId",
    "UPN",
    "User Display Name",
    "Caller ID",
    "Call Type",
    "Number Type",
    "Domestic/International",
    "Destination Dialed",
    "Destination Number",
    "Start Time",
    "End Time",
    "Duration Seconds",
    "Connection Fee",
    "Charge",
    "Currency",
    "Capability",
)

# Without these a row cannot be replayed; the other columns are read when present.
REQUIRED: tuple[str, ...] = (
    "UPN",
    "Call Type",
    "Start Time",
    "Duration Seconds",
    "Charge",
    "Currency",
    "Capability",
)

CREDIT_CAPABILITIES: frozenset[str] = frozenset({"MCOPSTNPP", "MCOMEETACPEA"})
"""Capabilities whose minutes are paid from Communications Credits."""

# Headers that only the Direct Routing file of the export has (any two identify it).
DIRECT_ROUTING_MARKERS: frozenset[str] = frozenset(
    {
        "Correlation ID",
        "SIP Address",
        "Invite time",
        "Failure time",
        "Final SIP code",
        "Final Microsoft subcode",
        "Session Border Controller FQDN",
        "SBC FQDN",
        "Media bypass",
    }
)

# The export's Number Type values as the engine's line types.
NUMBER_TYPES: dict[str, str] = {
    "user_geographic": "geographic",
    "geographic": "geographic",
    "service": "geographic",
    "user_mobile": "mobile",
    "mobile": "mobile",
    "toll_free": "toll_free",
    "tollfree": "toll_free",
    "user_tollfree": "toll_free",
    "user_toll_free": "toll_free",
}

# English names the report may use in Destination Dialed and User Location.
COUNTRY_NAMES: dict[str, str] = {
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "canada": "CA",
    "united kingdom": "GB",
    "great britain": "GB",
    "uk": "GB",
    "germany": "DE",
    "france": "FR",
    "china": "CN",
    "japan": "JP",
    "india": "IN",
    "australia": "AU",
    "switzerland": "CH",
    "austria": "AT",
    "netherlands": "NL",
    "belgium": "BE",
    "spain": "ES",
    "italy": "IT",
    "ireland": "IE",
    "sweden": "SE",
    "norway": "NO",
    "denmark": "DK",
    "poland": "PL",
    "new zealand": "NZ",
    "singapore": "SG",
    "hong kong": "HK",
    "mexico": "MX",
    "brazil": "BR",
    "south africa": "ZA",
}

UNKNOWN_COUNTRY = "ZZ"
"""ISO 3166's user-assigned code, used for a destination the report does not name in a way
we recognise; only ever with a charge from the report, so no rate is needed for it."""


def country_code(value: str) -> str | None:
    """``US``, ``us`` or ``United States`` -> ``US``; None when unrecognised."""
    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.isascii():
        return text.upper()
    return COUNTRY_NAMES.get(text.lower())


def number_type(value: str) -> str:
    """The engine's line type of an export Number Type (unknown values: geographic)."""
    text = value.strip().lower()
    found = NUMBER_TYPES.get(text)
    if found is not None:
        return found
    if "toll" in text:
        return "toll_free"
    if "mobile" in text:
        return "mobile"
    return "geographic"
