"""The runner of scheduled jobs: holds the database's lease with heartbeats and runs the jobs only then."""

import logging
import threading
from collections.abc import Callable, Sequence

from timetracker_desktop.repositories.ports.leases import LeaseHolder
from timetracker_desktop.repositories.ports.storage import StorageUnavailableError
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.maintenance.lease import HEARTBEAT_SECONDS, LeaseService, describe

log = logging.getLogger(__name__)

# A scheduled job: does its work when due, calling ``may_run()`` (a fresh check of the lease in the
# database) right before it starts; returns whatever it made (ignored) or None.
Job = Callable[[Callable[[], bool]], object]


class MaintenanceRunner:
    """Two daemon threads: one takes and renews the lease, one runs the jobs while the lease is ours.

    Any number of programs (the GUI, a service, other PCs) start one on the same database; only the
    lease's holder runs jobs. A long job does not stop the heartbeats. ``stop()`` waits for a job in
    progress, then lets the lease go so that another program takes over at its next heartbeat; a holder
    that crashed is replaced once its lease runs out.
    """

    def __init__(
        self,
        lease: LeaseService,
        holder: LeaseHolder,
        jobs: Sequence[Job],
        *,
        poll_seconds: float = 60.0,
        first_check_after: float = 0.0,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.lease = lease
        self.holder = holder
        self._jobs = tuple(jobs)
        self._poll = poll_seconds
        self._first = first_check_after
        self._heartbeat = heartbeat_seconds
        self._stop = threading.Event()
        self._beat_lock = threading.Lock()
        self._holds = False
        self._beaten = threading.Event()  # the first heartbeat is done: the jobs may look at ``holds``
        self._jobs_thread = threading.Thread(target=self._run_jobs, name="maintenance-jobs", daemon=True)
        self._beat_thread = threading.Thread(target=self._beat_loop, name="maintenance-lease", daemon=True)

    @property
    def holds(self) -> bool:
        """Whether the last heartbeat found the lease ours."""
        return self._holds

    def start(self) -> None:
        """Take the lease if free, begin heartbeats; the jobs' first check after ``first_check_after`` s."""
        self._beat_thread.start()
        self._jobs_thread.start()

    def stop(self) -> None:
        """Stop; waits for a job in progress, then releases the lease (when ours)."""
        self._stop.set()
        for thread in (self._jobs_thread, self._beat_thread):
            if thread.is_alive():
                thread.join()
        if self._holds:
            try:
                self.lease.release(self.holder)
                log.info("scheduled jobs released by %s", describe(self.holder))
            except Exception:  # the database is gone: the lease runs out by itself
                log.warning(
                    "could not release the scheduled-jobs lease; it runs out by itself", exc_info=True
                )
            self._holds = False

    def alive(self) -> bool:
        """Whether the threads still run (tests, diagnostics)."""
        return self._jobs_thread.is_alive() or self._beat_thread.is_alive()

    def beat(self) -> bool:
        """Take or renew the lease now; False (and no jobs) while another program holds it or on an error."""
        with self._beat_lock:
            try:
                held = self.lease.hold(self.holder)
            except Exception:  # an unreachable database: hold nothing, try again at the next heartbeat
                log.warning("the scheduled-jobs lease could not be renewed", exc_info=True)
                held = False
            if held != self._holds:
                if held:
                    log.info("scheduled jobs (automatic backups) are now run by %s", describe(self.holder))
                else:
                    log.info("scheduled jobs are no longer run by %s", describe(self.holder))
            elif not held and not self._beaten.is_set():
                self._log_other_holder()
            self._holds = held
            return held

    def _log_other_holder(self) -> None:
        """At start, log who runs the jobs instead (a service's log is all its administrator sees)."""
        try:
            status = self.lease.status()
        except StorageUnavailableError:  # the warning about the heartbeat was logged already
            return
        if status.lease is not None and status.running:
            log.info(
                "scheduled jobs (automatic backups) are run by %s; %s takes over when it stops",
                describe(status.lease.holder),
                describe(self.holder),
            )

    def _may_run(self) -> bool:
        return not self._stop.is_set() and self.beat()

    def _beat_loop(self) -> None:
        failures: set[type[BaseException]] = set()  # kinds logged with their traceback already
        while not self._stop.is_set():
            try:
                self.beat()
            except Exception as error:  # a bug must not end the heartbeats (and with them the backups)
                if type(error) in failures:
                    log.warning("the scheduled-jobs heartbeat failed again: %r", error)
                else:
                    failures.add(type(error))
                    log.exception("the scheduled-jobs heartbeat failed; it goes on")
            self._beaten.set()
            self._stop.wait(self._heartbeat)

    def _run_jobs(self) -> None:
        if self._stop.wait(self._first):
            return
        while not self._beaten.is_set() and not self._stop.is_set():
            self._beaten.wait(0.1)
        while not self._stop.is_set():
            for job in self._jobs if self._holds else ():
                if self._stop.is_set():
                    break
                try:
                    job(self._may_run)
                except Exception:  # a full disk or a lost database must not end the runner
                    log.exception("a scheduled job failed")
            self._stop.wait(self._poll)


def scheduled_jobs_runner(
    services: Services, holder: LeaseHolder, *, first_check_after: float = 0.0, poll_seconds: float = 60.0
) -> MaintenanceRunner | None:
    """A runner (not started) of every scheduled job this build wires; None when it wires none."""
    jobs: list[Job] = []
    if services.backup_schedule is not None:
        jobs.append(services.backup_schedule.run_if_due)
    if services.database_care is not None:
        jobs.append(services.database_care.optimize.run_if_due)
    if not jobs:
        return None
    return MaintenanceRunner(
        services.runner_lease, holder, jobs, poll_seconds=poll_seconds, first_check_after=first_check_after
    )
