"""CSV export of a report table: UTF-8 with commas, or the "for Excel" variant with semicolons and a BOM."""

import csv
from typing import TextIO

from timetracker_desktop.services.reports.tables import ReportTable
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
    writer.writerows(text.row(values) for values in table.rows)
    if table.totals is not None:
        writer.writerow(text.row(table.totals))
    return len(table.rows)
