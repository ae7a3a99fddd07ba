"""Retention: a record of each `village purge` run (counts only).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COUNTS = ("conversations", "events", "handoffs", "handoff_messages", "audit_events", "crisis_flags",
          "sms_deliveries", "sms_pending", "handoffs_kept_open")


def upgrade() -> None:
    op.create_table(
        "purge_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cutoff", sa.DateTime(timezone=True), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
    )
    op.create_index("ix_purge_runs_ran_at", "purge_runs", ["ran_at"])


def downgrade() -> None:
    op.drop_index("ix_purge_runs_ran_at", table_name="purge_runs")
    op.drop_table("purge_runs")
