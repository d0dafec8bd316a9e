"""Scan challenges shared by every process on the database: the sealing key and the used challenges.

A challenge issued by one listener process must be redeemable once at another (several PCs, or the GUI's
listener next to a service): challenges are sealed with a key kept here, and used ones are marked here.

Revision ID: 0006p
Revises: 0005
Create Date: 2026-12-07 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

revision: str = "0006p"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "shared_keys",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value_hex", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_shared_keys")),
    )
    op.create_table(
        "used_challenges",
        sa.Column("nonce_hex", sa.String(length=32), nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("nonce_hex", name=op.f("pk_used_challenges")),
    )
    with op.batch_alter_table("used_challenges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_used_challenges_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("used_challenges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_used_challenges_expires_at"))
    op.drop_table("used_challenges")
    op.drop_table("shared_keys")
