"""The database-care use cases as one bundle for the container: figures, check and optimisation."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.repositories.ports.database_care import DatabaseMaintenance
from timetracker_desktop.repositories.ports.purge import DatabasePurge
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.database_care.check import DatabaseCheckService
from timetracker_desktop.services.database_care.optimize import DatabaseOptimizeService
from timetracker_desktop.services.database_care.purge import DatabasePurgeService
from timetracker_desktop.services.database_care.stats import DatabaseStatsService


@dataclass(frozen=True, slots=True)
class DatabaseCare:
    """``db stats``, ``db check`` and ``db optimize`` (and the Database page's buttons)."""

    stats: DatabaseStatsService
    check: DatabaseCheckService
    optimize: DatabaseOptimizeService
    purge: DatabasePurgeService | None = None  # None when no purge port was wired


def database_care(
    uow: UnitOfWorkFactory,
    clock: Clock,
    maintenance: DatabaseMaintenance,
    backup_folder: Callable[[], Path] | None = None,
    purge: DatabasePurge | None = None,
) -> DatabaseCare:
    """Wire the three services over one maintenance port."""
    return DatabaseCare(
        DatabaseStatsService(uow, clock, maintenance, backup_folder),
        DatabaseCheckService(uow, clock, maintenance),
        DatabaseOptimizeService(uow, clock, maintenance),
        DatabasePurgeService(uow, clock, purge) if purge is not None else None,
    )
