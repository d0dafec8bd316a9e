"""The unassigned-punch queue: list, assign to an employee (with a reason; a badge only if asked), dismiss."""

from dataclasses import dataclass
from datetime import datetime

from timetracker_desktop.domain.attendance import Direction, PunchFlag, PunchSource
from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import Badge, BadgeKind
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import (
    NewPunch,
    UnassignedPunch,
    UnitOfWork,
    UnitOfWorkFactory,
)
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require, require_reason
from timetracker_desktop.services.timesheet.frozen import refuse_closed_instants

OPEN = "open"
ASSIGNED = "assigned"
DISMISSED = "dismissed"
MAX_DISMISS_REASON = 500


@dataclass(frozen=True, slots=True)
class UnassignedLine:
    """A queue item with its terminal's name, for display."""

    item: UnassignedPunch
    terminal_name: str | None

    @property
    def needs_confirmation(self) -> bool:
        """Phone sightings are unsigned: assigning one needs an explicit confirmation."""
        return self.item.kind is BadgeKind.PHONE


@dataclass(frozen=True, slots=True)
class Assignment:
    """What assigning created: the punch, the badge it is linked to (None: a one-off, no badge), and whether
    that badge is new."""

    punch_id: int
    badge_id: int | None
    badge_created: bool


class UnassignedService:
    """Review of reads that resolved to nobody (DOMAIN_RULES §2); every decision is audited."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def list_open(self, actor: Actor, limit: int = 1000) -> list[UnassignedLine]:
        """Open items, newest first."""
        require(actor, Permission.READ)
        with self._uow(read_only=True) as uow:
            names = {t.id: t.name for t in uow.terminals.list_all()}
            items = uow.unassigned.list_all(state=OPEN, limit=limit)
        return [UnassignedLine(item, names.get(item.terminal_id or 0)) for item in items]

    def assign(
        self,
        actor: Actor,
        item_id: int,
        employee_id: int,
        reason: str,
        *,
        confirmed: bool = False,
        add_badge: bool = False,
    ) -> Assignment:
        """Give the read to an employee as a reassigned AUTO punch, for the reason given (audited).

        Only with ``add_badge`` does the card become a badge (or alias) of the employee, so that their later
        taps count at once: a stranger's card tapped once must not silently become somebody's badge.
        """
        require(actor, Permission.EDIT_PUNCHES)
        text = require_reason(reason)
        now = self._clock.now()
        with self._uow() as uow:
            item = _open_item(uow, item_id)
            if item.kind is BadgeKind.PHONE and not confirmed:
                raise ValidationError(
                    "a phone sighting is unsigned: confirm the assignment",
                    code=ErrorCode.CONFIRMATION_REQUIRED,
                    field="confirmed",
                )
            employee = uow.employees.get(employee_id)
            if employee is None or not employee.is_active:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            refuse_closed_instants(uow, [employee_id], [item.at])
            badge: Badge | None = None
            created = False
            if add_badge:
                badge, created = _badge_for(uow, actor, item, employee_id, now)
            else:
                badge = _own_badge(uow, item, employee_id)
            badge_id = badge.id if badge is not None else None
            punch = uow.punches.add(_reassigned_punch(item, employee_id, badge_id, now))
            uow.unassigned.resolve(item.id, ASSIGNED, actor.user_id, now)
            record(
                uow, actor, now, AuditAction.UNASSIGNED_ASSIGN, (EntityType.UNASSIGNED, item.id),
                before={"state": OPEN},
                after={"state": ASSIGNED, "employee_id": employee_id, "punch_id": punch.id,
                       "badge_id": badge_id, "badge_added": created},
                reason=text,
            )  # fmt: skip
            uow.commit()
        return Assignment(punch.id, badge_id, created)

    def dismiss(self, actor: Actor, item_id: int, reason: str = "") -> None:
        """Mark an item dismissed; it is kept."""
        require(actor, Permission.EDIT_PUNCHES)
        text = " ".join(reason.split())[:MAX_DISMISS_REASON] or None
        now = self._clock.now()
        with self._uow() as uow:
            item = _open_item(uow, item_id)
            uow.unassigned.resolve(item.id, DISMISSED, actor.user_id, now)
            record(
                uow, actor, now, AuditAction.UNASSIGNED_DISMISS, (EntityType.UNASSIGNED, item.id),
                before={"state": OPEN}, after={"state": DISMISSED}, reason=text,
            )  # fmt: skip
            uow.commit()


def _open_item(uow: UnitOfWork, item_id: int) -> UnassignedPunch:
    item = uow.unassigned.get(item_id)
    if item is None:
        raise NotFoundError(EntityType.UNASSIGNED, item_id)
    if item.state != OPEN:
        raise ConflictError("this item was already assigned or dismissed", code=ErrorCode.ALREADY_RESOLVED)
    return item


def _badge_for(
    uow: UnitOfWork, actor: Actor, item: UnassignedPunch, employee_id: int, now: datetime
) -> tuple[Badge, bool]:
    """The employee's badge for the read: an existing one, a terminal alias, or a new badge."""
    if item.canonical_value is None:
        return _alias(uow, actor, item, employee_id, now), False
    holder = uow.badges.find_active(item.kind, item.canonical_value)
    if holder is not None:
        if holder.employee_id != employee_id:
            raise ConflictError("this badge belongs to another employee", code=ErrorCode.DUPLICATE_BADGE)
        return holder, False
    badge = uow.badges.add(employee_id, item.kind, item.canonical_value, now)
    record(
        uow, actor, now, AuditAction.BADGE_CREATE, (EntityType.BADGE, badge.id),
        after={"employee_id": employee_id, "kind": item.kind.value, "value": item.canonical_value},
    )  # fmt: skip
    return badge, True


def _own_badge(uow: UnitOfWork, item: UnassignedPunch, employee_id: int) -> Badge | None:
    """The employee's active badge with this value, if they have one already (the punch links to it)."""
    if item.canonical_value is None:
        return None
    holder = uow.badges.find_active(item.kind, item.canonical_value)
    return holder if holder is not None and holder.employee_id == employee_id else None


def _alias(uow: UnitOfWork, actor: Actor, item: UnassignedPunch, employee_id: int, now: datetime) -> Badge:
    """A value the terminal's format cannot map is learned as an alias of the employee's card."""
    cards = [b for b in uow.badges.for_employee(employee_id) if b.kind is item.kind and b.is_active]
    if not cards or item.terminal_id is None:
        raise ValidationError(
            "this value cannot be mapped: the employee needs a card to learn it as an alias",
            code=ErrorCode.ALIAS_NEEDS_CARD,
        )
    existing = uow.badges.by_alias(item.terminal_id, item.raw_value)
    if existing is not None:
        if existing.employee_id != employee_id:
            raise ConflictError("this alias belongs to another employee", code=ErrorCode.DUPLICATE_BADGE)
        return existing
    uow.badges.add_alias(item.terminal_id, item.raw_value, cards[0].id, now)
    record(
        uow, actor, now, AuditAction.BADGE_ALIAS_CREATE, (EntityType.BADGE, cards[0].id),
        after={"terminal_id": item.terminal_id, "raw_value": item.raw_value},
    )  # fmt: skip
    return cards[0]


def _reassigned_punch(
    item: UnassignedPunch, employee_id: int, badge_id: int | None, now: datetime
) -> NewPunch:
    return NewPunch(
        employee_id=employee_id,
        at=item.at,
        direction=Direction.AUTO,
        source=PunchSource.TERMINAL,
        created_at=now,
        terminal_id=item.terminal_id,
        badge_id=badge_id,
        received_at=item.received_at,
        terminal_ts=item.terminal_ts,
        flags=frozenset({PunchFlag.REASSIGNED}),
        unassigned_id=item.id,
    )
