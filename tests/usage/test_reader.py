"""Reading the export: the CSV, the zip, the Direct Routing file, bad rows and wrong files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from helpsvc.usage.presentation.messages import describe_file_error, describe_row
from helpsvc.usage.reader import BadRowError, ExportError, as_row, open_export
from helpsvc.usage.simulate import SimulationOptions, simulate

USAGE = Path(__file__).resolve().parent.parent / "fixtures" / "usage"


def rows_of(path: Path, **kwargs):
    with open_export(path, **kwargs) as reader:
        rows = [as_row(values) for values in reader.rows()]
        return rows, reader


def test_reads_the_calling_plans_csv_with_typed_values():
    rows, reader = rows_of(USAGE / "hand.csv")
    assert reader.currency == "USD" and reader.problem_count == 0
    assert [r.row for r in rows] == [2, 3, 4, 5, 6, 7, 8]
    first = rows[0]
    assert first.upn == "alice@contoso.example" and first.duration_seconds == 600
    assert first.start.isoformat() == "2026-01-05T09:00:00+00:00"
    assert [r.credit_funded for r in rows] == [True, False, True, True, True, True, True]
    assert rows[2].capability == "MCOMEETACPEA" and rows[2].call_type == "conf_in"


def test_utf8_bom_seven_digit_fractions_and_offsets(tmp_path):
    text = (USAGE / "hand.csv").read_text(encoding="utf-8")
    text = text.replace("2026-01-05T09:00:00Z,", "2026-01-05T10:00:00.1234567+01:00,", 1)
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    rows, reader = rows_of(path)
    assert reader.problem_count == 0
    assert rows[0].start.isoformat() == "2026-01-05T09:00:00.123456+00:00"


def test_the_zip_of_the_admin_center_skips_and_explains_direct_routing(tmp_path):
    path = tmp_path / "Calls.Export.0001.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(USAGE / "hand.csv", "PSTN.calls.20260105.csv")
        archive.write(
            USAGE / "DirectRouting.calls.20260105.csv", "DirectRouting.calls.20260105.csv"
        )
        archive.writestr("parameters.json", '{"startDate": "2026-01-05"}')
    rows, reader = rows_of(path)
    assert len(rows) == 7 and reader.source == "Calls.Export.0001.zip/PSTN.calls.20260105.csv"
    assert reader.parameters == {"startDate": "2026-01-05"}
    [note] = reader.notes
    assert note.code == "direct_routing_skipped" and note.params["calls"] == 1


def test_a_zip_with_only_direct_routing_says_why_there_is_nothing_to_replay(tmp_path):
    path = tmp_path / "Calls.Export.0002.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(USAGE / "DirectRouting.calls.20260105.csv", "DirectRouting.calls.x.csv")
    with pytest.raises(ExportError) as caught, open_export(path):
        pass
    assert caught.value.code == "zip_direct_routing_only"


def test_the_direct_routing_csv_is_recognised_and_explained():
    with (
        pytest.raises(ExportError) as caught,
        open_export(USAGE / "DirectRouting.calls.20260105.csv"),
    ):
        pass
    error = caught.value
    assert error.code == "direct_routing"
    for lang, words in (
        ("en", "never draw on Communications Credits"),
        ("de", "Kommunikationsguthaben"),
        ("zh", "通信点数"),
    ):
        assert words in describe_file_error(error.code, error.source, error.params, lang)


BAD_ROWS = {
    3: ("bad_time", {"column": "Start Time", "value": "yesterday"}),
    4: ("negative_duration", {"value": "-5"}),
    5: ("currency_mismatch", {"expected": "USD", "got": "EUR"}),
    6: ("columns", {"expected": 20, "got": 12}),
    7: ("bad_charge", {"value": "three"}),
    8: ("end_before_start", {"start": "2026-01-05T13:00:00Z", "end": "2026-01-05T12:10:00Z"}),
    9: ("missing_value", {"column": "UPN"}),
    10: ("bad_time", {"column": "End Time", "value": "2026-01-05T25:10:00Z"}),
    11: ("bad_duration", {"value": "ten"}),
    12: ("no_rate", {"currency": "USD", "destination": "ZW", "number_type": "mobile"}),
}


def test_every_bad_row_kind_is_reported_with_its_row_and_skipped(tariff):
    path = USAGE / "bad_rows.csv"
    sim = simulate(
        lambda strict: open_export(path, strict=strict), SimulationOptions(funds="50"), tariff
    )
    found = {p.row: (p.code, p.params) for p in sim.problems}
    assert found == BAD_ROWS
    assert all(p.source == "bad_rows.csv" for p in sim.problems)
    # Only rows 2 (3.00) and 13 (1.00) were good: nothing was lost from them.
    assert sim.result.calls == 2 and sim.result.spent == 400
    assert sim.result.final_balance == 5000 - 400
    message = describe_row("bad_time", BAD_ROWS[3][1], "de")
    assert "„yesterday“" in message and "ISO 8601" in message


def test_strict_stops_at_the_first_bad_row(tariff):
    path = USAGE / "bad_rows.csv"
    with pytest.raises(BadRowError) as caught:
        simulate(
            lambda strict: open_export(path, strict=strict),
            SimulationOptions(funds="50", strict=True),
            tariff,
        )
    assert caught.value.problem.row == 3 and caught.value.problem.code == "bad_time"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (b"name,price\napple,3\n", "not_usage_export"),
        (b"UsageId,Call ID,UPN,Start Time\n1,2,a@b,2026-01-01T00:00:00Z\n", "columns_missing"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x00", "not_text"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    ],
)
def test_a_file_that_is_not_the_export_gets_one_clear_message(tmp_path, content, code):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(ExportError) as caught, open_export(path) as reader:
        list(reader.rows())
    assert caught.value.code == code
    assert caught.value.source == "upload.csv"
    assert describe_file_error(caught.value.code, "upload.csv", caught.value.params, "en")


def test_an_excel_workbook_is_named_as_such(tmp_path):
    path = tmp_path / "report.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ExportError) as caught, open_export(path):
        pass
    assert caught.value.code == "excel_workbook"


def test_utf16_tab_separated_as_excel_saves_it(tmp_path):
    text = (USAGE / "hand.csv").read_text(encoding="utf-8").replace(",", "\t")
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode("utf-16"))
    rows, reader = rows_of(path)
    assert len(rows) == 7 and reader.problem_count == 0


def _windows_1252(lines: list[bytes], row: int) -> bytes:
    """The export with "Bob" of ``row`` written "Büb" as Excel's plain CSV saves it."""
    changed = list(lines)
    changed[row - 1] = changed[row - 1].replace(b"Bob", "Büb".encode("cp1252"), 1)
    return b"".join(changed)


def test_text_that_is_not_utf8_names_file_row_and_the_first_bad_byte(tmp_path, tariff):
    lines = (USAGE / "hand.csv").read_bytes().splitlines(keepends=True)
    near = tmp_path / "near.csv"  # in the decoder's first chunk, with the header
    near.write_bytes(_windows_1252(lines, 5))
    # Far below the first chunk: the decoder fails while an earlier row is being read.
    far = tmp_path / "far.csv"
    far.write_bytes(_windows_1252([lines[0], *lines[1:2] * 400, lines[2]], 402))
    # A quoted value spanning lines: the row is the CSV record, not the line.
    quoted = tmp_path / "quoted.csv"
    two_lines = lines[1].replace(b"Alice", b'"Alice\nSmith"')
    quoted.write_bytes(_windows_1252([lines[0], two_lines, *lines[2:]], 5))  # line 6
    for path, row in ((near, 5), (far, 402), (quoted, 5)):
        with pytest.raises(ExportError) as caught:
            simulate(
                lambda strict, p=path: open_export(p, strict=strict), SimulationOptions(), tariff
            )
        error = caught.value
        assert (error.code, error.source, error.params["row"]) == ("not_utf8", path.name, row)
        assert error.params["byte"] == "0xFC"
        message = describe_file_error(error.code, error.source, error.params, "en")
        assert message.startswith(f"{path.name}:{row}: ") and "0xFC" in message
        assert "CSV UTF-8" in describe_file_error(error.code, error.source, error.params, "de")


def test_not_utf8_inside_the_zip_names_the_member(tmp_path, tariff):
    lines = (USAGE / "hand.csv").read_bytes().splitlines(keepends=True)
    path = tmp_path / "Calls.Export.0003.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("PSTN.calls.20260105.csv", _windows_1252(lines, 7))
    with pytest.raises(ExportError) as caught:
        simulate(lambda strict: open_export(path, strict=strict), SimulationOptions(), tariff)
    error = caught.value
    assert error.code == "not_utf8" and error.params["row"] == 7
    assert error.source == "Calls.Export.0003.zip/PSTN.calls.20260105.csv"


def test_an_empty_zip_and_a_header_only_export_get_their_own_messages(tmp_path, tariff):
    empty = tmp_path / "Calls.Export.0004.zip"
    zipfile.ZipFile(empty, "w").close()
    header = (USAGE / "hand.csv").read_bytes().splitlines(keepends=True)[0]
    only_header = tmp_path / "PSTN.calls.csv"
    only_header.write_bytes(header + b"\r\n")
    header_zip = tmp_path / "Calls.Export.0005.zip"
    with zipfile.ZipFile(header_zip, "w") as archive:
        archive.writestr("PSTN.calls.20260105.csv", header)
    expected = {empty: "zip_empty", only_header: "header_only", header_zip: "header_only"}
    for path, code in expected.items():
        with pytest.raises(ExportError) as caught:
            simulate(
                lambda strict, p=path: open_export(p, strict=strict), SimulationOptions(), tariff
            )
        assert caught.value.code == code
        for lang, words in (("en", "empty zip"), ("de", "leere ZIP"), ("zh", "空的 zip")):
            if code == "zip_empty":
                assert words in describe_file_error(code, path.name, {}, lang)
        if code == "header_only":
            assert "no calls" in describe_file_error(code, path.name, {}, "en")
