"""ORM tables: the only place the schema is declared (Alembic migrations must agree with it)."""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY, so big ids stay INTEGER there.
BigId = BigInteger().with_variant(Integer(), "sqlite")

# Marks a Text column that holds a JSON document (a restore checks it is well-formed).
JSON_TEXT = {"json": True}

# An idempotency key a terminal sends (event_id, external keys): compared byte for byte. MariaDB's
# default utf8mb4_general_ci would make "CaseEv1" and "caseev1" one key; SQLite compares exactly already.
KEY_COLLATION = "utf8mb4_bin"


def exact_key(length: int) -> Any:
    """A VARCHAR compared case-sensitively on every backend."""
    return String(length).with_variant(mysql.VARCHAR(length, collation=KEY_COLLATION), "mysql", "mariadb")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC out; stored naive UTC with microseconds on every backend."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        """DATETIME(6) on MySQL/MariaDB, whose plain DATETIME drops microseconds."""
        if dialect.name in ("mysql", "mariadb"):
            return dialect.type_descriptor(mysql.DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime())

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes: an instant without a zone is a bug."""
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Stored values are UTC."""
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with named constraints (Alembic batch mode on SQLite needs names)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PositionRow(Base):
    """A job title."""

    __tablename__ = "positions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class EmployeeRow(Base):
    """A person whose attendance is tracked."""

    __tablename__ = "employees"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    full_name: Mapped[str] = mapped_column(String(128), index=True)
    position_id: Mapped[int | None] = mapped_column(ForeignKey("positions.id"), index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    comment: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class BadgeRow(Base):
    """A credential; ``active_value`` is ``value`` until revoked, then NULL: only active ones are unique."""

    __tablename__ = "badges"
    __table_args__ = (
        UniqueConstraint("kind", "active_value"),
        Index(None, "kind", "value"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))
    active_value: Mapped[str | None] = mapped_column(String(64))
    public_key_b64: Mapped[str | None] = mapped_column(String(1024))
    key_state: Mapped[str] = mapped_column(String(16), default="none")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    revoke_reason: Mapped[str | None] = mapped_column(String(255))


class TerminalRow(Base):
    """A terminal; only the SHA-256 of its key is stored."""

    __tablename__ = "terminals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(String(128))
    key_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    phone_scans: Mapped[bool] = mapped_column(Boolean, default=True)
    card_scans: Mapped[bool] = mapped_column(Boolean, default=False)
    enrollment: Mapped[bool] = mapped_column(Boolean, default=True)
    direction_mode: Mapped[str] = mapped_column(String(8), default="auto")
    uid_format: Mapped[str] = mapped_column(String(16), default="hex")
    time_zone: Mapped[str | None] = mapped_column(String(64))
    trusted_clock: Mapped[bool] = mapped_column(Boolean, default=False)
    enrollment_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    serial: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Health counters of one office-local day, added to by every listener process that saw the terminal.
    activity_day: Mapped[date | None] = mapped_column(Date)
    requests_today: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    taps_today: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class BadgeAliasRow(Base):
    """A terminal's raw value that cannot be mapped by UID format, learned when a queued read is assigned."""

    __tablename__ = "badge_aliases"
    __table_args__ = (UniqueConstraint("terminal_id", "raw_value"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    raw_value: Mapped[str] = mapped_column(String(128))
    badge_id: Mapped[int] = mapped_column(ForeignKey("badges.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class UserRow(Base):
    """An application user with a bcrypt hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class UnassignedPunchRow(Base):
    """A read that resolved to nobody: kept for the office to assign or dismiss, never lost."""

    __tablename__ = "unassigned_punches"
    __table_args__ = (Index(None, "state", "at"), Index(None, "terminal_id", "external_key"))
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    raw_value: Mapped[str] = mapped_column(String(128))
    canonical_value: Mapped[str | None] = mapped_column(String(64))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    received_at: Mapped[datetime] = mapped_column(UtcDateTime())
    terminal_ts: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="open")
    external_key: Mapped[str | None] = mapped_column(exact_key(96))
    resolved_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class PunchRow(Base):
    """A raw punch: inserted, never updated or deleted."""

    __tablename__ = "punches"
    __table_args__ = (
        Index(None, "employee_id", "at", "id"),
        Index(None, "terminal_id", "at", "id"),
        Index(None, "at", "id"),
        UniqueConstraint("terminal_id", "external_key"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    direction: Mapped[str] = mapped_column(String(4))
    source: Mapped[str] = mapped_column(String(8))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    badge_id: Mapped[int | None] = mapped_column(ForeignKey("badges.id"))
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    terminal_ts: Mapped[datetime | None] = mapped_column(UtcDateTime())
    flags: Mapped[str] = mapped_column(String(64), default="")
    external_key: Mapped[str | None] = mapped_column(exact_key(96))
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    challenge: Mapped[str | None] = mapped_column(String(128))
    signature: Mapped[str | None] = mapped_column(String(1024))
    legacy_direction: Mapped[str | None] = mapped_column(String(4))
    unassigned_id: Mapped[int | None] = mapped_column(ForeignKey("unassigned_punches.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CorrectionRow(Base):
    """A void, direction override or undo; corrections are new records."""

    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    punch_id: Mapped[int | None] = mapped_column(ForeignKey("punches.id"), index=True)
    target_correction_id: Mapped[int | None] = mapped_column(ForeignKey("corrections.id"))
    direction: Mapped[str | None] = mapped_column(String(4))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ScheduleCellRow(Base):
    """At most one cell per (employee, workday); local times as HH:MM text."""

    __tablename__ = "schedule_cells"
    __table_args__ = (UniqueConstraint("employee_id", "day"), Index(None, "day"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str | None] = mapped_column(String(16))


class ScheduleCodeRow(Base):
    """An editable schedule code."""

    __tablename__ = "schedule_codes"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    meaning: Mapped[str] = mapped_column(String(16))
    expected_at_work: Mapped[bool] = mapped_column(Boolean, default=False)


class ScheduleTemplateRow(Base):
    """A named weekly pattern; cells as a JSON list of cell texts."""

    __tablename__ = "schedule_templates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    anchor: Mapped[date] = mapped_column(Date)
    cells: Mapped[str] = mapped_column(Text, info=JSON_TEXT)


class HolidayRow(Base):
    """A non-working local date."""

    __tablename__ = "holidays"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))


class ClosedMonthRow(Base):
    """A month of local dates (``YYYY-MM``) closed, or reopened since; the timesheet handed over as JSON."""

    __tablename__ = "closed_months"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    is_closed: Mapped[bool] = mapped_column(Boolean)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_by: Mapped[str] = mapped_column(String(64))
    reopened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reopened_by: Mapped[str | None] = mapped_column(String(64))
    reopen_reason: Mapped[str | None] = mapped_column(String(500))
    snapshot_json: Mapped[str] = mapped_column(
        Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"), info=JSON_TEXT
    )


class AbsenceRow(Base):
    """An employee away on the local dates first..last (both included), of a form П-5 absence type."""

    __tablename__ = "absences"
    __table_args__ = (Index(None, "employee_id", "first_day"), Index(None, "first_day", "last_day"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    kind: Mapped[str] = mapped_column(String(8))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    document: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AuditRow(Base):
    """Append-only audit entry, chained by hash."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index(None, "at", "id"), Index(None, "entity_type", "entity_id"))
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(96))
    actor_user_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before_json: Mapped[str | None] = mapped_column(Text, info=JSON_TEXT)
    after_json: Mapped[str | None] = mapped_column(Text, info=JSON_TEXT)
    reason: Mapped[str | None] = mapped_column(String(500))
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    workstation: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainLockRow(Base):
    """The single row (id 1) that audit appenders lock, so that they queue instead of deadlocking."""

    __tablename__ = "audit_chain_lock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class SettingRow(Base):
    """One business setting as text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ScanReceiptRow(Base):
    """The first outcome per (terminal, event_id) of a card-UID terminal, replayed on repeats."""

    __tablename__ = "scan_receipts"
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(exact_key(64), primary_key=True)
    raw_uid: Mapped[str] = mapped_column(String(128))
    reply_json: Mapped[str] = mapped_column(Text, info=JSON_TEXT)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class SharedKeyRow(Base):
    """A secret every process on this database shares (the scan challenges' sealing key)."""

    __tablename__ = "shared_keys"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value_hex: Mapped[str] = mapped_column(String(128))


class UsedChallengeRow(Base):
    """A scan challenge already presented, kept until it expires, so that no process accepts it again."""

    __tablename__ = "used_challenges"
    nonce_hex: Mapped[str] = mapped_column(String(32), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class AdmsDeviceRow(Base):
    """A ZKTeco PUSH device known by serial: pending approval, approved (linked to a terminal) or rejected."""

    __tablename__ = "adms_devices"
    __table_args__ = (Index(None, "state", "last_ip"),)  # pending devices per address
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"), unique=True)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_ip: Mapped[str | None] = mapped_column(String(45))
    approved_ip: Mapped[str | None] = mapped_column(String(45))
    push_version: Mapped[str | None] = mapped_column(String(32))
    firmware: Mapped[str | None] = mapped_column(String(64))
    reported_ip: Mapped[str | None] = mapped_column(String(45))
    user_count: Mapped[int | None] = mapped_column(Integer)
    fingerprint_count: Mapped[int | None] = mapped_column(Integer)
    attlog_count: Mapped[int | None] = mapped_column(Integer)
    info_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attlog_stamp: Mapped[str | None] = mapped_column(String(32))
    operlog_stamp: Mapped[str | None] = mapped_column(String(32))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    next_command_no: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # SHA-256 of the handshake's pushcommkey; what an approved device's serial presented instead (another
    # address, another key) waits in moved_* until a manager re-approves it.
    comm_key_hash: Mapped[str | None] = mapped_column(String(64))
    moved_ip: Mapped[str | None] = mapped_column(String(45))
    moved_key_hash: Mapped[str | None] = mapped_column(String(64))
    moved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AdmsCommandRow(Base):
    """A command queued for a device, sent as ``C:<command_id>:<command>`` and closed by its result."""

    __tablename__ = "adms_commands"
    __table_args__ = (UniqueConstraint("device_id", "command_id"), Index(None, "device_id", "state", "id"))
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("adms_devices.id"))
    command_id: Mapped[str] = mapped_column(String(16))
    command: Mapped[str] = mapped_column(String(1024))
    state: Mapped[str] = mapped_column(String(16))
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    return_code: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(Text)
    queued_by: Mapped[str] = mapped_column(String(96))
    queued_by_user_id: Mapped[int | None] = mapped_column(Integer)


class AdmsQuarantineRow(Base):
    """An uploaded line that could not be parsed: kept once per (device, line), never refused."""

    __tablename__ = "adms_quarantine"
    __table_args__ = (UniqueConstraint("device_id", "line_hash"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("adms_devices.id"))
    table_name: Mapped[str] = mapped_column(String(16))
    raw: Mapped[str] = mapped_column(String(1024))
    reason: Mapped[str] = mapped_column(String(64))
    line_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class AdmsDeviceUserRow(Base):
    """A user as the device lists it (OPERLOG ``USER`` lines), for display; biometrics are never stored."""

    __tablename__ = "adms_device_users"
    device_id: Mapped[int] = mapped_column(ForeignKey("adms_devices.id"), primary_key=True)
    pin: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(64))
    card: Mapped[str | None] = mapped_column(String(64))
    privilege: Mapped[str | None] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class LegacyIdRow(Base):
    """A legacy TimeTracker API row already imported, and what it became (so re-imports bring only news)."""

    __tablename__ = "legacy_ids"
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    legacy_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    new_id: Mapped[int | None] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RunnerLeaseRow(Base):
    """A named lease one process holds at a time (the runner of automatic backups and other jobs)."""

    __tablename__ = "runner_leases"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[str] = mapped_column(exact_key(128))
    owner_kind: Mapped[str] = mapped_column(String(16))
    owner_host: Mapped[str] = mapped_column(String(64))
    owner_user: Mapped[str] = mapped_column(String(64))
    acquired_at: Mapped[datetime] = mapped_column(UtcDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
