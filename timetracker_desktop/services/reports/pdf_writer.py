"""PDF export of a report table: A4 (landscape for day grids), embedded DejaVu, captions and page numbers."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from timetracker_desktop.services.reports.fonts import BOLD, REGULAR, find_font
from timetracker_desktop.services.reports.labels import ReportLabel
from timetracker_desktop.services.reports.tables import Column, ColumnKind, ReportTable
from timetracker_desktop.services.reports.text import ReportText

FONT, FONT_BOLD = "TT-DejaVuSans", "TT-DejaVuSans-Bold"
APP_NAME = "TimeTracker Desktop"
MM = 72 / 25.4
MARGIN = 10 * MM
CAPTION_SIZE = 8.0
TITLE_SIZE = 12.0
PAD = 1.5
SMALLEST = 0.6  # a figure that does not fit its column may be set this much smaller
_GRID_WIDTHS = {ColumnKind.DURATION: 12 * MM, ColumnKind.COUNT: 8 * MM, ColumnKind.TEXT: 34 * MM}
_WIDTHS = {
    ColumnKind.DATE: 18 * MM,
    ColumnKind.TIME: 18 * MM,
    ColumnKind.CODE: 20 * MM,
    ColumnKind.DURATION: 20 * MM,
    ColumnKind.COUNT: 12 * MM,
    ColumnKind.LABEL: 30 * MM,
}
_FLEX = {ColumnKind.TEXT: 1.0, ColumnKind.LABELS: 1.4, ColumnKind.SHIFT: 0.5}
_HEADER_FILL = colors.HexColor("#305496")
_SHADE = colors.HexColor("#E7E6E6")
_TOTAL_FILL = colors.HexColor("#DDEBF7")
_LINE = colors.HexColor("#A6A6A6")
_LEFT = (ColumnKind.TEXT, ColumnKind.LABELS, ColumnKind.LABEL)


@cache
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans regular and bold once per process; raises FontNotFoundError without them.

    Also turns off ReportLab's ASCII85 wrapping of compressed streams (process-wide): it only makes files
    7-bit safe, which nobody needs, and costs a tenth of the time of a long report.
    """
    rl_config.useA85 = 0
    pdfmetrics.registerFont(TTFont(FONT, str(find_font(REGULAR))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(find_font(BOLD))))
    return FONT, FONT_BOLD


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where everything goes on a page; lengths in points."""

    size: tuple[float, float]
    xs: tuple[float, ...]
    widths: tuple[float, ...]
    font_size: float
    leading: float
    header_lines: int

    def row_height(self, cells: Sequence[str]) -> float:
        """Rows grow with their tallest cell (a two-line shift)."""
        return max((c.count("\n") for c in cells), default=0) * self.leading + self.leading + PAD

    @property
    def header_height(self) -> float:
        return self.header_lines * self.leading + 2 * PAD


def _widths(columns: Sequence[Column], page_width: float, grid: bool) -> list[float]:
    usable = page_width - 2 * MARGIN
    table = _GRID_WIDTHS if grid else _WIDTHS
    fixed = [None if c.day is not None else table.get(c.kind) for c in columns]
    share = usable - sum(w for w in fixed if w is not None)
    weights = [1.0 if c.day is not None else _FLEX.get(c.kind, 1.0) for c in columns]
    flex_weight = sum(wt for w, wt in zip(fixed, weights, strict=True) if w is None) or 1.0
    return [w if w is not None else share * wt / flex_weight for w, wt in zip(fixed, weights, strict=True)]


def _layout(table: ReportTable, headers: Sequence[str]) -> _Layout:
    grid = table.is_grid
    fixed = sum(_WIDTHS.get(c.kind, 25 * MM) for c in table.columns)
    page = landscape(A4) if grid or fixed > A4[0] - 2 * MARGIN else A4
    size = (float(page[0]), float(page[1]))
    widths = _widths(table.columns, size[0], grid)
    xs = [MARGIN]
    for width in widths[:-1]:
        xs.append(xs[-1] + width)
    font_size = 5.5 if grid else 8.0
    header_lines = max((h.count("\n") + 1 for h in headers), default=1)
    return _Layout(size, tuple(xs), tuple(widths), font_size, font_size * 1.2, header_lines)


@lru_cache(maxsize=65536)  # report cells repeat (names, times, kinds): measure each text once
def fitted(text: str, width: float, font: str, size: float, *, shrink: bool) -> tuple[str, float, float]:
    """(text, width, font size) that fit: a figure is set smaller (down to 60 %), words are cut with '…'."""
    measured = pdfmetrics.stringWidth(text, font, size)
    if measured <= width:
        return text, measured, size
    if shrink and measured * SMALLEST <= width:
        return text, width, size * width / measured
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…", pdfmetrics.stringWidth(text + "…", font, size), size


def fit_heading(text: str, width: float, font: str, size: float) -> tuple[str, float, float]:
    """A heading line whole: set as much smaller as it must be to fit, never cut or broken."""
    measured = pdfmetrics.stringWidth(text, font, size)
    if measured <= width:
        return text, measured, size
    return text, width, size * width / measured


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines broken at spaces only; a word wider than ``width`` stays whole on its own line (drawn smaller).

    Breaking inside a word gave headings like «Відпраць/овано»: a heading is set smaller rather than split."""
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for word in part.split():
            candidate = f"{line} {word}" if line else word
            if pdfmetrics.stringWidth(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
        lines.append(line)
    return lines


def _two_lines(text: str, width: float, size: float) -> str:
    # a long shift (8:30-17:30) or day total (310:40) goes on two lines rather than overflowing its day column
    if pdfmetrics.stringWidth(text, FONT_BOLD, size) * SMALLEST <= width - 2 * PAD:
        return text  # fits, perhaps set a little smaller
    for mark in ("-", ":"):
        if mark in text.lstrip("-"):
            head, tail = text.rsplit(mark, 1) if mark == ":" else text.split(mark, 1)
            return f"{head}{mark}\n{tail}"
    return text


class _PdfWriter:
    """Draws the table page by page; pages are counted before drawing so every page says 'page x of y'."""

    def __init__(self, table: ReportTable, text: ReportText, stream: IO[bytes]) -> None:
        self.table, self.text = table, text
        raw = [text.row(values) for values in table.rows]
        if table.totals is not None:
            raw.append(text.row(table.totals))
        probe = _layout(table, [])
        self.cells = [self._shifts(row, probe) for row in raw]
        self.headers = [
            "\n".join(wrap(text.header(column), width - 2 * PAD, FONT_BOLD, probe.font_size))
            for column, width in zip(table.columns, probe.widths, strict=True)
        ]
        self.layout = _layout(table, self.headers)
        self.heights = [self.layout.row_height(row) for row in self.cells]
        self.left = [column.kind in _LEFT for column in table.columns]
        self.canvas = Canvas(stream, pagesize=self.layout.size, invariant=True)
        # Without author and subject a PDF viewer's properties say «anonymous» and «unspecified».
        self.canvas.setTitle(text.title())
        self.canvas.setAuthor(APP_NAME)
        self.canvas.setSubject(text.period())
        self.canvas.setCreator(APP_NAME)
        self.summary = simpleSplit(
            "; ".join(text.summary(item) for item in table.summary),
            FONT,
            CAPTION_SIZE,
            self.layout.size[0] - 2 * MARGIN,
        )

    def _shifts(self, row: list[str], layout: _Layout) -> list[str]:
        return [
            _two_lines(cell, width, layout.font_size) if column.day is not None else cell
            for cell, column, width in zip(row, self.table.columns, layout.widths, strict=True)
        ]

    def _top(self, page: int) -> float:
        extra = len(self.summary) * (CAPTION_SIZE + 2) if page == 1 else 0
        return self.layout.size[1] - MARGIN - TITLE_SIZE - 3 * (CAPTION_SIZE + 3) - extra

    def _page_end(self, page: int, start: int) -> int:
        room = self._top(page) - self.layout.header_height - MARGIN - 8 * MM
        end = start
        while end < len(self.cells) and (end == start or room >= self.heights[end]):
            room -= self.heights[end]
            end += 1
        return end

    def _pages(self) -> list[range]:
        pages: list[range] = []
        start, page = 0, 1
        while start < len(self.cells) or not pages:
            end = self._page_end(page, start)
            pages.append(range(start, end))
            start, page = end, page + 1
        return pages

    def _legend_lines(self) -> list[str]:
        lines = [f"{symbol} — {meaning}" for symbol, meaning in map(self.text.legend, self.table.legend)]
        holidays = self.text.holidays()
        if holidays:
            lines += simpleSplit(holidays, FONT, CAPTION_SIZE, self.layout.size[0] - 2 * MARGIN)
        return [self.text.word(ReportLabel.LEGEND), *lines] if lines else []

    def write(self) -> None:
        pages = self._pages()
        legend = self._legend_lines()
        last_bottom = self._table_bottom(len(pages), pages[-1])
        legend_height = len(legend) * (CAPTION_SIZE + 2) + 4 * MM
        legend_apart = bool(legend) and last_bottom - legend_height < MARGIN + 8 * MM
        total = len(pages) + int(legend_apart)
        for number, rows in enumerate(pages, start=1):
            self._captions(number, total)
            self._table(number, rows)
            if number < total:
                self.canvas.showPage()
        if legend:
            self._legend(legend, self._top(total) if legend_apart else last_bottom - 4 * MM)
            if legend_apart:
                self._captions(total, total)
        self.canvas.showPage()
        self.canvas.save()

    def _table_bottom(self, page: int, rows: range) -> float:
        return self._top(page) - self.layout.header_height - sum(self.heights[i] for i in rows)

    def _captions(self, page: int, pages: int) -> None:
        c, text = self.canvas, self.text
        width, height = self.layout.size
        y = height - MARGIN - TITLE_SIZE
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD, TITLE_SIZE)
        c.drawString(MARGIN, y, text.title())
        c.setFont(FONT, CAPTION_SIZE)
        closed = [text.closed()] if text.closed() else []
        for line in (f"{text.period()}    {text.generated()}", *closed, f"{text.rounding()}. {text.rules()}"):
            y -= CAPTION_SIZE + 3
            c.drawString(MARGIN, y, line)
        for line in self.summary if page == 1 else []:
            y -= CAPTION_SIZE + 2
            c.drawString(MARGIN, y, line)
        c.drawRightString(width - MARGIN, MARGIN, text.words[ReportLabel.PAGE].format(page=page, pages=pages))
        c.drawString(MARGIN, MARGIN, "TimeTracker Desktop")

    def _table(self, page: int, rows: range) -> None:
        layout, c = self.layout, self.canvas
        top = self._top(page)
        bottom = self._table_bottom(page, rows)
        right = layout.xs[-1] + layout.widths[-1]
        self._shading(top - layout.header_height, bottom)
        c.setFillColor(_HEADER_FILL)
        c.rect(MARGIN, top - layout.header_height, right - MARGIN, layout.header_height, stroke=0, fill=1)
        has_total = self.table.totals is not None and len(rows) > 0 and rows[-1] == len(self.cells) - 1
        if has_total:
            c.setFillColor(_TOTAL_FILL)
            c.rect(MARGIN, bottom, right - MARGIN, self.heights[rows[-1]], stroke=0, fill=1)
        text = c.beginText()  # one text object per page: far cheaper than a drawString per cell
        text.setFillColor(colors.white)
        self._row(text, self.headers, top, header=True)
        text.setFillColor(colors.black)
        y = top - layout.header_height
        for index in rows:
            self._row(text, self.cells[index], y, bold=has_total and index == rows[-1])
            y -= self.heights[index]
        c.drawText(text)
        self._rules(top, bottom, rows)

    def _shading(self, top: float, bottom: float) -> None:
        c = self.canvas
        c.setFillColor(_SHADE)
        for column, x, width in zip(self.table.columns, self.layout.xs, self.layout.widths, strict=True):
            if column.shaded:
                c.rect(x, bottom, width, top - bottom, stroke=0, fill=1)

    def _row(
        self,
        text: Any,
        cells: Sequence[str],
        top: float,
        *,
        header: bool = False,
        bold: bool = False,
    ) -> None:
        layout = self.layout
        size = layout.font_size
        font = FONT_BOLD if header or bold else FONT
        text.setFont(font, size)
        pad = PAD if header else PAD / 2
        tallest = max(cell.count("\n") for cell in cells)
        for cell, left, x, width in zip(cells, self.left, layout.xs, layout.widths, strict=True):
            if not cell:
                continue
            lines = cell.split("\n")
            offset = (tallest + 1 - len(lines)) * layout.leading / 2  # centred vertically in a taller row
            for number, line in enumerate(lines, start=1):
                if header:
                    shown, measured, shown_size = fit_heading(line, width - 2 * PAD, font, size)
                else:
                    shown, measured, shown_size = fitted(line, width - 2 * PAD, font, size, shrink=not left)
                x_text = x + PAD if left and not header else x + (width - measured) / 2
                text.setTextOrigin(x_text, top - pad - offset - number * layout.leading + size * 0.25)
                if shown_size != size:
                    text.setFont(font, shown_size)
                text.textOut(shown)
                if shown_size != size:
                    text.setFont(font, size)

    def _rules(self, top: float, bottom: float, rows: range) -> None:
        layout, c = self.layout, self.canvas
        right = layout.xs[-1] + layout.widths[-1]
        c.setStrokeColor(_LINE)
        c.setLineWidth(0.25)
        ys = [top, top - layout.header_height]
        for index in rows:
            ys.append(ys[-1] - self.heights[index])
        segments: list[Any] = [(MARGIN, y, right, y) for y in ys]
        segments += [(x, top, x, bottom) for x in (*layout.xs, right)]
        c.lines(segments)

    def _legend(self, lines: Sequence[str], top: float) -> None:
        c = self.canvas
        y = top
        for number, line in enumerate(lines):
            c.setFont(FONT_BOLD if number == 0 else FONT, CAPTION_SIZE)
            c.setFillColor(colors.black)
            y -= CAPTION_SIZE + 2
            c.drawString(MARGIN, y, line)


def write_pdf(table: ReportTable, stream: IO[bytes], lang: str) -> int:
    """Write the PDF; returns the number of data rows."""
    register_fonts()
    _PdfWriter(table, ReportText(table, lang), stream).write()
    return len(table.rows)
