"""Screenshots of the Backups page, the restore confirmation and the legacy import wizard, in Ukrainian.

Run it under Xvfb, as take.py::

    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/take_operations.py

The legacy database is the one the tests build from the documented legacy schema (tests/integration/ops).
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "tests"))  # the legacy database of the tests

from integration.ops.legacy_db import build_legacy_database
from take import FixedClock, demo_database, logged_in, save, settle

from timetracker_desktop.app import build_app
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.dialogs.legacy_wizard import LegacyImportWizard
from timetracker_desktop.gui.dialogs.restore_confirm import RestoreConfirmDialog
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.gui.shell.main_window import MainWindow
from timetracker_desktop.gui.views.backups import BackupsView
from timetracker_desktop.repositories.ports.leases import LeaseHolder, RunnerKind


def automatic_backups_made(url: str, clock: FixedClock, folder: Path) -> None:
    """Automatic backups every 12 hours into ``folder``, the first one already made, by the service."""
    context = build_app(url, clock=clock, bcrypt_rounds=4)
    try:
        schedule = context.services.backup_schedule
        assert schedule is not None
        schedule.change(Actor.system(), folder=str(folder), interval_hours=12, keep=14)
        schedule.run_if_due()
        # The office's service makes them (the page's "Made by:" row names it).
        context.services.runner_lease.hold(LeaseHolder("SERVER:812:5e", RunnerKind.SERVICE, "SERVER"))
    finally:
        context.close()


def backups(app: QApplication, shell: Shell, window: MainWindow, folder: Path) -> None:
    """The page after "Back up now", then the confirmation a restore asks for."""
    page = window.show_page("backups")
    assert isinstance(page, BackupsView)
    settle(app, shell)
    page.back_up_to(folder / "timetracker-manual.zip")
    settle(app, shell)
    save(window, "backups")
    page.restore_from(folder / "timetracker-manual.zip")
    settle(app, shell)
    confirm = page.dialog
    assert isinstance(confirm, RestoreConfirmDialog)
    confirm.understood.setChecked(True)
    settle(app, shell)
    save(confirm, "restore_confirm")
    confirm.reject()


def legacy(app: QApplication, shell: Shell, window: MainWindow, work: Path) -> None:
    """The wizard's preview of a legacy database and its report after the import."""
    source = work / "timetracker_legacy.db"
    build_legacy_database(f"sqlite:///{source}")
    page = window.show_page("backups")
    assert isinstance(page, BackupsView)
    page.legacy_button.click()
    wizard = page.dialog
    assert isinstance(wizard, LegacyImportWizard)
    wizard.source_page.path.setText(str(source))
    settle(app, shell)
    save(wizard, "legacy_source")
    wizard.next()
    settle(app, shell)
    save(wizard, "legacy_preview")
    wizard.next()
    settle(app, shell)
    save(wizard, "legacy_report")
    wizard.accept()


def main() -> int:
    """Take the screenshots into docs/screenshots/."""
    app = QApplication(sys.argv)
    load_resources()
    with demo_database() as (work, url, clock):
        backup_folder = work / "Backups"
        automatic_backups_made(url, clock, backup_folder)
        with logged_in(app, work, url, clock) as (shell, window):
            backups(app, shell, window, backup_folder)
            legacy(app, shell, window, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
