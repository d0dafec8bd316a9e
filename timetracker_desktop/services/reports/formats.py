"""File formats of report exports (apart from the writers, so that the CLI's parser names them cheaply)."""

from enum import StrEnum


class ExportFormat(StrEnum):
    """File formats of report exports."""

    CSV = "csv"
    CSV_EXCEL = "csv-excel"
    XLSX = "xlsx"
    PDF = "pdf"
