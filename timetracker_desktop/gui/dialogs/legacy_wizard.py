"""The wizard that moves data from the legacy server: source, preview of what comes over, import, report."""

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from timetracker_desktop.gui.kit.busy import BusyLine
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.gui.kit.errors import show_error
from timetracker_desktop.gui.kit.widgets import make_table
from timetracker_desktop.gui.models.legacy_report import LegacyCountsModel, LegacyIssuesModel
from timetracker_desktop.services.legacy.importer import LegacyImportReport, LegacyImportService

MYSQL_PLACEHOLDER = "mysql://user:password@old-server/timetracker"
WIDEST_COLUMN = 380
_QUOTED = re.compile(r"'([^']+)'")


def _demo_names(items: tuple[str, ...]) -> str:
    """The quoted names of the demo items (the service describes them in English around the names)."""
    names = [match[1] if (match := _QUOTED.search(item)) else item for item in items]
    return ", ".join(f"«{name}»" for name in names)


class LegacyReportPanel(QWidget):
    """A preview or an import report: a sentence, counts per kind, and what was not imported and why.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.counts = LegacyCountsModel(self)
        self.counts_table = make_table(f"{name}Counts")
        self.counts_table.setSortingEnabled(False)
        self.counts_table.setModel(self.counts)
        self.issues = LegacyIssuesModel(self)
        self.issues_table = make_table(f"{name}Issues")
        self.issues_table.setModel(self.issues)
        self.issues_table.setWordWrap(False)  # one line per row; the whole detail is in the tooltip
        self.issues_title = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts_table, 2)
        layout.addWidget(self.issues_title)
        layout.addWidget(self.issues_table, 3)

    def show_report(self, report: LegacyImportReport, *, demo_left_out: bool) -> None:
        """Fill in the tables and say in one sentence what happens (or happened)."""
        new = sum(c.new for c in report.counts)
        before = sum(c.already for c in report.counts)
        skipped = sum(c.skipped for c in report.counts)
        if report.preview:
            text = self.tr("{0} new rows will be imported; {1} were imported before; {2} cannot be imported.")
        else:
            text = self.tr("{0} new rows imported; {1} were imported before; {2} could not be imported.")
        lines = [text.format(new, before, skipped)]
        if report.demo and demo_left_out:
            lines.append(
                self.tr("Left out as demo data of the legacy server: {0}").format(_demo_names(report.demo))
            )
        self.summary.setText("\n".join(lines))
        self.counts.set_rows(report.counts)
        self.issues.set_rows(report.issues)
        self.issues_title.setText(
            self.tr("Not imported, or not as it was, and why:")
            if report.issues
            else self.tr("No problems found.")
        )
        for table in (self.counts_table, self.issues_table):
            table.resizeColumnsToContents()
            for column in range(table.model().columnCount() - 1):  # the last one takes what is left
                table.setColumnWidth(column, min(table.columnWidth(column), WIDEST_COLUMN))
        self.counts_table.setFixedHeight(
            self.counts_table.horizontalHeader().height()
            + 2
            + sum(self.counts_table.rowHeight(r) for r in range(self.counts.rowCount()))
        )


class _BackgroundPage(QWizardPage):
    """A page whose "Next" runs a slow step first; the wizard moves on when its result arrives."""

    writes = True  # the import writes (in order with other writes); the preview only reads

    def __init__(self, wizard: "LegacyImportWizard") -> None:
        super().__init__()
        self.owner = wizard
        self.busy = BusyLine(f"{type(self).__name__}Busy")
        self.report: LegacyImportReport | None = None
        self._running = False
        self._validating = False

    def _work(self) -> Callable[[], LegacyImportReport]:
        raise NotImplementedError

    def _working_text(self) -> str:
        raise NotImplementedError

    def validatePage(self) -> bool:
        """Run the step in the background; the wizard moves on when its report is here."""
        if self.report is not None:
            return True
        if self._running:
            return False
        self._set_running(True)
        self._validating = True
        self.busy.start(self._working_text())
        self.owner.runner.run(self._work(), self._on_done, self._on_failed, write=self.writes)
        self._validating = False
        return self.report is not None

    def _set_running(self, running: bool) -> None:
        """While the step runs, the wizard cannot be left or moved (a second click would start it twice)."""
        self._running = running
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.owner.button(button).setEnabled(not running)

    def _on_done(self, report: LegacyImportReport) -> None:
        self._set_running(False)
        self.report = report
        self.busy.finish("")
        if not self._validating:
            self.owner.next()

    def _on_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.busy.finish(message_for(error), error=True)
        if not is_expected(error):
            show_error(error, self)


class LegacySourcePage(_BackgroundPage):
    """Where the legacy database is: an SQLite file or a MySQL/MariaDB URL."""

    writes = False

    def __init__(self, wizard: "LegacyImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("legacySourcePage")
        self.setTitle(self.tr("The legacy database"))
        self.setSubTitle(self.tr("It is only read: nothing in it changes."))
        self.sqlite = QRadioButton(self.tr("SQLite file of the legacy server"))
        self.sqlite.setObjectName("legacySqlite")
        self.sqlite.setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("legacyPath")
        self.browse = QPushButton(self.tr("Choose..."))
        self.browse.setObjectName("chooseLegacyFile")
        self.server = QRadioButton(self.tr("MySQL or MariaDB server"))
        self.server.setObjectName("legacyServer")
        self.url = QLineEdit()
        self.url.setObjectName("legacyUrl")
        self.url.setPlaceholderText(MYSQL_PLACEHOLDER)
        self.skip_demo = QCheckBox(self.tr('Leave out the demo terminal "Terminal #1" and "Test Employee"'))
        self.skip_demo.setObjectName("legacySkipDemo")
        self.skip_demo.setChecked(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.sqlite)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.server)
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.skip_demo)
        form.addRow(self.busy)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.sqlite.toggled.connect(self._on_kind_toggled)
        self._on_kind_toggled(True)
        for signal in (
            self.path.textChanged,
            self.url.textChanged,
            self.sqlite.toggled,
            self.skip_demo.toggled,
        ):
            signal.connect(self._forget)

    def source_url(self) -> str:
        """The database URL typed or chosen."""
        if self.sqlite.isChecked():
            path = self.path.text().strip()
            return f"sqlite:///{Path(path).as_posix()}" if path else ""
        return self.url.text().strip()

    def _on_kind_toggled(self, _checked: bool) -> None:
        file = self.sqlite.isChecked()
        for widget in (self.path, self.browse):
            widget.setEnabled(file)
        self.url.setEnabled(not file)

    def _forget(self) -> None:
        self.report = None

    def _work(self) -> Callable[[], LegacyImportReport]:
        return partial(self.owner.service.preview, self.owner.actor, self.source_url(),
                       skip_demo=self.skip_demo.isChecked())  # fmt: skip

    def _working_text(self) -> str:
        return self.tr("Reading the legacy database...")

    def validatePage(self) -> bool:
        """A source is required; then the preview is made in the background."""
        if not self.source_url():
            self.busy.finish(self.tr("Choose the file or type the server address."), error=True)
            return False
        return super().validatePage()

    def _on_browse_clicked(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The legacy database file"),
            self.path.text(),
            self.tr("SQLite (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.sqlite.setChecked(True)


class LegacyPreviewPage(_BackgroundPage):
    """What will come over; "Import" brings it (a commit page: there is no way back after it)."""

    def __init__(self, wizard: "LegacyImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("legacyPreviewPage")
        self.setTitle(self.tr("What will come over"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.panel = LegacyReportPanel("legacyPreview")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.busy)

    def initializePage(self) -> None:
        """Show the preview the source page made."""
        preview = self.owner.source_page.report
        self.report = None
        if preview is not None:
            self.setSubTitle(
                self.tr("From {0}. Nothing is written until you press Import.").format(preview.source)
            )
            self.panel.show_report(preview, demo_left_out=self.owner.source_page.skip_demo.isChecked())

    def _work(self) -> Callable[[], LegacyImportReport]:
        source = self.owner.source_page
        return partial(self.owner.service.run, self.owner.actor, source.source_url(),
                       skip_demo=source.skip_demo.isChecked())  # fmt: skip

    def _working_text(self) -> str:
        return self.tr("Importing... this may take a few minutes for many events.")


class LegacyReportPage(QWizardPage):
    """What was imported, and what was not and why."""

    def __init__(self, wizard: "LegacyImportWizard") -> None:
        super().__init__()
        self.owner = wizard
        self.setObjectName("legacyReportPage")
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle(self.tr("Running the import again later brings only what is new."))
        self.panel = LegacyReportPanel("legacyReport")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def initializePage(self) -> None:
        """Show the import's report."""
        report = self.owner.preview_page.report
        if report is not None:
            self.panel.show_report(report, demo_left_out=self.owner.source_page.skip_demo.isChecked())


class LegacyImportWizard(QWizard):
    """Source -> preview -> import -> report; every database step runs off the GUI thread.

    Signals:
        (none besides QWizard's)
    """

    def __init__(
        self, context: GuiContext, service: LegacyImportService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("legacyWizard")
        self.setWindowTitle(self.tr("Import from the legacy server"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.runner = context.runner
        self.actor = context.actor
        self.service = service
        self.source_page = LegacySourcePage(self)
        self.preview_page = LegacyPreviewPage(self)
        self.report_page = LegacyReportPage(self)
        for page in (self.source_page, self.preview_page, self.report_page):
            self.addPage(page)
        self.resize(1040, 680)
