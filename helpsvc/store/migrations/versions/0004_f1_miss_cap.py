"""F1 misses: an index for the most-frequent-first list, and the count of capped misses.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "f1_misses_by_count",
        "f1_misses",
        [sa.text('"count" DESC'), "keyword", "locale"],
    )
    op.create_table(
        "f1_miss_other",
        sa.Column("locale", sa.String(16), primary_key=True),
        sa.Column("count", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("f1_miss_other")
    op.drop_index("f1_misses_by_count", table_name="f1_misses")
