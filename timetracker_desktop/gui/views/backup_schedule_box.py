"""Automatic backups: folder, interval, how many to keep, the last and next ones, and who makes them."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.gui.kit.vocabulary import runner_words
from timetracker_desktop.services.backup.schedule import (
    MAX_INTERVAL_HOURS,
    MAX_KEEP,
    BackupSchedule,
    BackupScheduleService,
    automatic_backups,
)
from timetracker_desktop.services.maintenance.lease import LeaseService, RunnerStatus

SPIN_WIDTH = 140


@dataclass(frozen=True, slots=True)
class ScheduleState:
    """The schedule, the folder in force, the newest automatic backup, the next one due and who makes it."""

    schedule: BackupSchedule
    folder: Path
    last: datetime | None
    next_due: datetime | None
    zone: ZoneInfo
    runner: RunnerStatus


def load_state(service: BackupScheduleService, lease: LeaseService, zone: ZoneInfo) -> ScheduleState:
    """Read the schedule, look into its folder and read who holds the lease (worker thread)."""
    schedule = service.current()
    folder = service.folder(schedule)
    made = automatic_backups(folder)
    last = made[-1][0] if made else None
    return ScheduleState(schedule, folder, last, service.next_due(), zone, lease.status())


def elsewhere(state: ScheduleState) -> bool:
    """Another program makes the backups into its own default folder (no folder set), not into ours."""
    runner = state.runner
    return not state.schedule.folder and runner.lease is not None and runner.running and not runner.mine


class BackupScheduleBox(QGroupBox):
    """Edits the automatic-backup settings (shared by every PC); the running program makes the backups.

    Signals:
        loaded(object): a ``ScheduleState`` after every load or save (the page learns the folder).
    """

    loaded = Signal(object)

    def __init__(
        self, context: GuiContext, service: BackupScheduleService, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Automatic backups"), parent)
        self.setObjectName("backupSchedule")
        self._context = context
        self._service = service
        self._zone = ZoneInfo("UTC")
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.browse = QPushButton(self.tr("Choose..."))
        self.browse.setObjectName("chooseBackupFolder")
        self.interval = QSpinBox()
        self.interval.setObjectName("backupInterval")
        self.interval.setRange(0, MAX_INTERVAL_HOURS)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setSpecialValueText(self.tr("off"))
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, MAX_KEEP)
        for spin in (self.interval, self.keep):
            spin.setMinimumWidth(SPIN_WIDTH)
            spin.setMaximumWidth(SPIN_WIDTH)
        self.last = QLabel()
        self.last.setObjectName("lastAutomaticBackup")
        self.next_due = QLabel()
        self.next_due.setObjectName("nextAutomaticBackup")
        self.runner = QLabel()
        self.runner.setObjectName("backupRunner")
        self.runner.setWordWrap(True)
        self.runner.setToolTip(
            self.tr(
                "One program per database makes the automatic backups: this program, the TimeTracker service"
                " or the program on another computer, whichever started first. When it stops, another one"
                " takes over within a few minutes."
            )
        )
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveBackupSchedule")
        self.status = QLabel()
        self.status.setObjectName("backupScheduleStatus")
        self.status.setWordWrap(True)
        self._build_layout()
        self.browse.clicked.connect(self._on_browse_clicked)
        self.save_button.clicked.connect(self.save)

    def _build_layout(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Every:"), self.interval)
        form.addRow(self.tr("Keep the newest:"), self.keep)
        form.addRow(self.tr("Last automatic backup:"), self.last)
        form.addRow(self.tr("Next one due:"), self.next_due)
        form.addRow(self.tr("Made by:"), self.runner)
        form.addRow(save_row)

    def refresh(self) -> None:
        """Load the schedule in the background."""
        work = partial(self._load, None)
        self._context.runner.run(work, self._on_loaded, self._on_failed)

    def _load(self, change: BackupSchedule | None) -> ScheduleState:
        zone = self._context.services.settings.current().zone
        if change is not None:
            self._service.change(
                self._context.actor,
                folder=change.folder,
                interval_hours=change.interval_hours,
                keep=change.keep,
            )
        return load_state(self._service, self._context.services.runner_lease, zone)

    def save(self) -> None:
        """Store the folder, interval and number kept (validated and audited by the service)."""
        change = BackupSchedule(self.folder.text().strip(), self.interval.value(), self.keep.value())
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving..."))
        self._context.runner.run(
            partial(self._load, change), self._on_saved, self._on_save_failed, write=True
        )

    def _on_loaded(self, state: ScheduleState) -> None:
        self._zone = state.zone
        self.folder.setText(state.schedule.folder)
        self.folder.setPlaceholderText(str(state.folder))
        self.interval.setValue(state.schedule.interval_hours)
        self.keep.setValue(state.schedule.keep)
        self.last.setText(local_date_time(state.last, state.zone) if state.last else self.tr("none yet"))
        due = state.next_due
        self.next_due.setText(local_date_time(due, state.zone) if due else self.tr("never (switched off)"))
        self.runner.setText(self._runner_text(state.runner, state.zone))
        if elsewhere(state) and due is not None:
            # The holder writes into its own default folder (the service: %ProgramData%\TimeTracker\backups;
            # another PC: its own): this program's folder says nothing about them.
            self.last.setText(
                self.tr(
                    "made by the program named below into its own folder, which this computer cannot see;"
                    " set a shared folder above to see them here"
                )
            )
            self.next_due.setText(self.tr("when that program's own folder says so"))
        self.loaded.emit(state)

    def _runner_text(self, status: RunnerStatus, zone: ZoneInfo) -> str:
        if status.lease is None or not status.running:
            return self.tr("nobody: no TimeTracker program or service is running them now")
        if status.mine:
            return self.tr("this program")
        heartbeat = local_date_time(status.lease.heartbeat_at, zone)
        return self.tr("{0}, last heartbeat {1}").format(runner_words(status.lease.holder), heartbeat)

    def _on_saved(self, state: ScheduleState) -> None:
        self.save_button.setEnabled(True)
        self._on_loaded(state)
        self.status.setText(self.tr("Saved. The running program makes the backups when they are due."))

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _on_browse_clicked(self) -> None:
        start = self.folder.text() or self.folder.placeholderText()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for automatic backups"), start)
        if chosen:
            self.folder.setText(str(Path(chosen)))
