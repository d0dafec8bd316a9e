"""``db optimize``: statistics, the planner's hints, the WAL emptied and VACUUM when worth it; audited."""

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.database_care import (
    DatabaseFacts,
    DatabaseMaintenance,
    GrowthTable,
    MaintenanceCancelledError,
    MaintenanceStep,
    StepKind,
)
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.database_care.space import free_space
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.settings import load_settings

log = logging.getLogger(__name__)
VACUUM_MIN_SHARE = 0.10  # free pages worth a rebuild: a tenth of the file...
VACUUM_MIN_BYTES = 8 * 1024 * 1024  # ...and at least 8 MB


class Vacuum(StrEnum):
    """What became of the SQLite rebuild."""

    DONE = "done"
    NOT_WORTH = "not_worth"  # few free pages: nothing to win
    NO_SPACE = "no_space"  # less free disk than the file's size, near the file or in the temp folder
    NOT_SQLITE = "not_sqlite"  # MariaDB rebuilds with OPTIMIZE TABLE instead
    NOT_REACHED = "not_reached"  # worth it, but the run was cancelled (or failed) before it


@dataclass(frozen=True, slots=True)
class OptimizeProgress:
    """Step ``index`` (from 0) of ``total`` is about to run."""

    step: MaintenanceStep
    index: int
    total: int


@dataclass(frozen=True, slots=True)
class OptimizeReport:
    """Sizes before and after, the steps done, and why a step was skipped or the run stopped."""

    size_before: int
    size_after: int
    steps: tuple[MaintenanceStep, ...]
    vacuum: Vacuum
    cancelled: bool
    notes: tuple[str, ...]
    space_needed: int = 0  # bytes VACUUM needs free (when it was skipped for lack of space)


def _vacuum_decision(facts: DatabaseFacts, forced: bool) -> Vacuum:
    if facts.file is None:
        return Vacuum.NOT_SQLITE
    worth = facts.reclaimable_bytes >= max(VACUUM_MIN_BYTES, facts.size_bytes * VACUUM_MIN_SHARE)
    if not (worth or forced):
        return Vacuum.NOT_WORTH
    folders = {Path(facts.file).parent, Path(tempfile.gettempdir())}  # the rebuilt copy goes through both
    free = [free_space(f) for f in folders]
    if any(f is not None and f < facts.size_bytes for f in free):
        return Vacuum.NO_SPACE
    return Vacuum.DONE


class DatabaseOptimizeService:
    """One step at a time, between which a cancel is honoured (SQLite also interrupts a running step)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, maintenance: DatabaseMaintenance) -> None:
        self._uow = uow
        self._clock = clock
        self._maintenance = maintenance

    def optimize(
        self,
        actor: Actor,
        *,
        progress: Callable[[OptimizeProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        force_vacuum: bool = False,
    ) -> OptimizeReport:
        """Run the engine's steps; VACUUM (SQLite) only when worth it or forced, and only with room for it."""
        require(actor, Permission.MANAGE_SETTINGS)
        stop = cancelled or (lambda: False)
        before = self._maintenance.facts()
        vacuum = _vacuum_decision(before, force_vacuum)
        steps = self._maintenance.plan()
        if vacuum is Vacuum.DONE:  # the checkpoint after it gives the file's old size back to the disk
            steps += [MaintenanceStep(StepKind.VACUUM), MaintenanceStep(StepKind.CHECKPOINT)]
        done: list[MaintenanceStep] = []
        notes: list[str] = []
        try:
            for index, step in enumerate(steps):
                if stop():
                    raise MaintenanceCancelledError(step.kind.value)
                if progress is not None:
                    progress(OptimizeProgress(step, index, len(steps)))
                notes += self._maintenance.run(step, stop)
                done.append(step)
        except MaintenanceCancelledError:
            report = self._report(before, done, vacuum, notes, cancelled=True)
            self._record(actor, report, AuditOutcome.REFUSED)
            return report
        except Exception as error:
            partial = self._report(before, done, vacuum, notes, cancelled=False)
            self._record(actor, partial, AuditOutcome.FAILED, error=str(error))
            raise
        report = self._report(before, done, vacuum, notes, cancelled=False)
        self._record(actor, report, AuditOutcome.OK)
        return report

    def run_if_due(self, may_run: Callable[[], bool] | None = None) -> OptimizeReport | None:
        """The scheduled optimisation (a job of the scheduled-jobs runner): run when the last one, whatever
        its outcome, is ``optimize_interval_days`` old (never optimised: the oldest punch); VACUUM only when
        worth it.

        ``may_run`` is asked right before it starts (the runner checks that it still holds the lease).
        """
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            days = load_settings(uow).optimize_interval_days
            last = uow.audit.list_all(action=AuditAction.DATABASE_OPTIMIZE, limit=1)
        if days == 0:
            return None
        # Never optimised: due once the database holds punches older than the interval (not on day one).
        since = last[0].at if last else self._maintenance.span(GrowthTable.PUNCHES).oldest
        if since is None or now - since < timedelta(days=days):
            return None
        if may_run is not None and not may_run():
            log.info("the database's optimisation is due, but another program runs it now")
            return None
        log.info("the scheduled optimisation of the database starts")
        report = self.optimize(Actor.system())
        log.info(
            "the scheduled optimisation is done: %d steps, %d -> %d bytes, VACUUM %s",
            len(report.steps), report.size_before, report.size_after, report.vacuum.value,
        )  # fmt: skip
        return report

    def _report(
        self,
        before: DatabaseFacts,
        done: list[MaintenanceStep],
        vacuum: Vacuum,
        notes: list[str],
        *,
        cancelled: bool,
    ) -> OptimizeReport:
        if vacuum is Vacuum.DONE and not any(s.kind is StepKind.VACUUM for s in done):
            vacuum = Vacuum.NOT_REACHED
        after = self._maintenance.facts().size_bytes
        needed = before.size_bytes if vacuum is Vacuum.NO_SPACE else 0
        return OptimizeReport(before.size_bytes, after, tuple(done), vacuum, cancelled, tuple(notes), needed)

    def _record(
        self, actor: Actor, report: OptimizeReport, outcome: AuditOutcome, *, error: str | None = None
    ) -> None:
        after: dict[str, object] = {
            "size_before": report.size_before,
            "size_after": report.size_after,
            "steps": len(report.steps),
            "vacuum": report.vacuum.value,
            "cancelled": report.cancelled,
        }
        if error is not None:
            after["error"] = error
        try:
            with self._uow() as uow:
                record(uow, actor, self._clock.now(), AuditAction.DATABASE_OPTIMIZE,
                       (EntityType.DATABASE, "optimize"), after=after, outcome=outcome)  # fmt: skip
                uow.commit()
        except Exception:  # the maintenance result matters more than its audit line
            log.warning("could not audit the database optimisation", exc_info=True)
