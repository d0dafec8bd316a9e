"""Prints a report table through Qt (system fonts, so Cyrillic prints): HTML, A4, grids landscape."""

from html import escape

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from timetracker_desktop.gui.report_cells import ReportCells
from timetracker_desktop.services.report_tables import ColumnKind, ReportTable

_RIGHT = (ColumnKind.DURATION, ColumnKind.COUNT)
_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: %dpt; }
h2 { font-size: 13pt; margin: 0; }
p { margin: 1px 0; color: #374151; }
table { border-collapse: collapse; }
th { background: #e5e7eb; font-weight: bold; }
th, td { border: 1px solid #9ca3af; padding: 1px 2px; white-space: nowrap; }
td.r { text-align: right; } td.c { text-align: center; }
td.s { background: #eef1f5; } tr.t td { font-weight: bold; }
"""


def _cell_class(kind: ColumnKind, shaded: bool) -> str:
    align = "r" if kind in _RIGHT else "c" if kind is not ColumnKind.TEXT else ""
    classes = " ".join(c for c in (align, "s" if shaded else "") if c)
    return f' class="{classes}"' if classes else ""


def report_html(table: ReportTable) -> str:
    """The whole report as HTML that QTextDocument paginates (the heading row repeats on every page)."""
    cells = ReportCells(table)
    # one word per heading line: narrow columns, and words are never broken
    head = "".join(f"<th>{'<br>'.join(escape(cells.header(c)).split())}</th>" for c in table.columns)
    body = []
    rows = [(r, "") for r in table.rows]
    if table.totals is not None:
        rows.append((table.totals, ' class="t"'))
    for values, row_class in rows:
        tds = "".join(
            f"<td{_cell_class(c.kind, c.shaded)}>{escape(cells.cell(v, c))}</td>"
            for v, c in zip(values, table.columns, strict=True)
        )
        body.append(f"<tr{row_class}>{tds}</tr>")
    captions = "".join(f"<p>{escape(line)}</p>" for line in [*cells.captions(), cells.generated()])
    size = 7 if table.is_grid else 9
    return (
        f"<html><head><style>{_STYLE % size}</style></head><body>"
        f"<h2>{escape(cells.title())}</h2>{captions}<br>"
        f'<table width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></body></html>"
    )


def prepare_printer(printer: QPrinter, table: ReportTable) -> None:
    """A4, landscape for employee x day grids, 10 mm margins."""
    orientation = QPageLayout.Orientation.Landscape if table.is_grid else QPageLayout.Orientation.Portrait
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(orientation)
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)


LAYOUT_DPI = 96  # QTextDocument lays out in screen units; the printer gets them scaled


def _layout(table: ReportTable, page: QRectF, dpi: int, footer: float) -> tuple[QTextDocument, float]:
    """The document paginated for the page, laid out wider (and scaled down) when the table needs it."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(report_html(table))
    base = page.width() / dpi * LAYOUT_DPI
    document.setTextWidth(base)
    width = max(base, document.idealWidth())
    document.setTextWidth(width)
    scale = page.width() / width
    document.setPageSize(QSizeF(width, (page.height() - footer) / scale))
    return document, scale


def print_table(table: ReportTable, printer: QPrinter, parent: QWidget | None = None) -> None:
    """Print the report, scaled to the page width, with page numbers (also what the preview paints)."""
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    footer = printer.resolution() * 0.3  # about 8 mm for the page number
    document, scale = _layout(table, page, printer.resolution(), footer)
    document.setParent(parent)
    pages = document.pageCount()
    height = document.pageSize().height()
    painter = QPainter(printer)
    painter.setFont(QFont("DejaVu Sans", 7))
    for number in range(pages):
        if number:
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -number * height)
        document.drawContents(painter, QRectF(0, number * height, document.textWidth(), height))
        painter.restore()
        text = QCoreApplication.translate("ReportPrint", "Page {0} of {1}").format(number + 1, pages)
        box = QRectF(0, page.height() - footer, page.width(), footer)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
    painter.end()
