"""``helpsvc simulate`` and ``helpsvc usage generate`` as a user runs them."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from helpsvc.cli import app
from helpsvc.usage.columns import COLUMNS

HAND = Path(__file__).resolve().parent.parent / "fixtures" / "usage" / "hand.csv"
BAD = HAND.with_name("bad_rows.csv")
runner = CliRunner()


def test_generate_writes_the_admin_center_columns_deterministically(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        result = runner.invoke(
            app,
            ["usage", "generate", "--users", "12", "--days", "14", "--seed", "3", "-o", str(path)],
        )
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    with first.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    kinds = {(r["Call Type"], r["Number Type"], r["Capability"]) for r in rows}
    assert ("conf_in", "toll_free", "MCOMEETACPEA") in kinds
    assert any(
        r["Domestic/International"] == "International" and r["Capability"] == "MCOPSTNPP"
        for r in rows
    )
    starts = [r["Start Time"] for r in rows]
    assert starts == sorted(starts)
    hours = [int(s[11:13]) for s in starts]
    assert sum(9 <= h <= 16 for h in hours) > len(hours) / 2  # work-day peaks


def test_generate_a_zip_and_simulate_it_with_advice_and_a_report(tmp_path):
    export = tmp_path / "Calls.Export.00000001.zip"
    result = runner.invoke(
        app, ["usage", "generate", "--users", "20", "--days", "35", "-o", str(export)]
    )
    assert result.exit_code == 0, result.output
    assert {"parameters.json"} < set(zipfile.ZipFile(export).namelist())
    report = tmp_path / "report.html"
    result = runner.invoke(
        app,
        ["simulate", str(export), "--advise", "--report", str(report), "--card-expires", "2026-01"],
    )
    assert result.exit_code == 0, result.output
    assert "Direct Routing" in result.output and "Funding advice" in result.output
    assert "Rule of thumb of the guides" in result.output
    html = report.read_text(encoding="utf-8")
    assert html.count("<svg") >= 3 and "Balance over time" in html
    assert "failed recharge" in html


def test_simulate_json_and_bad_rows_as_file_row(tmp_path):
    result = runner.invoke(app, ["simulate", str(BAD), "--funds", "50", "--json"])
    assert result.exit_code == 0, result.output
    assert f"{BAD}:3: Start Time “yesterday” is not an ISO 8601 time" in result.output
    body = json.loads(result.stdout[result.stdout.index("{") :])
    assert body["bad_row_count"] == 10 and body["replay"]["spent"] == "4.00"


def test_simulate_german_report_and_strict(tmp_path):
    report = tmp_path / "bericht.html"
    result = runner.invoke(
        app, ["simulate", str(HAND), "--advise", "--lang", "de", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "Faustregel der Anleitungen" in result.output
    assert 'lang="de"' in report.read_text(encoding="utf-8")
    strict = runner.invoke(app, ["simulate", str(BAD), "--strict"])
    assert strict.exit_code == 1 and f"{BAD}:3:" in strict.output


def test_wrong_file_gets_one_message_not_a_traceback(tmp_path):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("hello,world\n1,2\n", encoding="utf-8")
    result = runner.invoke(app, ["simulate", str(wrong)])
    assert result.exit_code == 2
    assert "not the PSTN usage report" in result.output and "Traceback" not in result.output
    direct = HAND.with_name("DirectRouting.calls.20260105.csv")
    result = runner.invoke(app, ["simulate", str(direct), "--lang", "zh"])
    assert result.exit_code == 2 and "直接路由" in result.output
    missing = runner.invoke(app, ["simulate", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_bad_options_are_named(tmp_path):
    result = runner.invoke(app, ["simulate", str(HAND), "--funds", "12,50"])
    assert result.exit_code == 2 and "--funds" in result.output
    result = runner.invoke(app, ["simulate", "--help"])
    assert "--card-expires" in result.output and "--advise" in result.output


def test_zero_amounts_are_errors_naming_option_and_value():
    result = runner.invoke(app, ["simulate", str(HAND), "--recharge", "0"])
    assert result.exit_code == 2
    assert "--recharge" in result.output and "a recharge amount of 0" in result.output
    assert "--no-auto-recharge" in result.output
    as_json = runner.invoke(app, ["simulate", str(HAND), "--trigger", "0.00", "--json"])
    assert as_json.exit_code == 2
    error = json.loads(as_json.stdout)
    assert (error["code"], error["option"], error["value"]) == ("amount_zero", "--trigger", "0.00")
    assert error["message"].startswith("--trigger: ")
    allowed = runner.invoke(app, ["simulate", str(HAND), "--funds", "0", "--no-auto-recharge"])
    assert allowed.exit_code == 0, allowed.output


def test_with_json_every_error_is_one_json_object_on_stdout(tmp_path):
    lines = HAND.read_bytes().splitlines(keepends=True)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"".join([*lines[:4], lines[4].replace(b"Bob", b"B\xfcb"), *lines[5:]]))
    cases = [
        (["simulate", str(latin), "--json", "--lang", "de"], 2, "not_utf8", str(latin), 5),
        (["simulate", str(BAD), "--strict", "--json"], 1, "row_bad_time", str(BAD), 3),
        (["simulate", str(tmp_path / "nope.csv"), "--json"], 2, "file_missing", None, None),
        (["simulate", str(HAND), "--start", "soon", "--json"], 2, "invalid_settings", None, None),
        (["simulate", str(HAND), "--lang", "fr", "--json"], 2, "invalid_settings", None, None),
    ]
    for args, exit_code, code, file, row in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == exit_code, result.output
        error = json.loads(result.stdout)
        assert error["code"] == code and error["message"]
        if file is not None:
            assert (error["file"], error["row"]) == (file, row)
        assert "╭" not in result.output and "Traceback" not in result.output
    german = json.loads(runner.invoke(app, cases[0][0]).stdout)["message"]
    assert german.startswith(f"{latin}:5: ") and "UTF-8" in german and "Speichern Sie" in german


def test_a_card_expired_before_the_start_is_replayed_and_said(tmp_path):
    args = ["simulate", str(HAND), "--funds", "10", "--trigger", "4", "--recharge", "5"]
    result = runner.invoke(app, [*args, "--card-expires", "2025-12"])
    assert result.exit_code == 0, result.output
    assert "The payment card expired before the replay starts (12/2025)" in result.output
    body = json.loads(runner.invoke(app, [*args, "--card-expires", "12/25", "--json"]).stdout)
    assert body["replay"]["config"]["card_expired_at_start"] is True
    assert body["replay"]["failed_recharge_count"] == 1 and body["replay"]["refused_count"] == 2
    assert body["notes"][-1]["code"] == "card_expired"


def test_counts_are_worded_in_the_singular_when_there_is_one(tmp_path):
    lines = BAD.read_text(encoding="utf-8").splitlines(keepends=True)
    one_bad = tmp_path / "one_bad.csv"
    one_bad.write_text(lines[0] + lines[1] + lines[2], encoding="utf-8")
    result = runner.invoke(app, ["simulate", str(one_bad), "--funds", "50"])
    assert "1 bad row was skipped" in result.output and "1 bad rows" not in result.output
    advice = runner.invoke(app, ["simulate", str(HAND), "--advise"])
    assert "with 1 recharge (" in advice.output and "1 recharges" not in advice.output
    german = runner.invoke(app, ["simulate", str(HAND), "--advise", "--lang", "de"])
    assert "bei 1 Aufladung (" in german.output and "1 Aufladungen" not in german.output
    report = tmp_path / "report.html"
    hand = HAND.read_text(encoding="utf-8").splitlines(keepends=True)
    single = tmp_path / "single.csv"
    single.write_text(hand[0] + hand[1], encoding="utf-8")
    runner.invoke(app, ["simulate", str(single), "--advise", "--report", str(report)])
    html = report.read_text(encoding="utf-8")
    assert "1 call from" in html and "1 of them was paid" in html and "1 calls" not in html


def test_the_recharge_delay_is_an_option_and_stated_in_the_advice():
    result = runner.invoke(app, ["simulate", str(HAND), "--advise", "--recharge-delay-days", "2"])
    assert result.exit_code == 0, result.output
    assert "may take up to 2 days to arrive" in result.output
    assert "--recharge-delay-days" in result.output
    bad = runner.invoke(app, ["simulate", str(HAND), "--advise", "--recharge-delay-days", "-1"])
    assert bad.exit_code == 2 and "--recharge-delay-days" in bad.output
