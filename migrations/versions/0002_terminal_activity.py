"""Terminal activity per local day (requests and taps), flushed by the listener for terminal health.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("terminals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activity_day", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("requests_today", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch_op.add_column(
            sa.Column("taps_today", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("terminals", schema=None) as batch_op:
        batch_op.drop_column("taps_today")
        batch_op.drop_column("requests_today")
        batch_op.drop_column("activity_day")
