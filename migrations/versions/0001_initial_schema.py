"""Initial schema: people, badges, terminals, punches, schedules, users, audit, settings.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 02:53:00.014750
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
DEFAULT_CODES = [
    {"code": "В", "name": "day off", "meaning": "day_off", "expected_at_work": False},
    {"code": "Б", "name": "sick leave", "meaning": "excused", "expected_at_work": False},
    {"code": "В/Д", "name": "vacation", "meaning": "excused", "expected_at_work": False},
    {"code": "ОФ", "name": "office day", "meaning": "work", "expected_at_work": True},
]

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply."""
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("actor", sa.String(length=96), nullable=False),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=True),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_at_id"), ["at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_entries_entity_type_entity_id"), ["entity_type", "entity_id"], unique=False
        )

    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holidays")),
    )
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
        sa.UniqueConstraint("name", name=op.f("uq_positions_name")),
    )
    op.create_table(
        "schedule_codes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("meaning", sa.String(length=16), nullable=False),
        sa.Column("expected_at_work", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_schedule_codes")),
    )
    op.bulk_insert(
        sa.table(
            "schedule_codes",
            sa.column("code", sa.String),
            sa.column("name", sa.String),
            sa.column("meaning", sa.String),
            sa.column("expected_at_work", sa.Boolean),
        ),
        DEFAULT_CODES,
    )
    op.create_table(
        "schedule_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("cells", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_schedule_templates_name")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "terminals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("location", sa.String(length=128), nullable=True),
        sa.Column("key_hash", sa.String(length=64), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("phone_scans", sa.Boolean(), nullable=False),
        sa.Column("card_scans", sa.Boolean(), nullable=False),
        sa.Column("enrollment", sa.Boolean(), nullable=False),
        sa.Column("direction_mode", sa.String(length=8), nullable=False),
        sa.Column("uid_format", sa.String(length=16), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("trusted_clock", sa.Boolean(), nullable=False),
        sa.Column("enrollment_until", UTC_DATETIME, nullable=True),
        sa.Column("last_seen_at", UTC_DATETIME, nullable=True),
        sa.Column("serial", sa.String(length=64), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terminals")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_terminals_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_terminals_name")),
        sa.UniqueConstraint("serial", name=op.f("uq_terminals_serial")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTC_DATETIME, nullable=True),
        sa.Column("last_login_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=128), nullable=False),
        sa.Column("position_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.String(length=255), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["position_id"], ["positions.id"], name=op.f("fk_employees_position_id_positions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employees")),
    )
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employees_full_name"), ["full_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_position_id"), ["position_id"], unique=False)

    op.create_table(
        "scan_receipts",
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("raw_uid", sa.String(length=128), nullable=False),
        sa.Column("reply_json", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_scan_receipts_terminal_id_terminals")
        ),
        sa.PrimaryKeyConstraint("terminal_id", "event_id", name=op.f("pk_scan_receipts")),
    )
    with op.batch_alter_table("scan_receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_receipts_created_at"), ["created_at"], unique=False)

    op.create_table(
        "badges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("active_value", sa.String(length=64), nullable=True),
        sa.Column("public_key_b64", sa.String(length=1024), nullable=True),
        sa.Column("key_state", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("revoked_at", UTC_DATETIME, nullable=True),
        sa.Column("revoke_reason", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_badges_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badges")),
        sa.UniqueConstraint("kind", "active_value", name=op.f("uq_badges_kind_active_value")),
    )
    with op.batch_alter_table("badges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_badges_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_badges_kind_value"), ["kind", "value"], unique=False)

    op.create_table(
        "schedule_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=True),
        sa.Column("end_time", sa.String(length=5), nullable=True),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_schedule_cells_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_cells")),
        sa.UniqueConstraint("employee_id", "day", name=op.f("uq_schedule_cells_employee_id_day")),
    )
    with op.batch_alter_table("schedule_cells", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_schedule_cells_day"), ["day"], unique=False)

    op.create_table(
        "unassigned_punches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("raw_value", sa.String(length=128), nullable=False),
        sa.Column("canonical_value", sa.String(length=64), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("received_at", UTC_DATETIME, nullable=False),
        sa.Column("terminal_ts", UTC_DATETIME, nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("external_key", sa.String(length=96), nullable=True),
        sa.Column("resolved_by_user_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_unassigned_punches_employee_id_employees")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_user_id"],
            ["users.id"],
            name=op.f("fk_unassigned_punches_resolved_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_unassigned_punches_terminal_id_terminals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unassigned_punches")),
    )
    with op.batch_alter_table("unassigned_punches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unassigned_punches_state_at"), ["state", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_unassigned_punches_terminal_id"), ["terminal_id"], unique=False)

    op.create_table(
        "badge_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("raw_value", sa.String(length=128), nullable=False),
        sa.Column("badge_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(["badge_id"], ["badges.id"], name=op.f("fk_badge_aliases_badge_id_badges")),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_badge_aliases_terminal_id_terminals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badge_aliases")),
        sa.UniqueConstraint("terminal_id", "raw_value", name=op.f("uq_badge_aliases_terminal_id_raw_value")),
    )
    with op.batch_alter_table("badge_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_badge_aliases_badge_id"), ["badge_id"], unique=False)

    op.create_table(
        "punches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=True),
        sa.Column("badge_id", sa.Integer(), nullable=True),
        sa.Column("received_at", UTC_DATETIME, nullable=True),
        sa.Column("terminal_ts", UTC_DATETIME, nullable=True),
        sa.Column("flags", sa.String(length=64), nullable=False),
        sa.Column("external_key", sa.String(length=96), nullable=True),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("challenge", sa.String(length=128), nullable=True),
        sa.Column("signature", sa.String(length=1024), nullable=True),
        sa.Column("legacy_direction", sa.String(length=4), nullable=True),
        sa.Column("unassigned_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"], ["users.id"], name=op.f("fk_punches_author_user_id_users")
        ),
        sa.ForeignKeyConstraint(["badge_id"], ["badges.id"], name=op.f("fk_punches_badge_id_badges")),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_punches_employee_id_employees")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_punches_terminal_id_terminals")
        ),
        sa.ForeignKeyConstraint(
            ["unassigned_id"],
            ["unassigned_punches.id"],
            name=op.f("fk_punches_unassigned_id_unassigned_punches"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_punches")),
        sa.UniqueConstraint("terminal_id", "external_key", name=op.f("uq_punches_terminal_id_external_key")),
    )
    with op.batch_alter_table("punches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_punches_at_id"), ["at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_punches_employee_id_at_id"), ["employee_id", "at", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_punches_terminal_id_at_id"), ["terminal_id", "at", "id"], unique=False
        )

    op.create_table(
        "corrections",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("punch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "target_correction_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("direction", sa.String(length=4), nullable=True),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["author_user_id"], ["users.id"], name=op.f("fk_corrections_author_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_corrections_employee_id_employees")
        ),
        sa.ForeignKeyConstraint(["punch_id"], ["punches.id"], name=op.f("fk_corrections_punch_id_punches")),
        sa.ForeignKeyConstraint(
            ["target_correction_id"],
            ["corrections.id"],
            name=op.f("fk_corrections_target_correction_id_corrections"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corrections_punch_id"), ["punch_id"], unique=False)


def downgrade() -> None:
    """Revert: drop every table, dependants first (dropping a table drops its indexes)."""
    op.drop_table("corrections")
    op.drop_table("punches")
    op.drop_table("badge_aliases")
    op.drop_table("unassigned_punches")
    op.drop_table("schedule_cells")
    op.drop_table("badges")
    op.drop_table("scan_receipts")
    op.drop_table("employees")
    op.drop_table("users")
    op.drop_table("terminals")
    op.drop_table("settings")
    op.drop_table("schedule_templates")
    op.drop_table("schedule_codes")
    op.drop_table("positions")
    op.drop_table("holidays")
    op.drop_table("audit_entries")
