"""A synthetic PSTN usage export that looks like a real organization's, for demos and tests.

Deterministic for a seed. Every user makes a few calls on work days (fewer at weekends),
peaking mid-morning and mid-afternoon UTC; meetings bring dial-ins on geographic numbers
(plan-funded) and on the toll-free number (always paid from credits), and some dial-out;
about one user call in twelve goes abroad and is paid from credits, domestic calls come
from the calling plan. Charges use the sample rates of the simulator (``rates.yaml``), so
a replay that rates a row itself gets the same amount as the row's Charge. Rows come in
start-time order, one day at a time, so memory does not grow with the number of days.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

from helpsvc.credits import CallKind, Money, NumberType, Tariff, load_sample_tariff
from helpsvc.credits.rating import billable_minutes, price, rate_service

from .pstn import PstnRow
from .times import TIME_FORMAT
from .writer import pstn_csv

DEFAULT_START = date(2026, 1, 5)  # a Monday
ADMIN_CENTER_DECIMALS = 4
"""The admin center writes four decimals whatever the currency has."""

# Where international calls go, with weights, and the line type mix abroad.
_ABROAD = (("GB", 5), ("DE", 4), ("FR", 3), ("IN", 2), ("JP", 1), ("CN", 1), ("CA", 3), ("CH", 1))
_PEAKS = ((10.0, 1.3), (14.5, 1.6))  # (hour of day UTC, spread in hours)


def _hex(rng: random.Random, bits: int = 64) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _Users:
    def __init__(self, count: int, rng: random.Random, domain: str) -> None:
        self.upn = [f"user{n:05d}@{domain}" for n in range(1, count + 1)]
        self.name = [f"User {n:05d}" for n in range(1, count + 1)]
        self.object_id = [_uuid(rng) for _ in range(count)]
        self.caller_id = [f"+1425555{n % 10000:04d}" for n in range(count)]


@dataclass(frozen=True, slots=True)
class _Call:
    """A call whose start is settled when its day is sorted; the rest is drawn already."""

    usage_id: str
    call_id: str
    user: int
    call_type: str
    number_type: str
    destination: str
    conference: str
    seconds: int
    fee: Money
    charge: Money
    capability: str


class _Org:
    """The organization making the calls: its users, rates, currency and random draws.

    The order of the draws is the file: changing it changes every file of a seed."""

    def __init__(
        self,
        rng: random.Random,
        users: int,
        domain: str,
        tariff: Tariff,
        currency: str,
        country: str,
    ) -> None:
        self.rng = rng
        self.users = users
        self.people = _Users(users, rng, domain)
        self.tariff = tariff
        self.currency = currency
        self.country = country
        self.abroad = [c for c, w in _ABROAD for _ in range(w) if c != country]
        self.zero = Money.zero(currency)

    def when(self) -> int:
        """A second of the day, around one of the peaks, within 06:00-20:00."""
        hour, spread = self.rng.choice(_PEAKS)
        second = int(self.rng.gauss(hour, spread) * 3600)
        return min(max(second, 6 * 3600), 20 * 3600)

    def price(
        self, kind: CallKind, destination: str, line: str, seconds: int
    ) -> tuple[Money, Money]:
        """(charge incl. connection fee, connection fee) for a credit-funded call."""
        currency = self.currency
        rate = self.tariff.rate(currency, rate_service(kind), destination, NumberType(line))
        if rate is None:
            return self.zero, self.zero
        fee = Money.from_minor_decimal(rate.connection_fee_minor, currency)
        return price(rate, billable_minutes(seconds), currency), fee

    def call(
        self,
        user: int,
        call_type: str,
        number_type: str,
        destination: str,
        seconds: int,
        capability: str,
        *,
        conference: str = "",
        priced: tuple[Money, Money] | None = None,
    ) -> _Call:
        charge, fee = priced or (self.zero, self.zero)
        return _Call(
            _uuid(self.rng),
            _uuid(self.rng),
            user,
            call_type,
            number_type,
            destination,
            conference,
            seconds,
            fee,
            charge,
            capability,
        )

    def row(self, call: _Call, start: datetime) -> PstnRow:
        user, country = call.user, self.country
        return PstnRow(
            usage_id=call.usage_id,
            call_id=call.call_id,
            conference_id=call.conference,
            user_location=country,
            aad_object_id=self.people.object_id[user],
            upn=self.people.upn[user],
            user_display_name=self.people.name[user],
            caller_id=self.people.caller_id[user],
            call_type=call.call_type,
            number_type=call.number_type,
            domestic_international=("Domestic" if call.destination == country else "International"),
            destination_dialed=call.destination,
            destination_number="",
            start_time=start,
            end_time=start + timedelta(seconds=call.seconds),
            duration_seconds=call.seconds,
            connection_fee=call.fee,
            charge=call.charge,
            currency=self.currency,
            capability=call.capability,
        )


def generate_rows(
    *,
    users: int,
    days: int,
    seed: int = 1,
    start: date = DEFAULT_START,
    currency: str = "USD",
    country: str = "US",
    domain: str = "contoso.example",
    tariff: Tariff | None = None,
) -> Iterator[PstnRow]:
    """The rows of a synthetic export, in start-time order."""
    if users < 1 or days < 1:
        raise ValueError("users and days must be at least 1")
    rng = random.Random(seed)
    org = _Org(rng, users, domain, tariff or load_sample_tariff(), currency, country)
    for offset in range(days):
        day = start + timedelta(days=offset)
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
        for at, call in _day(org, workday=day.weekday() < 5):
            yield org.row(call, midnight + timedelta(seconds=at))


def _day(org: _Org, *, workday: bool) -> list[tuple[int, _Call]]:
    """One day's calls as (second of the day, call), in start order."""
    calls: list[tuple[int, _Call]] = []
    per_user = 5.0 if workday else 0.25
    for user in range(org.users):
        for _ in range(_poisson(org.rng, per_user)):
            calls.append(_user_call(org, user))
    # Meetings with phone participants: one per ~8 users on a work day.
    for _ in range(_poisson(org.rng, org.users / 8 if workday else org.users / 200)):
        calls.extend(_meeting(org))
    calls.sort(key=lambda item: item[0])
    return calls


def _user_call(org: _Org, user: int) -> tuple[int, _Call]:
    """Inbound, or outbound: mostly domestic on the plan, one in twelve abroad on credits."""
    rng, country = org.rng, org.country
    at = org.when()
    seconds = int(rng.expovariate(1 / 210)) + 5
    if rng.random() < 0.35:
        return at, org.call(user, "user_in", "user_geographic", country, seconds, "MCOPSTN1")
    if rng.random() < 1 / 12:
        dest = rng.choice(org.abroad)
        line = "mobile" if rng.random() < 0.4 else "geographic"
        priced = org.price(CallKind.USER_OUTBOUND_INTERNATIONAL, dest, line, seconds)
        return at, org.call(
            user, "user_out", f"user_{line}", dest, seconds, "MCOPSTNPP", priced=priced
        )
    return at, org.call(user, "user_out", "user_geographic", country, seconds, "MCOPSTN1")


def _meeting(org: _Org) -> list[tuple[int, _Call]]:
    """A meeting's phone dial-ins, and sometimes a dial-out."""
    rng = org.rng
    organizer = rng.randrange(org.users)
    conference = _hex(rng, 32)
    begin = org.when()
    length = int(rng.uniform(20, 60) * 60)
    calls = []
    for _ in range(_poisson(rng, 2.5)):
        joined = begin + rng.randrange(0, 300)
        calls.append((joined, _dial_in(org, organizer, conference, length)))
    if rng.random() < 0.3:
        call = _dial_out(org, organizer, conference, length)
        calls.append((begin + rng.randrange(0, 120), call))
    return calls


def _dial_in(org: _Org, organizer: int, conference: str, length: int) -> _Call:
    """On a geographic number (plan-funded) or on the toll-free one (paid from credits)."""
    rng, country = org.rng, org.country
    seconds = max(30, length - rng.randrange(0, 600))
    if rng.random() < 0.4:
        line = "mobile" if rng.random() < 0.3 else "geographic"
        return org.call(
            organizer,
            "conf_in",
            "toll_free",
            country,
            seconds,
            "MCOMEETACPEA",
            conference=conference,
            priced=org.price(CallKind.TOLL_FREE_DIAL_IN, country, line, seconds),
        )
    return org.call(
        organizer, "conf_in", "service", country, seconds, "MCOMEETADV", conference=conference
    )


def _dial_out(org: _Org, organizer: int, conference: str, length: int) -> _Call:
    """Domestic on the plan, or abroad paid from credits."""
    rng, country = org.rng, org.country
    dest = rng.choice(org.abroad) if rng.random() < 0.5 else country
    seconds = max(30, length - rng.randrange(0, 900))
    line = "mobile" if rng.random() < 0.5 else "geographic"
    priced, capability = None, "MCOMEETADV"
    if dest != country:
        priced = org.price(CallKind.CONFERENCE_DIAL_OUT, dest, line, seconds)
        capability = "MCOMEETACPEA"
    return org.call(
        organizer,
        "conf_out",
        f"user_{line}",
        dest,
        seconds,
        capability,
        conference=conference,
        priced=priced,
    )


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means used here.
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, mean**0.5)))
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def write_csv(out: IO[str], rows: Iterable[PstnRow]) -> int:
    """Write the header and ``rows`` as the admin center does; returns the number of rows."""
    lines = pstn_csv(rows, money_decimals=ADMIN_CENTER_DECIMALS)
    out.write(next(lines))
    count = 0
    for line in lines:
        out.write(line)
        count += 1
    return count


def _direct_routing_csv(rng: random.Random, users: int, start: date, domain: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "Correlation ID",
            "SIP Address",
            "Display Name",
            "User country",
            "Invite time",
            "Start time",
            "Failure time",
            "End time",
            "Duration (seconds)",
            "Success",
            "Caller Number",
            "Callee Number",
            "Call type",
            "Final SIP code",
            "Final Microsoft subcode",
            "Session Border Controller FQDN",
            "Media bypass",
        ]
    )
    for n in range(min(users, 20)):
        at = datetime(start.year, start.month, start.day, 9, tzinfo=UTC) + timedelta(minutes=n)
        stamp = at.strftime(TIME_FORMAT)
        writer.writerow(
            [
                _uuid(rng),
                f"user{n + 1:05d}@{domain}",
                f"User {n + 1:05d}",
                "US",
                stamp,
                stamp,
                "",
                (at + timedelta(seconds=95)).strftime(TIME_FORMAT),
                "95",
                "Yes",
                "+14255550100",
                "+14255550199",
                "ByotOut",
                "200",
                "0",
                "sbc.contoso.example",
                "No",
            ]
        )
    return buffer.getvalue()


def write_zip(
    path: Path,
    *,
    users: int,
    days: int,
    seed: int = 1,
    start: date = DEFAULT_START,
    currency: str = "USD",
    country: str = "US",
) -> int:
    """Write the export as the admin center's ``Calls.Export.<id>.zip``; returns row count."""
    rng = random.Random(seed + 1)
    stamp = start.strftime("%Y%m%d")
    end = start + timedelta(days=days)
    rows = generate_rows(
        users=users, days=days, seed=seed, start=start, currency=currency, country=country
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(f"PSTN.calls.{stamp}.csv", "w") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            count = write_csv(text, rows)
            text.flush()
            text.detach()
        archive.writestr(
            f"DirectRouting.calls.{stamp}.csv",
            _direct_routing_csv(rng, users, start, "contoso.example"),
        )
        parameters = {
            "reportName": "PSTN and SMS (preview) usage",
            "startDate": start.isoformat(),
            "endDate": end.isoformat(),
            "tab": "Calling Plans",
        }
        archive.writestr("parameters.json", json.dumps(parameters, indent=2))
    return count


def export_name(seed: int) -> str:
    """The file name the admin center gives the zip."""
    return f"Calls.Export.{seed:08d}.zip"
