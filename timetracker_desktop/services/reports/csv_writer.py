"""CSV export of a report table: UTF-8 with commas, or the "for Excel" variant with semicolons and a BOM."""

import csv
from typing import TextIO

from timetracker_desktop.services.reports.formula_guard import csv_for_excel
from timetracker_desktop.services.reports.tables import CellValue, ReportTable
from timetracker_desktop.services.reports.text import ISO_DATE, ReportText

EXCEL_BOM = "\ufeff"


def write_csv(table: ReportTable, stream: TextIO, lang: str, *, excel: bool = False) -> int:
    """Write the header, the rows and the totals row; returns the number of data rows.

    Open ``stream`` with ``newline=""`` (the csv module writes its own line ends). Durations are ``H:MM``,
    times local ``HH:MM``, dates ISO; per-day columns are headed by their ISO date.
    """
    text = ReportText(table, lang, date_format=ISO_DATE)
    if excel:
        stream.write(EXCEL_BOM)
    writer = csv.writer(stream, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow([text.header(c, iso_days=True) for c in table.columns])
    rows = [*table.rows, *([table.totals] if table.totals is not None else [])]
    writer.writerows(_row(text, values, excel=excel) for values in rows)
    return len(table.rows)


def _row(text: ReportText, values: tuple[CellValue, ...], *, excel: bool) -> list[str]:
    cells = text.row(values)
    if not excel:
        return cells
    # Only text that came in as text (names, notes) is escaped: "-1:05" made from a number stays a value.
    return [csv_for_excel(c) if isinstance(v, str) else c for v, c in zip(values, cells, strict=True)]
