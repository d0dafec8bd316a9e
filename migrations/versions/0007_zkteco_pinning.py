"""ZKTeco devices pinned to their approved address and comm key; a change waits for re-approval.

``comm_key_hash`` is the SHA-256 of the ``pushcommkey`` the device presents at its handshake (pinned once it
is approved); ``moved_ip`` / ``moved_key_hash`` / ``moved_at`` hold what an approved device's serial number
last presented instead, until a manager re-approves it. ``(state, last_ip)`` serves the count of pending
devices per address.

Revision ID: 0006z
Revises: 0006p
Create Date: 2026-12-07 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

revision: str = "0006z"
down_revision: str | None = "0006p"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    with op.batch_alter_table("adms_devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("comm_key_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("moved_ip", sa.String(length=45), nullable=True))
        batch_op.add_column(sa.Column("moved_key_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("moved_at", UTC_DATETIME, nullable=True))
        batch_op.create_index("ix_adms_devices_state_last_ip", ["state", "last_ip"], unique=False)


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("adms_devices", schema=None) as batch_op:
        batch_op.drop_index("ix_adms_devices_state_last_ip")
        batch_op.drop_column("moved_at")
        batch_op.drop_column("moved_key_hash")
        batch_op.drop_column("moved_ip")
        batch_op.drop_column("comm_key_hash")
