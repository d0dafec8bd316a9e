"""Month closing: one row per closed (or reopened) month of local dates, with the timesheet handed over.

Revision ID: 0012m
Revises: 0011l
Create Date: 2026-12-08 00:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
# The snapshot of 1,000 employees x 31 days is far over TEXT's 64 KB on MariaDB.
LONG_TEXT = sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb")

revision: str = "0012m"
down_revision: str | None = "0011l"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "closed_months",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("is_closed", sa.Boolean(), nullable=False),
        sa.Column("closed_at", UTC_DATETIME, nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("reopened_at", UTC_DATETIME, nullable=True),
        sa.Column("reopened_by", sa.String(length=64), nullable=True),
        sa.Column("reopen_reason", sa.String(length=500), nullable=True),
        sa.Column("snapshot_json", LONG_TEXT, nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_closed_months")),
    )


def downgrade() -> None:
    """Revert."""
    op.drop_table("closed_months")
