"""XLSX export of a report table: captions, styled header, frozen panes, typed cells, totals, legend."""

from collections.abc import Sequence
from copy import copy
from datetime import date, datetime
from enum import StrEnum
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from timetracker_desktop.domain.reports import DayMark
from timetracker_desktop.services.reports.formula_guard import looks_like_formula
from timetracker_desktop.services.reports.labels import ReportLabel, title_label
from timetracker_desktop.services.reports.tables import CellValue, Column, ColumnKind, ReportTable
from timetracker_desktop.services.reports.text import ReportText

SECONDS_PER_DAY = 86400
SECONDS_PER_HOUR = 3600
DURATION_FORMAT = "[h]:mm"
# Excel in its default 1900 date system shows a negative time as ####, and a 1904 workbook shifts every date
# pasted out of it by four years; so a signed duration is written as decimal hours, still a number to sum.
SIGNED_HOURS_FORMAT = "+0.00;-0.00;0.00"
SIGNED_KEYS = frozenset({"difference"})
_SIGNED = "signed"
_FORMATS = {
    ColumnKind.DURATION.value: DURATION_FORMAT,
    ColumnKind.DAY.value: DURATION_FORMAT,
    ColumnKind.TIME.value: "hh:mm",
    ColumnKind.DATE.value: "dd.mm.yyyy",
    ColumnKind.COUNT.value: "0",
    _SIGNED: SIGNED_HOURS_FORMAT,
}
_WIDTHS = {
    ColumnKind.TEXT: 26,
    ColumnKind.CODE: 12,
    ColumnKind.LABEL: 18,
    ColumnKind.LABELS: 30,
    ColumnKind.DATE: 11,
    ColumnKind.TIME: 8,
    ColumnKind.DURATION: 10,
    ColumnKind.COUNT: 8,
    ColumnKind.DAY: 6.5,
    ColumnKind.SHIFT: 6.5,
}
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_SHADE_FILL = PatternFill("solid", fgColor="E7E6E6")
_THIN = Side(style="thin", color="A6A6A6")
_CAPTION_ROWS = 6


def _styles(workbook: Workbook, columns: Sequence[Column]) -> dict[str, NamedStyle]:
    """The named styles the table's cells use, by name."""
    border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    styles: dict[str, NamedStyle] = {}
    for kind, shaded in dict.fromkeys((_format_key(c), c.shaded) for c in columns):
        for bold in (False, True):
            style = NamedStyle(name=_style_name(kind, shaded=shaded, bold=bold))
            style.number_format = _FORMATS.get(kind, "General")
            style.border = border
            style.font = Font(bold=bold)
            style.alignment = Alignment(horizontal="left" if kind == ColumnKind.TEXT.value else "center")
            if shaded:
                style.fill = _SHADE_FILL
            workbook.add_named_style(style)
            styles[style.name] = style
    return styles


def _format_key(column: Column) -> str:
    """The column's kind, or ``signed`` for a duration that may be negative (written as hours)."""
    return _SIGNED if column.key in SIGNED_KEYS else column.kind.value


def _style_name(kind: str, *, shaded: bool, bold: bool) -> str:
    return f"tt-{kind}{'-shaded' if shaded else ''}{'-bold' if bold else ''}"


def _native(value: CellValue, column: Column, text: ReportText) -> Any:
    """The value as Excel should hold it: durations as time values, local times, dates; the rest as text."""
    if value is None:
        return None
    if isinstance(value, int) and column.key in SIGNED_KEYS:
        return round(value / SECONDS_PER_HOUR, 2)
    if isinstance(value, int) and column.kind in (ColumnKind.DURATION, ColumnKind.DAY):
        return value / SECONDS_PER_DAY
    # Dates and times as the serial numbers openpyxl would write for them: handing it date objects costs a
    # check of the cell's number format per cell (a tenth of writing a month's exceptions).
    if isinstance(value, datetime):
        return to_excel(value.astimezone(text.zone).replace(tzinfo=None))
    if isinstance(value, date):
        return to_excel(value)
    if isinstance(value, int) and column.kind is ColumnKind.COUNT:
        return value
    if isinstance(value, DayMark | StrEnum | tuple):
        return text.cell(value, column) or None
    return str(value)


def _captions(sheet: Any, table: ReportTable, text: ReportText) -> None:
    lines = [text.title(), text.period(), f"{text.rounding()}. {text.rules()}", text.generated()]
    if text.closed():
        lines.insert(2, text.closed())
    lines.append("; ".join(text.summary(item) for item in table.summary))
    for row, line in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=line or None)
        if looks_like_formula(line):
            _as_text(cell)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)


def _header(sheet: Any, table: ReportTable, text: ReportText) -> None:
    row = _CAPTION_ROWS + 1
    for index, column in enumerate(table.columns, start=1):
        heading = text.header(column)
        if column.key in SIGNED_KEYS:
            heading = text.word(ReportLabel.HOURS_SUFFIX).format(heading=heading)
        cell = sheet.cell(row=row, column=index, value=heading)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS[column.kind]
    sheet.row_dimensions[row].height = 30


def _rows(sheet: Any, table: ReportTable, text: ReportText, styles: dict[str, NamedStyle]) -> int:
    """Append the data rows and the totals; returns the row after them."""
    # Cells are built with their style's array: assigning a named style by name searches the workbook's
    # styles for every cell, which was a third of writing 100,000 cells.
    keys = [(_format_key(c), c.shaded) for c in table.columns]
    plain = [styles[_style_name(k, shaded=shaded, bold=False)].as_tuple() for k, shaded in keys]
    bold = [styles[_style_name(k, shaded=shaded, bold=True)].as_tuple() for k, shaded in keys]
    columns = table.columns
    lines = [(values, plain) for values in table.rows]
    if table.totals is not None:
        lines.append((table.totals, bold))
    for values, arrays in lines:
        sheet.append(
            [
                _cell(sheet, _native(value, column, text), array)
                for value, column, array in zip(values, columns, arrays, strict=True)
            ]
        )
    return _CAPTION_ROWS + 2 + len(lines)


def _cell(sheet: Any, value: Any, style: StyleArray) -> Cell:
    cell = Cell(sheet, value=value, style_array=style)
    if looks_like_formula(value):
        _as_text(cell)
    return cell


def _as_text(cell: Cell) -> None:
    """A string cell (openpyxl makes "=..." a formula) with Excel's quote prefix, so editing keeps it text."""
    cell.data_type = "s"
    style = copy(cell._style)
    style.quotePrefix = 1
    cell._style = style


def _legend(sheet: Any, table: ReportTable, text: ReportText, row: int) -> None:
    entries = [text.legend(item) for item in table.legend]
    if entries:
        sheet.cell(row=row + 1, column=1, value=text.word(ReportLabel.LEGEND)).font = Font(bold=True)
    for offset, (symbol, meaning) in enumerate(entries, start=2):
        sheet.cell(row=row + offset, column=1, value=f"{symbol} — {meaning}")
    if table.holidays:
        sheet.cell(row=row + len(entries) + 2, column=1, value=text.holidays())


def write_xlsx(table: ReportTable, stream: IO[bytes], lang: str) -> int:
    """Write the workbook (default 1900 date system; signed differences as hours); returns data rows."""
    text = ReportText(table, lang)
    workbook = Workbook()
    styles = _styles(workbook, table.columns)
    sheet = workbook.active
    sheet.title = text.word(title_label(table.header.kind))[:31]
    _captions(sheet, table, text)
    _header(sheet, table, text)
    end = _rows(sheet, table, text, styles)
    _legend(sheet, table, text, end)
    first_data = _CAPTION_ROWS + 2
    sheet.freeze_panes = sheet.cell(row=first_data, column=2 if table.is_grid else 1)
    sheet.print_options.gridLines = False
    sheet.page_setup.orientation = "landscape" if table.is_grid else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    workbook.save(stream)
    return len(table.rows)
