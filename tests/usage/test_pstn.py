"""One PSTN row model, one writer: the CSV text it makes, and typed rows read without it."""

from __future__ import annotations

import csv
import re
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone

from helpsvc.credits import Money
from helpsvc.usage.columns import COLUMNS
from helpsvc.usage.generate import generate_rows
from helpsvc.usage.pstn import PstnRow
from helpsvc.usage.reader import read_lines, read_records
from helpsvc.usage.writer import pstn_csv

START = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def row(**changes) -> PstnRow:
    base = PstnRow(
        usage_id="u-1",
        call_id="c-1",
        conference_id="",
        user_location="US",
        aad_object_id="",
        upn="alice@contoso.example",
        user_display_name="Alice, the admin",
        caller_id="",
        call_type="user_out",
        number_type="user_geographic",
        domestic_international="International",
        destination_dialed="GB",
        destination_number="",
        start_time=START,
        end_time=START + timedelta(seconds=95),
        duration_seconds=95,
        connection_fee=Money(6, "USD"),
        charge=Money(156, "USD"),
        currency="USD",
        capability="MCOPSTNPP",
    )
    return replace(base, **changes)


def test_one_field_per_column_in_the_columns_order():
    names = [f.name for f in fields(PstnRow)]
    assert len(names) == len(COLUMNS)
    pairs = dict(zip(COLUMNS, names, strict=True))
    assert pairs["UsageId"] == "usage_id" and pairs["AAD ObjectId"] == "aad_object_id"
    assert pairs["Domestic/International"] == "domestic_international"
    assert pairs["Start Time"] == "start_time" and pairs["Duration Seconds"] == "duration_seconds"
    assert pairs["Connection Fee"] == "connection_fee" and pairs["Capability"] == "capability"


def test_the_csv_has_the_header_then_one_line_per_row():
    lines = list(pstn_csv([row(), row(usage_id="u-2")]))
    assert lines[0] == ",".join(COLUMNS) + "\r\n"
    assert len(lines) == 3 and all(line.endswith("\r\n") for line in lines)
    written = dict(zip(COLUMNS, next(csv.reader([lines[1]])), strict=True))
    assert written["User Display Name"] == "Alice, the admin"  # quoted, not split
    assert (written["Start Time"], written["End Time"]) == (
        "2026-01-05T09:30:00Z",
        "2026-01-05T09:31:35Z",
    )
    assert written["Duration Seconds"] == "95"
    assert (written["Connection Fee"], written["Charge"]) == ("0.06", "1.56")


def money(call: PstnRow, decimals: int | None = None) -> tuple[str, str]:
    """(Connection Fee, Charge) as written."""
    cells = dict(zip(COLUMNS, call.cells(decimals), strict=True))
    return cells["Connection Fee"], cells["Charge"]


def test_money_has_the_currencys_digits_or_exactly_the_decimals_asked_for():
    assert money(row(charge=Money(0, "USD"), connection_fee=Money(0, "USD"))) == ("0.00", "0.00")
    yen = row(charge=Money(120, "JPY"), connection_fee=Money(0, "JPY"), currency="JPY")
    assert money(yen) == ("0", "120")
    assert money(yen, 4) == ("0.0000", "120.0000")
    assert money(row(), 4) == ("0.0600", "1.5600")
    line = list(pstn_csv([row()], money_decimals=4))[1]
    assert ",0.0600,1.5600,USD," in line


def test_times_are_written_in_utc_whatever_they_came_as():
    def times(call: PstnRow) -> tuple[str, str]:
        cells = dict(zip(COLUMNS, call.cells(), strict=True))
        return cells["Start Time"], cells["End Time"]

    naive = row(start_time=datetime(2026, 1, 5, 9, 30), end_time=datetime(2026, 1, 5, 9, 31))
    assert times(naive) == ("2026-01-05T09:30:00Z", "2026-01-05T09:31:00Z")
    berlin = timezone(timedelta(hours=1))
    shifted = row(start_time=datetime(2026, 1, 5, 10, 30, 0, 500, tzinfo=berlin))
    assert times(shifted)[0] == "2026-01-05T09:30:00Z"


def read_all(reader):
    values = list(reader.rows())
    return values, reader.problems, reader.problem_count, reader.currency, reader.rows_read


def test_typed_rows_read_exactly_as_their_csv_does():
    rows = list(generate_rows(users=15, days=10, seed=4))
    # A bad row and one without End Time go through the same checks as well.
    rows[5] = replace(rows[5], end_time=rows[5].start_time - timedelta(minutes=1))
    rows[9] = replace(rows[9], duration_seconds=-3)
    typed = read_all(read_records(iter(rows), "tenant usage.csv"))
    text = read_all(read_lines(pstn_csv(rows), "tenant usage.csv"))
    assert typed == text
    values, problems, count, currency, read = typed
    assert currency == "USD" and read == len(rows) and count == 2
    assert [(p.row, p.code) for p in problems] == [
        (7, "end_before_start"),
        (11, "negative_duration"),
    ]
    assert len(values) == len(rows) - 2


def test_the_generator_writes_four_decimals_like_the_admin_center(tmp_path):
    from helpsvc.usage.generate import write_csv

    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        count = write_csv(handle, generate_rows(users=5, days=3, seed=2))
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert len(written) == count
    assert all(re.fullmatch(r"\d+\.\d{4}", r["Charge"]) for r in written)
