"""Prints a report table with QPainter (bundled DejaVu Sans, as the PDFs): A4, grids landscape, page numbers.

Drawn cell by cell rather than through QTextDocument, whose table layout took 26 s for a 1,000-row timesheet.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from timetracker_desktop.gui.reports.cells import ReportCells
from timetracker_desktop.services.reports.fonts import FAMILY
from timetracker_desktop.services.reports.tables import Column, ColumnKind, ReportTable

_RIGHT = (ColumnKind.DURATION, ColumnKind.COUNT)
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_HEADER_FILL = QColor("#e5e7eb")
_SHADE_FILL = QColor("#eef1f5")
_GRID = QColor("#9ca3af")
_TEXT = QColor("#111827")


def prepare_printer(printer: QPrinter, table: ReportTable) -> None:
    """A4, landscape for employee x day grids, 10 mm margins."""
    orientation = QPageLayout.Orientation.Landscape if table.is_grid else QPageLayout.Orientation.Portrait
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(orientation)
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)


def _alignment(column: Column) -> Qt.AlignmentFlag:
    if column.kind in _RIGHT:
        return _ALIGN_RIGHT
    return _ALIGN_LEFT if column.kind is ColumnKind.TEXT else Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True, slots=True)
class _Fonts:
    """The fonts of one printout, sized for the printer's resolution."""

    title: QFont
    text: QFont
    bold: QFont


def _fonts(table: ReportTable) -> _Fonts:
    size = 7 if table.is_grid else 8
    text = QFont(FAMILY, size)
    bold = QFont(FAMILY, size)
    bold.setBold(True)
    title = QFont(FAMILY, 13)
    title.setBold(True)
    return _Fonts(title, text, bold)


class _Sheet:
    """The report's text and geometry in printer pixels, before the scale that fits it to the page width."""

    def __init__(self, table: ReportTable, printer: QPrinter, fonts: _Fonts) -> None:
        cells = ReportCells(table)
        self.columns = table.columns
        # one word per heading line keeps columns narrow and never breaks a word
        self.headings = [cells.header(c).split() for c in table.columns]
        self.rows = [
            [cells.cell(v, c) for v, c in zip(row, table.columns, strict=True)] for row in table.rows
        ]
        self.totals = (
            [cells.cell(v, c) for v, c in zip(table.totals, table.columns, strict=True)]
            if table.totals is not None
            else None
        )
        self.title = cells.title()
        self.captions = [*cells.captions(), cells.generated()]
        metrics = QFontMetricsF(fonts.bold, printer)
        self.pad = metrics.averageCharWidth() * 0.6
        self.line = metrics.height()
        self.row_height = self.line * 1.25
        self.widths = self._widths(metrics)
        self.head_height = max(len(h) for h in self.headings) * self.line + self.pad

    def _widths(self, metrics: QFontMetricsF) -> list[float]:
        texts: list[Sequence[str]] = [*self.rows, *([self.totals] if self.totals else [])]
        widths = []
        for index, heading in enumerate(self.headings):
            widest = max((metrics.horizontalAdvance(word) for word in heading), default=0.0)
            for row in texts:
                widest = max(widest, metrics.horizontalAdvance(row[index]))
            widths.append(widest + 2 * self.pad)
        return widths

    @property
    def width(self) -> float:
        """The table's full width."""
        return sum(self.widths)

    def all_rows(self) -> list[tuple[list[str], bool]]:
        """Data rows, then the totals row (flagged True)."""
        return [(row, False) for row in self.rows] + ([(self.totals, True)] if self.totals else [])


class _Printout:
    """Paginates a sheet for a page and draws it page by page."""

    def __init__(self, sheet: _Sheet, fonts: _Fonts, page: QRectF, printer: QPrinter) -> None:
        self.sheet, self.fonts = sheet, fonts
        self.scale = min(1.0, page.width() / sheet.width) if sheet.width else 1.0
        self.width = page.width() / self.scale
        self.height = page.height() / self.scale
        self.footer = QFontMetricsF(fonts.text, printer).height() * 2
        self.top = self._caption_height(printer)
        self.pages = self._paginate()

    def _caption_height(self, printer: QPrinter) -> float:
        title = QFontMetricsF(self.fonts.title, printer).height() * 1.4
        metrics = QFontMetricsF(self.fonts.text, printer)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = sum(
            metrics.boundingRect(QRectF(0, 0, self.width, 1e6), flags, text).height()
            for text in self.sheet.captions
        )
        return title + lines + metrics.height() * 0.6

    def _paginate(self) -> list[list[tuple[list[str], bool]]]:
        rows = self.sheet.all_rows()
        pages: list[list[tuple[list[str], bool]]] = []
        start = 0
        while start < len(rows) or not pages:
            top = self.top if not pages else 0.0
            room = self.height - self.footer - top - self.sheet.head_height
            fits = max(1, int(room // self.sheet.row_height))
            pages.append(rows[start : start + fits])
            start += fits
        return pages

    def draw(self, painter: QPainter, printer: QPrinter) -> None:
        """Every page, with a new printer page between them."""
        for number, rows in enumerate(self.pages):
            if number:
                printer.newPage()
            painter.save()
            painter.scale(self.scale, self.scale)
            top = self._draw_captions(painter) if number == 0 else 0.0
            self._draw_table(painter, top, rows)
            self._draw_footer(painter, number)
            painter.restore()

    def _draw_captions(self, painter: QPainter) -> float:
        painter.setPen(_TEXT)
        painter.setFont(self.fonts.title)
        title_height = QFontMetricsF(self.fonts.title, painter.device()).height() * 1.4
        painter.drawText(QRectF(0, 0, self.width, title_height), int(_ALIGN_LEFT), self.sheet.title)
        painter.setFont(self.fonts.text)
        y = title_height
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for text in self.sheet.captions:
            box = painter.boundingRect(QRectF(0, y, self.width, 1e6), flags, text)
            painter.drawText(box, flags, text)
            y += box.height()
        return self.top

    def _draw_table(self, painter: QPainter, top: float, rows: list[tuple[list[str], bool]]) -> None:
        sheet = self.sheet
        x = 0.0
        for width, heading in zip(sheet.widths, sheet.headings, strict=True):
            box = QRectF(x, top, width, sheet.head_height)
            painter.fillRect(box, _HEADER_FILL)
            painter.setPen(QPen(_GRID, 0))
            painter.drawRect(box)
            painter.setFont(self.fonts.bold)
            painter.setPen(_TEXT)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "\n".join(heading))
            x += width
        y = top + sheet.head_height
        for texts, totals in rows:
            self._draw_row(painter, y, texts, totals)
            y += sheet.row_height

    def _draw_row(self, painter: QPainter, y: float, texts: list[str], totals: bool) -> None:
        sheet = self.sheet
        painter.setFont(self.fonts.bold if totals else self.fonts.text)
        grid = QPen(_GRID, 0)
        x = 0.0
        for width, column, text in zip(sheet.widths, sheet.columns, texts, strict=True):
            box = QRectF(x, y, width, sheet.row_height)
            if column.shaded:
                painter.fillRect(box, _SHADE_FILL)
            painter.setPen(grid)
            painter.drawRect(box)
            painter.setPen(_TEXT)
            painter.drawText(box.adjusted(sheet.pad, 0, -sheet.pad, 0), int(_alignment(column)), text)
            x += width

    def _draw_footer(self, painter: QPainter, number: int) -> None:
        painter.setPen(_TEXT)
        painter.setFont(self.fonts.text)
        text = QCoreApplication.translate("ReportPrint", "Page {0} of {1}").format(
            number + 1, len(self.pages)
        )
        box = QRectF(0, self.height - self.footer, self.width, self.footer)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)


def print_table(table: ReportTable, printer: QPrinter) -> int:
    """Print the report scaled to the page width, headings repeated on every page; returns the page count."""
    fonts = _fonts(table)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    printout = _Printout(
        _Sheet(table, printer, fonts), fonts, QRectF(0, 0, page.width(), page.height()), printer
    )
    painter = QPainter(printer)
    try:
        printout.draw(painter, printer)
    finally:
        painter.end()
    return len(printout.pages)
