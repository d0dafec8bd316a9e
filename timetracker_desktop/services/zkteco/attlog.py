"""ATTLOG ingest in one unit of work: set-based look-ups, then bulk inserts (punches, queue, quarantine)."""

from bisect import bisect_right, insort
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.direction import is_double_tap
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.domain.zkteco import (
    AttLogLine,
    BadLine,
    device_time_to_utc,
    parse_attlog,
    status_direction,
)
from timetracker_desktop.repositories.ports.storage import NewPunch, UnassignedPunch, UnitOfWork
from timetracker_desktop.repositories.ports.zkteco import PinHolder, QuarantinedLine
from timetracker_desktop.services.ingest.recording import QueueReason
from timetracker_desktop.services.zkteco.dto import UploadOutcome
from timetracker_desktop.services.zkteco.wire import line_hash, punch_key

ATTLOG = "ATTLOG"
_FIXED = {DirectionMode.IN_ONLY: Direction.IN, DirectionMode.OUT_ONLY: Direction.OUT}


@dataclass(frozen=True, slots=True)
class _Entry:
    """A parsed line with its instant and key."""

    line: AttLogLine
    at: datetime
    key: str


@dataclass(frozen=True, slots=True)
class Upload:
    """One ATTLOG body from an approved device's terminal."""

    device_id: int
    terminal: Terminal
    body: str
    received: datetime


def terminal_zone(terminal: Terminal, settings: BusinessSettings) -> ZoneInfo:
    """The terminal's own zone, else the office zone."""
    if terminal.time_zone:
        try:
            return ZoneInfo(terminal.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return settings.zone


def _direction(terminal: Terminal, status: str) -> Direction:
    """Trust the status key only in device mode; a fixed-direction terminal is fixed; else AUTO."""
    if terminal.direction_mode is DirectionMode.DEVICE:
        return status_direction(status)
    return _FIXED.get(terminal.direction_mode, Direction.AUTO)


def _fresh_entries(uow: UnitOfWork, upload: Upload, lines: list[AttLogLine], zone: ZoneInfo) -> list[_Entry]:
    """Entries not stored before (as punch or queue item) and not repeated within the body."""
    entries: dict[str, _Entry] = {}
    for line in lines:
        key = punch_key(line)
        if key not in entries:
            entries[key] = _Entry(line, device_time_to_utc(line.local_time, zone, upload.received), key)
    keys = list(entries)
    terminal_id = upload.terminal.id
    for known in uow.adms.existing_punch_keys(terminal_id, keys) | uow.adms.existing_queue_keys(
        terminal_id, keys
    ):
        entries.pop(known, None)
    return list(entries.values())


def _queue_reason(holder: PinHolder | None) -> QueueReason | None:
    if holder is None:
        return QueueReason.UNKNOWN
    if not holder.badge_active:
        return QueueReason.REVOKED_BADGE
    if not holder.employee_active:
        return QueueReason.INACTIVE_EMPLOYEE
    return None


def _double_taps(uow: UnitOfWork, resolved: Sequence[tuple[_Entry, PinHolder]], cooldown: int) -> set[str]:
    """Keys of punches within the cooldown of the same employee's previous terminal punch (kept, flagged)."""
    if not resolved or cooldown <= 0:
        return set()
    times = [entry.at for entry, _ in resolved]
    known = uow.adms.terminal_punch_times(
        [h.employee_id for _, h in resolved], min(times) - timedelta(seconds=cooldown), max(times)
    )
    per_employee: dict[int, list[datetime]] = defaultdict(list, known)
    flagged = set()
    for entry, holder in sorted(resolved, key=lambda pair: (pair[0].at, pair[0].key)):
        seen = per_employee[holder.employee_id]
        index = bisect_right(seen, entry.at)
        if index and is_double_tap(seen[index - 1], entry.at, cooldown):
            flagged.add(entry.key)
        insort(seen, entry.at)
    return flagged


def _punch(upload: Upload, entry: _Entry, holder: PinHolder, flags: frozenset[PunchFlag]) -> NewPunch:
    return NewPunch(
        employee_id=holder.employee_id,
        at=entry.at,
        direction=_direction(upload.terminal, entry.line.status),
        source=PunchSource.TERMINAL,
        created_at=upload.received,
        terminal_id=upload.terminal.id,
        badge_id=holder.badge_id,
        received_at=upload.received,
        terminal_ts=entry.at,
        flags=flags,
        external_key=entry.key,
    )


def _queue_item(
    upload: Upload, entry: _Entry, holder: PinHolder | None, reason: QueueReason
) -> UnassignedPunch:
    pin = entry.line.pin
    return UnassignedPunch(
        id=0,
        terminal_id=upload.terminal.id,
        kind=BadgeKind.PIN,
        raw_value=pin,
        canonical_value=pin[:64],
        at=entry.at,
        received_at=upload.received,
        reason=reason.value,
        external_key=entry.key,
        employee_id=holder.employee_id if holder else None,
        terminal_ts=entry.at,
    )


def _quarantine(uow: UnitOfWork, upload: Upload, bad: list[BadLine]) -> int:
    lines = [QuarantinedLine(ATTLOG, b.raw, b.reason, line_hash(ATTLOG, b.raw), upload.received) for b in bad]
    return uow.adms.quarantine(upload.device_id, lines) if lines else 0


def ingest_attlog(uow: UnitOfWork, upload: Upload, settings: BusinessSettings) -> UploadOutcome:
    """Store an ATTLOG body (not committed): punches, queue items for unresolved PINs, quarantined lines."""
    parsed = list(parse_attlog(upload.body))
    lines = [p for p in parsed if isinstance(p, AttLogLine)]
    fresh = _fresh_entries(uow, upload, lines, terminal_zone(upload.terminal, settings))
    holders = uow.adms.pin_holders([e.line.pin for e in fresh])
    resolved: list[tuple[_Entry, PinHolder]] = []
    queued: list[UnassignedPunch] = []
    for entry in fresh:
        holder = holders.get(entry.line.pin)
        reason = _queue_reason(holder)
        if reason is None and holder is not None:
            resolved.append((entry, holder))
        else:
            queued.append(_queue_item(upload, entry, holder, reason or QueueReason.UNKNOWN))
    # Decided as taps are, under the employees' locks: another process may be storing their card scans.
    uow.employees.lock_all_for_decision([holder.employee_id for _, holder in resolved])
    taps = _double_taps(uow, resolved, settings.scan_cooldown_seconds)
    future = upload.received + timedelta(seconds=settings.clock_skew_seconds)
    punches = [_punch(upload, e, h, _flags(e.key in taps, e.at > future)) for e, h in resolved]
    uow.punches.add_many(punches)
    uow.adms.add_queue_items(queued)
    quarantined = _quarantine(uow, upload, [p for p in parsed if isinstance(p, BadLine)])
    return UploadOutcome(
        lines=len(parsed),
        stored=len(punches),
        duplicates=len(lines) - len(fresh),
        queued=len(queued),
        quarantined=quarantined,
        double_taps=len(taps),
    )


def _flags(double_tap: bool, in_future: bool) -> frozenset[PunchFlag]:
    flags = set()
    if double_tap:
        flags.add(PunchFlag.DOUBLE_TAP)
    if in_future:
        flags.add(PunchFlag.CLOCK_SKEW)
    return frozenset(flags)
