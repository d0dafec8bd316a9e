"""Names that look like formulas stay text in XLSX and CSV-for-Excel exports; numbers stay numbers."""

import csv
import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from timetracker_desktop.domain.reports import ReportHeader, ReportKind
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.services.reports.csv_writer import write_csv
from timetracker_desktop.services.reports.labels import ReportLabel
from timetracker_desktop.services.reports.tables import Column, ColumnKind, ReportTable
from timetracker_desktop.services.reports.xlsx_writer import write_xlsx

NAMES = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn", "Олена Коваль")
FIRST_DATA_ROW = 8  # six caption rows, a blank row, the header row


def _table() -> ReportTable:
    header = ReportHeader(
        ReportKind.TIMESHEET, date(2026, 3, 1), date(2026, 3, 31), BusinessSettings(), datetime.now(UTC)
    )
    columns = (
        Column(ReportLabel.EMPLOYEE, ColumnKind.TEXT),
        Column(ReportLabel.DIFFERENCE, ColumnKind.DURATION),
    )
    return ReportTable(header, None, columns, tuple((name, -3900) for name in NAMES))


def test_xlsx_writes_formula_like_names_as_quoted_text_and_numbers_as_numbers() -> None:
    out = io.BytesIO()
    write_xlsx(_table(), out, "uk")
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None
    names = [sheet.cell(row=FIRST_DATA_ROW + i, column=1) for i in range(len(NAMES))]
    assert [c.value for c in names] == [n.replace("\r", "\n") for n in NAMES]  # XML reads CR as LF
    assert {c.data_type for c in names} == {"s"}  # no formula cell at all
    assert [bool(c.quotePrefix) for c in names] == [True] * 6 + [False]
    difference = sheet.cell(row=FIRST_DATA_ROW, column=2)
    assert difference.data_type == "n"  # the difference is decimal hours (Excel cannot show -1:05)
    assert difference.value == round(-3900 / 3600, 2)


def test_csv_for_excel_prefixes_formula_like_names_but_not_negative_durations() -> None:
    out = io.StringIO(newline="")
    write_csv(_table(), out, "uk", excel=True)
    rows = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"), newline=""), delimiter=";"))[1:]
    assert [r[0] for r in rows] == ["'" + n for n in NAMES[:6]] + [NAMES[6]]
    assert {r[1] for r in rows} == {"-1:05"}
    plain = io.StringIO(newline="")
    write_csv(_table(), plain, "uk")
    assert "=cmd" in plain.getvalue().splitlines()[1]  # the plain UTF-8 CSV is data for programs, unchanged
