"""Legacy-id map: which rows of a legacy TimeTracker API database an import already brought over.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "legacy_ids",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("legacy_id", sa.Integer(), nullable=False),
        sa.Column("new_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("entity", "legacy_id", name=op.f("pk_legacy_ids")),
    )


def downgrade() -> None:
    """Revert."""
    op.drop_table("legacy_ids")
