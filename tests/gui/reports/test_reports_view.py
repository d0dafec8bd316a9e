"""Reports view: a period's timesheet and detail as the service computes them, charts, every export read back,
printing with Cyrillic, and a long run cancelled for real; the table model through the model tester."""

import csv
import io
import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from fakes import FakeClock
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.report_detail import Remark
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.tasks import PoolTaskRunner
from timetracker_desktop.gui.reports import view as reports_module
from timetracker_desktop.gui.reports.painter import prepare_printer, print_table
from timetracker_desktop.gui.reports.table_model import RAW_ROLE, SHADES, ReportTableModel
from timetracker_desktop.gui.reports.view import ReportsView
from timetracker_desktop.repositories.ports.storage import NewPunch
from timetracker_desktop.services.demo import DemoDataService
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.reports.formats import ExportFormat
from timetracker_desktop.services.reports.service import ReportRequest
from timetracker_desktop.services.reports.tables import to_table

from ..conftest import show

pytestmark = pytest.mark.gui
FIRST, LAST = date(2026, 3, 2), date(2026, 3, 4)  # Mon-Wed, 8-17 for both
AFTER = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


def _utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)  # Kyiv is UTC+2 in early March


def _week(context: GuiContext, clock: FakeClock) -> dict[str, int]:
    """Андрій: Mon 8:00-17:00, Tue 8:25 (late) - 17:00 with a stray tap voided, Wed forgot the OUT (manual
    17:00 with a reason). Оксана: Mon 8:40 (late) - 17:00, Tue absent, Wed 8:00-12:00 (early leave)."""
    actor, services = context.actor, context.services
    ids = {}
    for name in ("Андрій Мельник", "Оксана Ткаченко"):
        ids[name] = employee = services.employees.add_employee(actor, EmployeeDraft(name)).id
        for day in (2, 3, 4):
            services.schedules.set_cell(actor, employee, date(2026, 3, day), "8-17")
    punches = {
        "Андрій Мельник": [(_utc(2, 6), "in"), (_utc(2, 15), "out"), (_utc(3, 6, 25), "in"),
                           (_utc(3, 10), "in"), (_utc(3, 15), "out"), (_utc(4, 6), "in")],
        "Оксана Ткаченко": [(_utc(2, 6, 40), "in"), (_utc(2, 15), "out"), (_utc(4, 6), "in"),
                            (_utc(4, 10), "out")],
    }  # fmt: skip
    stray = 0
    with services.uow() as uow:
        for name, taps in punches.items():
            for at, direction in taps:
                punch = NewPunch(
                    ids[name], at, Direction[direction.upper()], PunchSource.TERMINAL, at, received_at=at
                )
                added = uow.punches.add(punch).id
                stray = added if at == _utc(3, 10) else stray
        uow.commit()
    services.punches.void(actor, stray, "випадкове торкання")
    clock.set(datetime(2026, 3, 4, 17, 30, tzinfo=UTC))
    wall = datetime(2026, 3, 4, 17, 0)  # noqa: DTZ001 - local wall time, typed in by hand
    services.punches.add_manual(
        actor, ids["Андрій Мельник"], wall, "забув відмітитись", direction=Direction.OUT
    )
    clock.set(AFTER)
    return ids


def _view(qtbot: QtBot, context: GuiContext) -> ReportsView:
    view = ReportsView(context)
    show(qtbot, view)
    return view


def _raw(model: ReportTableModel) -> list[list[object]]:
    return [
        [model.index(r, c).data(RAW_ROLE) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _text(model: ReportTableModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


def test_timesheet_of_a_month_matches_the_service(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    ids = _week(admin_context, clock)
    view = _view(qtbot, admin_context)
    view.filters.set_kind(ReportKind.TIMESHEET)
    view.filters.set_month(2026, 3)
    view.filters.show_button.click()
    expected = to_table(admin_context.services.reports.timesheet(date(2026, 3, 1), date(2026, 3, 31)))
    model = view.model
    assert model.rowCount() == 3  # two employees and the totals
    assert model.columnCount() == 1 + 31 + len(expected.columns) - 32
    assert expected.totals is not None
    assert _raw(model) == [list(r) for r in (*expected.rows, expected.totals)]
    names = [_text(model, r, 0) for r in range(2)]
    andrii = names.index("Андрій Мельник")
    assert _text(model, andrii, 2) == "9:00"  # Mon 2 March: 8:00-17:00
    assert _text(model, 1 - andrii, 3) == "A"  # Оксана absent on Tue (English UI in tests)
    assert model.index(1 - andrii, 3).data(Qt.ItemDataRole.BackgroundRole).color() == SHADES["absent"]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "2\nMon"
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()  # the totals row
    assert "Period: 01.03.2026 – 31.03.2026" in view.captions.text()
    assert view.status.text() == "2 row(s)"
    assert view.preview_button.isEnabled()
    assert ids


def test_detail_shows_anomalies_and_manual_corrections(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    ids = _week(admin_context, clock)
    view = _view(qtbot, admin_context)
    view.filters.set_kind(ReportKind.DETAIL)
    view.filters.set_period(FIRST, LAST)
    view.filters.show_button.click()
    assert view.status.text() == "Choose an employee for the detail report."
    assert view.model.rowCount() == 0
    view.filters.set_employee(ids["Андрій Мельник"])
    view.filters.show_button.click()
    model = view.model
    remarks_column = [
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
    ].index("Remarks")
    rows = {_text(model, r, remarks_column): r for r in range(model.rowCount() - 1)}
    assert "late" in rows  # Tue 8:25
    assert "voided" in rows
    manual = next(text for text in rows if "manual" in text)
    assert _text(model, rows[manual], remarks_column + 2) == "забув відмітитись"
    assert model.index(rows[manual], 0).data(Qt.ItemDataRole.BackgroundRole).color() == SHADES["correction"]
    assert model.index(rows["late"], 0).data(Qt.ItemDataRole.BackgroundRole).color() == SHADES["anomaly"]
    assert model.index(rows["voided"], 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert _text(model, rows["voided"], remarks_column + 2) == "випадкове торкання"
    expected = to_table(admin_context.services.reports.detail(ids["Андрій Мельник"], FIRST, LAST))
    assert _raw(model)[:-1] == [list(r) for r in expected.rows]
    assert Remark.MANUAL in model.index(rows[manual], remarks_column).data(RAW_ROLE)


def test_charts_follow_the_period_and_employee(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    ids = _week(admin_context, clock)
    view = _view(qtbot, admin_context)
    view.filters.set_kind(ReportKind.EXCEPTIONS)
    view.filters.set_period(FIRST, LAST)
    view.tabs.setCurrentWidget(view.charts)
    charts = view.charts
    heights = list(charts.plan_actual.actual_bars.opts["height"])
    assert heights == [9.0 + 8 + 20 / 60, 8.0 + 35 / 60, 9.0 + 4.0]  # Mon 9 h + 8:20; Tue 8:35; Wed 9 h + 4 h
    assert list(charts.plan_actual.planned_bars.opts["height"]) == [18.0, 18.0, 18.0]
    x, people = charts.presence.curve.getData()
    ten = list(x).index(10.0)  # 10:00 Kyiv: Mon 2, Tue 1, Wed 2 at work
    assert people[ten] == pytest.approx(5 / 3)
    assert [(r.name, r.minutes, r.days) for r in charts.lateness.rows] == [
        ("Оксана Ткаченко", 40, 1),
        ("Андрій Мельник", 25, 1),
    ]
    assert list(charts.lateness.bars.opts["width"]) == [40, 25]
    assert charts.note.text() == (
        "02.03.2026 – 04.03.2026, All employees. Presence: the average of 3 day(s) with arrivals."
    )
    view.filters.set_employee(ids["Андрій Мельник"])
    view.load_charts()  # the charts now follow the one employee
    assert [r.name for r in charts.lateness.rows] == ["Андрій Мельник"]
    assert list(charts.plan_actual.actual_bars.opts["height"]) == [9.0, 8.0 + 35 / 60, 9.0]
    assert charts.grab().width() > 0  # renders offscreen


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (str(path), "")))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_export_reads_back(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _week(admin_context, clock)
    view = _view(qtbot, admin_context)
    view.filters.set_kind(ReportKind.EXCEPTIONS)
    view.filters.set_period(FIRST, LAST)
    files = {fmt: tmp_path / f"out-{fmt.value}" for fmt in ExportFormat}  # suffixes are added
    for fmt, path in files.items():
        _pick(monkeypatch, path)
        view.export(fmt)
    written = {fmt: path.with_name(path.name + reports_module.SUFFIXES[fmt]) for fmt, path in files.items()}
    assert view.status.text() == f"Saved 4 row(s) to {written[ExportFormat.PDF]}."
    plain = list(csv.reader(io.StringIO(written[ExportFormat.CSV].read_text("utf-8"))))
    kinds = sorted(row[2] for row in plain[1:])
    assert kinds == [
        "Запізнення",
        "Запізнення",
        "Неявка",
        "Ранній вихід",
    ]  # Tue 8:25; Mon 8:40; Tue; Wed 12:00
    assert any(row[0] == "Оксана Ткаченко" for row in plain)
    excel = written[ExportFormat.CSV_EXCEL].read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf")
    assert ";" in excel.decode("utf-8-sig").splitlines()[0]
    sheet = openpyxl.load_workbook(written[ExportFormat.XLSX]).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Андрій Мельник" in values
    assert "Відхилення від графіка" in _pdf_text(written[ExportFormat.PDF])
    _pick(monkeypatch, tmp_path / "grid.pdf")
    view.export_schedule_pdf()
    grid = _pdf_text(tmp_path / "grid.pdf")
    assert "Графік роботи" in grid
    assert "Оксана Ткаченко" in grid


def test_print_keeps_cyrillic(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock, tmp_path: Path
) -> None:
    _week(admin_context, clock)
    table = to_table(admin_context.services.reports.timesheet(date(2026, 3, 1), date(2026, 3, 31)))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, table)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_table(table, printer)
    text = " ".join(_pdf_text(tmp_path / "printed.pdf").split())  # Qt's PDF separates words by tabs
    assert "Андрій Мельник" in text
    assert "Оксана Ткаченко" in text
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert page.mediabox.width > page.mediabox.height  # the grid is printed landscape
    view = _view(qtbot, admin_context)
    view.filters.set_month(2026, 3)
    view.show_report()
    view.preview()
    dialog = view.printing.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.close()


def test_cancel_stops_a_long_run(qtbot: QtBot, admin_context: GuiContext, clock: FakeClock) -> None:
    DemoDataService(admin_context.services.uow, clock).generate(Actor.system(), 120, 3)
    view = _view(qtbot, admin_context)
    progress: list[tuple[int, int]] = []
    view.job.progressed.connect(lambda done, total: progress.append((done, total)))
    view.job.progressed.connect(view.job.cancel)  # press Cancel at the first progress report
    view.filters.set_kind(ReportKind.ATTENDANCE)
    view.filters.set_period(date(2025, 3, 5), date(2026, 3, 3))  # a year
    view.show_report()
    assert progress == [(25, 120)]  # the run stopped at the next employee
    assert view.status.text() == "Cancelled; nothing was changed."
    assert view.model.rowCount() == 0
    assert not view.job.running


def test_cancel_from_the_progress_dialog_on_a_worker_thread(
    qtbot: QtBot, admin_context: GuiContext, clock: FakeClock
) -> None:
    DemoDataService(admin_context.services.uow, clock).generate(Actor.system(), 500, 3)
    runner = PoolTaskRunner(lambda error: pytest.fail(str(error)))
    admin = admin_context
    context = GuiContext(admin.services, admin.user, runner, admin.ui_settings, "db", admin.scan_bridge)
    view = ReportsView(context)
    show(qtbot, view)
    qtbot.waitUntil(lambda: view.filters.employee.count() > 1)
    progress: list[int] = []
    view.job.progressed.connect(lambda done, _total: progress.append(done))
    # The worker waits at its first progress step until Cancel was clicked, so that a fast machine cannot
    # finish the year before the dialog appears (the slot runs on the worker thread: a direct connection).
    cancelled = threading.Event()
    view.job.progressed.connect(lambda *_: cancelled.wait(20), Qt.ConnectionType.DirectConnection)
    view.filters.set_kind(ReportKind.ATTENDANCE)
    view.filters.set_period(date(2025, 3, 5), date(2026, 3, 3))  # a year for 500 people
    view.show_report()
    assert view.job.running  # the GUI thread is free while the worker computes
    dialog = view.job.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # the progress dialog appears after 0.4 s
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    cancelled.set()
    assert dialog.labelText() == "Cancelling..."
    qtbot.waitUntil(lambda: not view.job.running, timeout=20_000)
    assert view.status.text() == "Cancelled; nothing was changed."
    assert not progress or max(progress) < 500
    assert view.model.rowCount() == 0
    runner.wait_for_done()


def test_report_model_passes_the_model_tester(
    qtmodeltester: ModelTester, admin_context: GuiContext, clock: FakeClock
) -> None:
    ids = _week(admin_context, clock)
    model = ReportTableModel()
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    reports = admin_context.services.reports
    for request in (
        ReportRequest(ReportKind.TIMESHEET, FIRST, LAST),
        ReportRequest(ReportKind.DETAIL, FIRST, LAST, ids["Андрій Мельник"]),
        ReportRequest(ReportKind.ATTENDANCE, FIRST, LAST),
    ):
        model.set_table(to_table(reports.build(request)))
        assert model.rowCount() > 0
    assert model.index(0, 0, model.index(0, 0)) == QModelIndex()


def test_every_report_label_has_gui_words() -> None:
    from timetracker_desktop.gui.reports.words import covered
    from timetracker_desktop.services.reports.labels import ReportLabel

    assert covered() == set(ReportLabel)  # the exports' table covers them too (test_report_text)


def test_timesheet_in_ukrainian(
    qtbot: QtBot, qapp: QApplication, admin_context: GuiContext, clock: FakeClock
) -> None:
    _week(admin_context, clock)
    assert install_translators(qapp, "uk")
    try:
        view = _view(qtbot, admin_context)
        view.filters.set_month(2026, 3)
        view.show_report()
        assert view.filters.kind.currentText() == "Табель обліку робочого часу"
        assert view.captions.text().startswith("Табель обліку робочого часу\nПеріод: 01.03.2026 – 31.03.2026")
        texts = {_text(view.model, row, 3) for row in range(2)}
        assert "НЗ" in texts  # Оксана absent on Tuesday
        assert view.model.headerData(3, Qt.Orientation.Horizontal) == "3\nвт"
        assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Працівник"
        # The walk: default export names were English («timesheet_2026-10-01_2026-10-31.xlsx»).
        october = (date(2026, 10, 1), date(2026, 10, 31))
        assert view.default_file_name(ReportKind.TIMESHEET, *october, ".xlsx") == "Табель_2026-10.xlsx"
        part = view.default_file_name(ReportKind.ATTENDANCE, date(2026, 10, 1), date(2026, 10, 15), ".pdf")
        assert part == "Явка_2026-10-01_2026-10-15.pdf"
    finally:
        install_translators(qapp, "en")


def test_closing_the_page_stops_its_run(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = ReportsView(admin_context)
    assert view.status.text() == "Choose a report and a period, then press Show."
    flag = view.job._cancel  # the running report checks this Event between employees
    assert not flag.is_set()
    view.deleteLater()
    qtbot.waitUntil(flag.is_set)


def test_a_viewer_builds_and_exports_reports(
    qtbot: QtBot,
    viewer_context: GuiContext,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from timetracker_desktop.gui.shell.pages import PAGES, pages_for

    assert "reports" in [spec.name for spec in pages_for(viewer_context, PAGES)]
    view = _view(qtbot, viewer_context)
    view.filters.set_kind(ReportKind.ATTENDANCE)
    view.filters.set_period(FIRST, FIRST)
    view.show_report()
    assert view.status.text() == "Nothing to show for this period."  # no employees yet
    _pick(monkeypatch, tmp_path / "attendance.xlsx")
    view.export(ExportFormat.XLSX)
    assert (tmp_path / "attendance.xlsx").is_file()
    assert view.status.text() == f"Saved 0 row(s) to {tmp_path / 'attendance.xlsx'}."


def test_long_printouts_repeat_headings_and_number_pages(
    admin_context: GuiContext, clock: FakeClock, tmp_path: Path
) -> None:
    _week(admin_context, clock)
    table = to_table(admin_context.services.reports.exceptions(FIRST, LAST))
    long = replace(table, rows=table.rows * 60)  # 240 rows
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, long)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "long.pdf"))
    pages = print_table(long, printer)
    reader = PdfReader(tmp_path / "long.pdf")
    assert len(reader.pages) == pages >= 3
    second = " ".join(reader.pages[1].extract_text().split())
    assert "Employee Date Kind" in second  # the heading row again
    assert f"Page 2 of {pages}" in second
    assert "Exceptions" not in second  # the title and captions only on the first page
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # portrait: not a grid
