"""Errors of the use cases. The HTTP layer maps each to one problem document."""

from __future__ import annotations


class TenantNotFound(Exception):
    """No such tenant, or not one the caller may see (the two are never told apart)."""

    def __init__(self, tenant_id: str) -> None:
        super().__init__(tenant_id)
        self.tenant_id = tenant_id


class IdempotencyConflict(Exception):
    """The key was used before for a request with different parameters."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class UnknownFlow(Exception):
    def __init__(self, flow: str) -> None:
        super().__init__(flow)
        self.flow = flow


class UnknownSession(Exception):
    def __init__(self, session_id: str) -> None:
        super().__init__(session_id)
        self.session_id = session_id
