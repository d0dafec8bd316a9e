"""Every export format of the golden data set read back: CSV parsed, XLSX with openpyxl, PDF with pypdf."""

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fakes import ADMIN
from openpyxl import load_workbook
from pdf_fonts import text_fonts
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.reports import fonts as report_fonts
from timetracker_desktop.services.reports.formats import ExportFormat
from timetracker_desktop.services.reports.pdf_writer import FONT, register_fonts
from timetracker_desktop.services.reports.service import ReportRequest

from .conftest import FIRST, LAST, Golden

# The timesheet as text (see test_golden_reports for how each figure is computed):
# day cells are rounded worked time (no rounding policy here), a code, НЗ (absent) or ? (incomplete);
# totals: 8:55 + 8:04 = 16:59 on Thursday, 22:00 + 23:04 = 45:04 worked, 27:00 + 31:00 = 58:00 planned.
TIMESHEET_HEADER = [
    "Працівник",
    *(d.isoformat() for d in (date(2026, 3, n) for n in range(26, 32))),
    "Відпрацьовано",
    "За графіком",
    "Різниця",
    "Дні",
    "Понаднормово",
    "Неявки",
    "Аномалії",
]
TIMESHEET_ROWS = [
    ["Андрій Мельник", "8:55", "9:05", "В", "В", "4:00", "?",
     "22:00", "27:00", "-5:00", "3", "4:00", "0", "2"],
    ["Оксана Ткаченко", "8:04", "НЗ", "7:00", "?", "В/Д", "8:00",
     "23:04", "31:00", "-7:56", "3", "0:00", "1", "1"],
    ["Разом", "16:59", "9:05", "7:00", "0:00", "4:00", "8:00",
     "45:04", "58:00", "-12:56", "6", "4:00", "1", "3"],
]  # fmt: skip


def _export(
    services: Services,
    tmp_path: Path,
    kind: ReportKind,
    fmt: ExportFormat,
    *,
    period: tuple[date, date] = (FIRST, LAST),
    employee: int | None = None,
    lang: str = "uk",
) -> Path:
    request = ReportRequest(kind, *period, employee)
    path = tmp_path / f"{kind.value}.{fmt.value}"
    result = services.report_exports.export(ADMIN, request, fmt, path, lang=lang)
    assert result.path == path
    return path


def _pdf_text(path: Path) -> tuple[str, PdfReader]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_timesheet_csv_parses_back_to_the_hand_computed_grid(
    services: Services, golden: Golden, tmp_path: Path
) -> None:
    path = _export(services, tmp_path, ReportKind.TIMESHEET, ExportFormat.CSV)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [TIMESHEET_HEADER, *TIMESHEET_ROWS]


def test_exceptions_csv_for_excel_has_bom_and_semicolons(
    services: Services, golden: Golden, tmp_path: Path
) -> None:
    path = _export(services, tmp_path, ReportKind.EXCEPTIONS, ExportFormat.CSV_EXCEL)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == [
        ["Працівник", "Дата", "Вид", "За графіком", "Фактично", "Тривалість"],
        # Fri: scheduled 08:00, came 08:25: 25 min is the full difference (grace passed)
        ["Андрій Мельник", "2026-03-27", "Запізнення", "08:00", "08:25", "0:25"],
        # the holiday without a cell: 10:00-14:00, all overtime
        ["Андрій Мельник", "2026-03-30", "Понаднормово", "", "14:00", "4:00"],
        ["Андрій Мельник", "2026-03-31", "Неповний день", "08:00", "07:55", "0:00"],
        ["Оксана Ткаченко", "2026-03-27", "Неявка", "22:00", "", "8:00"],
        ["Оксана Ткаченко", "2026-03-29", "Неповний день", "", "12:00", "0:00"],
    ]


def test_detail_csv_in_english_marks_corrections(services: Services, golden: Golden, tmp_path: Path) -> None:
    path = _export(
        services, tmp_path, ReportKind.DETAIL, ExportFormat.CSV, employee=golden.day_worker, lang="en"
    )
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [
        ["Date", "In", "Out", "Duration", "Remarks", "Code", "Reason"],
        ["2026-03-26", "08:05", "17:00", "8:55", "clock skew", "", ""],
        ["2026-03-26", "08:06", "", "", "duplicate IN", "", ""],
        ["2026-03-26", "12:00", "", "", "voided", "", "помилкове торкання"],
        ["2026-03-27", "08:25", "17:30", "9:05", "manual, late", "", "забув відмітитись"],
        ["2026-03-28", "", "", "", "", "В", ""],
        ["2026-03-29", "", "", "", "", "В", ""],
        ["2026-03-30", "10:00", "14:00", "4:00", "", "", ""],  # after the spring change: UTC+3
        ["2026-03-31", "07:55", "", "0:00", "missing OUT", "", ""],
        ["Total", "", "", "22:00", "", "", ""],
    ]


def _hm(hours: int, minutes: int = 0) -> timedelta:
    return timedelta(hours=hours, minutes=minutes)


def test_timesheet_xlsx_typed_cells_frozen_panes_and_totals(
    services: Services, golden: Golden, tmp_path: Path
) -> None:
    path = _export(services, tmp_path, ReportKind.TIMESHEET, ExportFormat.XLSX)
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Табель обліку робочого часу"
    assert sheet["A2"].value == "Період: 26.03.2026 – 31.03.2026"
    assert sheet["A3"].value.startswith("Округлення: без округлення.")
    assert sheet.freeze_panes == "B8"
    header = [c.value for c in sheet[7]]
    assert header[0] == "Працівник"
    assert header[1] == "26\nЧт"
    assert header[7:] == [
        "Різниця, год" if h == "Різниця" else h for h in TIMESHEET_HEADER[7:]
    ]  # a signed difference is decimal hours: Excel shows a negative time as ####
    assert sheet["A7"].font.bold
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=8, max_row=10)]
    assert rows == [
        ["Андрій Мельник", _hm(8, 55), _hm(9, 5), "В", "В", _hm(4), "?",
         _hm(22), _hm(27), -5.0, 3, _hm(4), 0, 2],
        ["Оксана Ткаченко", _hm(8, 4), "НЗ", _hm(7), "?", "В/Д", _hm(8),
         _hm(23, 4), _hm(31), -7.93, 3, _hm(0), 1, 1],
        ["Разом", _hm(16, 59), _hm(9, 5), _hm(7), _hm(0), _hm(4), _hm(8),
         _hm(45, 4), _hm(58), -12.93, 6, _hm(4), 1, 3],
    ]  # fmt: skip
    assert sheet["B8"].number_format == "[h]:mm"
    assert sheet["J8"].number_format == "+0.00;-0.00;0.00"  # shows -5.00, never ####
    assert load_workbook(path).epoch.year != 1904  # dates pasted into other workbooks keep their day
    assert sheet["A10"].font.bold
    assert not sheet["A9"].font.bold
    assert sheet["D8"].fill.fgColor.rgb.endswith("E7E6E6")  # Saturday is shaded


def _wall(hour: int, minute: int) -> datetime:
    """Friday 27 March at a local wall time: XLSX holds local, zone-less values."""
    return datetime(2026, 3, 27, hour, minute)  # noqa: DTZ001


def test_attendance_xlsx_reads_back_local_times(services: Services, golden: Golden, tmp_path: Path) -> None:
    friday = date(2026, 3, 27)
    path = _export(services, tmp_path, ReportKind.ATTENDANCE, ExportFormat.XLSX, period=(friday, friday))
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A8"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=7, max_row=9)]
    assert rows == [
        ["Дата", "Працівник", "Графік", "Статус", "Прихід", "Вихід", "Відпрацьовано", "Запізнення"],
        [
            _wall(0, 0), "Андрій Мельник", "08:00-17:00", "Запізнився",
            _wall(8, 25), _wall(17, 30), _hm(9, 5), _hm(0, 25),
        ],
        [_wall(0, 0), "Оксана Ткаченко", "22:00-06:00", "Неявка", None, None, _hm(0), _hm(0)],
    ]  # fmt: skip
    assert "Запізнився: 1" in sheet["A5"].value


def test_timesheet_pdf_is_landscape_with_cyrillic_figures_and_captions(
    services: Services, golden: Golden, tmp_path: Path
) -> None:
    path = _export(services, tmp_path, ReportKind.TIMESHEET, ExportFormat.PDF)
    text, reader = _pdf_text(path)
    box = reader.pages[0].mediabox
    assert box.width > box.height  # A4 landscape
    assert round(float(box.width)) == 842
    for expected in (
        "Табель обліку робочого часу",
        "Період: 26.03.2026 – 31.03.2026",
        "Сформовано: 02.04.2026 15:00 (Europe/Kyiv)",  # 12:00 UTC is 15:00 in Kyiv after the change
        "Округлення: без округлення",
        "Запізнення понад 10 хв",
        "Андрій Мельник",
        "Оксана Ткаченко",
        "8:55",
        "НЗ",
        "В/Д",
        "45:04",
        "-12:56",
        "Разом",
        "Сторінка 1 з 1",
    ):
        assert expected in text, expected
    # Headings wrap at spaces only (the walk saw «Відпраць/овано», «Неявк/и», «Аном/алії»).
    for heading in ("Відпрацьовано", "Неявки", "Аномалії", "Понаднормово"):
        assert heading in text, heading
    metadata = reader.metadata
    assert metadata is not None
    assert (metadata.title, metadata.author) == ("Табель обліку робочого часу", "TimeTracker Desktop")
    assert metadata.subject == "Період: 26.03.2026 – 31.03.2026"
    assert b"/FontFile2" in path.read_bytes()  # the TrueType font is embedded (a subset)
    assert b"DejaVuSans" in path.read_bytes()


def test_pdf_embeds_the_bundled_dejavu_with_the_system_fonts_hidden(
    services: Services, golden: Golden, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a Windows PC, which has no DejaVu: the export embeds the package's copy, Cyrillic intact."""
    hidden = tmp_path / "system-fonts"
    hidden.mkdir()
    monkeypatch.setattr(report_fonts, "system_folders", lambda: (hidden,))
    register_fonts.cache_clear()  # registered once per process: find the files again without the system's
    try:
        text, reader = _pdf_text(_export(services, tmp_path, ReportKind.TIMESHEET, ExportFormat.PDF))
        registered = Path(pdfmetrics.getFont(FONT).face.filename)
    finally:
        register_fonts.cache_clear()
    assert registered.parent == Path(report_fonts.__file__).parents[2] / "fonts"
    assert text_fonts(reader) == {"DejaVuSans", "DejaVuSans-Bold"}  # every glyph set in DejaVu
    for expected in ("Андрій Мельник", "Оксана Ткаченко", "Табель обліку робочого часу", "Разом"):
        assert expected in text, expected


def test_schedule_pdf_has_the_grid_and_a_legend_of_codes(
    services: Services, golden: Golden, tmp_path: Path
) -> None:
    text, reader = _pdf_text(_export(services, tmp_path, ReportKind.SCHEDULE, ExportFormat.PDF))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    for expected in (
        "Графік роботи",
        "8-17",
        "22-6",
        "27:00",  # 3 x 9 h
        "31:00",  # 8 + 8 + 7 + 8
        "Умовні позначення",
        "В — вихідний",
        "Б — лікарняний",
        "В/Д — відпустка",
        "ОФ — офісний день",
        "Свята: 30.03 Тестове свято",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("kind", [ReportKind.DETAIL, ReportKind.EXCEPTIONS, ReportKind.ATTENDANCE])
def test_other_pdfs_are_portrait_and_name_their_rows(
    services: Services, golden: Golden, tmp_path: Path, kind: ReportKind
) -> None:
    employee = golden.day_worker if kind is ReportKind.DETAIL else None
    text, reader = _pdf_text(_export(services, tmp_path, kind, ExportFormat.PDF, employee=employee))
    assert reader.pages[0].mediabox.height > reader.pages[0].mediabox.width
    assert "Андрій Мельник" in text
    assert "Сторінка 1 з 1" in text
    expected = {
        ReportKind.DETAIL: [
            "повторний прихід",
            "анульовано",
            "внесено вручну, запізнення",
            "розбіжність годинника",
        ],
        ReportKind.EXCEPTIONS: ["Запізнення", "Неявка", "Понаднормово: 1 (4:00)"],
        ReportKind.ATTENDANCE: ["Запізнився", "Неявка", "Вихідний", "Поважна причина"],
    }[kind]
    for word in expected:
        assert word in text, word


def test_each_export_is_audited(services: Services, golden: Golden, tmp_path: Path) -> None:
    _export(services, tmp_path, ReportKind.TIMESHEET, ExportFormat.XLSX)
    _export(services, tmp_path, ReportKind.DETAIL, ExportFormat.PDF, employee=golden.night_guard)
    entries = services.audit.entries(ADMIN, action="report.export")
    assert [e.after for e in entries] == [
        {
            "type": "detail",
            "period": "2026-03-26..2026-03-31",
            "filter": {"employee_id": golden.night_guard},
            "format": "pdf",
            "rows": 6,
            "file": "detail.pdf",
        },
        {
            "type": "timesheet",
            "period": "2026-03-26..2026-03-31",
            "filter": {"employee_id": None},
            "format": "xlsx",
            "rows": 2,
            "file": "timesheet.xlsx",
        },
    ]
    assert services.audit.verify_chain().intact
