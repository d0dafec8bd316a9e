"""Composition root: opens storage, migrates, wires services; runs the GUI or headless parts."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timetracker_desktop.domain.clock import Clock, SystemClock
from timetracker_desktop.domain.errors import DomainError, ErrorCode
from timetracker_desktop.paths import data_dir, default_database_url, migrations_dir, resolve_database_url
from timetracker_desktop.repositories.sql import migrate
from timetracker_desktop.repositories.sql.backup import SqlDatabaseArchive
from timetracker_desktop.repositories.sql.database_care import SqlDatabaseMaintenance
from timetracker_desktop.repositories.sql.engine import is_sqlite, make_engine
from timetracker_desktop.repositories.sql.legacy import SqlLegacySource
from timetracker_desktop.repositories.sql.purge import SqlDatabasePurge
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory
from timetracker_desktop.repositories.sql.urls import check_database_url
from timetracker_desktop.services.backup.key import installation_key
from timetracker_desktop.services.container import Services, build_services
from timetracker_desktop.services.ingest.dto import ScanNotice

if TYPE_CHECKING:
    from timetracker_desktop.gui.kit.reader_bridge import ReaderListener, ReaderService
    from timetracker_desktop.gui.listener.control import ListenerHandle
    from timetracker_desktop.gui.shell.gateway import OpenDatabase
    from timetracker_desktop.listener.child.process import ListenerProcess
    from timetracker_desktop.listener.options import ListenerOptions
    from timetracker_desktop.listener.server import ListenerServer

log = logging.getLogger(__name__)


def open_storage(url: str) -> SqlUnitOfWorkFactory:
    """Engines for a URL; SQLite gets a separate deferred-BEGIN engine for readers."""
    write = make_engine(url, immediate=True)
    read = make_engine(url, immediate=False) if is_sqlite(url) else write
    return SqlUnitOfWorkFactory(write, read)


@dataclass(frozen=True, slots=True)
class AppContext:
    """Everything a running application needs."""

    url: str
    storage: SqlUnitOfWorkFactory
    services: Services

    def close(self) -> None:
        """Release database connections."""
        self.storage.dispose()


def upgrade_database(storage: SqlUnitOfWorkFactory) -> migrate.MigrationReport:
    """Bring the schema to the newest revision (an SQLite file is copied first)."""
    report = migrate.upgrade(storage.write_engine, migrations_dir())
    if report.from_revision != report.to_revision:
        log.info("database migrated from %s to %s", report.from_revision, report.to_revision)
    return report


def database_revision(storage: SqlUnitOfWorkFactory) -> tuple[str | None, str]:
    """(current, head) revisions."""
    return migrate.current_revision(storage.write_engine), migrate.head_revision(migrations_dir())


def build_app(
    url: str | None = None, *, clock: Clock | None = None, bcrypt_rounds: int = 12, upgrade: bool = True
) -> AppContext:
    """Open the database (migrating it unless told not to) and wire the services."""
    resolved = resolve_database_url(url)
    check_database_url(resolved)
    storage = open_storage(resolved)
    if upgrade:
        upgrade_database(storage)
    services = build_services(
        storage,
        clock or SystemClock(),
        bcrypt_rounds=bcrypt_rounds,
        archive=SqlDatabaseArchive(storage, migrations_dir(), lambda: installation_key(data_dir())),
        backup_folder=lambda: data_dir() / "backups",
        legacy_source=SqlLegacySource,
        revision=lambda: database_revision(storage),
        maintenance=SqlDatabaseMaintenance(storage),
        purge=SqlDatabasePurge(storage, lambda: installation_key(data_dir())),
    )
    return AppContext(resolved, storage, services)


def open_for_listener_child(url: str) -> AppContext:
    """The listener process's database: the GUI that started it has migrated it already."""
    return build_app(url, upgrade=False)


@dataclass(frozen=True, slots=True)
class GuiDatabaseGateway:
    """The GUI's way to probe, migrate and open databases (gui.gateway.DatabaseGateway)."""

    clock: Clock | None = None
    bcrypt_rounds: int = 12

    def default_url(self) -> str:
        """The embedded SQLite database in the user data folder."""
        return default_database_url()

    def probe(self, url: str) -> str | None:
        """Connect and return the schema revision (None when empty); StorageUnavailableError says why."""
        check_database_url(url)
        storage = open_storage(url)
        try:
            return database_revision(storage)[0]
        finally:
            storage.dispose()

    def open(self, url: str) -> AppContext:
        """Migrate and wire the services."""
        return build_app(url, clock=self.clock, bcrypt_rounds=self.bcrypt_rounds)


def open_desk_reader(listener: "ReaderListener", reader_name: str | None) -> "ReaderService":
    """The USB desk reader service reporting to the GUI's bridge (pyscard is imported only here)."""
    from timetracker_desktop.hardware.desk_reader import DeskReader, ReaderCallbacks

    callbacks = ReaderCallbacks(
        card_presented=listener.on_card_presented,
        card_removed=listener.on_card_removed,
        reader_gone=listener.on_reader_gone,
        reader_back=listener.on_reader_back,
        readers_changed=listener.on_readers_changed,
        error=listener.on_error,
    )
    return DeskReader(callbacks, reader_name)


GUI_HEALTH_FLUSH_SECONDS = 1.0  # the status bar counts a terminal online from the database soon after a tap


def start_listener(
    database: "OpenDatabase",
    host: str,
    port: int,
    notify: Callable[[ScanNotice], None],
    lost: Callable[["ListenerHandle"], None],
    options: "ListenerOptions | None" = None,
) -> "ListenerProcess":
    """The GUI's terminal listener, in a child process; ``notify`` hears of stored scans, ``lost`` of a crash.

    Returns once it accepts connections. A failure is a DomainError whose code says why
    (``listener_port_in_use``, ``listener_address_unavailable``, ``listener_no_permission``,
    ``listener_failed``), so that the GUI explains it without importing the web stack.
    """
    from timetracker_desktop.listener.child.link import ChildConfig
    from timetracker_desktop.listener.child.process import ListenerProcess, ListenerProcessError
    from timetracker_desktop.listener.options import ListenerOptions

    chosen = options or ListenerOptions(health_flush_seconds=GUI_HEALTH_FLUSH_SECONDS)
    process = ListenerProcess(ChildConfig(database.url, host, port, chosen), notify, lost)
    try:
        process.start()
    except ListenerProcessError as error:
        raise _listener_failure(error, error.reason, host, port) from error
    return process


def start_listener_in_thread(
    database: "OpenDatabase",
    host: str,
    port: int,
    notify: Callable[[ScanNotice], None],
    lost: Callable[["ListenerHandle"], None] | None = None,
    options: "ListenerOptions | None" = None,
) -> "ListenerServer":
    """The listener on a thread of this process, over ``database``'s own services (and clock).

    For tests that drive time and for the benchmark that compares it with the process; a thread never
    exits by itself, so ``lost`` is not called. Fails as ``start_listener`` does.
    """
    from timetracker_desktop.listener.app import build_app as build_listener
    from timetracker_desktop.listener.server import ListenerServer, ListenerStartError

    services = database.services
    try:
        server = ListenerServer(
            build_listener(services, notify, options), host, port, flush=services.terminal_health.flush
        )
        server.start()
    except ListenerStartError as error:
        raise _listener_failure(error, error.reason, host, port) from error
    return server


def _listener_failure(error: Exception, reason: str, host: str, port: int) -> DomainError:
    return DomainError(str(error), ErrorCode(f"listener_{reason}"), params={"host": host, "port": str(port)})


def show_startup_problem(problem: str) -> int:
    """The GUI could not start (its data folder is unusable): say so in a window; the exit code."""
    from timetracker_desktop.gui.shell.startup_problem import show_data_root_problem

    return show_data_root_problem(problem)


def run_gui(url: str | None) -> int:
    """Start the desktop application (Qt is imported only here)."""
    from timetracker_desktop.gui.shell.application import run

    explicit = url if url and url != default_database_url() else None
    return run(explicit, GuiDatabaseGateway(), open_desk_reader, start_listener)
