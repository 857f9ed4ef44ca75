"""Idempotency keys: forget creation answers that held API keys; keys up to 255 characters.

Answers to tenant creation were remembered with the new tenant's API key in them, under
one scope ("-") shared by every caller. They are now remembered without the key, under a
scope per caller, so the old rows are never read again; deleting them removes the keys
they still hold in plain text.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text("DELETE FROM idempotency_keys WHERE scope = '-'"))
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.alter_column(
            "key", existing_type=sa.String(200), type_=sa.String(255), existing_nullable=False
        )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM idempotency_keys WHERE length(key) > 200"))
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.alter_column(
            "key", existing_type=sa.String(255), type_=sa.String(200), existing_nullable=False
        )
