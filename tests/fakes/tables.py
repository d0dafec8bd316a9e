"""The fake database: rows in dicts, copied per transaction, and the checks the SQL schema makes."""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.repositories.ports.storage import IntegrityConflictError

Row = TypeVar("Row")


def _table() -> dict[Any, Any]:
    return {}


@dataclass
class Tables:
    """Every table as a dict of immutable rows by primary key; a changed row is replaced, never mutated.

    Keeping rows immutable makes a shallow copy of each dict a full snapshot (a transaction's view) and lets a
    commit find what it changed by identity.
    """

    positions: dict[Any, Any] = field(default_factory=_table)
    employees: dict[Any, Any] = field(default_factory=_table)
    badges: dict[Any, Any] = field(default_factory=_table)
    badge_aliases: dict[Any, Any] = field(default_factory=_table)
    terminals: dict[Any, Any] = field(default_factory=_table)
    terminal_keys: dict[Any, Any] = field(default_factory=_table)
    terminal_activity: dict[Any, Any] = field(default_factory=_table)
    users: dict[Any, Any] = field(default_factory=_table)
    password_hashes: dict[Any, Any] = field(default_factory=_table)
    punches: dict[Any, Any] = field(default_factory=_table)
    corrections: dict[Any, Any] = field(default_factory=_table)
    unassigned: dict[Any, Any] = field(default_factory=_table)
    schedule_cells: dict[Any, Any] = field(default_factory=_table)
    schedule_codes: dict[Any, Any] = field(
        default_factory=lambda: {code.code: code for code in DEFAULT_CODES}  # seeded like migration 0001
    )
    holidays: dict[Any, Any] = field(default_factory=_table)
    absences: dict[Any, Any] = field(default_factory=_table)
    closed_months: dict[Any, Any] = field(default_factory=_table)
    templates: dict[Any, Any] = field(default_factory=_table)
    audit: dict[Any, Any] = field(default_factory=_table)
    settings: dict[Any, Any] = field(default_factory=_table)
    scan_receipts: dict[Any, Any] = field(default_factory=_table)
    shared_keys: dict[Any, Any] = field(default_factory=_table)
    used_challenges: dict[Any, Any] = field(default_factory=_table)
    legacy_ids: dict[Any, Any] = field(default_factory=_table)
    runner_leases: dict[Any, Any] = field(default_factory=_table)
    adms_devices: dict[Any, Any] = field(default_factory=_table)
    adms_commands: dict[Any, Any] = field(default_factory=_table)
    adms_quarantine: dict[Any, Any] = field(default_factory=_table)
    adms_users: dict[Any, Any] = field(default_factory=_table)
    adms_command_numbers: dict[Any, Any] = field(default_factory=_table)  # a device's next_command_no
    # Last id handed out per table, shared by every snapshot and never rolled back (like MariaDB's
    # auto-increment): two transactions never get the same id, so equal keys at commit are true conflicts.
    sequences: dict[Any, Any] = field(default_factory=_table)

    def copy(self) -> "Tables":
        """A snapshot: new dicts holding the same immutable rows (and the one shared id counter)."""
        return Tables(
            **{f.name: dict(getattr(self, f.name)) for f in fields(self) if f.name != "sequences"},
            sequences=self.sequences,
        )

    def next_id(self, table: str) -> int:
        """The next id of a table's integer primary key."""
        self.sequences[table] = self.sequences.get(table, 0) + 1
        return int(self.sequences[table])

    def merged(self, base: "Tables", work: "Tables") -> "Tables":
        """These tables with what a transaction changed from ``base`` to ``work`` applied on top.

        Another transaction may have committed since ``base`` was taken. Like row-level storage, each
        transaction's own inserts, updates and deletes survive; a row inserted under a primary key that the
        other one inserted meanwhile is the conflict the database would raise. (Secondary unique keys, such
        as a user name, are checked only in the writer's own view.)
        """
        result = self.copy()
        for f in fields(self):
            if f.name == "sequences":
                continue
            before, after, target = getattr(base, f.name), getattr(work, f.name), getattr(result, f.name)
            for key in before.keys() - after.keys():
                target.pop(key, None)
            for key, row in after.items():
                if key not in before and key in target:
                    raise IntegrityConflictError(f"UNIQUE constraint failed: {f.name} {key!r}")
                if before.get(key) is not row:
                    target[key] = row
        return result


class Transaction:
    """The working tables of one unit of work; ``None`` outside its with-block."""

    def __init__(self) -> None:
        self.current: Tables | None = None

    @property
    def tables(self) -> Tables:
        """The open transaction's tables."""
        if self.current is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self.current


def utc(value: datetime) -> datetime:
    """What a UtcDateTime column gives back: the same instant in UTC; a naive datetime is refused."""
    if value.utcoffset() is None:
        raise ValueError("naive datetime given for a UTC column")
    return value.astimezone(UTC)


def stored(row: Row) -> Row:
    """A dataclass row as the database returns it: every datetime field in UTC."""
    assert is_dataclass(row)
    assert not isinstance(row, type)
    changes = {f.name: utc(value) for f in fields(row) if isinstance(value := getattr(row, f.name), datetime)}
    return replace(row, **changes) if changes else row


def unique(table: str, key: Hashable, taken: Iterable[Hashable]) -> None:
    """Raise the port's conflict, as the SQL unit of work does for a unique constraint, if key is taken."""
    if key in set(taken):
        raise IntegrityConflictError(f"UNIQUE constraint failed: {table} {key!r}")


def exists(table: str, rows: dict[Any, Any], key: object) -> None:
    """Raise the port's conflict for a foreign key to a missing row (both engines enforce them)."""
    if key is not None and key not in rows:
        raise IntegrityConflictError(f"FOREIGN KEY constraint failed: {table} {key!r}")


def existing(rows: dict[Any, Row], key: object) -> Row:
    """The row an update targets; the SQL repositories' ``get_one`` raises for a missing one too."""
    if key not in rows:
        raise LookupError(f"no row {key!r}")
    return rows[key]
