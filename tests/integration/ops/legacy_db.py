"""A legacy TimeTracker API database built from LEGACY_SCHEMA.md, with the oddities real ones have."""

import json
from dataclasses import dataclass

import bcrypt
from emulators.badge_phone import public_key_b64, session_key
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    insert,
)

ENTRANCE_KEY = (
    "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg"  # 43 URL-safe characters, as the legacy server made
)
WAREHOUSE_KEY = "d2FyZWhvdXNlLWtleS13YXJlaG91c2Uta2V5LXdhcmU"
ADMIN_PASSWORD = "legacy-admin-pw"

metadata = MetaData()
positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("is_active", Boolean, nullable=False, default=True),
)
employees = Table(
    "employees",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("full_name", String(128), nullable=False),
    Column("nfc_uid", String(64), nullable=False, unique=True),
    Column("public_key_b64", String(2048)),
    Column("is_active", Boolean, nullable=False, default=True),
    Column("position", String(64)),
    Column("comment", String(255)),
)
terminals = Table(
    "terminals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("api_key", String(128), nullable=False, unique=True),
    Column("is_active", Boolean, nullable=False, default=True),
    Column("last_seen_at", DateTime),
)
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(255)),
    Column("role", String(20), nullable=False),
)
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("employee_id", ForeignKey("employees.id"), nullable=False),
    Column("terminal_id", ForeignKey("terminals.id")),
    Column("direction", String(8), nullable=False),
    Column("ts", DateTime, nullable=False),
    Column("is_manual", Boolean, default=False),
    Column("created_by_user_id", ForeignKey("users.id")),
    Column("comment", String(500)),
    Column("created_at", DateTime),
)
schedules = Table(
    "schedules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("employee_id", ForeignKey("employees.id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("start_hhmm", String(5), nullable=False),
    Column("end_hhmm", String(5), nullable=False),
    Column("code", String(32)),
    UniqueConstraint("employee_id", "day"),
)
audit_logs = Table(
    "audit_logs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("admin_id", ForeignKey("users.id")),
    Column("admin_username", String(64)),
    Column("action", String(64)),
    Column("entity_type", String(64)),
    Column("entity_id", Integer),
    Column("details", Text),
    Column("created_at", DateTime),
)
alembic_version = Table("alembic_version", metadata, Column("version_num", String(32), primary_key=True))


@dataclass(frozen=True)
class LegacyIds:
    """Legacy ids the tests refer to."""

    olena: int = 2
    ivan: int = 3
    petro: int = 4
    entrance: int = 7
    warehouse: int = 9


def _cell(
    row_id: int, employee_id: int, day: str, start: str, end: str, code: str | None
) -> dict[str, object]:
    return {
        "id": row_id,
        "employee_id": employee_id,
        "day": day,
        "start_hhmm": start,
        "end_hhmm": end,
        "code": code,
    }


def _hash(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()


ROWS: dict[Table, list[dict[str, object]]] = {
    positions: [
        {"id": 1, "name": "Demo", "is_active": True},
        {"id": 2, "name": "Developer", "is_active": True},
        {"id": 3, "name": "Accountant", "is_active": False},
    ],
    employees: [
        {"id": 1, "full_name": "Test Employee", "nfc_uid": "TEST-EMP-0001", "position": "Demo"},
        {
            "id": 2,
            "full_name": "Олена Коваль",
            "nfc_uid": "emp-1a2b3c4d",
            "position": "Developer",
            "public_key_b64": public_key_b64(session_key(0)),
        },
        {"id": 3, "full_name": "Іван Шевченко", "nfc_uid": "04:a2:b3:c4", "position": "Accountant"},
        {"id": 4, "full_name": "Петро Мельник", "nfc_uid": "EMP-0000BEEF", "public_key_b64": "bm90IGEga2V5"},
        {"id": 5, "full_name": "Ганна Лисенко", "nfc_uid": "hello", "position": "Охоронець"},
        {
            "id": 6,
            "full_name": "Марко Бондар",
            "nfc_uid": "1234567890abcd",
            "is_active": False,
            "comment": "left in 2025",
        },
    ],
    terminals: [
        {"id": 1, "name": "Terminal #1", "api_key": "demo-key-demo-key-demo-key-demo-key-demo-ke"},
        {"id": 7, "name": "Entrance", "api_key": ENTRANCE_KEY, "last_seen_at": "2026-03-03 06:00:00"},
        {"id": 9, "name": "Warehouse", "api_key": WAREHOUSE_KEY, "is_active": False},
    ],
    users: [
        {"id": 1, "username": "admin", "password_hash": _hash(ADMIN_PASSWORD), "role": "ADMIN"},
        {"id": 2, "username": "manager", "password_hash": _hash("manager-pw"), "role": "MANAGER"},
        {"id": 3, "username": "hr", "password_hash": _hash("hr-pw-long"), "role": "HR"},
        {"id": 4, "username": "worker", "password_hash": None, "role": "EMPLOYEE"},
    ],
    events: [
        {"id": 1, "employee_id": 1, "terminal_id": 1, "direction": "IN", "ts": "2026-03-01 07:00:00"},
        {"id": 2, "employee_id": 2, "terminal_id": 7, "direction": "IN", "ts": "2026-03-02 06:00:00"},
        {"id": 3, "employee_id": 2, "terminal_id": 7, "direction": "OUT", "ts": "2026-03-02 15:00:00"},
        {"id": 4, "employee_id": 2, "terminal_id": 7, "direction": "IN", "ts": "2026-03-03 06:00:00"},
        {
            "id": 5,
            "employee_id": 2,
            "terminal_id": None,
            "direction": "OUT",
            "ts": "2026-03-03 15:00:00",
            "is_manual": True,
            "created_by_user_id": 1,
            "comment": "forgot to tap out",
        },
        {
            "id": 6,
            "employee_id": 3,
            "terminal_id": 9,
            "direction": "IN",
            "ts": "2026-03-02 06:30:00.250000",
            "is_manual": None,
        },
        {"id": 7, "employee_id": 3, "terminal_id": 9, "direction": "sideways", "ts": "2026-03-02 07:00:00"},
    ],
    schedules: [
        _cell(1, 2, "2026-03-02", "08:00", "17:00", "8-17"),
        _cell(2, 2, "2026-03-07", "00:00", "00:00", "В"),
        _cell(3, 2, "2026-03-08", "00:00", "00:00", None),
        _cell(4, 3, "2026-03-02", "09:00", "18:00", None),
        _cell(5, 3, "2026-03-03", "00:00", "00:00", "ОФ"),
        _cell(6, 3, "2026-03-04", "00:00", "00:00", "XYZ"),
        _cell(7, 1, "2026-03-02", "08:00", "17:00", None),
    ],
    audit_logs: [
        {
            "id": 1,
            "admin_username": "admin",
            "action": "admin_login",
            "details": "{}",
            "created_at": "2026-03-01 08:00:00",
        },
        {
            "id": 2,
            "admin_username": "admin",
            "action": "terminal_create",
            "details": json.dumps({"name": "Entrance", "api_key": ENTRANCE_KEY}),
            "created_at": "2026-03-01 08:05:00",
        },
    ],
    alembic_version: [{"version_num": "001"}],
}


def _typed(table: Table, row: dict[str, object]) -> dict[str, object]:
    from datetime import date, datetime

    result = dict(row)
    for name, value in row.items():
        column = table.columns[name]
        if isinstance(value, str) and isinstance(column.type, DateTime):
            result[name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            result[name] = date.fromisoformat(value)
    return result


def build_legacy_database(url: str) -> None:
    """Create the legacy schema and rows at ``url`` (an empty database)."""
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        with engine.begin() as connection:
            for table in metadata.sorted_tables:
                for row in ROWS.get(table, []):  # one by one: the rows leave out different columns
                    connection.execute(insert(table), _typed(table, row))
    finally:
        engine.dispose()


def add_event(url: str, event_id: int, employee_id: int, ts: str) -> None:
    """A punch the legacy server recorded after the first import."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            row = {"id": event_id, "employee_id": employee_id, "terminal_id": 7, "direction": "IN", "ts": ts}
            connection.execute(insert(events), [_typed(events, row)])
    finally:
        engine.dispose()
