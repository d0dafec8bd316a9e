"""The wizard that removes old data: a date and an archive file, the preview, a confirmation, the work."""

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.gui.kit.busy import ERROR_STYLE
from timetracker_desktop.gui.kit.confirm import ask
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.gui.kit.errors import show_error
from timetracker_desktop.services.database_care.purge import PurgePreview, PurgeResult


class PurgeDialog(QDialog):
    """Choose a date and an archive file, see what will be removed, confirm; the work runs off the GUI thread.

    Signals:
        (none besides QDialog's)
    """

    def __init__(self, context: GuiContext, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("Remove old data"))
        self._context = context
        self._preview: PurgePreview | None = None
        self.before = QDateEdit()
        self.before.setObjectName("purgeBefore")
        self.before.setCalendarPopup(True)
        self.before.setDisplayFormat("yyyy-MM-dd")
        self.before.setDate(QDate.currentDate().addYears(-4))
        self.archive = QLineEdit(str(default_folder / "timetracker-archive.zip"))
        self.archive.setObjectName("purgeArchive")
        self.browse_button = QPushButton(self.tr("Choose..."))
        self.preview_button = QPushButton(self.tr("Show what will be removed"))
        self.preview_button.setObjectName("purgePreview")
        self.remove_button = QPushButton(self.tr("Archive and remove"))
        self.remove_button.setObjectName("purgeRemove")
        self.summary = QLabel()
        self.summary.setObjectName("purgeSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self._build_layout()
        self.browse_button.clicked.connect(self._on_browse)
        self.preview_button.clicked.connect(self.show_preview)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.before.dateChanged.connect(self._forget_preview)
        self._set_working(False)

    def _build_layout(self) -> None:
        hint = QLabel(self.tr(
            "Punches, corrections, unknown-card reads and audit entries older than the date are written to an"
            " archive file first (a backup that the Backups page can restore into another database), the"
            " archive is read back and checked, and only then are they removed. The most recent years are"
            " kept by law (the retention setting)."
        ))  # fmt: skip
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Remove data older than"), self.before)
        row = QHBoxLayout()
        row.addWidget(self.archive, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("Archive file"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def _chosen_date(self) -> date:
        value = self.before.date()
        return date(value.year(), value.month(), value.day())

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Archive file"), self.archive.text(), "*.zip")
        if path:
            self.archive.setText(path)

    def _forget_preview(self) -> None:
        self._preview = None
        self.summary.clear()
        self._set_working(False)

    def show_preview(self) -> None:
        """Count what would be removed (in the background)."""
        care = self._context.services.database_care
        if care is None or care.purge is None:
            return
        self._set_working(True)
        work = partial(care.purge.preview, self._context.actor, self._chosen_date())
        self._context.runner.run(work, self._on_preview, self._on_failed)

    def _on_preview(self, preview: PurgePreview) -> None:
        self._preview = preview
        self._set_working(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr(
            "Older than {0}: {1} punches, {2} corrections, {3} unknown-card reads, {4} audit entries."
        ).format(
            preview.before.isoformat(), preview.rows["punches"], preview.rows["corrections"],
            preview.rows["unassigned_punches"], preview.rows["audit_entries"],
        ))  # fmt: skip
        self.remove_button.setEnabled(preview.total > 0)

    def _on_remove_clicked(self) -> None:
        if self._preview is None:
            return
        ask(self, "confirmPurge", self.tr("Remove old data"), self.tr(
            "Write {0} records to {1} and then remove them from the database?"
        ).format(self._preview.total, self.archive.text()), self.remove)  # fmt: skip

    def remove(self) -> None:
        """Archive, check the archive and remove (in the background)."""
        care = self._context.services.database_care
        if care is None or care.purge is None or self._preview is None:
            return
        self._set_working(True)
        self.progress.show()
        self.summary.setText(self.tr("Writing the archive, checking it, removing..."))
        work = partial(care.purge.purge, self._context.actor, self._preview.before, Path(self.archive.text()))
        self._context.runner.run(work, self._on_removed, self._on_failed, write=True)

    def _on_removed(self, result: PurgeResult) -> None:
        self._preview = None
        self._set_working(False)
        self.progress.hide()
        self.summary.setText(
            self.tr("Removed {0} records; the archive is {1}.").format(
                sum(result.rows.values()), result.archive
            )
        )

    def _on_failed(self, error: BaseException) -> None:
        self._set_working(False)
        self.progress.hide()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(message_for(error))
        if not is_expected(error):
            show_error(error, self)

    def _set_working(self, working: bool) -> None:
        self.preview_button.setEnabled(not working)
        self.before.setEnabled(not working)
        self.archive.setEnabled(not working)
        self.browse_button.setEnabled(not working)
        self.remove_button.setEnabled(not working and self._preview is not None and self._preview.total > 0)
