"""Every tenant route answers what its response model in the OpenAPI document says."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from tenant_helpers import Tenant

from helpsvc.api.tenant_out import (
    CallOut,
    CommandOut,
    CreatedTenantOut,
    LedgerPageOut,
    NotificationsOut,
    TenantOut,
)


def valid(model: type[BaseModel], body: dict[str, Any]) -> BaseModel:
    # extra="forbid" on every model: a field the model does not document fails too.
    return model.model_validate(body)


def test_answers_of_a_whole_life_match_the_models(client) -> None:
    tenant = Tenant(client)
    valid(CreatedTenantOut, tenant.created.json())
    assert tenant.created.headers["location"] == f"/api/v1/tenants/{tenant.id}"
    tenant.setup_user()
    tenant.card()
    valid(CommandOut, tenant.fund("20.00"))
    valid(
        CommandOut,
        tenant.ok(
            "put",
            "/auto-recharge",
            {"enabled": True, "trigger_amount": "5.00", "recharge_amount": "10.00"},
        ),
    )
    call = tenant.call(600)
    assert call.status_code == 201, call.text
    assert valid(CallOut, call.json()).call is not None
    valid(CommandOut, tenant.ok("post", "/clock", {"months": 13}))
    state = valid(TenantOut, tenant.state())
    assert state.lots and state.payment_card is not None and state.plan_minutes
    ledger = valid(LedgerPageOut, tenant.get("/ledger").json())
    assert {entry.type for entry in ledger.entries} >= {"purchase", "usage", "expiry"}
    outbox = valid(NotificationsOut, tenant.get("/notifications").json())
    assert outbox.notifications


def test_the_openapi_document_names_a_model_for_every_tenant_route(client) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/v1/tenants") or path.endswith("usage.csv"):
            continue
        for method, operation in operations.items():
            ok = next(code for code in operation["responses"] if code.startswith("2"))
            schema = operation["responses"][ok]["content"]["application/json"]["schema"]
            assert "$ref" in schema, f"{method.upper()} {path} has no response model"
