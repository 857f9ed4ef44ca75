"""The unit of work: one transaction, and the repositories that work inside it.

``with uow.begin() as tx:`` commits when the block ends and rolls back when it raises;
``with uow.read() as tx:`` reads without taking SQLite's write lock. Services open one
transaction per use case; repositories never commit on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from helpsvc.store.engine import read
from helpsvc.store.replies import ReplyRepository
from helpsvc.store.sign_ins import SignInRepository
from helpsvc.store.tenants import TenantRepository
from helpsvc.store.walkthroughs import WalkthroughRepository


class Transaction:
    """The repositories of one transaction, sharing its connection."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.tenants = TenantRepository(connection)
        self.replies = ReplyRepository(connection)
        self.walkthroughs = WalkthroughRepository(connection)
        self.sign_ins = SignInRepository(connection)


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def begin(self) -> Iterator[Transaction]:
        with self.engine.begin() as connection:
            yield Transaction(connection)

    @contextmanager
    def read(self) -> Iterator[Transaction]:
        with read(self.engine) as connection:
            yield Transaction(connection)
