"""What routes depend on, as typed ``Annotated`` dependencies.

``ServicesDep`` is the application's use cases; ``Lang`` the language to answer in (the
``lang`` query parameter, then Accept-Language); ``authenticated_tenant`` is the router-level
check of every tenant route: a Bearer API key that belongs to the tenant in the path;
``IdempotencyKey`` the checked ``Idempotency-Key`` header of a write.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates

from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import ProblemError, tenant_not_found
from helpsvc.api.rate_limits import count_key_failure, guard_key_check
from helpsvc.api.state import get_services, get_templates
from helpsvc.i18n.site_messages import t
from helpsvc.services.container import Services
from helpsvc.services.idempotency import KEY_MAX_LENGTH, KeyFault, key_fault

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
    request: Request,
) -> str:
    """The tenant id if the key belongs to it; otherwise a 401, a 404 or a 429.

    A valid key for another tenant answers 404, exactly as for a tenant that does not
    exist, so keys cannot be used to learn which tenant ids exist. Wrong keys count against
    the client's wrong-key limit; past it, its key checks are answered 429.
    """
    key = credentials.credentials.strip() if credentials else ""
    if not key:
        raise _unauthorized("tenant_key_missing", "Bearer", lang)
    guard_key_check(request, lang)
    owner = services.tenants.authenticate(key)
    if owner is None:
        count_key_failure(request)
        raise _unauthorized("tenant_key_invalid", 'Bearer error="invalid_token"', lang)
    if owner != tenant_id:
        raise tenant_not_found(tenant_id, lang)
    return owner


TenantId = Annotated[str, Depends(authenticated_tenant)]


def checked_idempotency_key(
    lang: Lang,
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description=f"1 to {KEY_MAX_LENGTH} visible ASCII characters (a UUID, say). "
            "Retries with the same key within 24 h get the first answer back; an empty, "
            "blank or over-long key, or one with spaces or other characters, answers 400.",
            # Documented, not enforced here: checked below to answer 400 in the caller's words.
            json_schema_extra={"minLength": 1, "maxLength": KEY_MAX_LENGTH, "pattern": "^[!-~]+$"},
        ),
    ] = None,
) -> str | None:
    """The key as sent, or None without the header; a key that cannot be one answers 400."""
    if key is None:
        return None
    bad = key_fault(key)
    if bad is None:
        return key
    params: dict[str, object] = {"max": KEY_MAX_LENGTH, "length": len(key)}
    if bad.fault is KeyFault.CHARACTER and bad.character is not None:
        params.update(character=f"U+{ord(bad.character):04X}", position=bad.position)
    raise ProblemError(
        400,
        t("problem.idempotency_key_invalid.title", lang),
        t(f"problem.idempotency_key_{bad.fault.value}", lang, **params),
        code="idempotency_key_invalid",
    )


IdempotencyKey = Annotated[str | None, Depends(checked_idempotency_key)]
