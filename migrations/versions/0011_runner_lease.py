"""One runner of scheduled jobs per database: a named lease row (holder, heartbeat, expiry).

The GUI, a Windows service and programs on other PCs may all run against one database; only the holder of
the "maintenance" lease makes automatic backups, so they are never made twice at once.

Revision ID: 0011l
Revises: 0010a
Create Date: 2026-12-07 23:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
# The owner id is compared byte for byte (a host name's case must not make two owners one).
OWNER_ID = sa.String(length=128).with_variant(mysql.VARCHAR(128, collation="utf8mb4_bin"), "mysql", "mariadb")

revision: str = "0011l"
down_revision: str | None = "0010a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "runner_leases",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("owner_id", OWNER_ID, nullable=False),
        sa.Column("owner_kind", sa.String(length=16), nullable=False),
        sa.Column("owner_host", sa.String(length=64), nullable=False),
        sa.Column("owner_user", sa.String(length=64), nullable=False),
        sa.Column("acquired_at", UTC_DATETIME, nullable=False),
        sa.Column("heartbeat_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_runner_leases")),
    )


def downgrade() -> None:
    """Revert."""
    op.drop_table("runner_leases")
