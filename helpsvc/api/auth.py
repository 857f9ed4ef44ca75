"""Which tenant a request may act for: ``Authorization: Bearer <API key>``."""

from __future__ import annotations

from fastapi import Request

from helpsvc.api.problems import ProblemError
from helpsvc.web.messages import t


def tenant_for(request: Request, tenant_id: str, lang: str) -> str:
    """The tenant id if the key belongs to it; otherwise a 401 or a 404.

    A valid key for another tenant answers 404, exactly as for a tenant that does not
    exist, so keys cannot be used to learn which tenant ids exist.
    """
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise ProblemError(
            401,
            t("problem.tenant_key_missing.title", lang),
            t("problem.tenant_key_missing", lang),
            code="unauthorized",
            headers={"WWW-Authenticate": "Bearer"},
        )
    owner = request.app.state.tenants.authenticate(key.strip())
    if owner is None:
        raise ProblemError(
            401,
            t("problem.tenant_key_missing.title", lang),
            t("problem.tenant_key_invalid", lang),
            code="unauthorized",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    if owner != tenant_id:
        raise not_found(tenant_id, lang)
    return owner


def not_found(tenant_id: str, lang: str) -> ProblemError:
    return ProblemError(
        404,
        t("problem.tenant_not_found.title", lang),
        t("problem.tenant_not_found", lang, tenant_id=tenant_id),
        code="tenant_not_found",
    )
