"""A tenant's calls as the PSTN usage report of the Teams admin center.

One mapping from the simulator's calls to the report's rows serves both the download
(``GET .../usage.csv``) and the replay of a tenant's own usage, so the two agree to the
cent. ``Capability`` names what paid, as in the admin center: credit-funded minutes of a
meeting (toll-free dial-in, dial-out) carry Audio Conferencing pay-per-minute
(``MCOMEETACPEA``), other credit-funded minutes PSTN pay-per-minute (``MCOPSTNPP``); calls
covered entirely by plan minutes carry the license whose minutes they used: Audio
Conferencing (``MCOMEETADV``) for a meeting's dial-out, the domestic (``MCOPSTN1``) or
domestic and international (``MCOPSTN2``) calling plan for a user's call. Both meeting kinds
carry the meeting's Conference ID.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import timedelta

from helpsvc.credits import Money, User
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
MEETING_KINDS = frozenset({"toll_free_dial_in", "conference_dial_out"})


def capability(call: CallRecord, plan: str | None) -> str:
    """The license the report names as having paid for the call's minutes."""
    meeting = call.kind in MEETING_KINDS
    if call.credit_minutes > 0:
        return "MCOMEETACPEA" if meeting else "MCOPSTNPP"
    if meeting:
        return "MCOMEETADV"
    return "MCOPSTN2" if plan == "international" else "MCOPSTN1"


def pstn_rows(
    tenant: TenantRecord, users: Iterable[User], calls: Iterable[CallRecord]
) -> Iterator[PstnRow]:
    """The connected calls as report rows (refused calls cost nothing and are not listed)."""
    by_id = {user.id: user for user in users}
    for number, call in enumerate(calls, start=1):
        if call.refused:
            continue
        user = by_id.get(call.user_id)
        location = user.country if user else tenant.country
        plan = user.licenses.calling_plan if user else None
        yield PstnRow(
            usage_id=f"{tenant.id}-{number}",
            call_id=call.call_id,
            conference_id=call.call_id if call.kind in MEETING_KINDS else "",
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
            capability=capability(call, plan.value if plan else None),
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
            yield from pstn_rows(loaded.record, loaded.state.users, tx.tenants.calls(tenant_id))

    def csv(self, tenant_id: str) -> Iterator[str]:
        """The report as CSV text, header first, one chunk per row."""
        return pstn_csv(self.rows(tenant_id))
