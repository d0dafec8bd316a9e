"""Audit chain lock: one row that appenders lock so that MariaDB never deadlocks two audit lines.

Locking the newest audit row (``SELECT ... ORDER BY id DESC LIMIT 1 FOR UPDATE``) also locks the gap after
it, where both transactions then insert: InnoDB sees a deadlock (1213) whenever two appenders meet. A
record lock on a fixed row has no gap, so the second appender simply waits for the first to commit.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 07:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    table = op.create_table(
        "audit_chain_lock",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_lock")),
    )
    op.bulk_insert(table, [{"id": 1}])


def downgrade() -> None:
    """Revert."""
    op.drop_table("audit_chain_lock")
