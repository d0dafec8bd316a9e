"""Reading a legacy TimeTracker API database (MySQL/MariaDB or SQLite, schema revision 001), read-only."""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from timetracker_desktop.repositories.ports.legacy import (
    LegacyAudit,
    LegacyEmployee,
    LegacyEvent,
    LegacyPosition,
    LegacySchedule,
    LegacySnapshot,
    LegacyTerminal,
    LegacyUser,
)
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError
from timetracker_desktop.repositories.sql.engine import normalize_url
from timetracker_desktop.repositories.sql.errors import translate

REQUIRED_TABLES = ("positions", "employees", "terminals", "users", "events", "schedules", "audit_logs")


def _instant(value: Any) -> datetime | None:
    """A naive UTC DATETIME (a string on SQLite) as an aware UTC instant."""
    if value is None:
        return None
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _flag(value: Any) -> bool:
    return bool(value) and str(value).lower() not in ("0", "false")


def _read_only_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    path = Path(url.database or "")
    if not path.is_file():
        raise StorageUnavailableError(StorageCause.CANNOT_OPEN_FILE, detail=str(path))
    return create_engine(f"sqlite:///file:{path.resolve().as_posix()}?mode=ro&uri=true")


def _rows(connection: Connection, sql: str) -> list[Any]:
    return list(connection.execute(text(sql)))


class SqlLegacySource:
    """A legacy database; SQLite files are opened read-only so the old server's file is never touched."""

    def __init__(self, url: str) -> None:
        parsed = normalize_url(url)
        self.display_url = parsed.render_as_string(hide_password=True)
        self._engine = _read_only_engine(parsed)

    def close(self) -> None:
        """Release the connection."""
        self._engine.dispose()

    def read(self) -> LegacySnapshot:
        """Every row, in id order."""
        try:
            with self._engine.connect() as connection:
                return self._read(connection)
        except DBAPIError as error:
            raise translate(error) from error

    def _read(self, connection: Connection) -> LegacySnapshot:
        tables = set(inspect(connection).get_table_names())
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise StorageUnavailableError(
                StorageCause.NOT_LEGACY_DATABASE, detail=f"missing tables: {', '.join(missing)}"
            )
        revision = None
        if "alembic_version" in tables:
            revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
        return LegacySnapshot(
            revision=None if revision is None else str(revision),
            positions=tuple(_positions(connection)),
            employees=tuple(_employees(connection)),
            terminals=tuple(_terminals(connection)),
            users=tuple(_users(connection)),
            events=tuple(_events(connection)),
            schedules=tuple(_schedules(connection)),
            audit_logs=tuple(_audit_logs(connection)),
        )


def _positions(connection: Connection) -> list[LegacyPosition]:
    rows = _rows(connection, "SELECT id, name, is_active FROM positions ORDER BY id")
    return [LegacyPosition(r[0], r[1], _flag(r[2])) for r in rows]


def _employees(connection: Connection) -> list[LegacyEmployee]:
    sql = (
        "SELECT id, full_name, nfc_uid, public_key_b64, is_active, position, comment"
        " FROM employees ORDER BY id"
    )
    return [LegacyEmployee(r[0], r[1], r[2], r[3], _flag(r[4]), r[5], r[6]) for r in _rows(connection, sql)]


def _terminals(connection: Connection) -> list[LegacyTerminal]:
    sql = "SELECT id, name, api_key, is_active, last_seen_at FROM terminals ORDER BY id"
    return [LegacyTerminal(r[0], r[1], r[2], _flag(r[3]), _instant(r[4])) for r in _rows(connection, sql)]


def _users(connection: Connection) -> list[LegacyUser]:
    rows = _rows(connection, "SELECT id, username, password_hash, role FROM users ORDER BY id")
    return [LegacyUser(r[0], r[1], r[2], str(r[3])) for r in rows]


def _events(connection: Connection) -> list[LegacyEvent]:
    sql = (
        "SELECT id, employee_id, terminal_id, direction, ts, is_manual, created_by_user_id, comment,"
        " created_at FROM events ORDER BY id"
    )
    result = []
    for r in _rows(connection, sql):
        ts = _instant(r[4])
        if ts is not None:
            result.append(
                LegacyEvent(r[0], r[1], r[2], str(r[3]), ts, _flag(r[5]), r[6], r[7], _instant(r[8]))
            )
    return result


def _schedules(connection: Connection) -> list[LegacySchedule]:
    sql = "SELECT id, employee_id, day, start_hhmm, end_hhmm, code FROM schedules ORDER BY id"
    return [LegacySchedule(r[0], r[1], _day(r[2]), r[3], r[4], r[5]) for r in _rows(connection, sql)]


def _audit_logs(connection: Connection) -> list[LegacyAudit]:
    sql = "SELECT id, admin_username, action, details, created_at FROM audit_logs ORDER BY id"
    return [LegacyAudit(r[0], r[1], r[2], r[3], _instant(r[4])) for r in _rows(connection, sql)]
