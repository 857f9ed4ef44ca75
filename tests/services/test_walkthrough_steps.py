"""A walkthrough step is one transaction: all its commands or none, and a retry buys once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpsvc.credits import AddFunds, ConfigureAutoRecharge, DomainError, Money, SetPaymentCard
from helpsvc.services.container import Parts, Services, build_services
from helpsvc.services.tenants import NewTenant
from helpsvc.settings import Settings
from tests.conftest import REPO


@pytest.fixture
def services(database_url: str, tmp_path: Path, service_parts: Parts):
    settings = Settings(docs_dir=REPO / "docs", data_dir=tmp_path, database_url=database_url)
    built = build_services(settings, service_parts)
    built.start()
    try:
        yield built
    finally:
        built.stop()


def new_tenant(services: Services) -> str:
    spec = NewTenant(
        "Contoso", "DE", "EUR", "prepaid", "de", None, datetime(2026, 1, 5, tzinfo=UTC)
    )
    return services.tenants.create(spec, present=lambda r, _s, _k: {"id": r.id}).body["id"]


def refuse_or_ok(_record, outcome):
    return (409, {"code": outcome.code.value}) if isinstance(outcome, DomainError) else (200, {})


def test_a_refused_command_discards_the_whole_step(services: Services) -> None:
    tenant_id = new_tenant(services)
    eur = Money.parse("10.00", "EUR")
    reply = services.tenants.execute(
        tenant_id,
        lambda _state: [
            SetPaymentCard("4242", 12, 2030),
            AddFunds(eur),
            ConfigureAutoRecharge(True, None, eur),  # no trigger amount: refused
        ],
        present=refuse_or_ok,
    )
    assert reply.status == 409
    loaded = services.tenants.load(tenant_id)
    assert loaded.state.card is None and loaded.state.balance.is_zero
    assert loaded.record.version == 1
    assert services.queries.ledger_page(tenant_id).entries == []


def funded_step(services: Services) -> tuple[str, str]:
    tenant_id = new_tenant(services)
    services.tenants.execute(
        tenant_id, lambda _s: SetPaymentCard("4242", 12, 2030), present=refuse_or_ok
    )
    session = services.walkthroughs.start(tenant_id, "add-funds", "de")
    assert session.current == "funds"  # the card step is already done
    return tenant_id, session.id


def purchases(services: Services, tenant_id: str) -> list[int]:
    page = services.queries.ledger_page(tenant_id, types=["purchase"])
    return [entry.amount_minor for entry in page.entries]


def test_a_double_submit_buys_once(services: Services) -> None:
    tenant_id, session_id = funded_step(services)
    outcomes = []

    def submit() -> None:
        outcomes.append(services.walkthroughs.submit(tenant_id, session_id, {"amount": "25.50"}))

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert purchases(services, tenant_id) == [2550]
    assert services.tenants.load(tenant_id).state.balance == Money.parse("25.50", "EUR")
    assert all(outcome.session.status == "done" for outcome in outcomes)


def test_back_and_the_same_values_again_do_not_buy_again(services: Services) -> None:
    tenant_id, session_id = funded_step(services)
    done = services.walkthroughs.submit(tenant_id, session_id, {"amount": "40"})
    assert done.session.status == "done"
    back = services.walkthroughs.back(tenant_id, session_id)
    assert back.current == "funds"
    again = services.walkthroughs.submit(tenant_id, session_id, {"amount": "40"})
    assert again.session.status == "done" and not again.form_error
    assert purchases(services, tenant_id) == [4000]
    other = services.walkthroughs.back(tenant_id, session_id)
    assert other.current == "funds"
    services.walkthroughs.submit(tenant_id, session_id, {"amount": "10"})
    assert purchases(services, tenant_id) == [4000, 1000]  # another amount is another purchase


def test_a_step_token_is_good_for_one_move_only(services: Services) -> None:
    tenant_id, session_id = funded_step(services)
    session = services.walkthroughs.current(tenant_id, session_id)
    token = services.walkthroughs.token(session)
    done = services.walkthroughs.submit(tenant_id, session_id, {"amount": "40"}, token=token)
    assert done.session.status == "done" and not done.stale
    replay = services.walkthroughs.submit(tenant_id, session_id, {"amount": "40"}, token=token)
    assert replay.stale and purchases(services, tenant_id) == [4000]
    # Back with the old token is refused too; the open session stays finished.
    assert services.walkthroughs.back(tenant_id, session_id, token=token).status == "done"
    assert services.walkthroughs.open(tenant_id, "add-funds", "de").id == session_id
