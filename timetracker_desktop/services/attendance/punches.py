"""Manual punches and corrections (void, set direction, undo): new records only, with a reason, audited."""

from datetime import datetime, timedelta

from timetracker_desktop.domain.attendance import (
    CorrectionKind,
    Direction,
    PunchCore,
    PunchSource,
    effective_sequence,
)
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.direction import decide_direction
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.schedule_rules import resolve_manual_local
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import (
    NewCorrection,
    NewPunch,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require, require_reason
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.timesheet.frozen import refuse_closed_instants


def direction_window(settings: BusinessSettings) -> timedelta:
    """How far back the direction rule looks: a maximum shift plus a day."""
    return timedelta(hours=settings.max_shift_hours + 24)


def recent_punches(
    uow: UnitOfWork, employee_id: int, at: datetime, settings: BusinessSettings
) -> list[PunchCore]:
    """An employee's punches within the direction window before ``at``, in (at, id) order.

    Only the fields the rule reads: half the columns to fetch and decode per scan (the listener's CPU).
    """
    start = at - direction_window(settings)
    return uow.punches.cores_for_employees([employee_id], start, at).get(employee_id, [])


def decide_for(
    uow: UnitOfWork,
    employee_id: int,
    at: datetime,
    settings: BusinessSettings | None = None,
    recent: list[PunchCore] | None = None,
) -> Direction:
    """The direction rule of DOMAIN_RULES §4 for a new punch of an employee at an instant.

    ``settings`` and ``recent`` (from ``recent_punches``) spare a caller that already holds them a second
    read (the listener's hot path).
    """
    settings = settings or load_settings(uow)
    window = direction_window(settings)
    punches = recent if recent is not None else recent_punches(uow, employee_id, at, settings)
    corrections = uow.corrections.for_employees([employee_id]).get(employee_id, [])
    previous = effective_sequence(punches, corrections)
    zone = settings.zone
    first = (at - window).astimezone(zone).date()
    cells = {
        c.day: c
        for c in uow.schedules.cells([employee_id], first, at.astimezone(zone).date() + timedelta(days=1))
    }

    return decide_direction(previous, at, settings, cells.get)


class PunchService:
    """Manual punches and corrections."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def add_manual(
        self,
        actor: Actor,
        employee_id: int,
        local_time: datetime,
        reason: str,
        *,
        direction: Direction | None = None,
        fold: int | None = None,
    ) -> int:
        """Add a manual punch at a local wall-clock time; returns its id."""
        require(actor, Permission.EDIT_PUNCHES)
        text = require_reason(reason)
        if direction is Direction.AUTO:
            raise ValidationError(
                "a manual punch needs IN or OUT", code=ErrorCode.DIRECTION_REQUIRED, field="direction"
            )
        now = self._clock.now()
        with self._uow() as uow:
            settings = load_settings(uow)
            at = resolve_manual_local(local_time.replace(tzinfo=None), settings.zone, fold)
            employee = uow.employees.get(employee_id)
            if employee is None:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            uow.employees.lock_for_decision(employee_id)  # decided as taps are, one at a time per employee
            refuse_closed_instants(uow, [employee_id], [at])
            chosen = direction or decide_for(uow, employee_id, at)
            punch = uow.punches.add(
                NewPunch(
                    employee_id=employee_id,
                    at=at,
                    direction=chosen,
                    source=PunchSource.MANUAL,
                    created_at=now,
                    author_user_id=actor.user_id,
                    reason=text,
                )
            )
            record(
                uow, actor, now, AuditAction.PUNCH_MANUAL_ADD, (EntityType.PUNCH, punch.id),
                after={"employee_id": employee_id, "at": at.isoformat(), "direction": chosen.value},
                reason=text,
            )  # fmt: skip
            uow.commit()
        return punch.id

    def void(self, actor: Actor, punch_id: int, reason: str) -> int:
        """Exclude a punch from computation; returns the correction id."""
        return self._correct(actor, punch_id, CorrectionKind.VOID, None, reason)

    def set_direction(self, actor: Actor, punch_id: int, direction: Direction, reason: str) -> int:
        """Override the direction of one punch."""
        if direction is Direction.AUTO:
            raise ValidationError(
                "direction must be IN or OUT", code=ErrorCode.DIRECTION_REQUIRED, field="direction"
            )
        return self._correct(actor, punch_id, CorrectionKind.SET_DIRECTION, direction, reason)

    def _correct(
        self, actor: Actor, punch_id: int, kind: CorrectionKind, direction: Direction | None, reason: str
    ) -> int:
        require(actor, Permission.EDIT_PUNCHES)
        text = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            punch = uow.punches.get(punch_id)
            if punch is None:
                raise NotFoundError(EntityType.PUNCH, punch_id)
            refuse_closed_instants(uow, [punch.employee_id], [punch.at])
            correction = uow.corrections.add(
                NewCorrection(
                    kind, punch.employee_id, actor.user_id, text, now, punch_id=punch_id, direction=direction
                )
            )
            record(
                uow, actor, now, AuditAction(f"punch.{kind.value}"), (EntityType.PUNCH, punch_id),
                before={"direction": punch.direction.value},
                after={"correction_id": correction.id, "direction": direction.value if direction else None},
                reason=text,
            )  # fmt: skip
            uow.commit()
        return correction.id

    def undo(self, actor: Actor, correction_id: int, reason: str) -> int:
        """Void an earlier correction."""
        require(actor, Permission.EDIT_PUNCHES)
        text = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            target = uow.corrections.get(correction_id)
            if target is None:
                raise NotFoundError(EntityType.CORRECTION, correction_id)
            if target.kind is CorrectionKind.UNDO:
                raise ConflictError(
                    "an undo cannot be undone; add a new correction", code=ErrorCode.UNDO_OF_UNDO
                )
            punch = uow.punches.get(target.punch_id or 0)
            employee_id = punch.employee_id if punch else 0
            if punch is not None:
                refuse_closed_instants(uow, [punch.employee_id], [punch.at])
            undo = uow.corrections.add(
                NewCorrection(
                    CorrectionKind.UNDO,
                    employee_id,
                    actor.user_id,
                    text,
                    now,
                    target_correction_id=correction_id,
                )
            )
            record(
                uow,
                actor,
                now,
                AuditAction.PUNCH_UNDO,
                (EntityType.CORRECTION, correction_id),
                after={"undo_id": undo.id},
                reason=text,
            )
            uow.commit()
        return undo.id
