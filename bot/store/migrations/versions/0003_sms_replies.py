"""SMS: the pending MORE text and numbered options of a conversation, and a handoff's sealed number.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sms_pending",
        sa.Column("conversation_id", sa.String(64), primary_key=True),
        sa.Column("more", sa.Text(), nullable=False),
        sa.Column("options", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("sealed_number", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_column("sealed_number")
    op.drop_table("sms_pending")
