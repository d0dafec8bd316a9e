"""SQL repositories for raw punches (insert-only), corrections, the unassigned queue and scan receipts."""

import functools
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from timetracker_desktop.domain.attendance import (
    BY_TIME,
    Correction,
    CorrectionKind,
    Direction,
    Punch,
    PunchCore,
    PunchSource,
)
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.repositories.ports import storage as ports
from timetracker_desktop.repositories.sql import queries
from timetracker_desktop.repositories.sql.codecs import flags_from_text, flags_to_text
from timetracker_desktop.repositories.sql.orm import (
    CorrectionRow,
    PunchRow,
    ScanReceiptRow,
    UnassignedPunchRow,
)

_DIRECTIONS = {d.value: d for d in Direction}
_SOURCES = {s.value: s for s in PunchSource}
# Plain-table columns, not ORM attributes: a statement of them skips the ORM's execution layer.
_PUNCHES = PunchRow.__table__.c
_INSERT_PUNCH = insert(cast(Table, PunchRow.__table__))
# Columns read for computation, in Punch's field order: plain rows are several times cheaper than ORM objects.
_PUNCH_COLUMNS = (
    _PUNCHES.id,
    _PUNCHES.employee_id,
    _PUNCHES.at,
    _PUNCHES.direction,
    _PUNCHES.source,
    _PUNCHES.terminal_id,
    _PUNCHES.badge_id,
    _PUNCHES.received_at,
    _PUNCHES.terminal_ts,
    _PUNCHES.flags,
    _PUNCHES.external_key,
    _PUNCHES.author_user_id,
    _PUNCHES.reason,
    _PUNCHES.legacy_direction,
)


# What computations read: one DATETIME to parse instead of three, half the columns to fetch.
_CORE_COLUMNS = (
    _PUNCHES.id,
    _PUNCHES.employee_id,
    _PUNCHES.at,
    _PUNCHES.direction,
    _PUNCHES.source,
    _PUNCHES.flags,
    _PUNCHES.reason,
)


@functools.cache
def _period_statement(columns: tuple[Any, ...], some: bool, ordered: bool) -> Select[Any]:
    # Built once per shape (the listener reads one employee's window per scan); values are bound.
    stmt = select(*columns).where(_PUNCHES.at >= bindparam("start"), _PUNCHES.at < bindparam("end"))
    if some:
        stmt = stmt.where(_PUNCHES.employee_id.in_(bindparam("ids", expanding=True)))
    return stmt.order_by(_PUNCHES.employee_id, _PUNCHES.at, _PUNCHES.id) if ordered else stmt


def _in_period(
    columns: tuple[Any, ...],
    employee_ids: Sequence[int] | None,
    start: datetime,
    end: datetime,
    *,
    ordered: bool = True,
) -> tuple[Select[Any], dict[str, object]]:
    """Punches in [start, end) of some employees (all when None), in (employee, at, id) order if asked."""
    params: dict[str, object] = {"start": start, "end": end}
    if employee_ids is not None:
        params["ids"] = list(employee_ids)
    return _period_statement(columns, employee_ids is not None, ordered), params


def _punch_from_columns(row: Any) -> Punch:
    return Punch(
        row[0],
        row[1],
        row[2],
        _DIRECTIONS[row[3]],
        _SOURCES[row[4]],
        row[5],
        row[6],
        row[7],
        row[8],
        flags_from_text(row[9]),
        row[10],
        row[11],
        row[12],
        row[13],
    )


def _punch(row: PunchRow) -> Punch:
    return Punch(
        id=row.id,
        employee_id=row.employee_id,
        at=row.at,
        direction=Direction(row.direction),
        source=PunchSource(row.source),
        terminal_id=row.terminal_id,
        badge_id=row.badge_id,
        received_at=row.received_at,
        terminal_ts=row.terminal_ts,
        flags=flags_from_text(row.flags),
        external_key=row.external_key,
        author_user_id=row.author_user_id,
        reason=row.reason,
        legacy_direction=row.legacy_direction,
    )


def _punch_values(punch: ports.NewPunch) -> dict[str, object]:
    return {
        "employee_id": punch.employee_id,
        "at": punch.at,
        "direction": punch.direction.value,
        "source": punch.source.value,
        "terminal_id": punch.terminal_id,
        "badge_id": punch.badge_id,
        "received_at": punch.received_at,
        "terminal_ts": punch.terminal_ts,
        "flags": flags_to_text(punch.flags),
        "external_key": punch.external_key,
        "author_user_id": punch.author_user_id,
        "reason": punch.reason,
        "challenge": punch.challenge,
        "signature": punch.signature,
        "legacy_direction": punch.legacy_direction,
        "unassigned_id": punch.unassigned_id,
        "created_at": punch.created_at,
    }


class SqlPunchRepository:
    """Punches: the class has no update or delete on purpose."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, punch: ports.NewPunch) -> Punch:
        """Insert a raw punch (a plain INSERT: no ORM object to flush, one per terminal scan)."""
        inserted = self._session.connection().execute(_INSERT_PUNCH, _punch_values(punch))
        return Punch(
            inserted.lastrowid, punch.employee_id, punch.at, punch.direction, punch.source, punch.terminal_id,
            punch.badge_id, punch.received_at, punch.terminal_ts, frozenset(punch.flags), punch.external_key,
            punch.author_user_id, punch.reason, punch.legacy_direction,
        )  # fmt: skip

    def add_many(self, punches: Sequence[ports.NewPunch]) -> None:
        """Bulk insert (imports, demo data): one executemany, no ORM objects."""
        if punches:
            self._session.execute(insert(PunchRow), [_punch_values(p) for p in punches])

    def get(self, punch_id: int) -> Punch | None:
        """Punch by id."""
        row = self._session.get(PunchRow, punch_id)
        return None if row is None else _punch(row)

    def by_external_key(self, terminal_id: int, external_key: str) -> Punch | None:
        """Punch by its terminal-side idempotency key."""
        stmt = select(PunchRow).where(
            PunchRow.terminal_id == terminal_id, PunchRow.external_key == external_key
        )
        row = self._session.scalar(stmt)
        return None if row is None else _punch(row)

    def for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[Punch]]:
        """Punches in [start, end) grouped by employee, each list in (at, id) order."""
        grouped: dict[int, list[Punch]] = defaultdict(list)
        for row in self._session.execute(*_in_period(_PUNCH_COLUMNS, employee_ids, start, end)):
            grouped[row[1]].append(_punch_from_columns(row))
        return dict(grouped)

    def cores_for_employees(
        self, employee_ids: Sequence[int] | None, start: datetime, end: datetime
    ) -> dict[int, list[PunchCore]]:
        """Like ``for_employees`` with only the fields computations read (reports over months of punches)."""
        grouped: dict[int, list[PunchCore]] = defaultdict(list)
        directions, sources = _DIRECTIONS, _SOURCES
        # Unordered, so that MariaDB sends rows while it scans instead of sorting them all first (-0.1 s for
        # a month); each employee's few dozen punches are sorted here.
        rows = self._session.execute(*_in_period(_CORE_COLUMNS, employee_ids, start, end, ordered=False))
        for punch_id, employee_id, at, direction, source, flags, reason in rows:
            grouped[employee_id].append(
                PunchCore(
                    punch_id,
                    employee_id,
                    at,
                    directions[direction],
                    sources[source],
                    flags_from_text(flags),
                    reason,
                )
            )
        for punches in grouped.values():
            punches.sort(key=BY_TIME)
        return dict(grouped)

    def latest_terminal_punch(self, employee_id: int, before: datetime) -> Punch | None:
        """The employee's latest terminal punch at or before an instant (cooldown)."""
        stmt = (
            select(PunchRow)
            .where(
                PunchRow.employee_id == employee_id,
                PunchRow.source == PunchSource.TERMINAL.value,
                PunchRow.at <= before,
            )
            .order_by(PunchRow.at.desc(), PunchRow.id.desc())
            .limit(1)
        )
        row = self._session.scalar(stmt)
        return None if row is None else _punch(row)

    def page(
        self, query: ports.PunchQuery, after: tuple[datetime, int] | None, limit: int
    ) -> list[ports.PunchLine]:
        """One page of the event log, newest first, by keyset on (at, id)."""
        return queries.punch_page(self._session, query, after, limit)

    def count(self, query: ports.PunchQuery) -> int:
        """Rows matching the event-log filter."""
        return queries.punch_count(self._session, query)

    def after_id(self, last_id: int, limit: int) -> list[ports.PunchLine]:
        """Punches with id > last_id, oldest first (live feed polling from another process)."""
        return queries.punches_after_id(self._session, last_id, limit)


def _correction(row: Any) -> Correction:
    """A correction from an ORM row or a plain row of the correction table's columns."""
    return Correction(
        id=row.id,
        kind=CorrectionKind(row.kind),
        author_user_id=row.author_user_id,
        reason=row.reason,
        created_at=row.created_at,
        punch_id=row.punch_id,
        target_correction_id=row.target_correction_id,
        direction=Direction(row.direction) if row.direction else None,
    )


_CORRECTION_TABLE = CorrectionRow.__table__
# Built once: the direction rule of every terminal scan reads the employee's corrections.
_CORRECTIONS = select(_CORRECTION_TABLE).order_by(_CORRECTION_TABLE.c.id)
_CORRECTIONS_OF = _CORRECTIONS.where(_CORRECTION_TABLE.c.employee_id.in_(bindparam("ids", expanding=True)))


class SqlCorrectionRepository:
    """Corrections: new records only."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, correction: ports.NewCorrection) -> Correction:
        """Insert a correction."""
        row = CorrectionRow(
            kind=correction.kind.value,
            punch_id=correction.punch_id,
            target_correction_id=correction.target_correction_id,
            direction=correction.direction.value if correction.direction else None,
            employee_id=correction.employee_id,
            author_user_id=correction.author_user_id,
            reason=correction.reason,
            created_at=correction.created_at,
        )
        self._session.add(row)
        self._session.flush()
        return _correction(row)

    def get(self, correction_id: int) -> Correction | None:
        """Correction by id."""
        row = self._session.get(CorrectionRow, correction_id)
        return None if row is None else _correction(row)

    def for_employees(self, employee_ids: Sequence[int] | None) -> dict[int, list[Correction]]:
        """All corrections grouped by employee (corrections are rare)."""
        if employee_ids is None:
            rows = self._session.execute(_CORRECTIONS)
        else:
            rows = self._session.execute(_CORRECTIONS_OF, {"ids": list(employee_ids)})
        grouped: dict[int, list[Correction]] = defaultdict(list)
        for row in rows:
            grouped[row.employee_id].append(_correction(row))
        return dict(grouped)


def _unassigned(row: UnassignedPunchRow) -> ports.UnassignedPunch:
    return ports.UnassignedPunch(
        id=row.id,
        terminal_id=row.terminal_id,
        kind=BadgeKind(row.kind),
        raw_value=row.raw_value,
        canonical_value=row.canonical_value,
        at=row.at,
        received_at=row.received_at,
        reason=row.reason,
        state=row.state,
        employee_id=row.employee_id,
        terminal_ts=row.terminal_ts,
        external_key=row.external_key,
        resolved_at=row.resolved_at,
    )


class SqlUnassignedRepository:
    """The unassigned-punch queue."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, item: ports.UnassignedPunch) -> ports.UnassignedPunch:
        """Queue a read that resolved to nobody."""
        row = UnassignedPunchRow(
            terminal_id=item.terminal_id,
            kind=item.kind.value,
            raw_value=item.raw_value,
            canonical_value=item.canonical_value,
            employee_id=item.employee_id,
            at=item.at,
            received_at=item.received_at,
            terminal_ts=item.terminal_ts,
            reason=item.reason,
            state=item.state,
            external_key=item.external_key,
        )
        self._session.add(row)
        self._session.flush()
        return _unassigned(row)

    def get(self, item_id: int) -> ports.UnassignedPunch | None:
        """Queue item by id."""
        row = self._session.get(UnassignedPunchRow, item_id)
        return None if row is None else _unassigned(row)

    def list_all(self, *, state: str | None = "open", limit: int = 1000) -> list[ports.UnassignedPunch]:
        """Queue items, newest first."""
        stmt = select(UnassignedPunchRow).order_by(UnassignedPunchRow.at.desc(), UnassignedPunchRow.id.desc())
        if state is not None:
            stmt = stmt.where(UnassignedPunchRow.state == state)
        return [_unassigned(r) for r in self._session.scalars(stmt.limit(limit))]

    def after_id(self, last_id: int, since: datetime, limit: int) -> list[ports.UnassignedPunch]:
        """Items with id > last_id read at or after ``since``, oldest first (unknown badges in the feed)."""
        stmt = (
            select(UnassignedPunchRow)
            .where(UnassignedPunchRow.id > last_id, UnassignedPunchRow.at >= since)
            .order_by(UnassignedPunchRow.id)
            .limit(limit)
        )
        return [_unassigned(r) for r in self._session.scalars(stmt)]

    def resolve(self, item_id: int, state: str, user_id: int | None, now: datetime) -> None:
        """Mark an item assigned or dismissed; it is never deleted."""
        self._session.execute(
            update(UnassignedPunchRow)
            .where(UnassignedPunchRow.id == item_id)
            .values(state=state, resolved_by_user_id=user_id, resolved_at=now)
        )


class SqlScanReceiptRepository:
    """Idempotency receipts for card-terminal event ids."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, terminal_id: int, event_id: str) -> ports.ScanReceipt | None:
        """The stored receipt, if the event was seen."""
        row = self._session.get(ScanReceiptRow, (terminal_id, event_id))
        if row is None:
            return None
        return ports.ScanReceipt(row.terminal_id, row.event_id, row.raw_uid, row.reply_json, row.created_at)

    def add(self, receipt: ports.ScanReceipt) -> None:
        """Store the first reply to an event id."""
        self._session.add(
            ScanReceiptRow(
                terminal_id=receipt.terminal_id,
                event_id=receipt.event_id,
                raw_uid=receipt.raw_uid,
                reply_json=receipt.reply_json,
                created_at=receipt.created_at,
            )
        )
        self._session.flush()

    def forget_before(self, before: datetime, limit: int) -> int:
        """Delete at most ``limit`` receipts created before the instant, oldest first (on the index)."""
        keys = self._session.execute(
            select(ScanReceiptRow.terminal_id, ScanReceiptRow.event_id)
            .where(ScanReceiptRow.created_at < before)
            .order_by(ScanReceiptRow.created_at)
            .limit(limit)
        ).all()
        if not keys:
            return 0
        pairs = [(terminal_id, event_id) for terminal_id, event_id in keys]
        self._session.execute(
            delete(ScanReceiptRow).where(
                tuple_(ScanReceiptRow.terminal_id, ScanReceiptRow.event_id).in_(pairs)
            ),
            execution_options={"synchronize_session": False},
        )
        return len(pairs)
