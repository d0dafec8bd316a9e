"""The lease of the one runner of scheduled jobs: this process's name for it, taking, renewing, letting go."""

import getpass
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.repositories.ports.leases import Lease, LeaseHolder, RunnerKind
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import WORKSTATION

log = logging.getLogger(__name__)

MAINTENANCE_LEASE = "maintenance"  # automatic backups now; issue 16's optimisation joins the same runner
# The holder renews every minute: a moment of an unreachable database or a busy SQLite file costs nothing.
HEARTBEAT_SECONDS = 60.0
# Five minutes: four missed heartbeats (a database server restart, a restore, a PC that sleeps) before
# another program takes over, and PCs whose clocks differ by up to four minutes still agree on expiry.
# Scheduled jobs run hourly at most, so a crashed holder delays them by minutes only.
LEASE_SECONDS = 300.0
_TOKEN = secrets.token_hex(4)  # a restarted program that got the crashed one's pid is still another owner


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor in the password database
        return ""


@cache
def _owner_id(pid: int) -> str:
    return f"{WORKSTATION}:{pid}:{_TOKEN}"[:128]


def process_owner_id() -> str:
    """This process run's owner id: host, pid and a random token."""
    return _owner_id(os.getpid())


def this_process(kind: RunnerKind) -> LeaseHolder:
    """This process as a lease holder of a kind (the GUI, the service, ``serve``)."""
    return LeaseHolder(process_owner_id(), kind, WORKSTATION, _os_user()[:64])


def describe(holder: LeaseHolder) -> str:
    """A holder in plain English words (logs, the CLI): "the GUI on PC-1 (olena)"."""
    place = {
        RunnerKind.GUI: "the GUI",
        RunnerKind.SERVICE: "the service",
        RunnerKind.LISTENER: "the listener (serve)",
        RunnerKind.OTHER: "a program",
    }[holder.kind]
    user = f" ({holder.user})" if holder.kind is RunnerKind.GUI and holder.user else ""
    return f"{place} on {holder.host}{user}"


@dataclass(frozen=True, slots=True)
class RunnerStatus:
    """Who runs the scheduled jobs, as read at ``checked_at``.

    ``lease`` is None when no program ever took it; ``running`` tells whether its holder still holds it;
    ``mine`` whether that holder is this process.
    """

    lease: Lease | None
    running: bool
    mine: bool
    checked_at: datetime

    def text(self) -> str:
        """In plain English words, for logs and the CLI."""
        if self.lease is None or not self.running:
            return "nobody (no program holds the lease)"
        heartbeat = self.lease.heartbeat_at.isoformat(timespec="seconds")
        return f"{describe(self.lease.holder)}, last heartbeat {heartbeat}"


class LeaseService:
    """Take, renew and release one named lease; each call is its own short transaction."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        name: str = MAINTENANCE_LEASE,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self.name = name
        self._length = timedelta(seconds=lease_seconds)

    def hold(self, holder: LeaseHolder) -> bool:
        """Take or renew the lease for the holder; False while another holder's lease runs."""
        now = self._clock.now()
        with self._uow() as uow:
            held = uow.leases.take(self.name, holder, now, now + self._length)
            uow.commit()
        return held

    def release(self, holder: LeaseHolder) -> bool:
        """Let the holder's lease run out now, so that another program takes over at its next heartbeat."""
        with self._uow() as uow:
            released = uow.leases.release(self.name, holder.owner_id, self._clock.now())
            uow.commit()
        return released

    def status(self) -> RunnerStatus:
        """Who holds the lease now (worker thread)."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            lease = uow.leases.get(self.name)
        running = lease is not None and lease.held_at(now)
        mine = running and lease is not None and lease.holder.owner_id == process_owner_id()
        return RunnerStatus(lease, running, mine, now)
