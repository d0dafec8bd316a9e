"""ZKTeco PUSH/ADMS devices, their command queues, quarantined lines and user lists; queue lookup by key.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

# Instants are naive UTC; MySQL/MariaDB need DATETIME(6) to keep microseconds like SQLite does.
UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _devices() -> None:
    op.create_table(
        "adms_devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=True),
        sa.Column("first_seen_at", UTC_DATETIME, nullable=False),
        sa.Column("last_seen_at", UTC_DATETIME, nullable=False),
        sa.Column("last_ip", sa.String(length=45), nullable=True),
        sa.Column("approved_ip", sa.String(length=45), nullable=True),
        sa.Column("push_version", sa.String(length=32), nullable=True),
        sa.Column("firmware", sa.String(length=64), nullable=True),
        sa.Column("reported_ip", sa.String(length=45), nullable=True),
        sa.Column("user_count", sa.Integer(), nullable=True),
        sa.Column("fingerprint_count", sa.Integer(), nullable=True),
        sa.Column("attlog_count", sa.Integer(), nullable=True),
        sa.Column("info_at", UTC_DATETIME, nullable=True),
        sa.Column("attlog_stamp", sa.String(length=32), nullable=True),
        sa.Column("operlog_stamp", sa.String(length=32), nullable=True),
        sa.Column("decided_at", UTC_DATETIME, nullable=True),
        sa.Column("next_command_no", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["terminal_id"], ["terminals.id"], name=op.f("fk_adms_devices_terminal_id_terminals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adms_devices")),
        sa.UniqueConstraint("serial", name=op.f("uq_adms_devices_serial")),
        sa.UniqueConstraint("terminal_id", name=op.f("uq_adms_devices_terminal_id")),
    )
    with op.batch_alter_table("adms_devices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_adms_devices_state"), ["state"], unique=False)


def _commands() -> None:
    op.create_table(
        "adms_commands",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("command_id", sa.String(length=16), nullable=False),
        sa.Column("command", sa.String(length=1024), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("queued_at", UTC_DATETIME, nullable=False),
        sa.Column("sent_at", UTC_DATETIME, nullable=True),
        sa.Column("done_at", UTC_DATETIME, nullable=True),
        sa.Column("return_code", sa.Integer(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("queued_by", sa.String(length=96), nullable=False),
        sa.Column("queued_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["adms_devices.id"], name=op.f("fk_adms_commands_device_id_adms_devices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adms_commands")),
        sa.UniqueConstraint("device_id", "command_id", name=op.f("uq_adms_commands_device_id_command_id")),
    )
    with op.batch_alter_table("adms_commands", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_adms_commands_device_id_state_id"), ["device_id", "state", "id"], unique=False
        )


def _quarantine_and_users() -> None:
    op.create_table(
        "adms_quarantine",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=16), nullable=False),
        sa.Column("raw", sa.String(length=1024), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("line_hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["adms_devices.id"], name=op.f("fk_adms_quarantine_device_id_adms_devices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adms_quarantine")),
        sa.UniqueConstraint("device_id", "line_hash", name=op.f("uq_adms_quarantine_device_id_line_hash")),
    )
    with op.batch_alter_table("adms_quarantine", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_adms_quarantine_received_at"), ["received_at"], unique=False)
    op.create_table(
        "adms_device_users",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("pin", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("card", sa.String(length=64), nullable=True),
        sa.Column("privilege", sa.String(length=8), nullable=True),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["adms_devices.id"], name=op.f("fk_adms_device_users_device_id_adms_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", "pin", name=op.f("pk_adms_device_users")),
    )


def upgrade() -> None:
    """Apply."""
    _devices()
    _commands()
    _quarantine_and_users()
    with op.batch_alter_table("unassigned_punches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unassigned_punches_terminal_id_external_key"),
            ["terminal_id", "external_key"],
            unique=False,
        )


def downgrade() -> None:
    """Revert."""
    with op.batch_alter_table("unassigned_punches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unassigned_punches_terminal_id_external_key"))
    op.drop_table("adms_device_users")
    op.drop_table("adms_quarantine")
    op.drop_table("adms_commands")
    op.drop_table("adms_devices")
