"""Flow files and the pure runner: skipping, branching, going back, cancelling."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from helpsvc.content.corpus import load_corpus
from helpsvc.content.index import build_index
from helpsvc.credits import (
    AddUser,
    CallingPlan,
    Licenses,
    apply,
    load_sample_tariff,
    new_tenant,
)
from helpsvc.walkthroughs import runner
from helpsvc.walkthroughs.check import check_flows
from helpsvc.walkthroughs.load import FlowError, load_flows, parse_flow
from tests.conftest import REPO

FLOWS = load_flows()
START = datetime(2026, 1, 10, 9, tzinfo=UTC)


def test_the_four_flows_exist_and_name_sections_present_in_every_language():
    assert set(FLOWS) == {"set-up", "add-funds", "auto-recharge", "switch-to-nce"}
    assert [s.section for s in FLOWS["set-up"].steps] == [
        "step-licenses",
        "step-credits",
        "step-assign-credits-license",
    ]
    assert check_flows(build_index(load_corpus(REPO / "docs"))) == []


def test_check_fails_when_a_language_lacks_a_section(docs_copy, tmp_path):
    page = docs_copy / "zh/guides/set-up-communications-credits.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{#step-credits}", "{#step-two}"),
        encoding="utf-8",
    )
    findings = check_flows(build_index(load_corpus(docs_copy)))
    assert [
        (f.check, "zh/guides/set-up-communications-credits.md" in f.message) for f in findings
    ] == [("walkthrough-anchor", True)]
    assert findings[0].path.endswith("set-up.yaml") and findings[0].line > 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: x\nguide: y\nsteps:\n  - {id: a, section: s, action: nope}\n", "unknown action"),
        ("id: x\nguide: y\nsteps:\n  - {id: a, section: s}\n", "without 'action'"),
        ("id: x\nsteps: []\n", "missing 'guide'"),
        ("id: x\nguide: y\nsteps: [\n", "not valid YAML"),
    ],
)
def test_bad_flow_files_are_reported_with_their_line(text, message):
    with pytest.raises(FlowError) as info:
        parse_flow(text, "flows/x.yaml")
    assert message in info.value.message
    assert info.value.line >= 1


def _state(model: str = "prepaid", licensed: bool = False):
    tariff = load_sample_tariff()
    state = new_tenant("t", "EUR", "DE", START, model=model)
    if licensed:
        user = AddUser(
            "ada", licenses=Licenses(phone_system=True, calling_plan=CallingPlan.DOMESTIC)
        )
        state = apply(state, user, tariff).state
    return state


def test_done_steps_are_skipped_and_remembered():
    session = runner.start(FLOWS["set-up"], _state(licensed=True), "s1", "de")
    assert session.current == "credits"
    assert session.skipped == ("licenses",) and session.history == ("licenses",)


def test_nce_tenant_is_stopped_with_the_reason():
    session = runner.start(FLOWS["set-up"], _state(model="nce"), "s1", "en")
    assert session.status == runner.STOPPED and session.stop_reason == "nce_cannot_purchase"


def test_back_and_cancel():
    flow = FLOWS["set-up"]
    state = _state(licensed=True)
    session = runner.start(flow, state, "s1", "en")
    previous = runner.back(session)
    assert previous.current == "licenses" and previous.history == () and previous.skipped == ()
    assert runner.back(previous) == previous  # nothing before the first step
    cancelled = runner.cancel(previous)
    assert cancelled.status == runner.CANCELLED
    assert runner.back(cancelled) == cancelled
