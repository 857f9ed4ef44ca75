"""Tables of the service. Migrations in ``migrations/versions`` create them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

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
# The miss list is read most frequent first: this index answers "top N" without a sort.
Index("f1_misses_by_count", f1_misses.c.count.desc(), f1_misses.c.keyword, f1_misses.c.locale)

# Misses of keywords beyond the cap on distinct keywords kept, counted per asked locale.
f1_miss_other = Table(
    "f1_miss_other",
    metadata,
    Column("locale", String(16), primary_key=True),
    Column("count", BigInteger, nullable=False),
)

# A tenant of the simulator: its credits state as one JSON document (updated under a
# row lock), and the hash of its API key. The ledger's history, the notification outbox,
# the calls and the idempotency records are rows of their own.
tenants = Table(
    "tenants",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("country", String(2), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("language", String(8), nullable=False),
    Column("admin_email", String(320)),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("state", Text, nullable=False),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("tenant_id", String(32), ForeignKey("tenants.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("type", String(20), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("balance_after_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("lot_id", String(40)),
    Column("call_id", String(40)),
    Column("detail", String(200), nullable=False),
    Column("invoiced_minor", BigInteger),
)
Index("ledger_entries_by_time", ledger_entries.c.tenant_id, ledger_entries.c.at)

notifications = Table(
    "notifications",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("tenant_id", String(32), ForeignKey("tenants.id"), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),  # simulated time
    Column("queued_at", DateTime(timezone=True), nullable=False),  # wall clock
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", String(500)),
)

calls = Table(
    "calls",
    metadata,
    Column("tenant_id", String(32), ForeignKey("tenants.id"), primary_key=True),
    Column("call_id", String(40), primary_key=True),
    Column("user_id", String(100), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("destination", String(2), nullable=False),
    Column("number_type", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("duration_seconds", BigInteger, nullable=False),
    Column("charge_minor", BigInteger, nullable=False),
    Column("connection_fee_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("plan_minutes", BigInteger, nullable=False),
    Column("credit_minutes", BigInteger, nullable=False),
    Column("refused", String(40)),  # the refusal code, None when the call was connected
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    # A tenant id, or "new:" + a hash of the caller for tenant creation (0005).
    Column("scope", String(32), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Expired answers are deleted by age on every write (0006).
Index("idempotency_keys_by_age", idempotency_keys.c.created_at)

walkthrough_sessions = Table(
    "walkthrough_sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("tenant_id", String(32), ForeignKey("tenants.id"), nullable=False),
    Column("flow", String(40), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("status", String(16), nullable=False),
    Column("current", String(40)),
    Column("history", Text, nullable=False),  # JSON list of step ids
    Column("skipped", Text, nullable=False),  # JSON list of step ids
    Column("stop_reason", String(40)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# A signed-in browser: the cookie holds a random token, the table only its hash.
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("tenant_id", String(32), ForeignKey("tenants.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
