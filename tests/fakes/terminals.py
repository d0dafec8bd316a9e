"""Fake repository of terminals: unique names, serials and key hashes; the day's activity counters."""

from dataclasses import replace
from datetime import datetime

from fakes.tables import Transaction, existing, stored, unique, utc
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.storage import TerminalActivity


class FakeTerminalRepository:
    """Terminals; the key is kept only as its hash, beside the terminal."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def _check_unique(self, terminal: Terminal, key_hash: str | None, *, key_changes: bool) -> None:
        tables = self._tx.tables
        others = [t for t in tables.terminals.values() if t.id != terminal.id]
        unique("terminals.name", terminal.name, (t.name for t in others))
        if terminal.serial is not None:
            unique("terminals.serial", terminal.serial, (t.serial for t in others))
        if key_changes and key_hash is not None:
            hashes = (h for i, h in tables.terminal_keys.items() if i != terminal.id)
            unique("terminals.key_hash", key_hash, hashes)

    def add(self, terminal: Terminal, key_hash: str | None, now: datetime) -> Terminal:
        """Insert a terminal; ``terminal.id`` is used when > 0 (legacy ids are kept)."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        if terminal.id:
            unique("terminals.id", terminal.id, tables.terminals)
            tables.sequences["terminals"] = max(terminal.id, tables.sequences.get("terminals", 0))
            new_id = terminal.id
        else:
            new_id = tables.next_id("terminals")
        row = stored(replace(terminal, id=new_id, last_seen_at=None))
        self._check_unique(row, key_hash, key_changes=True)
        tables.terminals[new_id] = row
        tables.terminal_keys[new_id] = key_hash
        return row

    def get(self, terminal_id: int) -> Terminal | None:
        """Terminal by id."""
        found: Terminal | None = self._tx.tables.terminals.get(terminal_id)
        return found

    def by_name(self, name: str) -> Terminal | None:
        """Terminal by unique name."""
        return next((t for t in self._tx.tables.terminals.values() if t.name == name), None)

    def by_serial(self, serial: str) -> Terminal | None:
        """Terminal by device serial number (ADMS)."""
        return next((t for t in self._tx.tables.terminals.values() if t.serial == serial), None)

    def by_key_hash(self, key_hash: str) -> Terminal | None:
        """Terminal whose key hashes to this value."""
        found = next((i for i, h in self._tx.tables.terminal_keys.items() if h == key_hash), None)
        return None if found is None else self.get(found)

    def key_hash_of(self, terminal_id: int) -> str | None:
        """The stored key hash of a terminal."""
        found: str | None = self._tx.tables.terminal_keys.get(terminal_id)
        return found

    def list_all(self) -> list[Terminal]:
        """All terminals by id."""
        return sorted(self._tx.tables.terminals.values(), key=lambda t: t.id)

    def update(self, terminal: Terminal) -> None:
        """Write the editable settings (the kind and the last-seen time are not editable)."""
        terminals = self._tx.tables.terminals
        old = existing(terminals, terminal.id)
        row = stored(replace(terminal, kind=old.kind, last_seen_at=old.last_seen_at))
        self._check_unique(row, None, key_changes=False)
        terminals[terminal.id] = row

    def set_key_hash(self, terminal_id: int, key_hash: str | None) -> None:
        """Replace the key hash (rotation invalidates the old key at once)."""
        tables = self._tx.tables
        self._check_unique(existing(tables.terminals, terminal_id), key_hash, key_changes=True)
        tables.terminal_keys[terminal_id] = key_hash

    def touch(self, terminal_id: int, now: datetime) -> None:
        """Record the terminal as seen now (an unknown id changes nothing, like an UPDATE)."""
        terminals = self._tx.tables.terminals
        if terminal_id in terminals:
            terminals[terminal_id] = replace(terminals[terminal_id], last_seen_at=utc(now))

    def add_activity(self, activity: TerminalActivity) -> None:
        """Add a listener's counts for one local day; an older day's counts never replace a newer day's."""
        tables = self._tx.tables
        terminal = tables.terminals.get(activity.terminal_id)
        if terminal is None:
            return
        seen = activity.last_seen_at
        if seen is not None and (terminal.last_seen_at is None or terminal.last_seen_at < seen):
            tables.terminals[terminal.id] = replace(terminal, last_seen_at=utc(seen))
        if activity.day is not None:
            day, requests, taps = tables.terminal_activity.get(terminal.id, (None, 0, 0))
            if day == activity.day:
                tables.terminal_activity[terminal.id] = (
                    day,
                    requests + activity.requests,
                    taps + activity.taps,
                )
            elif day is None or day < activity.day:
                tables.terminal_activity[terminal.id] = (activity.day, activity.requests, activity.taps)

    def activity(self, terminal_id: int) -> TerminalActivity | None:
        """The stored last-seen time and day counters of a terminal."""
        tables = self._tx.tables
        terminal = tables.terminals.get(terminal_id)
        if terminal is None:
            return None
        day, requests, taps = tables.terminal_activity.get(terminal_id, (None, 0, 0))
        return TerminalActivity(terminal_id, terminal.last_seen_at, day, requests, taps)
