"""A tenant's calls as the PSTN usage report of the Teams admin center.

One mapping from the simulator's calls to the report's rows serves both the download
(``GET .../usage.csv``) and the replay of a tenant's own usage, so the two agree to the
cent. Credit-funded minutes carry the pay-per-minute capability (``MCOPSTNPP``); calls
covered entirely by plan minutes carry the calling plan's (``MCOPSTN1``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

from helpsvc.credits import Money
from helpsvc.services.errors import TenantNotFound
from helpsvc.store.records import CallRecord, TenantRecord
from helpsvc.store.unit_of_work import UnitOfWork
from helpsvc.usage.pstn import PstnRow
from helpsvc.usage.writer import pstn_csv

# The report's Call Type and Number Type for the simulator's call kinds and number types.
CALL_TYPES = {
    "toll_free_dial_in": "conf_in",
    "conference_dial_out": "conf_out",
    "user_outbound_domestic": "user_out",
    "user_outbound_international": "user_out",
    "payg_outbound": "user_out",
}
NUMBER_TYPES = {"geographic": "user_geographic", "mobile": "user_mobile", "toll_free": "toll_free"}
CREDIT_CAPABILITY = "MCOPSTNPP"
PLAN_CAPABILITY = "MCOPSTN1"


def pstn_rows(
    tenant: TenantRecord, user_countries: dict[str, str], calls: Iterable[CallRecord]
) -> Iterator[PstnRow]:
    """The connected calls as report rows (refused calls cost nothing and are not listed)."""
    for number, call in enumerate(calls, start=1):
        if call.refused:
            continue
        location = user_countries.get(call.user_id, tenant.country)
        yield PstnRow(
            usage_id=f"{tenant.id}-{number}",
            call_id=call.call_id,
            conference_id=call.call_id if call.kind.startswith("conf") else "",
            user_location=location,
            aad_object_id="",
            upn=call.user_id,
            user_display_name=call.user_id.split("@")[0],
            caller_id="",
            call_type=CALL_TYPES.get(call.kind, call.kind),
            number_type=NUMBER_TYPES.get(call.number_type, call.number_type),
            domestic_international="Domestic" if call.destination == location else "International",
            destination_dialed=call.destination,
            destination_number="",
            start_time=call.started_at,
            end_time=call.started_at + timedelta(seconds=call.duration_seconds),
            duration_seconds=call.duration_seconds,
            connection_fee=Money(call.connection_fee_minor, tenant.currency),
            charge=Money(call.charge_minor, tenant.currency),
            currency=tenant.currency,
            capability=CREDIT_CAPABILITY if call.credit_minutes > 0 else PLAN_CAPABILITY,
        )


class UsageExport:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def tenant(self, tenant_id: str) -> TenantRecord:
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
        if loaded is None:
            raise TenantNotFound(tenant_id)
        return loaded.record

    def rows(self, tenant_id: str) -> Iterator[PstnRow]:
        """The tenant's report rows, streamed: the read stays open while they are consumed."""
        with self.uow.read() as tx:
            loaded = tx.tenants.get(tenant_id)
            if loaded is None:
                raise TenantNotFound(tenant_id)
            countries = {user.id: user.country for user in loaded.state.users}
            yield from pstn_rows(loaded.record, countries, tx.tenants.calls(tenant_id))

    def csv(self, tenant_id: str) -> Iterator[str]:
        """The report as CSV text, header first, one chunk per row."""
        return pstn_csv(self.rows(tenant_id))
