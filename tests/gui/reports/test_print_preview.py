"""Print preview survives garbage collection while it paints (it crashed in libQt6Core); no printer: said."""

import gc
from datetime import date

import pytest
from fakes import FakeClock
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.reports import printing
from timetracker_desktop.gui.reports.printing import ReportPreviewDialog
from timetracker_desktop.gui.reports.view import ReportsView
from timetracker_desktop.services.demo import DemoDataService

from ..conftest import show

pytestmark = pytest.mark.gui


def _report_shown(qtbot: QtBot, context: GuiContext, clock: FakeClock) -> ReportsView:
    DemoDataService(context.services.uow, clock).generate(Actor.system(), 3, 10)
    view = ReportsView(context)
    show(qtbot, view)
    view.filters.set_kind(ReportKind.TIMESHEET)
    view.filters.set_period(date(2026, 2, 20), date(2026, 3, 3))
    view.show_report()
    assert view.preview_button.isEnabled()
    return view


def _pages_painted(dialog: ReportPreviewDialog) -> int:
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    return widget.pageCount()


def test_preview_paints_after_a_garbage_collection(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    view = _report_shown(qtbot, admin_context, clock)
    view.preview_button.click()  # non-modal: the test goes on while the preview is open
    dialog = view.printing.dialog
    assert isinstance(dialog, ReportPreviewDialog)
    qtbot.waitExposed(dialog)
    gc.collect()  # the printer was a local of preview(): collected here, the next paint used freed memory
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()  # paint the pages again, on the printer the collection must not have freed
    widget.repaint()
    qtbot.wait(50)
    assert _pages_painted(dialog) >= 1
    assert dialog.owned_printer.pageLayout().pageSize().name() == "A4"
    view.preview_button.click()  # a second preview replaces the first, which goes with its printer
    second = view.printing.dialog
    assert isinstance(second, ReportPreviewDialog)
    assert second is not dialog
    gc.collect()
    qtbot.wait(50)
    assert _pages_painted(second) >= 1
    second.close()


def test_no_printer_previews_on_pdf_and_print_says_so(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "has_printer", lambda: False)
    view = _report_shown(qtbot, admin_context, clock)
    view.preview_button.click()
    dialog = view.printing.dialog
    assert isinstance(dialog, ReportPreviewDialog)
    assert dialog.owned_printer.outputFormat() is QPrinter.OutputFormat.PdfFormat
    qtbot.wait(50)
    assert _pages_painted(dialog) >= 1
    (print_action,) = [a for a in dialog.findChildren(QAction) if a.text() == "Print"]
    print_action.trigger()  # the preview's own Print button
    assert isinstance(dialog.no_printer_box, QMessageBox)
    assert dialog.no_printer_box.text().startswith("No printer is installed on this PC.")
    dialog.no_printer_box.close()
    dialog.close()
    view.print_button.click()  # the Print... button of the page
    box = view.printing.dialog
    assert isinstance(box, QMessageBox)
    assert box.objectName() == "noPrinter"
    box.close()
