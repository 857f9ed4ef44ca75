"""Database faults as ``503 Service Unavailable`` problems with ``Retry-After``.

A full disk, a read-only or unreachable database, a lock that is not released in time, or
an SQLite file moved away under the service: the request's transaction was rolled back (or
never began), so nothing the caller was told about is lost, and the caller may simply retry.
An error of the database that is no such fault (a bug) is left to the 500 handler.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from helpsvc.api.negotiation import request_lang
from helpsvc.api.problems import problem
from helpsvc.i18n.site_messages import t
from helpsvc.services.readiness import DatabaseUnavailable, database_fault

log = logging.getLogger("helpsvc")

# Seconds a client should wait: a lock is released soon; the rest needs an operator or a
# server restart, which takes longer.
RETRY_AFTER = {"busy": 2}
RETRY_AFTER_DEFAULT = 30
# Both file faults read the same to a caller.
_DETAIL_KEYS = {"file_missing": "file", "file_replaced": "file"}


def unavailable(request: Request, fault: str) -> JSONResponse:
    """The 503 problem for a database fault, in the caller's language."""
    lang = request_lang(request, request.query_params.get("lang"))
    seconds = RETRY_AFTER.get(fault, RETRY_AFTER_DEFAULT)
    response = problem(
        503,
        t("problem.database_unavailable.title", lang),
        t(f"problem.database_unavailable.{_DETAIL_KEYS.get(fault, fault)}", lang, seconds=seconds),
        code="database_unavailable",
        instance=request.url.path,
        fault=fault,
    )
    response.headers["Retry-After"] = str(seconds)
    return response


def install_fault_handlers(app: FastAPI) -> None:
    async def database_error(request: Request, exc: Exception) -> JSONResponse:
        fault = database_fault(exc)
        if fault is None:
            raise exc
        # One line per refused request, without a trace: the fault is known, not a bug.
        log.warning(
            "database %s: %s %s answered 503: %s",
            fault,
            request.method,
            request.url.path,
            str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
        )
        return unavailable(request, fault)

    app.add_exception_handler(SQLAlchemyError, database_error)
    app.add_exception_handler(DatabaseUnavailable, database_error)
