"""States stored before compaction existed still load, and shrink on their next command."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from helpsvc.credits import (
    DEFAULT_RETENTION,
    AdvanceClock,
    CommerceModel,
    Folded,
    apply,
    load_sample_tariff,
    new_tenant,
)
from helpsvc.store.codec import dump_state, load_state


def test_an_old_state_without_a_summary_loads_and_is_compacted_by_its_next_command() -> None:
    tariff = load_sample_tariff()
    state = new_tenant(
        "old", "USD", "US", datetime(2026, 1, 1, tzinfo=UTC), model=CommerceModel.NCE
    )
    for _ in range(5):  # 50 years, kept whole as the engine used to keep them
        state = apply(state, AdvanceClock(months=120), tariff, retention=None).state
    document = json.loads(dump_state(state))
    del document["folded"]  # what a state written by the previous version looks like
    old_text = json.dumps(document)

    loaded = load_state(old_text)
    assert loaded.folded == Folded()
    assert loaded.invoices == state.invoices and len(loaded.invoices) == 600

    after = apply(loaded, AdvanceClock(months=1), tariff).state
    assert len(after.invoices) == DEFAULT_RETENTION.invoices
    assert after.folded.invoices == 601 - DEFAULT_RETENTION.invoices
    assert len(dump_state(after)) < len(old_text) / 10
    assert load_state(dump_state(after)) == after
