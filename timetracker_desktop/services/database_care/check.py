"""``db check``: the engine's checks plus the application's own invariants, with one verdict; audited."""

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.month_closing import ChangedCell
from timetracker_desktop.domain.schedule_rules import local_date
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.database_care import (
    CheckFinding,
    CheckKind,
    DatabaseMaintenance,
)
from timetracker_desktop.repositories.ports.purge import PURGED_BEFORE_KEY
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import AuditService, record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.timesheet.closing import MonthChanges, MonthClosingService

log = logging.getLogger(__name__)
FULL_CHECK_MAX_BYTES = 512 * 1024 * 1024  # above this an SQLite file gets quick_check unless told otherwise
CELLS_NAMED = 5  # changed cells named per closed month (``month diff`` lists them all)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Every check's finding; the database passed only when every one did."""

    checked_at: datetime
    full: bool
    seconds: float
    findings: tuple[CheckFinding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong."""
        return all(f.ok for f in self.findings)

    @property
    def failed(self) -> tuple[CheckKind, ...]:
        """The checks that found a problem (or could not run)."""
        return tuple(f.kind for f in self.findings if not f.ok)


class DatabaseCheckService:
    """Runs the checks; a check that fails to run is a finding, not an error (a broken file must be told)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, maintenance: DatabaseMaintenance) -> None:
        self._uow = uow
        self._clock = clock
        self._maintenance = maintenance

    def check(self, actor: Actor, *, full: bool | None = None) -> CheckReport:
        """Engine checks (full or quick by size unless ``full`` says), punch references, the audit chain and
        the closed months' timesheets."""
        require(actor, Permission.MANAGE_SETTINGS)
        started = time.monotonic()
        if full is None:
            full = self._small_enough()
        findings = [*self._maintenance.engine_checks(full=full), self._maintenance.punch_orphans()]
        findings += [self._audit_chain(), self._closed_months()]
        report = CheckReport(self._clock.now(), full, time.monotonic() - started, tuple(findings))
        self._record(actor, report)
        return report

    def _small_enough(self) -> bool:
        try:
            return self._maintenance.facts().size_bytes <= FULL_CHECK_MAX_BYTES
        except Exception:  # noqa: BLE001 - a damaged file may not even tell its size: check it fully
            return True

    def _audit_chain(self) -> CheckFinding:
        try:
            chain = AuditService(self._uow).verify_chain()
        except Exception as error:  # noqa: BLE001 - an unreadable log is a finding, not a crash
            return CheckFinding(CheckKind.AUDIT_CHAIN, False, (f"the check could not run: {error}",))
        if chain.intact:
            return CheckFinding(CheckKind.AUDIT_CHAIN, True, (f"{chain.entries} entries",))
        detail = f"entry no. {chain.first_broken_id} does not match the one before it: the log was altered"
        return CheckFinding(CheckKind.AUDIT_CHAIN, False, (detail,))

    def _closed_months(self) -> CheckFinding:
        """Closed months whose timesheet, computed now, differs from the one handed over at closing.

        A cell changed by a terminal tap that arrived after the closing (stored as always, see the month
        closing's decisions) is a note; any other change got past the guard of closed months (the database
        edited directly, or a schedule or setting changed since) and fails the check.
        """
        try:
            months = MonthClosingService(self._uow, self._clock)
            with self._uow(read_only=True) as uow:
                zone = load_settings(uow).zone
                purged = uow.settings.all().get(PURGED_BEFORE_KEY, "")
            closed = [c for c in months.list_months() if c.closed]
            # a month with punches removed by ``db purge`` differs by design: its records are in the archive
            archived = [c for c in closed if f"{c.month.year:04d}-{c.month.month:02d}-01" < purged]
            changes = [months.changes(c.month) for c in closed if c not in archived]
        except Exception as error:  # noqa: BLE001 - a check that cannot run is a finding, not a crash
            return CheckFinding(CheckKind.CLOSED_MONTHS, False, (f"the check could not run: {error}",))
        details: list[str] = []
        ok = True
        for change in changes:
            unexplained, late = _split(change, zone)
            if unexplained:
                ok = False
                named = "; ".join(
                    f"employee #{c.employee_id} ({c.name}) on {c.day}: {c.before_text or '-'} -> "
                    f"{c.after_text or '-'}"
                    for c in unexplained[:CELLS_NAMED]
                )
                details.append(
                    f"{change.closing.month}: {len(unexplained)} cell(s) differ from the timesheet"
                    f" handed over ({named}); `month diff {change.closing.month}` lists them"
                )
            if late:
                details.append(
                    f"{change.closing.month}: {len(late)} cell(s) changed by terminal taps that arrived after"
                    " the closing (flagged, not an error)"
                )
        if not details:
            details.append(f"{len(changes)} closed month(s) as handed over")
        if archived:
            details.append(
                f"{len(archived)} closed month(s) before {purged} not compared: their records were archived"
            )
        return CheckFinding(CheckKind.CLOSED_MONTHS, ok, tuple(details))

    def _record(self, actor: Actor, report: CheckReport) -> None:
        after = {
            "verdict": "passed" if report.ok else "failed",
            "full": report.full,
            "failed": [k.value for k in report.failed],
            "seconds": round(report.seconds, 1),
        }
        outcome = AuditOutcome.OK if report.ok else AuditOutcome.FAILED
        try:
            with self._uow() as uow:
                record(uow, actor, self._clock.now(), AuditAction.DATABASE_CHECK,
                       (EntityType.DATABASE, "check"), after=after, outcome=outcome)  # fmt: skip
                uow.commit()
        except Exception:  # a damaged database may refuse the write; the verdict matters more
            log.warning("could not audit the database check", exc_info=True)


def _split(change: MonthChanges, zone: ZoneInfo) -> tuple[list[ChangedCell], list[ChangedCell]]:
    """The changed cells no late tap explains, and those one may (a tap on the day or the evening before)."""
    tapped = {(p.employee_id, local_date(p.at, zone)) for p in change.late_taps}
    unexplained: list[ChangedCell] = []
    late: list[ChangedCell] = []
    for cell in change.cells:
        by_tap = {(cell.employee_id, cell.day), (cell.employee_id, cell.day + timedelta(days=1))} & tapped
        (late if by_tap else unexplained).append(cell)
    return unexplained, late
