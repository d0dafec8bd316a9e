"""``db check``: the engine's checks plus the application's own invariants, with one verdict; audited."""

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.database_care import (
    CheckFinding,
    CheckKind,
    DatabaseMaintenance,
)
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import AuditService, record
from timetracker_desktop.services.guard import require

log = logging.getLogger(__name__)
FULL_CHECK_MAX_BYTES = 512 * 1024 * 1024  # above this an SQLite file gets quick_check unless told otherwise


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
        """Engine checks (full or quick by size unless ``full`` says), punch references, the audit chain."""
        require(actor, Permission.MANAGE_SETTINGS)
        started = time.monotonic()
        if full is None:
            full = self._small_enough()
        findings = [*self._maintenance.engine_checks(full=full), self._maintenance.punch_orphans()]
        findings.append(self._audit_chain())
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
