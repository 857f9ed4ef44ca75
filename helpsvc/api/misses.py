"""``/api/v1/f1/misses``: the F1 keywords that found no page, for the docs owners.

The list shows what readers typed, so it is an admin endpoint (admin token, admin rate
limit). Its router is included before the F1 router, whose ``/api/v1/f1/{keyword:path}``
would otherwise take the path as a keyword.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from helpsvc.api.admin import ADMIN, ADMIN_ERRORS
from helpsvc.api.deps import ServicesDep
from helpsvc.api.models import MissesOut, MissOut

router = APIRouter()


def _iso(moment) -> str:  # noqa: ANN001 - an aware datetime
    return moment.isoformat().replace("+00:00", "Z")


@router.get(
    "/api/v1/f1/misses",
    tags=["F1", "admin"],
    summary="Keywords that found no page, most frequent first (admin token)",
    response_model=MissesOut,
    dependencies=ADMIN,
    responses=ADMIN_ERRORS,
)
def f1_misses(
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=1000, openapi_examples={"top 20": {"value": 20}})] = 50,
) -> MissesOut:
    listing = services.misses.listing(limit)
    return MissesOut(
        misses=[
            MissOut(
                keyword=m.keyword,
                locale=m.locale,
                count=m.count,
                first_seen=_iso(m.first_seen),
                last_seen=_iso(m.last_seen),
                sample=m.sample,
            )
            for m in listing.misses
        ],
        other=listing.other,
    )
