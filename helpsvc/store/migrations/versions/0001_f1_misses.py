"""F1 misses: unresolved keywords with counts and first/last seen.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "f1_misses",
        sa.Column("keyword", sa.String(256), primary_key=True),
        sa.Column("locale", sa.String(16), primary_key=True),
        sa.Column("count", sa.BigInteger, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sample", sa.String(256), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("f1_misses")
