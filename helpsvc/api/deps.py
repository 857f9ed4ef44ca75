"""What routes depend on, as typed ``Annotated`` dependencies.

``ServicesDep`` is the application's use cases; ``Lang`` the language to answer in (the
``lang`` query parameter, then Accept-Language); ``authenticated_tenant`` is the router-level
check of every tenant route: a Bearer API key that belongs to the tenant in the path.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates

from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import ProblemError, tenant_not_found
from helpsvc.api.state import get_services, get_templates
from helpsvc.i18n.site_messages import t
from helpsvc.services.container import Services

ServicesDep = Annotated[Services, Depends(get_services)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]


def answer_lang(
    request: Request,
    lang: Annotated[
        str | None,
        Query(
            description="Language of messages (en, de, zh or a BCP 47 tag); default: "
            "Accept-Language, then English."
        ),
    ] = None,
) -> str:
    return request_lang(request, lang)


Lang = Annotated[str, Depends(answer_lang)]

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="TenantKey",
    description="The tenant's API key, as answered once by POST /api/v1/tenants.",
)


def _unauthorized(message: str, challenge: str, lang: str) -> ProblemError:
    return ProblemError(
        401,
        t("problem.tenant_key_missing.title", lang),
        t(f"problem.{message}", lang),
        code="unauthorized",
        headers={"WWW-Authenticate": challenge},
    )


def authenticated_tenant(
    tenant_id: str,
    services: ServicesDep,
    lang: Lang,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The tenant id if the key belongs to it; otherwise a 401 or a 404.

    A valid key for another tenant answers 404, exactly as for a tenant that does not
    exist, so keys cannot be used to learn which tenant ids exist.
    """
    key = credentials.credentials.strip() if credentials else ""
    if not key:
        raise _unauthorized("tenant_key_missing", "Bearer", lang)
    owner = services.tenants.authenticate(key)
    if owner is None:
        raise _unauthorized("tenant_key_invalid", 'Bearer error="invalid_token"', lang)
    if owner != tenant_id:
        raise tenant_not_found(tenant_id, lang)
    return owner


TenantId = Annotated[str, Depends(authenticated_tenant)]
