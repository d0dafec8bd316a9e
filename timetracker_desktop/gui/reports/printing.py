"""Print preview and printing of the report shown (A4; employee x day grids landscape)."""

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from timetracker_desktop.gui.reports.painter import prepare_printer, print_table
from timetracker_desktop.services.reports.tables import ReportTable

QT_PRINT_ACTION = "Print"  # the text of the Print button in Qt's preview toolbar (before Qt's translation)


def has_printer() -> bool:
    """True when the system knows at least one printer (a PC without one still previews, on a PDF printer)."""
    return bool(QPrinterInfo.availablePrinters())


def new_printer(table: ReportTable) -> QPrinter:
    """A printer laid out for the table; with no printer installed, Qt's PDF printer (so preview works)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not has_printer():
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    prepare_printer(printer, table)
    return printer


def no_printer_box(parent: QWidget) -> QMessageBox:
    """An open (window-modal) message that this PC has no printer, and what to do instead."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ReportPrinting", "No printer"),
        QCoreApplication.translate(
            "ReportPrinting",
            "No printer is installed on this PC. Install one in Windows settings, or export the report "
            "to PDF or Excel and print it elsewhere.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("noPrinter")
    box.open()
    return box


class ReportPreviewDialog(QPrintPreviewDialog):
    """A print preview that owns its printer.

    QPrintPreviewDialog only borrows the printer it is given: when that was a local of the caller, Python
    freed it while the dialog still painted, and the program crashed in libQt6Core (issue 17). This dialog
    keeps a reference for as long as it exists. With no printer installed, its Print button says so instead
    of silently writing a PDF.

    Signals:
        (paintRequested of QPrintPreviewDialog)
    """

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.owned_printer = printer  # why: the C++ dialog does not own it (see the class comment)
        self.no_printer_box: QMessageBox | None = None
        if not has_printer():
            self._divert_print_button()

    def _divert_print_button(self) -> None:
        english = QT_PRINT_ACTION  # a variable, so that lupdate leaves Qt's own string to Qt's catalog
        for action in self.findChildren(QAction):
            if action.text() in (english, QCoreApplication.translate("QPrintPreviewDialog", english)):
                action.triggered.disconnect()
                action.triggered.connect(self.say_no_printer)

    def say_no_printer(self) -> None:
        """Tell the manager that this PC has no printer, and what to do instead."""
        self.no_printer_box = no_printer_box(self)


class ReportPrinting:
    """Opens the preview (kept in ``dialog`` while open) or the system print dialog for a report table."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: QDialog | None = None
        self.printer: QPrinter | None = None  # the printer of the print dialog, kept while it is open

    def preview(self, table: ReportTable) -> ReportPreviewDialog:
        """A non-blocking print preview; its Print button prints the same pages."""
        self._close_previous()
        dialog = ReportPreviewDialog(new_printer(table), self._parent)
        dialog.setObjectName("reportPreview")
        dialog.resize(1000, 760)
        dialog.paintRequested.connect(partial(print_table, table))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _close_previous(self) -> None:
        """A preview already open is closed and deleted by Qt; its printer goes with it (it owns it)."""
        old, self.dialog = self.dialog, None
        if isinstance(old, ReportPreviewDialog):
            old.close()
            old.deleteLater()

    def print_with_dialog(self, table: ReportTable) -> None:
        """Ask for the printer and print; on a PC without a printer, say so."""
        if not has_printer():
            self.dialog = no_printer_box(self._parent)
            return
        self._close_previous()
        printer = new_printer(table)
        self.printer = printer
        dialog = QPrintDialog(printer, self._parent)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_table(table, printer)
