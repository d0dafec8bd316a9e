"""The Backups page: back up now, restore after a strong confirmation, automatic backups, legacy import."""

from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.dialogs.legacy_wizard import LegacyImportWizard
from timetracker_desktop.gui.dialogs.restore_confirm import RestoreConfirmDialog
from timetracker_desktop.gui.kit.busy import BusyLine
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.gui.kit.errors import show_error
from timetracker_desktop.gui.kit.quitting import quit_application
from timetracker_desktop.gui.kit.widgets import action_button
from timetracker_desktop.gui.views.backup_schedule_box import BackupScheduleBox, ScheduleState
from timetracker_desktop.repositories.ports.backup import BackupManifest
from timetracker_desktop.services.backup.schedule import backup_name
from timetracker_desktop.services.backup.service import BackupResult, RestoreResult


def _size(size_bytes: int) -> str:
    """A file size in the user's language (KB, MB)."""
    return QLocale().formattedDataSize(size_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class BackupsView(QWidget):
    """Every slow step runs in the background with a moving bar; results and refusals are shown in words.

    Signals:
        restored(): the database was replaced by a backup (the program should restart).
    """

    restored = Signal()

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._folder: Path | None = None
        self._zone = ZoneInfo("UTC")
        self.dialog: QWidget | None = None
        self.backup_button = action_button("backUpNow", self.tr("Back up now..."), ":/icons/backup.svg")
        self.backup_busy = BusyLine("backupProgress")
        self.restore_button = action_button("restoreBackup", self.tr("Restore..."), ":/icons/undo.svg")
        self.restore_busy = BusyLine("restoreProgress")
        self.legacy_button = action_button(
            "importLegacy", self.tr("Import from the legacy server..."), ":/icons/import.svg"
        )
        schedule = context.services.backup_schedule
        self.schedule = BackupScheduleBox(context, schedule) if schedule is not None else None
        self._build_layout()
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.legacy_button.clicked.connect(self.open_legacy_wizard)
        self._set_working(False)
        if self.schedule is not None:
            self.schedule.loaded.connect(self._on_schedule_loaded)
        self.refresh()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(
            self._group(
                self.tr("Back up now"),
                self.tr("A backup is one file with every record; it is safe while terminals are punching."),
                self.backup_button,
                self.backup_busy,
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Restore"),
                self.tr(
                    "Replaces ALL data with a backup. Close the program on other computers and stop the"
                    " service first. A backup from a newer program version is refused."
                ),
                self.restore_button,
                self.restore_busy,
            )
        )
        if self.schedule is not None:
            layout.addWidget(self.schedule)
        layout.addWidget(
            self._group(
                self.tr("Moving from the legacy server"),
                self.tr(
                    "Brings over employees, badges, terminals (their keys keep working), events, schedules"
                    " and users from the old TimeTracker server. Running it again brings only what is new."
                ),
                self.legacy_button,
            )
        )
        layout.addStretch(1)

    @staticmethod
    def _group(title: str, text: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        hint = QLabel(text)
        hint.setWordWrap(True)
        inner.addWidget(hint)
        for widget in widgets:
            left = isinstance(widget, QPushButton)  # a button as wide as its text, not as the page
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag(0))
        return box

    def refresh(self) -> None:
        """Reload the automatic-backup settings."""
        if self.schedule is not None:
            self.schedule.refresh()

    def _on_schedule_loaded(self, state: ScheduleState) -> None:
        self._folder = state.folder
        self._zone = state.zone

    def _default_folder(self) -> Path:
        return self._folder or Path.home()

    # Back up ---------------------------------------------------------------------------------------------

    def _on_backup_clicked(self) -> None:
        suggested = self._default_folder() / backup_name("manual", self._context.services.clock.now())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the backup as"), str(suggested), self.tr("Backups (*.zip)")
        )
        if chosen:
            self.back_up_to(Path(chosen))

    def back_up_to(self, target: Path) -> None:
        """Write a backup to ``target`` in the background."""
        backups = self._context.services.backups
        if backups is None:
            return
        target = target if target.suffix.lower() == ".zip" else target.with_name(f"{target.name}.zip")
        self._set_working(True)
        self.backup_busy.start(self.tr("Backing up to {0}...").format(target))
        work = partial(backups.backup, self._context.actor, target)
        self._context.runner.run(
            work, self._on_backed_up, partial(self._on_failed, self.backup_busy), write=True
        )

    def _on_backed_up(self, result: BackupResult) -> None:
        self._set_working(False)
        manifest = result.manifest
        self.backup_busy.finish(
            self.tr("Saved {0}: {1} rows in {2} tables, {3}.").format(
                result.path, manifest.total_rows(), len(manifest.tables), _size(result.size_bytes)
            )
        )

    # Restore ---------------------------------------------------------------------------------------------

    def _on_restore_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            str(self._default_folder()),
            self.tr("Backups (*.zip);;All files (*)"),
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(self, source: Path) -> None:
        """Check the backup in the background, then ask for the strong confirmation."""
        backups = self._context.services.backups
        if backups is None:
            return
        self._set_working(True)
        self.restore_busy.start(self.tr("Reading {0}...").format(source.name))
        self._context.runner.run(
            lambda: (backups.inspect(source), backups.key_id),  # the key file is read off the GUI thread too
            partial(self._on_inspected, source),
            partial(self._on_failed, self.restore_busy),
        )

    def _on_inspected(self, source: Path, inspected: tuple[BackupManifest, str]) -> None:
        self._set_working(False)
        self.restore_busy.finish("")
        manifest, own_key = inspected
        dialog = RestoreConfirmDialog(
            manifest, source.name, self._context.database_label, self._zone, self, own_key=own_key
        )
        dialog.accepted.connect(lambda: self._restore(source, accept_foreign=dialog.accept_foreign))
        self.dialog = dialog
        dialog.open()

    def _restore(self, source: Path, *, accept_foreign: bool = False) -> None:
        backups = self._context.services.backups
        if backups is None:
            return
        self._set_working(True)
        self.restore_busy.start(self.tr("Restoring {0}: wait until it is done...").format(source.name))
        work = partial(
            backups.restore,
            self._context.actor,
            source,
            safety_dir=self._folder,
            accept_foreign=accept_foreign,
        )
        self._context.runner.run(work, self._on_restored, self._on_restore_failed, write=True)

    def _on_restored(self, result: RestoreResult) -> None:
        self._set_working(False)
        tables = len(result.manifest.tables)
        text = self.tr("Restored {0} rows; all {1} tables match their row counts and checksums.").format(
            result.manifest.total_rows(), tables
        )
        if result.safety_backup is not None:
            text += " " + self.tr("The replaced data was saved to {0}.").format(result.safety_backup)
        self.restore_busy.finish(text)
        self.restored.emit()
        self._ask_restart()

    def _ask_restart(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Restore finished"),
            self.tr("The data was restored. Restart TimeTracker Desktop so that every page shows it."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("restartQuestion")
        quit_button = box.addButton(self.tr("Quit now"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitAfterRestore")
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(quit_application)
        self.dialog = box
        box.open()

    def _on_restore_failed(self, error: BaseException) -> None:
        self._on_failed(self.restore_busy, error)
        if isinstance(error, DomainError) and error.params.get("outcome"):
            self.restore_busy.finish(self._restore_failure_text(error), error=True)

    def _restore_failure_text(self, error: DomainError) -> str:
        """What went wrong, what became of the data, and where the safety backup is."""
        params = error.params
        outcomes = {
            "unchanged": self.tr("The database was not changed."),
            "rolled_back": self.tr("The previous data was put back from {0}.").format(params.get("copy")),
            "rollback_failed": self.tr("The previous data could not be put back: restore {0} now.").format(
                params.get("copy")
            ),
            "was_empty": self.tr("The database was empty before."),
        }
        parts = [message_for(error), outcomes.get(params["outcome"], "")]
        if params.get("safety_backup"):
            parts.append(
                self.tr("Safety backup of the data before the restore: {0}").format(params["safety_backup"])
            )
        parts.append(self.tr("Details: {0}").format(error.message))
        return " ".join(p for p in parts if p)

    # Shared ----------------------------------------------------------------------------------------------

    def _on_failed(self, busy: BusyLine, error: BaseException) -> None:
        self._set_working(False)
        busy.finish(message_for(error), error=True)
        if not is_expected(error):
            show_error(error, self)

    def _set_working(self, working: bool) -> None:
        """One slow step at a time; buttons of parts this build lacks stay off."""
        services = self._context.services
        self.backup_button.setEnabled(not working and services.backups is not None)
        self.restore_button.setEnabled(not working and services.backups is not None)
        self.legacy_button.setEnabled(not working and services.legacy_import is not None)

    def open_legacy_wizard(self) -> None:
        """The wizard that previews and imports a legacy database."""
        service = self._context.services.legacy_import
        if service is None:
            return
        wizard = LegacyImportWizard(self._context, service, self)
        self.dialog = wizard
        wizard.open()
