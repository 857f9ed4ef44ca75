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
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

from helpsvc.credits import CallKind, Money, NumberType, Tariff, load_sample_tariff
from helpsvc.credits.rating import billable_minutes, price, rate_service

from .columns import COLUMNS

DEFAULT_START = date(2026, 1, 5)  # a Monday

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


def _charge(
    tariff: Tariff, currency: str, kind: CallKind, destination: str, number: str, seconds: int
) -> tuple[Money, Money]:
    """(charge incl. connection fee, connection fee) for a credit-funded call."""
    rate = tariff.rate(currency, rate_service(kind), destination, NumberType(number))
    if rate is None:
        zero = Money.zero(currency)
        return zero, zero
    fee = Money.from_minor_decimal(rate.connection_fee_minor, currency)
    return price(rate, billable_minutes(seconds), currency), fee


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
) -> Iterator[list[str]]:
    """The rows (without header) of a synthetic export, in start-time order."""
    if users < 1 or days < 1:
        raise ValueError("users and days must be at least 1")
    rng = random.Random(seed)
    tariff = tariff or load_sample_tariff()
    people = _Users(users, rng, domain)
    abroad = [c for c, w in _ABROAD for _ in range(w) if c != country]
    number = 0
    for offset in range(days):
        day = start + timedelta(days=offset)
        workday = day.weekday() < 5
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
        calls: list[tuple[int, list[str]]] = []

        def when() -> int:
            hour, spread = rng.choice(_PEAKS)
            second = int(rng.gauss(hour, spread) * 3600)
            return min(max(second, 6 * 3600), 20 * 3600)

        # User calls: outbound (mostly domestic, on the plan) and inbound.
        per_user = 5.0 if workday else 0.25
        for u in range(users):
            for _ in range(_poisson(rng, per_user)):
                at = when()
                seconds = int(rng.expovariate(1 / 210)) + 5
                inbound = rng.random() < 0.35
                if inbound:
                    row = _row(
                        rng,
                        people,
                        u,
                        "user_in",
                        "user_geographic",
                        country,
                        country,
                        "",
                        seconds,
                        "0.0000",
                        "0.0000",
                        currency,
                        "MCOPSTN1",
                    )
                elif rng.random() < 1 / 12:
                    dest = rng.choice(abroad)
                    mobile = rng.random() < 0.4
                    line = "mobile" if mobile else "geographic"
                    charge, fee = _charge(
                        tariff, currency, CallKind.USER_OUTBOUND_INTERNATIONAL, dest, line, seconds
                    )
                    row = _row(
                        rng,
                        people,
                        u,
                        "user_out",
                        f"user_{line}",
                        country,
                        dest,
                        "",
                        seconds,
                        _money(fee),
                        _money(charge),
                        currency,
                        "MCOPSTNPP",
                    )
                else:
                    row = _row(
                        rng,
                        people,
                        u,
                        "user_out",
                        "user_geographic",
                        country,
                        country,
                        "",
                        seconds,
                        "0.0000",
                        "0.0000",
                        currency,
                        "MCOPSTN1",
                    )
                calls.append((at, row))
        # Meetings with phone participants: one per ~8 users on a work day.
        meetings = _poisson(rng, users / 8 if workday else users / 200)
        for _ in range(meetings):
            organizer = rng.randrange(users)
            conference = _hex(rng, 32)
            begin = when()
            length = int(rng.uniform(20, 60) * 60)
            for _ in range(_poisson(rng, 2.5)):
                joined = begin + rng.randrange(0, 300)
                seconds = max(30, length - rng.randrange(0, 600))
                toll_free = rng.random() < 0.4
                if toll_free:
                    mobile = rng.random() < 0.3
                    line = "mobile" if mobile else "geographic"
                    charge, fee = _charge(
                        tariff, currency, CallKind.TOLL_FREE_DIAL_IN, country, line, seconds
                    )
                    row = _row(
                        rng,
                        people,
                        organizer,
                        "conf_in",
                        "toll_free",
                        country,
                        country,
                        conference,
                        seconds,
                        _money(fee),
                        _money(charge),
                        currency,
                        "MCOMEETACPEA",
                    )
                else:
                    row = _row(
                        rng,
                        people,
                        organizer,
                        "conf_in",
                        "service",
                        country,
                        country,
                        conference,
                        seconds,
                        "0.0000",
                        "0.0000",
                        currency,
                        "MCOMEETADV",
                    )
                calls.append((joined, row))
            if rng.random() < 0.3:
                dest = rng.choice(abroad) if rng.random() < 0.5 else country
                seconds = max(30, length - rng.randrange(0, 900))
                line = "mobile" if rng.random() < 0.5 else "geographic"
                if dest == country:
                    charge, fee, capability = (
                        Money.zero(currency),
                        Money.zero(currency),
                        "MCOMEETADV",
                    )
                else:
                    charge, fee = _charge(
                        tariff, currency, CallKind.CONFERENCE_DIAL_OUT, dest, line, seconds
                    )
                    capability = "MCOMEETACPEA"
                row = _row(
                    rng,
                    people,
                    organizer,
                    "conf_out",
                    f"user_{line}",
                    country,
                    dest,
                    conference,
                    seconds,
                    _money(fee),
                    _money(charge),
                    currency,
                    capability,
                )
                calls.append((begin + rng.randrange(0, 120), row))
        calls.sort(key=lambda item: item[0])
        for at, row in calls:
            number += 1
            started = midnight + timedelta(seconds=at)
            ended = started + timedelta(seconds=int(row[15]))
            row[13] = started.strftime("%Y-%m-%dT%H:%M:%SZ")
            row[14] = ended.strftime("%Y-%m-%dT%H:%M:%SZ")
            yield row


def _money(value: Money) -> str:
    # The admin center writes four decimals whatever the currency has.
    return f"{value.to_decimal():.4f}"


def _row(
    rng: random.Random,
    people: _Users,
    user: int,
    call_type: str,
    number_type: str,
    country: str,
    destination: str,
    conference: str,
    seconds: int,
    fee: str,
    charge: str,
    currency: str,
    capability: str,
) -> list[str]:
    domestic = "Domestic" if destination == country else "International"
    return [
        _uuid(rng),
        _uuid(rng),
        conference,
        country,
        people.object_id[user],
        people.upn[user],
        people.name[user],
        people.caller_id[user],
        call_type,
        number_type,
        domestic,
        destination,
        "",
        "",  # start time, filled in when the day is sorted
        "",  # end time
        str(seconds),
        fee,
        charge,
        currency,
        capability,
    ]


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


def write_csv(out: IO[str], rows: Iterator[list[str]]) -> int:
    """Write the header and ``rows``; returns the number of rows written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(row)
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
        stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        writer.writerow(
            [
                _uuid(rng),
                f"user{n + 1:05d}@{domain}",
                f"User {n + 1:05d}",
                "US",
                stamp,
                stamp,
                "",
                (at + timedelta(seconds=95)).strftime("%Y-%m-%dT%H:%M:%SZ"),
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
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(f"PSTN.calls.{stamp}.csv", "w") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            count = write_csv(
                text,
                generate_rows(
                    users=users,
                    days=days,
                    seed=seed,
                    start=start,
                    currency=currency,
                    country=country,
                ),
            )
            text.flush()
            text.detach()
        archive.writestr(
            f"DirectRouting.calls.{stamp}.csv",
            _direct_routing_csv(rng, users, start, "contoso.example"),
        )
        archive.writestr(
            "parameters.json",
            json.dumps(
                {
                    "reportName": "PSTN and SMS (preview) usage",
                    "startDate": start.isoformat(),
                    "endDate": end.isoformat(),
                    "tab": "Calling Plans",
                },
                indent=2,
            ),
        )
    return count


def export_name(seed: int) -> str:
    """The file name the admin center gives the zip."""
    return f"Calls.Export.{seed:08d}.zip"
