"""Tables of the service. Migrations in ``migrations/versions`` create them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table

metadata = MetaData()

# Unresolved F1 keywords, one row per normalised keyword and asked locale.
f1_misses = Table(
    "f1_misses",
    metadata,
    Column("keyword", String(256), primary_key=True),
    Column("locale", String(16), primary_key=True),
    Column("count", BigInteger, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("sample", String(256), nullable=False),  # the keyword as last sent
)
