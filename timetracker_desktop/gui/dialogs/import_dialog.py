"""Import employees from CSV or XLSX: preview every row with its problems, then save all rows or none."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.models.import_preview import ImportPreviewModel
from timetracker_desktop.services.dto import ImportResult
from timetracker_desktop.services.people.employee_import import ImportPreview, read_import_file


class ImportDialog(QDialog):
    """Choose a file, read the preview, import; nothing is saved unless every row is valid.

    Signals:
        imported(int): how many employees were imported.
    """

    imported = Signal(int)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import employees"))
        self._context = context
        self.preview: ImportPreview | None = None
        self.hint = QLabel(
            self.tr(
                "A CSV (UTF-8 or Windows-1251, comma or semicolon) or XLSX file whose first row is: "
                "full_name, position, card_uid, phone_code. Only full_name is required."
            )
        )
        self.hint.setWordWrap(True)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("importFile")
        choose = QPushButton(self.tr("Choose file..."))
        choose.setObjectName("importChoose")
        choose.clicked.connect(self._on_choose_clicked)
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.read_as = QLabel()  # under the preview: how a CSV was read, so a wrong guess is visible
        self.read_as.setObjectName("importReadAs")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.read_as)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(820, 480)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import employees"), "", self.tr("Tables (*.csv *.xlsx)")
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check a file in the background."""
        self.file_label.setText(str(path))
        self.status.setText(self.tr("Reading..."))
        self.read_as.clear()
        self.import_button.setEnabled(False)
        self._context.runner.run(partial(read_import_file, path), self._on_preview_read, self._on_failed)

    def _on_preview_read(self, preview: ImportPreview) -> None:
        self._show(preview)
        if preview.file_error is not None:
            self.status.setText(self._file_problem(preview))
        elif preview.ok:
            self.status.setText(self.tr("%n row(s) ready to import.", "", len(preview.rows)))
        else:
            bad = sum(1 for row in preview.rows if row.errors)
            self.status.setText(
                self.tr("%n row(s) have problems: fix the file and choose it again.", "", bad)
            )

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        self.read_as.setText(self._read_as(preview))
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(preview.ok)

    def _read_as(self, preview: ImportPreview) -> str:
        if not preview.encoding:  # XLSX, or a file that could not be read
            return ""
        encodings = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "cp1251": self.tr("Windows-1251 (cp1251)"),
        }
        separators = {",": self.tr("comma (,)"), ";": self.tr("semicolon (;)")}
        return self.tr("Read as {0}, separator: {1}.").format(
            encodings.get(preview.encoding, preview.encoding),
            separators.get(preview.separator, preview.separator),
        )

    def _file_problem(self, preview: ImportPreview) -> str:
        texts = {
            "bad_header": self.tr("The first row must name the columns; full_name is missing. Found: {0}"),
            "empty_file": self.tr("The file has no rows."),
            "too_many_rows": self.tr("The file has more than {0} rows."),
            "unknown_encoding": self.tr(
                'The CSV file is neither UTF-8 nor Windows-1251. Save it as "CSV UTF-8" and try again.'
            ),
            "unreadable_file": self.tr("The file cannot be read: {0}"),
        }
        return texts.get(preview.file_error or "", "{0}").format(preview.file_detail)

    def start_import(self) -> None:
        """Save every row, or none if the database finds a problem."""
        if self.preview is None or not self.preview.ok:
            return
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Importing..."))
        work = partial(
            self._context.services.employees.import_drafts, self._context.actor, self.preview.drafts()
        )
        self._context.runner.run(work, self._on_imported, self._on_failed, write=True)

    def _on_imported(self, result: ImportResult) -> None:
        if result.ok:
            self.status.setText(self.tr("%n employee(s) imported.", "", result.imported))
            self.imported.emit(result.imported)
            return
        assert self.preview is not None  # noqa: S101 - narrows the type for mypy
        self._show(self.preview.with_errors(result.errors))
        self.status.setText(
            self.tr("Nothing was imported: %n row(s) conflict with saved data.", "", len(result.errors))
        )

    def _on_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(self.preview is not None and self.preview.ok)
        self.status.setText(message_for(error))
