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
    result = runner.invoke(app, ["simulate", str(HAND), "--card-expires", "2025-12"])
    assert result.exit_code == 2 and "card expires before the replay starts" in result.output
    result = runner.invoke(app, ["simulate", "--help"])
    assert "--card-expires" in result.output and "--advise" in result.output
