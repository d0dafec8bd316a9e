"""QApplication start-up: resources, fonts, translators, error hooks, the start-up flow, the main window."""

import gc
import importlib
import logging
import sys
from functools import cache, partial
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from timetracker_desktop.credentials import without_password
from timetracker_desktop.domain.users import User
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.errors import ErrorReporter, install_error_handling
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.quitting import quit_application
from timetracker_desktop.gui.kit.reader_bridge import DeskReaderBridge, ReaderFactory
from timetracker_desktop.gui.kit.settings import APPLICATION, ORGANIZATION, UiSettings
from timetracker_desktop.gui.kit.tasks import PoolTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.listener.control import ListenerControl, ListenerStarter
from timetracker_desktop.gui.shell import build_resources
from timetracker_desktop.gui.shell.gateway import DatabaseGateway, OpenDatabase
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.shell.single_instance import SingleInstance
from timetracker_desktop.gui.shell.startup import Startup
from timetracker_desktop.paths import data_dir
from timetracker_desktop.repositories.ports.leases import RunnerKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.maintenance.lease import this_process
from timetracker_desktop.services.maintenance.runner import MaintenanceRunner, scheduled_jobs_runner
from timetracker_desktop.services.reports.fonts import BOLD, REGULAR, FontNotFoundError, find_font
from timetracker_desktop.system.mutex import hold_running_mutex

log = logging.getLogger(__name__)
BACKUP_FIRST_CHECK_SECONDS = 300.0  # as ``serve``: not while the office is logging in and loading pages


def end_for_session(window: MainWindow | None) -> None:
    """Windows is signing out, shutting down or its Restart Manager (the installer) closes programs: close
    without the keep-in-tray question, which would hold it up, and quit, also when the window is in the tray
    (closing a hidden window alone would leave the program running)."""
    if window is not None:
        window.close_without_asking()
    quit_application()


def start_backup_scheduler(services: Services, first_check_after: float) -> MaintenanceRunner | None:
    """Automatic backups on threads of their own while the GUI runs (None when backups are not wired).

    They run only while this GUI holds the database's scheduled-jobs lease: a service or another PC
    holding it runs them instead, and this GUI takes over when that one stops.
    """
    runner = scheduled_jobs_runner(
        services, this_process(RunnerKind.GUI), first_check_after=first_check_after
    )
    if runner is not None:
        runner.start()
    return runner


def freeze_long_lived_objects() -> None:
    """Take what exists now out of the garbage collector's sight (after login, and once the listener runs).

    Modules, Qt wrappers, the services and the web stack live as long as the process (about 230,000
    objects). A full collection walks all of them while every thread, the GUI's included, waits: 0.1-0.4 s
    under a stream of taps (bench/bench_gui_live.py). Frozen, a full collection walks a few thousand.
    """
    gc.freeze()


def load_resources() -> None:
    """Build the generated resources if missing or stale, then register them (icons, catalogs, fonts)."""
    build_resources.ensure_built()
    importlib.import_module("timetracker_desktop.gui.resources_rc")
    register_application_fonts()


@cache  # once per process: Qt would register the same file again under a new id
def register_application_fonts() -> dict[Path, tuple[str, ...]]:
    """DejaVu Sans (regular, bold) from the files the PDFs embed, for print preview and printing.

    The painter asks for "DejaVu Sans"; without it Qt quietly substitutes whatever the PC has (Windows has
    no DejaVu), so printouts would differ from the PDFs and from PC to PC. Returns the families per file.
    """
    registered: dict[Path, tuple[str, ...]] = {}
    for name in (REGULAR, BOLD):
        try:
            path = find_font(name)
        except FontNotFoundError as error:  # printing still works with a substitute; PDFs report it
            log.warning("%s", error.message)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        registered[path] = tuple(QFontDatabase.applicationFontFamilies(font_id))
    return registered


class Shell(QObject):
    """Owns the running GUI: runner, bridges, start-up flow, main window, and the orderly shutdown.

    Signals:
        (none besides QObject's)
    """

    def __init__(
        self,
        app: QApplication,
        gateway: DatabaseGateway,
        ui_settings: UiSettings,
        explicit_url: str | None,
        reader_factory: ReaderFactory | None = None,
        listener_starter: ListenerStarter | None = None,
        *,
        automatic_backups: bool = False,
    ) -> None:
        super().__init__(app)
        self._automatic_backups = automatic_backups  # the running application only, not tests of other parts
        self._app = app
        self._gateway = gateway
        self.ui_settings = ui_settings
        self.reporter = ErrorReporter(self)
        self.runner = PoolTaskRunner(self.reporter.report, self)
        self.scan_bridge = ScanBridge(self)
        self.reader = DeskReaderBridge(self)
        self._reader_factory = reader_factory
        self.listener = ListenerControl(listener_starter, self.scan_bridge.notify, self)
        self.listener.state_changed.connect(self._on_listener_state_changed)
        self.database: OpenDatabase | None = None
        self.window: MainWindow | None = None
        self.context: GuiContext | None = None
        self.backup_scheduler: MaintenanceRunner | None = None
        self.startup = Startup(gateway, self.runner, ui_settings, explicit_url, self)
        self.startup.finished.connect(self._on_started)
        self.startup.aborted.connect(self._on_aborted)
        app.aboutToQuit.connect(self._on_about_to_quit)
        app.commitDataRequest.connect(self._on_session_ending)

    def bring_to_front(self) -> None:
        """Another start asked for this program: show the main window, or the login or first-run dialog."""
        if self.window is not None:
            self.window.bring_to_front()
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.raise_()
                widget.activateWindow()

    def _on_session_ending(self) -> None:
        end_for_session(self.window)

    def _on_started(self, database: OpenDatabase, user: User) -> None:
        if self.database is None:  # the first login; after a log out these keep running
            self.database = database
            self.listener.start(database, self.ui_settings.listener_host, self.ui_settings.listener_port)
            self.reader.start(self._reader_factory, self.ui_settings.reader_name)
            if self._automatic_backups:
                self.backup_scheduler = start_backup_scheduler(database.services, BACKUP_FIRST_CHECK_SECONDS)
        context = GuiContext(
            services=database.services,
            user=user,
            runner=self.runner,
            ui_settings=self.ui_settings,
            database_label=without_password(database.url),
            scan_bridge=self.scan_bridge,
            gateway=self._gateway,
            reader=self.reader,
            listener=self.listener,
        )
        self.context = context
        self.window = MainWindow(context)
        self.window.session_menu.log_out_requested.connect(self.log_out)
        self.runner.relay.busy_changed.connect(self.window.status.set_busy)
        self.window.show()
        self._app.setQuitOnLastWindowClosed(True)
        freeze_long_lived_objects()

    def log_out(self) -> None:
        """Close the window and its pages and ask for a login again; the listener, the desk reader and the
        backups go on meanwhile, so terminals are never left without a listener."""
        window, context = self.window, self.context
        if window is None or context is None:
            return
        self._app.setQuitOnLastWindowClosed(False)  # the login dialog comes next, not the end
        work = partial(context.services.users.log_out, context.actor)
        self.runner.run(work, _recorded, _not_recorded, write=True)
        self.window, self.context = None, None
        window.close_without_asking()
        window.deleteLater()
        gc.unfreeze()  # the closed pages were frozen at login: let the collector free them
        self.startup.log_in_again()

    def _on_listener_state_changed(self) -> None:
        if self.listener.running:  # a listener on a thread (tests, benchmark) brought its web stack along
            freeze_long_lived_objects()

    def _on_aborted(self) -> None:
        self._app.quit()

    def _on_about_to_quit(self) -> None:
        # Shutdown order (Threading rule 6): listener -> reader -> worker threads -> database.
        self.listener.stop()
        self.reader.stop()
        if self.backup_scheduler is not None:
            self.backup_scheduler.stop()  # waits for a backup, lets the lease go; before the database closes
        self.runner.wait_for_done(10_000)
        if self.database is not None:
            self.database.close()


def _recorded(_result: None) -> None:
    log.info("logged out")


def _not_recorded(error: BaseException) -> None:
    log.warning("the log out was not recorded in the audit log: %s", error)  # the log out goes on


def run(
    url: str | None,
    gateway: DatabaseGateway,
    reader_factory: ReaderFactory | None = None,
    listener_starter: ListenerStarter | None = None,
) -> int:
    """Show the application and run its event loop; ``url`` is a database given on the command line."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)  # noqa: S101 - narrows the type for mypy
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    instance = SingleInstance(data_dir(), app)
    if not instance.claim():
        log.info("the program runs already for this user and data folder: asking it to come to the front")
        instance.ask_running_to_activate()
        return 0
    running = hold_running_mutex()  # the installer waits while it exists (AppMutex)
    load_resources()
    app.setWindowIcon(QIcon(":/icons/app.svg"))
    ui_settings = UiSettings()
    if not install_translators(app, ui_settings.language):
        log.warning("the Ukrainian catalogs could not be loaded")
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go before the main window exists
    shell = Shell(app, gateway, ui_settings, url, reader_factory, listener_starter, automatic_backups=True)
    instance.activate_requested.connect(shell.bring_to_front)
    install_error_handling(shell.reporter)
    shell.startup.start()
    try:
        return int(app.exec())
    finally:
        instance.release()
        running.release()
