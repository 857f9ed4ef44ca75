"""The OpenAPI document is a contract: Schemathesis drives every operation of the ASGI app
with generated valid and invalid requests and every check on. The app must never answer
a server error, and every status code, content type, header and body it sends must be the
ones the document declares.

The run is deterministic (a fixed seed, no example database) and bounded (EXAMPLES per
operation: about 30 s on one core, well under the two minutes it may take).
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, seed, settings
from schemathesis.config import HttpBearerAuthConfig
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance

from helpsvc.api import create_app
from helpsvc.services.container import Parts, build_services
from helpsvc.services.idempotency import key_fault
from helpsvc.settings import Settings
from tests.conftest import REPO

SEED = 20261128
ADMIN_TOKEN = "contract-admin-token"
# Operations whose acceptance depends on stored state, not only on the request: a schema
# cannot say it, so the check that schema-valid data is accepted is off for them alone (the
# 422s they answer are documented problems; every other check stays on).
STATE_DEPENDENT = {
    "POST /api/v1/tenants/{tenant_id}/calls": "a domestic call must be to the user's country",
    "POST /api/v1/tenants/{tenant_id}/funds": "decimals allowed depend on the tenant's currency",
    "POST /api/v1/tenants/{tenant_id}/adjustments": "decimals depend on the tenant's currency",
    "PUT /api/v1/tenants/{tenant_id}/auto-recharge": "turning on needs amounts, sent or stored",
    "POST /api/v1/tenants/{tenant_id}/clock": "how far the clock may move depends on its time",
}
CONTENT_CHECKED = frozenset({"/api/v1/simulations", "/simulate"})
RATE_LIMITS = (
    "rate_limit_tenant_creation",
    "rate_limit_sign_in",
    "rate_limit_sandbox",
    "rate_limit_admin",
    "rate_limit_key_failures",
)
EXAMPLES = 30


class Contract:
    """The app under test and a tenant whose key authenticates the tenant routes."""

    def __init__(self, app: Any, tenant_id: str, api_key: str) -> None:
        self.app, self.tenant_id, self.api_key = app, tenant_id, api_key


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory, service_parts: Parts) -> Iterator[Contract]:
    root: Path = tmp_path_factory.mktemp("contract")
    settings_ = Settings(
        docs_dir=REPO / "docs",
        site_dir=root / "no-site",
        data_dir=root / "var",
        admin_token=ADMIN_TOKEN,
        miss_flush_seconds=3600.0,
        # Every generated request comes from one client: the limits are tested elsewhere
        # (a 429 is documented on every operation), here they would hide the other answers.
        **{name: "100000/minute" for name in RATE_LIMITS},
    )
    app = create_app(settings_, build_services(settings_, service_parts))
    with asgi.get_client(app) as client:
        created = client.post(
            "/api/v1/tenants",
            json={"name": "Contoso", "country": "US", "currency": "USD"},
        )
        assert created.status_code == 201, created.text
        body = created.json()
    # Credentials per declared security scheme: Schemathesis sends them, and leaves them
    # out or spoils them itself where it checks that a route refuses to run without.
    schema.config.auth.openapi.schemes.update(
        TenantKey=HttpBearerAuthConfig(bearer=body["api_key"]),
        AdminToken=HttpBearerAuthConfig(bearer=ADMIN_TOKEN),
    )
    yield Contract(app, body["tenant"]["id"], body["api_key"])
    asgi.shutdown_lifespans()


def _document() -> dict[str, Any]:
    """The OpenAPI document of the app, built without starting it (no database is opened)."""
    unused = Path(tempfile.gettempdir()) / "helpsvc-contract-unused"
    app = create_app(Settings(docs_dir=REPO / "docs", site_dir=unused, data_dir=unused))
    return app.openapi()


schema = schemathesis.openapi.from_dict(_document())


@schema.parametrize()
@seed(SEED)
@settings(
    max_examples=EXAMPLES,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(
    case: Any, contract: Contract, request: pytest.FixtureRequest
) -> None:
    if "tenant_id" in (case.path_parameters or {}):
        # A random id is only ever a 404; the tenant's own id reaches the routes' logic.
        case.path_parameters["tenant_id"] = contract.tenant_id
    key = (case.headers or {}).get("Idempotency-Key")
    if key is not None and key_fault(key) is None:
        # Generated keys repeat across cases with other bodies, which is refused (422) as
        # it should be; a fresh key per case lets each request reach the route's logic.
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
    excluded = []
    if case.operation.label in STATE_DEPENDENT:
        excluded.append(positive_data_acceptance)
    if case.operation.path in CONTENT_CHECKED:
        # Whether an upload is a PSTN usage export is a matter of its content, which no
        # schema can state: a generated file is refused 422 (documented) as it should be.
        excluded.append(positive_data_acceptance)
    # The document was read before the app started; checks that send again need the app too.
    case.operation.app = case.operation.schema.app = contract.app
    case.call_and_validate(excluded_checks=excluded)
