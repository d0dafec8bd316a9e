"""SQL repository for terminals (keys only as SHA-256)."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from timetracker_desktop.domain.employees import UidFormat
from timetracker_desktop.domain.terminals import DirectionMode, Terminal, TerminalKind
from timetracker_desktop.repositories.ports.storage import TerminalActivity
from timetracker_desktop.repositories.sql.orm import TerminalRow

_EDITABLE = (
    "name",
    "location",
    "is_active",
    "phone_scans",
    "card_scans",
    "enrollment",
    "time_zone",
    "trusted_clock",
    "enrollment_until",
    "serial",
)


def _terminal(row: TerminalRow) -> Terminal:
    return Terminal(
        id=row.id,
        name=row.name,
        kind=TerminalKind(row.kind),
        location=row.location,
        is_active=row.is_active,
        phone_scans=row.phone_scans,
        card_scans=row.card_scans,
        enrollment=row.enrollment,
        direction_mode=DirectionMode(row.direction_mode),
        uid_format=UidFormat(row.uid_format),
        time_zone=row.time_zone,
        trusted_clock=row.trusted_clock,
        enrollment_until=row.enrollment_until,
        last_seen_at=row.last_seen_at,
        serial=row.serial,
    )


class SqlTerminalRepository:
    """Terminals in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, terminal: Terminal, key_hash: str | None, now: datetime) -> Terminal:
        """Insert a terminal; ``terminal.id`` is used when > 0 (legacy ids are kept)."""
        row = TerminalRow(
            id=terminal.id or None,
            kind=terminal.kind.value,
            key_hash=key_hash,
            direction_mode=terminal.direction_mode.value,
            uid_format=terminal.uid_format.value,
            created_at=now,
        )
        for name in _EDITABLE:
            setattr(row, name, getattr(terminal, name))
        self._session.add(row)
        self._session.flush()
        return _terminal(row)

    def get(self, terminal_id: int) -> Terminal | None:
        """Terminal by id."""
        row = self._session.get(TerminalRow, terminal_id)
        return None if row is None else _terminal(row)

    def _one(
        self, column: InstrumentedAttribute[str | None] | InstrumentedAttribute[str], value: str
    ) -> Terminal | None:
        row = self._session.scalar(select(TerminalRow).where(column == value))
        return None if row is None else _terminal(row)

    def by_name(self, name: str) -> Terminal | None:
        """Terminal by unique name."""
        return self._one(TerminalRow.name, name)

    def by_serial(self, serial: str) -> Terminal | None:
        """Terminal by device serial number (ADMS)."""
        return self._one(TerminalRow.serial, serial)

    def by_key_hash(self, key_hash: str) -> Terminal | None:
        """Terminal whose key hashes to this value."""
        return self._one(TerminalRow.key_hash, key_hash)

    def key_hash_of(self, terminal_id: int) -> str | None:
        """The stored key hash of a terminal."""
        return self._session.scalar(select(TerminalRow.key_hash).where(TerminalRow.id == terminal_id))

    def list_all(self) -> list[Terminal]:
        """All terminals by id."""
        return [_terminal(r) for r in self._session.scalars(select(TerminalRow).order_by(TerminalRow.id))]

    def update(self, terminal: Terminal) -> None:
        """Write the editable settings."""
        row = self._session.get_one(TerminalRow, terminal.id)
        for name in _EDITABLE:
            setattr(row, name, getattr(terminal, name))
        row.direction_mode = terminal.direction_mode.value
        row.uid_format = terminal.uid_format.value
        self._session.flush()

    def set_key_hash(self, terminal_id: int, key_hash: str | None) -> None:
        """Replace the key hash (rotation invalidates the old key at once)."""
        self._session.get_one(TerminalRow, terminal_id).key_hash = key_hash
        self._session.flush()

    def touch(self, terminal_id: int, now: datetime) -> None:
        """Record the terminal as seen now."""
        self._session.execute(
            update(TerminalRow).where(TerminalRow.id == terminal_id).values(last_seen_at=now)
        )

    def add_activity(self, activity: TerminalActivity) -> None:
        """Add a listener's counts for one local day; an older day's counts never replace a newer day's."""
        row = self._session.get(TerminalRow, activity.terminal_id, with_for_update=True)
        if row is None:
            return
        seen = activity.last_seen_at
        if seen is not None and (row.last_seen_at is None or row.last_seen_at < seen):
            row.last_seen_at = seen
        if activity.day is not None:
            if row.activity_day == activity.day:
                row.requests_today += activity.requests
                row.taps_today += activity.taps
            elif row.activity_day is None or row.activity_day < activity.day:
                row.activity_day = activity.day
                row.requests_today = activity.requests
                row.taps_today = activity.taps
        self._session.flush()

    def activity(self, terminal_id: int) -> TerminalActivity | None:
        """The stored last-seen time and day counters of a terminal."""
        row = self._session.get(TerminalRow, terminal_id)
        if row is None:
            return None
        return TerminalActivity(
            row.id, row.last_seen_at, row.activity_day, row.requests_today or 0, row.taps_today or 0
        )
