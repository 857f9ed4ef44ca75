"""Database faults: what is wrong, connections that must go, and a file that must not be
written.

``database_fault`` names the fault behind an error (the disk is full, the database is
read-only, busy or unreachable, its file is gone) so that callers answer "try again later"
and a write either commits or is refused, never half-done. The ``handle_error`` hook drops
connections that a fault leaves broken for good: an SQLite connection opened while the file
was read-only stays read-only, and a PostgreSQL session started under
``default_transaction_read_only`` keeps refusing writes, both until they are closed.

``SqliteFile`` remembers which file the service opened. Deleting or replacing an open SQLite
database does not stop the connections: they keep writing into a file that no path leads to
any more, and everything written since is gone at the next start. The guard compares the
path with the file the service opened (one ``stat`` before each write transaction) and
refuses writes, and new connections, while they differ.
"""

from __future__ import annotations

import logging
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

log = logging.getLogger("helpsvc.store")

# The faults callers tell apart; each means "nothing was written, try again later".
FULL = "full"
READ_ONLY = "read_only"
BUSY = "busy"
UNREACHABLE = "unreachable"
FILE_MISSING = "file_missing"
FILE_REPLACED = "file_replaced"

_SQLITE_FAULTS = (
    ("SQLITE_FULL", FULL),
    ("SQLITE_READONLY", READ_ONLY),
    ("SQLITE_BUSY", BUSY),
    ("SQLITE_LOCKED", BUSY),
    ("SQLITE_IOERR", UNREACHABLE),
    ("SQLITE_CANTOPEN", UNREACHABLE),
)
# PostgreSQL SQLSTATEs (appendix A of its manual), by prefix.
_POSTGRES_FAULTS = (
    ("53100", FULL),  # disk_full
    ("25006", READ_ONLY),  # read_only_sql_transaction
    ("53", BUSY),  # insufficient resources: out of memory, too many connections
    ("55P03", BUSY),  # lock_not_available
    ("57014", BUSY),  # query_canceled (statement_timeout)
    ("57P", UNREACHABLE),  # shutting down, crashed, cannot connect now
    ("08", UNREACHABLE),  # connection exceptions
)
# Faults after which a connection stays unusable even when the database is fine again.
_STALE = frozenset({READ_ONLY, UNREACHABLE})


class DatabaseUnavailable(Exception):
    """The database cannot be used now; nothing was written."""

    def __init__(self, fault: str, message: str) -> None:
        super().__init__(message)
        self.fault = fault


def _driver_fault(error: BaseException) -> str | None:
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return next((fault for prefix, fault in _SQLITE_FAULTS if name.startswith(prefix)), None)
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if state:
        return next((fault for prefix, fault in _POSTGRES_FAULTS if state.startswith(prefix)), None)
    return None


def database_fault(error: BaseException) -> str | None:
    """The fault behind ``error``, or None when it is not a fault of the database (a bug)."""
    if isinstance(error, DatabaseUnavailable):
        return error.fault
    if isinstance(error, PoolTimeout):
        return BUSY
    if isinstance(error, DisconnectionError):
        return UNREACHABLE
    if isinstance(error, DBAPIError):
        fault = _driver_fault(error.orig) if error.orig is not None else None
        if fault is None and error.connection_invalidated:
            return UNREACHABLE
        # A server's connection error comes without a SQLSTATE (refused, reset, timed out).
        server = hasattr(error.orig, "sqlstate") or hasattr(error.orig, "pgcode")
        if fault is None and server and isinstance(error, OperationalError):
            return UNREACHABLE
        return fault
    return None


def invalidate_stale_connections(engine: Engine) -> None:
    """Treat faults that outlive their cause as disconnects: SQLAlchemy then closes the
    connection and recycles every pooled one opened before, and new ones see the database
    as it is now."""

    def handle_error(context: ExceptionContext) -> None:
        if context.is_disconnect or context.original_exception is None:
            return
        if _driver_fault(context.original_exception) in _STALE:
            context.is_disconnect = True

    event.listen(engine, "handle_error", handle_error)


def probe_write(engine: Engine) -> None:
    """A real write in a transaction that is rolled back; raises when the database cannot
    take one now."""
    SqliteFile.check_engine(engine)
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        driver = connection.connection.driver_connection
        if not postgres:
            # Wait for a busy writer briefly: the probe reports, it does not queue. (Set on
            # the driver's connection: a statement here would begin a transaction.)
            driver.execute("PRAGMA busy_timeout=1000")
        try:
            with connection.begin() as transaction:
                if postgres:
                    connection.exec_driver_sql("SET LOCAL statement_timeout = 2000")
                connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
                transaction.rollback()
        finally:
            if not postgres and not connection.invalidated:
                driver.execute("PRAGMA busy_timeout=30000")


Identity = tuple[int, int]  # (device, inode)


def _identity(path: Path) -> Identity | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


_GUARDS: weakref.WeakKeyDictionary[Engine, SqliteFile] = weakref.WeakKeyDictionary()


@dataclass
class SqliteFile:
    """The SQLite file the service opened; writes go to it or nowhere."""

    path: Path
    identity: Identity | None = None
    reported: str | None = field(default=None, compare=False)  # logged once per change

    @staticmethod
    def check_engine(engine: Engine) -> None:
        guard = _GUARDS.get(engine)
        if guard is not None:
            guard.check()

    def check(self) -> None:
        """Raise ``DatabaseUnavailable`` while the path leads to another file or none."""
        if self.identity is None:
            return
        found = _identity(self.path)
        if found == self.identity:
            if self.reported is not None:
                log.warning("SQLite database %s is back in place; writes resume", self.path)
                self.reported = None
            return
        fault = FILE_MISSING if found is None else FILE_REPLACED
        if fault == FILE_MISSING:
            message = (
                f"SQLite database {self.path} was deleted or moved while the service had it "
                f"open; writes are refused so that none lands in a file no path leads to. "
                f"Move the file back to this path and writes resume; a restart before that "
                f"starts with an empty database."
            )
        else:
            message = (
                f"SQLite database {self.path} was replaced by another file (inode "
                f"{self.identity[1]} is now {found[1] if found else '-'}) while the service "
                f"had it open; writes are refused. Put the original back, or restart the "
                f"service to open the new file."
            )
        if self.reported != fault:
            self.reported = fault
            log.error("%s", message)
        raise DatabaseUnavailable(fault, message)


def guard_file(engine: Engine, path: Path) -> SqliteFile:
    """Watch the file of an SQLite engine from its first connection on."""
    guard = SqliteFile(path)
    _GUARDS[engine] = guard

    def do_connect(_dialect, _record, _args, _kwargs) -> None:  # noqa: ANN001 - event API
        # Once the file is known, a new connection must open that file: SQLite would
        # otherwise create an empty database where the old one was.
        guard.check()

    def connect(_dbapi_connection, _record) -> None:  # noqa: ANN001 - event API
        if guard.identity is None:
            guard.identity = _identity(path)

    event.listen(engine, "do_connect", do_connect)
    event.listen(engine, "connect", connect)
    return guard
