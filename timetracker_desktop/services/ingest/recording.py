"""Steps shared by terminal scans: event time and skew, the review queue, cooldown, direction, the punch."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from timetracker_desktop.domain.attendance import Direction, PunchCore, PunchFlag, PunchSource
from timetracker_desktop.domain.direction import cooldown_remaining_seconds
from timetracker_desktop.domain.employees import Badge, BadgeKind, Employee
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.repositories.ports.storage import NewPunch, UnassignedPunch, UnitOfWork
from timetracker_desktop.services.attendance.punches import decide_for, direction_window, recent_punches
from timetracker_desktop.services.ingest.dto import ScanOutcome, ScanResult

STORE_AND_FORWARD_WINDOW = timedelta(hours=72)
_NO_FLAGS: frozenset[PunchFlag] = frozenset()
_FIXED = {DirectionMode.IN_ONLY: Direction.IN, DirectionMode.OUT_ONLY: Direction.OUT}


class QueueReason(StrEnum):
    """Why a read went to the unassigned-punch queue (DOMAIN_RULES §2)."""

    UNKNOWN = "unknown"
    REVOKED_BADGE = "revoked_badge"
    INACTIVE_EMPLOYEE = "inactive_employee"
    UNVERIFIED_PHONE = "unverified_phone"
    ENROLLMENT_REQUEST = "enrollment_request"


@dataclass(frozen=True, slots=True)
class ScanContext:
    """One scan being decided: where it came from and when."""

    terminal: Terminal
    received: datetime
    terminal_ts: datetime | None = None
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class Holder:
    """The active badge and active employee a read resolved to."""

    badge: Badge
    employee: Employee


@dataclass(frozen=True, slots=True)
class PunchPlan:
    """How to store a resolved scan."""

    at: datetime
    flags: frozenset[PunchFlag] = _NO_FLAGS
    direction: Direction | None = None
    evidence: tuple[str, str] | None = None
    store_double_tap: bool = False


def skew_flags(
    terminal_ts: datetime | None, received: datetime, settings: BusinessSettings
) -> frozenset[PunchFlag]:
    """CLOCK_SKEW when the terminal's clock differs from ours by more than the threshold (H9)."""
    if terminal_ts is None or abs((terminal_ts - received).total_seconds()) <= settings.clock_skew_seconds:
        return _NO_FLAGS
    return frozenset({PunchFlag.CLOCK_SKEW})


def event_time(ctx: ScanContext, settings: BusinessSettings) -> tuple[datetime, frozenset[PunchFlag]]:
    """Receive time, except a trusted-clock terminal's ``ts`` within [receive - 72 h, receive + skew] (§3)."""
    ts, received = ctx.terminal_ts, ctx.received
    if ts is not None and ctx.terminal.trusted_clock:
        latest = received + timedelta(seconds=settings.clock_skew_seconds)
        if received - STORE_AND_FORWARD_WINDOW <= ts <= latest:
            return ts, _NO_FLAGS
    return received, skew_flags(ts, received, settings)


def queue_read(
    uow: UnitOfWork,
    ctx: ScanContext,
    kind: BadgeKind,
    raw: str,
    canonical: str | None,
    reason: QueueReason,
    employee_id: int | None = None,
) -> None:
    """Keep a read that resolved to nobody, so the office can assign or dismiss it."""
    uow.unassigned.add(
        UnassignedPunch(
            id=0,
            terminal_id=ctx.terminal.id,
            kind=kind,
            raw_value=raw[:128],
            canonical_value=canonical,
            at=ctx.received,
            received_at=ctx.received,
            reason=reason.value,
            employee_id=employee_id,
            terminal_ts=ctx.terminal_ts,
            external_key=ctx.event_id,
        )
    )


def refused(ctx: ScanContext, outcome: ScanOutcome) -> ScanResult:
    """An "access denied" result."""
    return ScanResult(outcome, ctx.received)


def _latest_terminal_punch(recent: list[PunchCore]) -> PunchCore | None:
    """The newest terminal punch of a list in (at, id) order (the cooldown lies inside the window)."""
    return next((p for p in reversed(recent) if p.source is PunchSource.TERMINAL), None)


def _around(
    uow: UnitOfWork, employee_id: int, at: datetime, settings: BusinessSettings
) -> tuple[list[PunchCore], PunchCore | None]:
    """One read: the punches of the direction window before ``at`` (the rule's input), and a terminal punch
    stored at or after ``at`` within the cooldown: another process (or worker) took the employee's lock first
    with a tap it received a moment later. Both taps are one, and ours is the repeat.
    """
    end = at + timedelta(seconds=settings.scan_cooldown_seconds)
    if end == at:  # no cooldown: nothing after ``at`` is a repeat; the plain window read
        return recent_punches(uow, employee_id, at, settings), None
    cores = uow.punches.cores_for_employees([employee_id], at - direction_window(settings), end)
    punches = cores.get(employee_id, [])
    before = [p for p in punches if p.at < at]
    after = next((p for p in punches if p.at >= at and p.source is PunchSource.TERMINAL), None)
    return before, after


def punch_or_cooldown(
    uow: UnitOfWork, settings: BusinessSettings, ctx: ScanContext, holder: Holder, plan: PunchPlan
) -> ScanResult:
    """Store the punch, or answer "please wait" within the employee's cooldown (live sources, H10).

    Store-and-forward sources keep a double tap, flagged, instead (DOMAIN_RULES §4). The decision is taken
    under the employee's lock in the database, so any number of processes decide one employee's taps one
    at a time (docs/decisions.md, "Several processes on one database").
    """
    employee = holder.employee
    uow.employees.lock_for_decision(employee.id)
    recent, concurrent = _around(uow, employee.id, plan.at, settings)
    previous = _latest_terminal_punch(recent)
    wait = cooldown_remaining_seconds(
        previous.at if previous else None, plan.at, settings.scan_cooldown_seconds
    )
    if not wait and not plan.store_double_tap and concurrent is not None:
        previous, wait = concurrent, settings.scan_cooldown_seconds
    if previous is not None and wait and not plan.store_double_tap:
        # Punches stored as AUTO (reassigned, imported) have no direction to repeat: the terminal needs one.
        shown = Direction.IN if previous.direction is Direction.AUTO else previous.direction
        return ScanResult(
            ScanOutcome.COOLDOWN, ctx.received, employee.id, employee.full_name, shown, retry_after_s=wait
        )
    flags = plan.flags | {PunchFlag.DOUBLE_TAP} if wait else plan.flags
    direction = (
        plan.direction
        or _FIXED.get(ctx.terminal.direction_mode)
        or decide_for(uow, employee.id, plan.at, settings, recent)
    )
    challenge, signature = plan.evidence or (None, None)
    punch = uow.punches.add(
        NewPunch(
            employee_id=employee.id,
            at=plan.at,
            direction=direction,
            source=PunchSource.TERMINAL,
            created_at=ctx.received,
            terminal_id=ctx.terminal.id,
            badge_id=holder.badge.id,
            received_at=ctx.received,
            terminal_ts=ctx.terminal_ts,
            flags=flags,
            external_key=ctx.event_id,
            challenge=challenge,
            signature=signature,
        )
    )
    return ScanResult(
        ScanOutcome.RECORDED, ctx.received, employee.id, employee.full_name, direction, punch.id
    )
