"""CLI command ``report``: write a timesheet, detail, exceptions, attendance or schedule file."""

import argparse
from pathlib import Path
from typing import Any

from timetracker_desktop.cli.context import CliContext, CliError, parse_date
from timetracker_desktop.domain.reports import ReportKind
from timetracker_desktop.services.reports.formats import ExportFormat
from timetracker_desktop.services.reports.labels import DEFAULT_LANGUAGE, LANGUAGES

_BY_SUFFIX = {".csv": ExportFormat.CSV, ".xlsx": ExportFormat.XLSX, ".pdf": ExportFormat.PDF}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the report command."""
    report = sub.add_parser(
        "report",
        parents=[common],
        help="write a report file (audited)",
        description="Write a report for local dates FROM..TO as CSV, CSV for Excel, XLSX or PDF.",
    )
    report.add_argument("--kind", choices=[k.value for k in ReportKind], required=True)
    report.add_argument("--from", dest="first", type=parse_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="last", type=parse_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        help="default: from the file name (.csv, .xlsx, .pdf)",
    )
    report.add_argument("--out", type=Path, required=True, metavar="FILE")
    report.add_argument("--employee", type=int, metavar="ID", help="one employee (required for detail)")
    report.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="labels (default: uk)")
    report.set_defaults(handler=write_report)


def _format(args: argparse.Namespace) -> ExportFormat:
    if args.format:
        return ExportFormat(args.format)
    try:
        return _BY_SUFFIX[args.out.suffix.lower()]
    except KeyError:
        raise CliError(f"cannot tell the format from {args.out.name!r}: give --format") from None


def write_report(args: argparse.Namespace, ctx: CliContext) -> int:
    """Build the report and write the file."""
    from timetracker_desktop.services.reports.service import ReportRequest

    request = ReportRequest(ReportKind(args.kind), args.first, args.last, args.employee)
    result = ctx.services.report_exports.export(ctx.actor, request, _format(args), args.out, lang=args.lang)
    data = {"path": str(result.path), "format": result.format.value, "rows": result.rows}
    ctx.emit(data, f"wrote {result.rows} rows to {result.path}")
    return 0
