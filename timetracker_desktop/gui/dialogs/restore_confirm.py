"""The strong confirmation before a restore: what the backup holds and what it will replace."""

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.gui.kit.widgets import make_table
from timetracker_desktop.gui.models.backup_tables import BackupTablesModel
from timetracker_desktop.repositories.ports.backup import BackupManifest, BackupTrust


class RestoreConfirmDialog(QDialog):
    """Names the database that will be replaced; "Replace all data" stays off until the boxes are ticked.

    A backup this installation did not sign (another PC, an older version) adds a second box: trusting it.

    Signals:
        (none besides QDialog's; accepted means "restore")
    """

    def __init__(
        self,
        manifest: BackupManifest,
        file_name: str,
        database: str,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        own_key: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreConfirm")
        self.setWindowTitle(self.tr("Restore from a backup"))
        made = local_date_time(manifest.created_at, zone)
        self.summary = QLabel(
            self.tr(
                "<b>All data in the database {0} will be replaced</b> by the backup {1}"
                " made on {2} (program {3}, {4} rows). Everything entered after that moment is lost."
                " The current data is saved to the backup folder first (a safety backup)."
            ).format(database, file_name, made, manifest.app_version, manifest.total_rows())
        )
        self.summary.setObjectName("restoreSummary")
        self.summary.setWordWrap(True)
        self.model = BackupTablesModel(self)
        self.model.set_rows([t for t in manifest.tables if t.rows])
        self.table = make_table("restoreTables")
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        self.table.resizeColumnsToContents()
        self.understood = QCheckBox(self.tr("I understand that the current data will be replaced"))
        self.understood.setObjectName("restoreUnderstood")
        self.foreign = manifest.trust is not BackupTrust.OURS
        self.trusted = QCheckBox(self._trust_question(manifest, own_key))
        self.trusted.setObjectName("restoreTrustForeign")
        self.trusted.setVisible(self.foreign)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button: QPushButton = self.buttons.addButton(
            self.tr("Replace all data"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.replace_button.setObjectName("restoreReplace")
        self.replace_button.setEnabled(False)
        self.understood.toggled.connect(self._update_replace)
        self.trusted.toggled.connect(self._update_replace)
        self.replace_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.understood)
        layout.addWidget(self.trusted)
        layout.addWidget(self.buttons)
        self.resize(620, 460)

    def _trust_question(self, manifest: BackupManifest, own_key: str) -> str:
        """The question names both keys, so that the user can compare them with the other PC's."""
        if manifest.trust is BackupTrust.UNSIGNED:
            return self.tr(
                "This backup is not signed (an older version made it). I trust this file and restore it."
            )
        return self.tr(
            "This backup was made by another installation (key {0}), not by this one (key {1})."
            " I trust this file and restore it."
        ).format(manifest.key_id, own_key)

    @property
    def accept_foreign(self) -> bool:
        """Whether the user confirmed a backup this installation did not sign."""
        return self.foreign and self.trusted.isChecked()

    def _update_replace(self) -> None:
        trusted = not self.foreign or self.trusted.isChecked()
        self.replace_button.setEnabled(self.understood.isChecked() and trusted)
