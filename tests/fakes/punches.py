"""Fake repositories of raw punches (insert-only), corrections, the unassigned queue and scan receipts."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from fakes.tables import Tables, Transaction, exists, stored, unique, utc
from timetracker_desktop.domain.attendance import BY_TIME, Correction, CorrectionKind, Punch, PunchCore
from timetracker_desktop.domain.attendance import PunchSource as Source
from timetracker_desktop.repositories.ports import storage as ports


@dataclass(frozen=True, slots=True)
class StoredPunch:
    """A punch row: its id and everything it was inserted with."""

    id: int
    row: ports.NewPunch

    def punch(self) -> Punch:
        """The row as the port returns it."""
        r = self.row
        return Punch(
            self.id, r.employee_id, r.at, r.direction, r.source, r.terminal_id, r.badge_id, r.received_at,
            r.terminal_ts, frozenset(r.flags), r.external_key, r.author_user_id, r.reason, r.legacy_direction,
        )  # fmt: skip


def _insert(tables: Tables, punch: ports.NewPunch, staged: Sequence[StoredPunch] = ()) -> StoredPunch:
    exists("punches.employee_id", tables.employees, punch.employee_id)
    exists("punches.terminal_id", tables.terminals, punch.terminal_id)
    exists("punches.badge_id", tables.badges, punch.badge_id)
    exists("punches.author_user_id", tables.users, punch.author_user_id)
    exists("punches.unassigned_id", tables.unassigned, punch.unassigned_id)
    if punch.terminal_id is not None and punch.external_key is not None:  # NULLs never collide
        keys = [(p.row.terminal_id, p.row.external_key) for p in (*tables.punches.values(), *staged)]
        unique("punches.terminal_id, external_key", (punch.terminal_id, punch.external_key), keys)
    return StoredPunch(tables.next_id("punches"), stored(punch))


def _voided(tables: Tables) -> set[int | None]:
    undone = {c.target_correction_id for c, _ in tables.corrections.values() if c.kind is CorrectionKind.UNDO}
    return {
        c.punch_id
        for c, _ in tables.corrections.values()
        if c.kind is CorrectionKind.VOID and c.id not in undone
    }


class FakePunchRepository:
    """Punches: added and read, never updated or deleted."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def _rows(self) -> list[StoredPunch]:
        return list(self._tx.tables.punches.values())

    def add(self, punch: ports.NewPunch) -> Punch:
        """Insert a raw punch."""
        row = _insert(self._tx.tables, punch)
        self._tx.tables.punches[row.id] = row
        return row.punch()

    def add_many(self, punches: Sequence[ports.NewPunch]) -> None:
        """Bulk insert: all or none, like one INSERT."""
        tables = self._tx.tables
        staged: list[StoredPunch] = []
        for punch in punches:
            staged.append(_insert(tables, punch, staged))
        tables.punches.update((row.id, row) for row in staged)

    def get(self, punch_id: int) -> Punch | None:
        """Punch by id."""
        row = self._tx.tables.punches.get(punch_id)
        return None if row is None else row.punch()

    def by_external_key(self, terminal_id: int, external_key: str) -> Punch | None:
        """Punch by its terminal-side idempotency key."""
        return next(
            (
                p.punch()
                for p in self._rows()
                if p.row.terminal_id == terminal_id and p.row.external_key == external_key
            ),
            None,
        )

    def _in_period(self, employee_ids: Sequence[int] | None, start: datetime, end: datetime) -> list[Punch]:
        start, end = utc(start), utc(end)
        wanted = None if employee_ids is None else set(employee_ids)
        return sorted(
            (
                p.punch()
                for p in self._rows()
                if start <= p.row.at < end and (wanted is None or p.row.employee_id in wanted)
            ),
            key=BY_TIME,
        )

    def for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[Punch]]:
        """Punches in [start, end) grouped by employee, each list in (at, id) order."""
        grouped: dict[int, list[Punch]] = defaultdict(list)
        for punch in self._in_period(employee_ids, start, end):
            grouped[punch.employee_id].append(punch)
        return dict(grouped)

    def cores_for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[PunchCore]]:
        """Like ``for_employees`` with only the fields computations read."""
        grouped: dict[int, list[PunchCore]] = defaultdict(list)
        for p in self._in_period(employee_ids, start, end):
            grouped[p.employee_id].append(
                PunchCore(p.id, p.employee_id, p.at, p.direction, p.source, p.flags, p.reason)
            )
        return dict(grouped)

    def latest_terminal_punch(self, employee_id: int, before: datetime) -> Punch | None:
        """The employee's latest terminal punch at or before an instant (cooldown)."""
        before = utc(before)
        mine = [
            p.punch()
            for p in self._rows()
            if p.row.employee_id == employee_id and p.row.source is Source.TERMINAL and p.row.at <= before
        ]
        return max(mine, key=BY_TIME, default=None)

    def _lines(self, rows: Sequence[StoredPunch]) -> list[ports.PunchLine]:
        tables = self._tx.tables
        voided = _voided(tables)
        lines = []
        for stored_punch in rows:
            p = stored_punch.punch()
            terminal = tables.terminals.get(p.terminal_id)
            lines.append(
                ports.PunchLine(
                    id=p.id,
                    at=p.at,
                    employee_id=p.employee_id,
                    employee_name=tables.employees[p.employee_id].full_name,
                    direction=p.direction,
                    source=p.source,
                    terminal_id=p.terminal_id,
                    terminal_name=terminal.name if terminal else None,
                    flags=p.flags,
                    reason=p.reason,
                    voided=p.id in voided,
                )
            )
        return lines

    def _matching(self, query: ports.PunchQuery) -> list[StoredPunch]:
        start, end = utc(query.start), utc(query.end)
        return [
            p
            for p in self._rows()
            if start <= p.row.at < end
            and (query.employee_id is None or p.row.employee_id == query.employee_id)
            and (query.terminal_id is None or p.row.terminal_id == query.terminal_id)
        ]

    def page(
        self, query: ports.PunchQuery, after: tuple[datetime, int] | None, limit: int
    ) -> list[ports.PunchLine]:
        """One page of the event log, newest first, by keyset on (at, id)."""
        rows = sorted(self._matching(query), key=lambda p: (p.row.at, p.id), reverse=True)
        if after is not None:
            position = (utc(after[0]), after[1])
            rows = [p for p in rows if (p.row.at, p.id) < position]
        return self._lines(rows[:limit])

    def count(self, query: ports.PunchQuery) -> int:
        """Rows matching the event-log filter."""
        return len(self._matching(query))

    def after_id(self, last_id: int, limit: int) -> list[ports.PunchLine]:
        """Punches with id > last_id, oldest first."""
        return self._lines(sorted((p for p in self._rows() if p.id > last_id), key=lambda p: p.id)[:limit])


class FakeCorrectionRepository:
    """Corrections: new records only; each row keeps the employee it concerns."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def add(self, correction: ports.NewCorrection) -> Correction:
        """Insert a correction."""
        tables = self._tx.tables
        exists("corrections.employee_id", tables.employees, correction.employee_id)
        exists("corrections.punch_id", tables.punches, correction.punch_id)
        exists("corrections.target_correction_id", tables.corrections, correction.target_correction_id)
        exists("corrections.author_user_id", tables.users, correction.author_user_id)
        row = Correction(
            id=tables.next_id("corrections"),
            kind=correction.kind,
            author_user_id=correction.author_user_id,
            reason=correction.reason,
            created_at=utc(correction.created_at),
            punch_id=correction.punch_id,
            target_correction_id=correction.target_correction_id,
            direction=correction.direction,
        )
        tables.corrections[row.id] = (row, correction.employee_id)
        return row

    def get(self, correction_id: int) -> Correction | None:
        """Correction by id."""
        found = self._tx.tables.corrections.get(correction_id)
        return None if found is None else found[0]

    def for_employees(self, employee_ids: Sequence[int] | None) -> dict[int, list[Correction]]:
        """All corrections grouped by employee, in id order."""
        wanted = None if employee_ids is None else set(employee_ids)
        grouped: dict[int, list[Correction]] = defaultdict(list)
        corrections = self._tx.tables.corrections
        for correction_id in sorted(corrections):
            row, employee_id = corrections[correction_id]
            if wanted is None or employee_id in wanted:
                grouped[employee_id].append(row)
        return dict(grouped)


class FakeUnassignedRepository:
    """The unassigned-punch queue: items are resolved, never deleted."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def add(self, item: ports.UnassignedPunch) -> ports.UnassignedPunch:
        """Queue a read that resolved to nobody (the id given is ignored, as an INSERT does)."""
        tables = self._tx.tables
        row = queue_row(tables, item)
        tables.unassigned[row.id] = row
        return row

    def get(self, item_id: int) -> ports.UnassignedPunch | None:
        """Queue item by id."""
        found: ports.UnassignedPunch | None = self._tx.tables.unassigned.get(item_id)
        return found

    def list_all(self, *, state: str | None = "open", limit: int = 1000) -> list[ports.UnassignedPunch]:
        """Queue items, newest first."""
        items = [i for i in self._tx.tables.unassigned.values() if state is None or i.state == state]
        return sorted(items, key=lambda i: (i.at, i.id), reverse=True)[:limit]

    def after_id(self, last_id: int, since: datetime, limit: int) -> list[ports.UnassignedPunch]:
        """Queued reads newer than an id and not before an instant, oldest first (the live feed)."""
        since = utc(since)
        items = [i for i in self._tx.tables.unassigned.values() if i.id > last_id and i.at >= since]
        return sorted(items, key=lambda i: i.id)[:limit]

    def resolve(self, item_id: int, state: str, user_id: int | None, now: datetime) -> None:
        """Mark an item assigned or dismissed (an unknown id changes nothing, like an UPDATE)."""
        tables = self._tx.tables
        exists("unassigned_punches.resolved_by_user_id", tables.users, user_id)
        if item_id in tables.unassigned:
            tables.unassigned[item_id] = replace(
                tables.unassigned[item_id], state=state, resolved_at=utc(now)
            )


def queue_row(tables: Tables, item: ports.UnassignedPunch) -> ports.UnassignedPunch:
    """A new queue row (checked, with its id): the ADMS bulk insert makes the same rows."""
    exists("unassigned_punches.terminal_id", tables.terminals, item.terminal_id)
    exists("unassigned_punches.employee_id", tables.employees, item.employee_id)
    return stored(replace(item, id=tables.next_id("unassigned"), resolved_at=None))


class FakeScanReceiptRepository:
    """Idempotency receipts of card-terminal event ids; one per (terminal, event id)."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def get(self, terminal_id: int, event_id: str) -> ports.ScanReceipt | None:
        """The stored receipt, if the event was seen."""
        found: ports.ScanReceipt | None = self._tx.tables.scan_receipts.get((terminal_id, event_id))
        return found

    def add(self, receipt: ports.ScanReceipt) -> None:
        """Store the first reply to an event id."""
        tables = self._tx.tables
        key = (receipt.terminal_id, receipt.event_id)
        exists("scan_receipts.terminal_id", tables.terminals, receipt.terminal_id)
        unique("scan_receipts.terminal_id, event_id", key, tables.scan_receipts)
        tables.scan_receipts[key] = stored(receipt)

    def forget_before(self, before: datetime, limit: int) -> int:
        """Delete at most ``limit`` receipts created before the instant, oldest first."""
        receipts = self._tx.tables.scan_receipts
        old = sorted((r.created_at, key) for key, r in receipts.items() if r.created_at < before)[:limit]
        for _at, key in old:
            del receipts[key]
        return len(old)


class FakeChallengeRepository:
    """The challenges' sealing key and the used-marks, by nonce."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def key(self, name: str, new: bytes) -> bytes:
        """The stored key, or ``new`` once stored."""
        stored: bytes = self._tx.tables.shared_keys.setdefault(name, new)
        return stored

    def use(self, nonce: bytes, expires_at: datetime) -> bool:
        """Mark a challenge used; False if it already was."""
        used = self._tx.tables.used_challenges
        if nonce in used:
            return False
        used[nonce] = utc(expires_at)
        return True

    def forget_used(self, before: datetime) -> int:
        """Drop the marks of challenges expired before an instant."""
        used = self._tx.tables.used_challenges
        gone = [nonce for nonce, expires in used.items() if expires < before]
        for nonce in gone:
            del used[nonce]
        return len(gone)
