from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from helpsvc.credits import Lot, LotSource, Money
from helpsvc.credits.lots import consume, consumption_order, new_lot

T = datetime(2024, 1, 15, tzinfo=UTC)


def usd(minor: int) -> Money:
    return Money(minor, "USD")


def lot(seq: int, remaining: int, expires_in_days: int, expired: bool = False) -> Lot:
    made = new_lot(f"lot-{seq}", seq, LotSource.PURCHASE, usd(remaining), T, usd(0))
    return replace(made, expires_at=T + timedelta(days=expires_in_days), expired=expired)


def test_purchase_expires_twelve_calendar_months_later() -> None:
    bought = new_lot(
        "lot-1", 1, LotSource.PURCHASE, usd(500), datetime(2024, 2, 29, 8, tzinfo=UTC), usd(0)
    )
    assert bought.expires_at == datetime(2025, 2, 28, 8, tzinfo=UTC)
    assert bought.remaining == bought.amount == usd(500)


def test_new_lot_pays_outstanding_debt_first() -> None:
    partly = new_lot("lot-1", 1, LotSource.PURCHASE, usd(500), T, usd(120))
    assert (partly.amount, partly.remaining, partly.debt_settled) == (usd(500), usd(380), usd(120))
    swallowed = new_lot("lot-2", 2, LotSource.PURCHASE, usd(100), T, usd(120))
    assert (swallowed.remaining, swallowed.debt_settled) == (usd(0), usd(100))


def test_consumes_earliest_expiry_first_then_purchase_order() -> None:
    lots = (lot(1, 100, 300), lot(2, 100, 200), lot(3, 100, 200), lot(4, 100, 100, expired=True))
    new_lots, draws, unpaid = consume(lots, usd(150))
    assert [(d.lot_id, d.amount.minor) for d in draws] == [("lot-2", 100), ("lot-3", 50)]
    assert [x.remaining.minor for x in new_lots] == [100, 0, 50, 100]
    assert [x.id for x in new_lots] == ["lot-1", "lot-2", "lot-3", "lot-4"]
    assert unpaid == usd(0)


def test_consume_reports_what_lots_cannot_cover() -> None:
    _, draws, unpaid = consume((lot(1, 30, 10),), usd(100))
    assert [d.amount.minor for d in draws] == [30]
    assert unpaid == usd(70)


lot_specs = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(1, 400), st.booleans()), min_size=0, max_size=8
)


@settings(max_examples=200, deadline=None)
@given(specs=lot_specs, amount=st.integers(0, 30000))
def test_consumption_drains_a_prefix_of_the_expiry_order(
    specs: list[tuple[int, int, bool]], amount: int
) -> None:
    lots = tuple(lot(i + 1, rem, days, expired) for i, (rem, days, expired) in enumerate(specs))
    new_lots, draws, unpaid = consume(lots, usd(amount))
    order = [x.id for x in consumption_order(lots)]
    drawn = [d.lot_id for d in draws]
    assert drawn == order[: len(drawn)]
    by_id = {x.id: x for x in new_lots}
    # Every lot drawn before the last one was emptied completely.
    assert all(by_id[lot_id].remaining.minor == 0 for lot_id in drawn[:-1])
    available = sum(x.remaining.minor for x in lots if x.spendable)
    assert sum(d.amount.minor for d in draws) == min(amount, available)
    assert unpaid.minor == amount - min(amount, available)
    for old, new in zip(lots, new_lots, strict=True):
        assert 0 <= new.remaining.minor <= old.remaining.minor
        if old.id not in drawn:
            assert new == old
