"""Print preview and printing of the report shown (A4; employee x day grids landscape)."""

from functools import partial

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from timetracker_desktop.gui.reports.painter import prepare_printer, print_table
from timetracker_desktop.services.reports.tables import ReportTable


class ReportPrinting:
    """Opens the preview (kept in ``dialog`` while open) or the system print dialog for a report table."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: QDialog | None = None

    def _printer(self, table: ReportTable) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, table)
        return printer

    def preview(self, table: ReportTable) -> QPrintPreviewDialog:
        """A non-blocking print preview; its Print button prints the same pages."""
        printer = self._printer(table)
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setObjectName("reportPreview")
        dialog.resize(1000, 760)
        dialog.paintRequested.connect(partial(print_table, table))
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_with_dialog(self, table: ReportTable) -> None:
        """Ask for the printer and print."""
        printer = self._printer(table)
        dialog = QPrintDialog(printer, self._parent)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_table(table, printer)
