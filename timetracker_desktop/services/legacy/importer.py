"""Moving from the legacy TimeTracker API server: preview, then import only what is new, with a report."""

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import validate_full_name
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.legacy import LegacyEmployee, LegacySnapshot, LegacySource
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.legacy.rules import (
    DEMO_POSITION,
    DEMO_TERMINAL,
    BadgePlan,
    LegacyIssue,
    audit_entry,
    event_punch,
    is_bcrypt,
    is_demo_employee,
    map_role,
    plan_badge,
    schedule_cell,
)
from timetracker_desktop.services.terminals.keys import hash_key

log = logging.getLogger(__name__)
ENTITIES = ("user", "position", "employee", "terminal", "event", "schedule", "audit")
EVENT_CHUNK = 2000
UNUSABLE_HASH = "!legacy-without-bcrypt"
_SUMMED = ("event", "schedule", "audit")  # many rows alike: reported as one line per reason


@dataclass(frozen=True, slots=True)
class EntityCount:
    """Rows of one kind: found in the legacy database, new now, imported before, skipped."""

    entity: str
    found: int = 0
    new: int = 0
    already: int = 0
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class LegacyImportReport:
    """What an import did (or a preview would do), and what could not be imported and why."""

    source: str
    preview: bool
    revision: str | None
    counts: tuple[EntityCount, ...]
    issues: tuple[LegacyIssue, ...]
    demo: tuple[str, ...]


def _summed(issues: list[LegacyIssue]) -> list[LegacyIssue]:
    keep = [i for i in issues if i.entity not in _SUMMED]
    groups = Counter((i.entity, i.reason) for i in issues if i.entity in _SUMMED)
    first = {(i.entity, i.reason): i for i in reversed(issues) if i.entity in _SUMMED}
    return keep + [replace(first[key], count=n) for key, n in groups.items()]


class _Run:
    """One preview or import: state shared by the steps (ids legacy -> new, counts, issues)."""

    def __init__(
        self, uow: UnitOfWorkFactory, now: datetime, snapshot: LegacySnapshot, *, skip_demo: bool, write: bool
    ) -> None:
        self._uow, self.now, self.data, self.skip_demo, self.write = uow, now, snapshot, skip_demo, write
        self.ids: dict[str, dict[int, int | None]] = {}
        self.before: dict[str, set[int]] = {}
        self.counts = {e: EntityCount(e) for e in ENTITIES}
        self.issues: list[LegacyIssue] = []
        self.positions: dict[str, int] = {}
        self.demo_employees = {e.id for e in snapshot.employees if is_demo_employee(e)}
        used = {ev.terminal_id for ev in snapshot.events if ev.employee_id not in self.demo_employees}
        self.demo_terminals = {
            t.id for t in snapshot.terminals if t.name == DEMO_TERMINAL and t.id not in used
        }

    @contextmanager
    def step(self, entity: str) -> Iterator[UnitOfWork]:
        """A transaction for one step, committed only when importing; new ids are recorded in it."""
        with self._uow(read_only=not self.write) as uow:
            known = self.ids.setdefault(entity, uow.legacy_ids.known(entity))
            self.before.setdefault(entity, set(known))
            done = len(known)
            yield uow
            fresh = [(old, new) for old, new in list(known.items())[done:]]
            if self.write:
                uow.legacy_ids.add_many(entity, fresh, self.now)
                uow.commit()

    def seen(self, entity: str, legacy_id: int) -> bool:
        """Imported before (counted as such) or not."""
        if legacy_id in self.before.get(entity, set()):
            self._count(entity, "already")
            return True
        return False

    def done(self, entity: str, legacy_id: int, new_id: int | None) -> None:
        """A row imported now."""
        self.ids[entity][legacy_id] = new_id
        self._count(entity, "new")

    def skip(self, entity: str, legacy_id: int | None, reason: str, detail: str) -> None:
        """A row not imported."""
        self.issues.append(LegacyIssue(entity, legacy_id, reason, detail))
        self._count(entity, "skipped")

    def note(self, issue: LegacyIssue) -> None:
        """Imported, but not quite as it was."""
        self.issues.append(issue)

    def _count(self, entity: str, field: str) -> None:
        counts = self.counts[entity]
        self.counts[entity] = replace(counts, **{field: getattr(counts, field) + 1})

    def report(self, source: str) -> LegacyImportReport:
        """The final report."""
        sizes = {
            "user": len(self.data.users),
            "position": len(self.data.positions),
            "employee": len(self.data.employees),
            "terminal": len(self.data.terminals),
            "event": len(self.data.events),
            "schedule": len(self.data.schedules),
            "audit": len(self.data.audit_logs),
        }
        counts = tuple(replace(self.counts[e], found=sizes[e]) for e in ENTITIES)
        demo = [f"terminal {t.id} {t.name!r}" for t in self.data.terminals if t.name == DEMO_TERMINAL]
        demo += [
            f"employee {e.id} {e.full_name!r} ({e.nfc_uid})"
            for e in self.data.employees
            if is_demo_employee(e)
        ]
        issues = tuple(_summed(self.issues))
        return LegacyImportReport(source, not self.write, self.data.revision, counts, issues, tuple(demo))


class LegacyImportService:
    """Preview and import of a legacy database; every import is audited with its counts."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, open_source: Callable[[str], LegacySource]
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._open = open_source

    def preview(self, actor: Actor, url: str, *, skip_demo: bool = True) -> LegacyImportReport:
        """What an import would bring, skip and change; writes nothing."""
        return self._go(actor, url, skip_demo=skip_demo, write=False)

    def run(self, actor: Actor, url: str, *, skip_demo: bool = True) -> LegacyImportReport:
        """Import everything not imported before; safe to repeat."""
        return self._go(actor, url, skip_demo=skip_demo, write=True)

    def _go(self, actor: Actor, url: str, *, skip_demo: bool, write: bool) -> LegacyImportReport:
        require(actor, Permission.MANAGE_USERS)
        source = self._open(url)
        try:
            snapshot = source.read()
            display = source.display_url
        finally:
            source.close()
        run = _Run(self._uow, self._clock.now(), snapshot, skip_demo=skip_demo, write=write)
        for step in (_users, _positions, _employees, _terminals, _events, _schedules, _audit_logs):
            step(run)
        report = run.report(display)
        if write:
            self._audit(actor, report)
        log.info("legacy import from %s: preview=%s, %d issues", display, not write, len(report.issues))
        return report

    def _audit(self, actor: Actor, report: LegacyImportReport) -> None:
        now = self._clock.now()
        counts = {c.entity: {"new": c.new, "already": c.already, "skipped": c.skipped} for c in report.counts}
        after = {"source": report.source, "revision": report.revision, **counts}
        with self._uow() as uow:
            record(
                uow,
                actor,
                now,
                AuditAction.LEGACY_IMPORT,
                (EntityType.LEGACY_SOURCE, report.source[:64]),
                after=after,
            )
            uow.commit()


def _users(run: _Run) -> None:
    with run.step("user") as uow:
        for user in run.data.users:
            if run.seen("user", user.id):
                continue
            existing = uow.users.by_username(user.username.strip())
            if existing is not None:
                run.note(LegacyIssue("user", user.id, "user_exists", f"{user.username!r} kept as it is here"))
                run.done("user", user.id, existing[0].id)
                continue
            role, issue = map_role(user.role)
            if issue is not None:
                run.note(replace(issue, legacy_id=user.id))
            usable = is_bcrypt(user.password_hash)
            if not usable:
                run.note(
                    LegacyIssue(
                        "user", user.id, "no_bcrypt_hash", f"{user.username!r} disabled: set a password"
                    )
                )
            new_id = 0
            if run.write:
                password_hash = user.password_hash if usable and user.password_hash else UNUSABLE_HASH
                created = uow.users.add(user.username.strip(), password_hash, role, run.now)
                if not usable:
                    uow.users.update(replace(created, is_active=False))
                new_id = created.id
            run.done("user", user.id, new_id)


def _positions(run: _Run) -> None:
    used = {(e.position or "").strip() for e in run.data.employees if e.id not in run.demo_employees}
    with run.step("position") as uow:
        run.positions = {p.name: p.id for p in uow.positions.list_all()}
        for position in run.data.positions:
            if run.seen("position", position.id):
                continue
            if run.skip_demo and position.name == DEMO_POSITION and DEMO_POSITION not in used:
                run.skip("position", position.id, "demo", "the legacy server's demo position")
                continue
            if not position.is_active:
                run.note(
                    LegacyIssue("position", position.id, "inactive", f"{position.name!r} imported as active")
                )
            run.done("position", position.id, _position_id(run, uow, position.name))


def _position_id(run: _Run, uow: UnitOfWork, name: str) -> int:
    clean = " ".join(name.split())[:128]
    if clean not in run.positions:
        run.positions[clean] = uow.positions.add(clean).id if run.write else 0
    return run.positions[clean]


def _employees(run: _Run) -> None:
    planned: set[tuple[str, str]] = set()
    with run.step("employee") as uow:
        for employee in run.data.employees:
            if run.seen("employee", employee.id):
                continue
            if run.skip_demo and employee.id in run.demo_employees:
                run.skip("employee", employee.id, "demo", "the legacy server's Test Employee")
                continue
            badge, issues = plan_badge(employee)
            for issue in issues:
                run.note(issue)
            if badge is not None and (
                (badge.kind, badge.value) in planned or uow.badges.find_active(badge.kind, badge.value)
            ):
                run.note(
                    LegacyIssue(
                        "employee", employee.id, "badge_taken", f"{badge.value} is held by someone else"
                    )
                )
                badge = None
            if badge is not None:
                planned.add((badge.kind, badge.value))
            run.done("employee", employee.id, _add_employee(run, uow, employee, badge) if run.write else 0)


def _add_employee(run: _Run, uow: UnitOfWork, employee: LegacyEmployee, badge: BadgePlan | None) -> int:
    try:
        name = validate_full_name(employee.full_name)
    except ValidationError:
        name = f"Employee {employee.id}"
        run.note(LegacyIssue("employee", employee.id, "bad_name", f"{employee.full_name!r} renamed {name!r}"))
    position = (employee.position or "").strip()
    position_id = _position_id(run, uow, position) if position else None
    created = uow.employees.add(name, position_id, (employee.comment or "").strip()[:255] or None, run.now)
    if not employee.is_active:
        uow.employees.update(replace(created, is_active=False), run.now)
    if badge is not None:
        uow.badges.add(
            created.id,
            badge.kind,
            badge.value,
            run.now,
            public_key_b64=badge.public_key_b64,
            key_state=badge.key_state,
        )
    return created.id


def _terminals(run: _Run) -> None:
    with run.step("terminal") as uow:
        for terminal in run.data.terminals:
            if run.seen("terminal", terminal.id):
                continue
            if run.skip_demo and terminal.id in run.demo_terminals:
                run.skip("terminal", terminal.id, "demo", "the legacy server's unused demo terminal")
                continue
            if uow.terminals.by_key_hash(hash_key(terminal.api_key)) is not None:
                run.skip(
                    "terminal", terminal.id, "key_taken", f"{terminal.name!r}: its key is already in use here"
                )
                continue
            new_id, name = terminal.id, terminal.name[:64]
            if uow.terminals.get(terminal.id) is not None:
                new_id = 0
                why = f"{terminal.name!r} got a new id: set its tablet up again by QR"
                run.note(LegacyIssue("terminal", terminal.id, "id_taken", why))
            if uow.terminals.by_name(name) is not None:
                name = f"{name[:50]} (legacy {terminal.id})"
                run.note(LegacyIssue("terminal", terminal.id, "name_taken", f"renamed {name!r}"))
            draft = Terminal(
                new_id, name, TerminalKind.ANDROID, is_active=terminal.is_active, card_scans=False
            )
            created_id = 0
            if run.write:
                created_id = uow.terminals.add(draft, hash_key(terminal.api_key), run.now).id
                if terminal.last_seen_at is not None:
                    uow.terminals.touch(created_id, terminal.last_seen_at)
            run.done("terminal", terminal.id, created_id)


def _events(run: _Run) -> None:
    events = run.data.events
    for start in range(0, max(len(events), 1), EVENT_CHUNK):
        with run.step("event") as uow:
            batch = []
            for event in events[start : start + EVENT_CHUNK]:
                if run.seen("event", event.id):
                    continue
                employee = run.ids["employee"].get(event.employee_id)
                if event.employee_id not in run.ids["employee"]:
                    run.skip("event", event.id, "employee_not_imported", f"employee {event.employee_id}")
                    continue
                terminal = (
                    run.ids["terminal"].get(event.terminal_id) if event.terminal_id is not None else None
                )
                author = run.ids["user"].get(event.created_by_user_id or -1)
                punch = event_punch(event, employee or 0, terminal, author, run.now)
                if isinstance(punch, LegacyIssue):
                    run.skip("event", event.id, punch.reason, punch.detail)
                    continue
                batch.append(punch)
                run.done("event", event.id, None)
            if run.write and batch:
                uow.punches.add_many(batch)


def _schedules(run: _Run) -> None:
    with run.step("schedule") as uow:
        codes = uow.schedules.codes()
        cells = []
        for row in run.data.schedules:
            if run.seen("schedule", row.id):
                continue
            employee = run.ids["employee"].get(row.employee_id)
            if row.employee_id not in run.ids["employee"]:
                run.skip("schedule", row.id, "employee_not_imported", f"employee {row.employee_id}")
                continue
            cell = schedule_cell(row, employee or 0, codes)
            if cell is None:
                run.skip("schedule", row.id, "empty_placeholder", "00:00-00:00 without a code")
            elif isinstance(cell, LegacyIssue):
                run.skip("schedule", row.id, cell.reason, cell.detail)
            elif row.employee_id in run.before["employee"] and uow.schedules.get_cell(
                cell.employee_id, cell.day
            ):
                run.skip("schedule", row.id, "cell_exists", f"{row.day}: a cell is already planned here")
            else:
                cells.append(cell)
                run.done("schedule", row.id, None)
        if run.write and cells:
            uow.schedules.add_cells(cells)


def _audit_logs(run: _Run) -> None:
    with run.step("audit") as uow:
        for row in run.data.audit_logs:
            if run.seen("audit", row.id):
                continue
            entry_id = uow.audit.append(audit_entry(row, run.now)).id if run.write else None
            run.done("audit", row.id, entry_id)
