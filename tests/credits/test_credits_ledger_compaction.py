"""A store hands the engine a compacted ledger; the outcome must not depend on it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from helpsvc.credits import DomainError, Tariff, apply
from tests.credits.test_credits_properties import PROPERTY_SETTINGS, ops, start_state


@PROPERTY_SETTINGS
@given(commands=st.lists(ops, max_size=40), card_year=st.integers(2024, 2027))
def test_compacted_ledger_gives_the_same_history(tariff: Tariff, commands, card_year) -> None:
    full = start_state(tariff, card_year, (5_000, 1_000, 4_000))
    compact = full
    compact = type(compact)(**{**_fields(compact), "ledger": compact.ledger.compacted("USD")})
    history = list(full.ledger)
    for command in commands:
        try:
            full_next = apply(full, command, tariff).state
        except DomainError as exc:
            try:
                apply(compact, command, tariff)
            except DomainError as other:
                assert other.code == exc.code
                continue
            raise AssertionError("only the full ledger refused the command") from exc
        compact_next = apply(compact, command, tariff).state
        new_entries = compact_next.ledger.since(compact.ledger.last_seq)
        assert new_entries == full_next.ledger.since(full.ledger.last_seq)
        history.extend(new_entries)
        assert compact_next.balance == full_next.balance
        assert compact_next.lots == full_next.lots
        full = full_next
        compact = type(compact_next)(
            **{**_fields(compact_next), "ledger": compact_next.ledger.compacted("USD")}
        )
    assert tuple(history) == full.ledger.entries
    assert [e.seq for e in history] == list(range(1, len(history) + 1))


def _fields(state) -> dict:
    return {name: getattr(state, name) for name in state.__dataclass_fields__}
