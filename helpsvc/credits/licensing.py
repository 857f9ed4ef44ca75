"""Which licenses a call needs before it may connect and before it may use credits.

Toll-free dial-in is charged to the meeting organizer's tenant, so the organizer is the
user whose licenses count: Audio Conferencing to host the meeting, and Communications
Credits because toll-free minutes are always paid from credits.
"""

from __future__ import annotations

from .commands import CallKind
from .users import CallingPlan, License, Licenses


def missing_call_license(kind: CallKind, licenses: Licenses) -> License | None:
    """The first license the call kind needs that the user lacks, or None."""
    if kind in (CallKind.TOLL_FREE_DIAL_IN, CallKind.CONFERENCE_DIAL_OUT):
        return None if licenses.audio_conferencing else License.AUDIO_CONFERENCING
    if not licenses.phone_system:
        return License.PHONE_SYSTEM
    if kind is CallKind.PAYG_OUTBOUND:
        if licenses.calling_plan is not CallingPlan.PAY_AS_YOU_GO:
            return License.PAY_AS_YOU_GO_PLAN
        return None
    return None if licenses.calling_plan is not None else License.CALLING_PLAN


def may_use_credits(licenses: Licenses) -> bool:
    # E5 seats are no exception: the add-on license is what opens the credits balance.
    return licenses.communications_credits
