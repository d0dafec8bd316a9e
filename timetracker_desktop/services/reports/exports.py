"""Report files: build a report, write it as CSV, CSV for Excel, XLSX or PDF, and audit the export."""

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.reports.csv_writer import write_csv
from timetracker_desktop.services.reports.formats import ExportFormat
from timetracker_desktop.services.reports.labels import DEFAULT_LANGUAGE, labels
from timetracker_desktop.services.reports.run import QUIET, RunControl, without_cycle_collection
from timetracker_desktop.services.reports.service import ReportRequest, ReportService
from timetracker_desktop.services.reports.tables import ReportTable, to_table


def _csv(excel: bool) -> Callable[[ReportTable, IO[bytes], str], int]:
    def write(table: ReportTable, stream: IO[bytes], lang: str) -> int:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            return write_csv(table, text, lang, excel=excel)
        finally:
            text.detach()  # flush, but leave the byte stream open for the caller

    return write


def _xlsx(table: ReportTable, stream: IO[bytes], lang: str) -> int:
    # openpyxl (and the numpy it pulls in) loads on the first XLSX, not at every start of the CLI or GUI.
    from timetracker_desktop.services.reports.xlsx_writer import write_xlsx

    return write_xlsx(table, stream, lang)


def _pdf(table: ReportTable, stream: IO[bytes], lang: str) -> int:
    # reportlab loads on the first PDF, for the same reason.
    from timetracker_desktop.services.reports.pdf_writer import write_pdf

    return write_pdf(table, stream, lang)


WRITERS: dict[ExportFormat, Callable[[ReportTable, IO[bytes], str], int]] = {
    ExportFormat.CSV: _csv(excel=False),
    ExportFormat.CSV_EXCEL: _csv(excel=True),
    ExportFormat.XLSX: _xlsx,
    ExportFormat.PDF: _pdf,
}


@without_cycle_collection
def render(table: ReportTable, fmt: ExportFormat, stream: IO[bytes], lang: str = DEFAULT_LANGUAGE) -> int:
    """Write a table in a format (e.g. PDF bytes for a print preview); returns the data rows. Not audited."""
    labels(lang)  # an unknown language fails before anything is written
    return WRITERS[fmt](table, stream, lang)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written."""

    path: Path
    format: ExportFormat
    rows: int


class ReportExportService:
    """Writes report files and records each one in the audit log (type, period, filter, format, rows)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, reports: ReportService) -> None:
        self._uow = uow
        self._clock = clock
        self._reports = reports

    @without_cycle_collection
    def export(
        self,
        actor: Actor,
        request: ReportRequest,
        fmt: ExportFormat,
        path: Path,
        *,
        lang: str = DEFAULT_LANGUAGE,
        control: RunControl = QUIET,
    ) -> ExportResult:
        """Build the report and write it to ``path`` (replaced only once complete)."""
        require(actor, Permission.READ)
        labels(lang)
        table = to_table(self._reports.build(request, control))
        control.check()
        rows = self._write(table, fmt, path, lang)
        self._audit(actor, request, fmt, path, rows)
        return ExportResult(path, fmt, rows)

    @staticmethod
    def _write(table: ReportTable, fmt: ExportFormat, path: Path, lang: str) -> int:
        partial = path.with_name(path.name + ".part")
        try:
            with partial.open("wb") as stream:
                rows = render(table, fmt, stream, lang)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        return rows

    def _audit(self, actor: Actor, request: ReportRequest, fmt: ExportFormat, path: Path, rows: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            record(
                uow,
                actor,
                now,
                AuditAction.REPORT_EXPORT,
                (EntityType.REPORT, request.kind.value),
                after={
                    "type": request.kind.value,
                    "period": f"{request.first.isoformat()}..{request.last.isoformat()}",
                    "filter": {"employee_id": request.employee_id},
                    "format": fmt.value,
                    "rows": rows,
                    "file": path.name,
                },
            )
            uow.commit()
