"""Case-sensitive idempotency keys on MariaDB: event_id and external keys get a binary collation.

Under the database default (utf8mb4_general_ci / unicode_ci) "CaseEv1" and "caseev1" were one key, so a
terminal's second event was answered as a conflicting repeat of the first (409). SQLite compares text
byte for byte already, so this revision changes nothing there.

Revision ID: 0006r
Revises: 0006z
Create Date: 2026-12-07 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0006r"
down_revision: str | None = "0006z"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_COLLATION = "utf8mb4_bin"
# (table, column, length, nullable): the keys the scan and import paths look rows up by.
KEYS = (
    ("scan_receipts", "event_id", 64, False),
    ("punches", "external_key", 96, True),
    ("unassigned_punches", "external_key", 96, True),
)


def _set_keys(*, binary: bool) -> None:
    """Give the key columns the binary collation, or back the table's default (MySQL/MariaDB only)."""
    if op.get_bind().dialect.name not in ("mysql", "mariadb"):
        return
    for table, column, length, nullable in KEYS:
        exact = mysql.VARCHAR(length, collation=KEY_COLLATION)
        plain = sa.String(length)
        op.alter_column(
            table,
            column,
            existing_type=plain if binary else exact,
            type_=exact if binary else plain,
            existing_nullable=nullable,
        )


def upgrade() -> None:
    """Apply."""
    _set_keys(binary=True)


def downgrade() -> None:
    """Revert (back to the table's default collation)."""
    _set_keys(binary=False)
