"""The absences register: per employee, local date ranges with a form П-5 absence type (issue 15).

Revision ID: 0010a
Revises: 0006r
Create Date: 2026-12-07 23:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

revision: str = "0010a"
down_revision: str | None = "0006r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("document", sa.String(length=64), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_absences_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absences")),
    )
    with op.batch_alter_table("absences", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_absences_employee_id_first_day"), ["employee_id", "first_day"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_absences_first_day_last_day"), ["first_day", "last_day"], unique=False
        )


def downgrade() -> None:
    """Revert (the indexes go with the table: MariaDB refuses to drop the one its foreign key uses)."""
    op.drop_table("absences")
