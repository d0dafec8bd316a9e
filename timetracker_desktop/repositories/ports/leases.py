"""Lease port: a named lease in the database that one process at a time holds (the scheduled-jobs runner)."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class RunnerKind(StrEnum):
    """What kind of program holds a lease; the GUI gives each words ("the Windows service on PC-1")."""

    GUI = "gui"
    SERVICE = "service"  # ``serve --as-service``: what the Windows service runs
    LISTENER = "serve"  # ``serve`` started by hand or by a script
    OTHER = "other"  # written by a newer version of the program


@dataclass(frozen=True, slots=True)
class LeaseHolder:
    """Who holds (or wants) a lease: a process run, named so that a manager can find it.

    ``owner_id`` is unique per process run (host, pid and a random token), so that a restarted program
    with the same pid is not mistaken for the one that crashed; kind, host and user are for people.
    """

    owner_id: str
    kind: RunnerKind
    host: str
    user: str = ""


@dataclass(frozen=True, slots=True)
class Lease:
    """A lease as stored: its holder, since when, the holder's last heartbeat and when it runs out."""

    name: str
    holder: LeaseHolder
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    def held_at(self, now: datetime) -> bool:
        """Whether the holder still holds it at an instant (a released lease has run out already)."""
        return self.expires_at > now


class LeaseRepository(Protocol):
    """Named leases; every method is one atomic step, safe when processes on several PCs race."""

    def take(self, name: str, holder: LeaseHolder, now: datetime, expires_at: datetime) -> bool:
        """Renew the lease when it is the holder's, take it when free or run out; False while another's runs.

        Taking it sets ``acquired_at``; renewing keeps it. Both set the heartbeat to ``now``.
        """
        ...

    def release(self, name: str, owner_id: str, now: datetime) -> bool:
        """End the holder's lease at ``now`` (the row stays, run out); False when it was not theirs."""
        ...

    def get(self, name: str) -> Lease | None:
        """The lease as stored, held or run out; None when nobody ever took it."""
        ...
