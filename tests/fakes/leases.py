"""Fake of the lease port: named leases in a dict, with the same take, renew and release rules as SQL."""

from dataclasses import replace
from datetime import datetime

from fakes.tables import Transaction, utc
from timetracker_desktop.repositories.ports.leases import Lease, LeaseHolder


class FakeLeaseRepository:
    """Leases by name; a lease row is never deleted, a released one has run out."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def take(self, name: str, holder: LeaseHolder, now: datetime, expires_at: datetime) -> bool:
        """Renew ours; else take a run-out one or create it; False while another's runs."""
        table = self._tx.tables.runner_leases
        lease: Lease | None = table.get(name)
        now, expires_at = utc(now), utc(expires_at)
        if lease is not None and lease.holder.owner_id == holder.owner_id:
            table[name] = replace(lease, heartbeat_at=now, expires_at=expires_at)
            return True
        if lease is not None and lease.expires_at > now:
            return False
        table[name] = Lease(name, holder, now, now, expires_at)
        return True

    def release(self, name: str, owner_id: str, now: datetime) -> bool:
        """Let ours run out now."""
        table = self._tx.tables.runner_leases
        lease: Lease | None = table.get(name)
        if lease is None or lease.holder.owner_id != owner_id:
            return False
        table[name] = replace(lease, expires_at=utc(now))
        return True

    def get(self, name: str) -> Lease | None:
        """The stored lease."""
        lease: Lease | None = self._tx.tables.runner_leases.get(name)
        return lease
