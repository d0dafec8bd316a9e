"""CLI commands for operations: backup, restore, backup schedule, legacy import and diagnostics."""

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext, CliError, database_url_problem
from timetracker_desktop.logging_setup import process_log_files
from timetracker_desktop.paths import log_dir
from timetracker_desktop.repositories.ports.backup import BackupTrust  # plain data: cheap to import

if TYPE_CHECKING:
    from timetracker_desktop.repositories.ports.backup import BackupManifest
    from timetracker_desktop.services.backup.schedule import BackupScheduleService
    from timetracker_desktop.services.backup.service import BackupService
    from timetracker_desktop.services.legacy.importer import LegacyImportReport


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add backup, restore, backup-schedule, import-legacy and diagnostics."""
    backup = sub.add_parser("backup", parents=[common], help="back up the whole database to a file")
    backup.add_argument("--out", type=Path, help="backup file (default: a new file in the backup folder)")
    backup.set_defaults(handler=backup_database)

    restore = sub.add_parser("restore", parents=[common], help="replace the database with a backup")
    restore.add_argument("file", type=Path)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--no-safety-backup", action="store_true", help="do not back up the current data first"
    )
    restore.add_argument(
        "--accept-foreign",
        action="store_true",
        help="restore a backup signed by another installation (or by a version without backup keys)",
    )
    restore.add_argument(
        "--accept-archive",
        action="store_true",
        help="restore a purge's archive (only into a separate, empty database given with --db)",
    )
    restore.set_defaults(handler=restore_database)

    schedule = sub.add_parser("backup-schedule", parents=[common], help="show or change automatic backups")
    schedule.add_argument(
        "--every", type=int, metavar="HOURS", help="interval in hours (0 switches them off)"
    )
    schedule.add_argument("--keep", type=int, metavar="N", help="how many automatic backups to keep")
    schedule.add_argument("--folder", help="absolute folder for backups ('' = the default folder)")
    schedule.set_defaults(handler=backup_schedule)

    legacy = sub.add_parser(
        "import-legacy", parents=[common], help="bring over a legacy TimeTracker database"
    )
    legacy.add_argument("source_url", metavar="SOURCE_URL", help="e.g. mysql://user:pw@host/timetracker")
    legacy.add_argument("--preview", action="store_true", help="only show what would be imported")
    demo = legacy.add_mutually_exclusive_group()
    demo.add_argument(
        "--skip-demo",
        dest="skip_demo",
        action="store_true",
        default=True,
        help="leave out the legacy demo terminal and Test Employee (default)",
    )
    demo.add_argument("--keep-demo", dest="skip_demo", action="store_false", help="import them too")
    legacy.set_defaults(handler=import_legacy)

    diagnostics = sub.add_parser("diagnostics", parents=[common], help="versions, database and recent errors")
    diagnostics.set_defaults(handler=show_diagnostics, reports_bad_database_url=True)


def _backups(ctx: CliContext) -> tuple["BackupService", "BackupScheduleService"]:
    services = ctx.services
    if services.backups is None or services.backup_schedule is None:
        raise CliError("backups are not available in this build")
    return services.backups, services.backup_schedule


def backup_database(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write a backup."""
    from timetracker_desktop.services.backup.schedule import backup_name

    backups, schedule = _backups(ctx)
    target = args.out or schedule.folder() / backup_name("manual", ctx.services.clock.now())
    result = backups.backup(ctx.actor, target.resolve())
    text = (
        f"backup written to {result.path} ({result.manifest.total_rows()} rows, {result.size_bytes} bytes),"
        f" signed with this installation's key {result.manifest.key_id}"
    )
    ctx.emit({"path": str(result.path), "bytes": result.size_bytes, "manifest": result.manifest}, text)
    return 0


def _describe(manifest: "BackupManifest") -> str:
    made = manifest.created_at.isoformat(timespec="seconds")
    counts = ", ".join(f"{t.name} {t.rows}" for t in manifest.tables if t.rows)
    signed = {
        BackupTrust.OURS: "signed by this installation",
        BackupTrust.FOREIGN: f"signed by another installation (key {manifest.key_id})",
        BackupTrust.UNSIGNED: "not signed",
    }[manifest.trust]
    return (
        f"backup of {made} from {manifest.backend}, schema {manifest.schema_revision},"
        f" app {manifest.app_version}, {signed}\n  {counts}"
    )


def _confirm(url: str) -> None:
    if not sys.stdin.isatty():
        raise CliError("restore replaces every record: confirm with --yes")
    answer = input(f"Replace ALL data in {url} with this backup? Type 'yes' to go on: ")
    if answer.strip().lower() != "yes":
        raise CliError("restore cancelled")


def restore_database(args: argparse.Namespace, ctx: CliContext) -> int:
    """Restore a backup after confirmation; the current data is backed up first."""
    backups, schedule = _backups(ctx)
    manifest = backups.inspect(args.file)
    print(_describe(manifest), file=sys.stderr)
    if manifest.trust is not BackupTrust.OURS and not args.accept_foreign:
        raise CliError(f"{backups.foreign_reason(manifest)} with --accept-foreign")
    if manifest.archive_before is not None and not args.accept_archive:
        raise CliError(f"{backups.archive_reason(manifest)} with --accept-archive")
    if not args.yes:
        _confirm(ctx.app().storage.write_engine.url.render_as_string(hide_password=True))
    safety_dir = None if args.no_safety_backup else schedule.folder()
    result = backups.restore(
        ctx.actor,
        args.file.resolve(),
        safety_dir=safety_dir,
        accept_foreign=args.accept_foreign,
        accept_archive=args.accept_archive,
    )
    safety = f"; the previous data is in {result.safety_backup}" if result.safety_backup else ""
    data = {"manifest": result.manifest, "safety_backup": str(result.safety_backup or "") or None}
    ctx.emit(data, f"restored {result.manifest.total_rows()} rows, every table checked{safety}")
    return 0


def backup_schedule(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show the automatic-backup schedule, changing it first when asked."""
    _backups_service, schedule = _backups(ctx)
    current = schedule.current()
    if args.every is not None or args.keep is not None or args.folder is not None:
        current = schedule.change(ctx.actor, folder=args.folder, interval_hours=args.every, keep=args.keep)
    due = schedule.next_due()
    every = f"every {current.interval_hours} h" if current.interval_hours else "off"
    when = due.isoformat(timespec="seconds") if due else "-"
    runner = ctx.services.runner_lease.status()
    text = (
        f"automatic backups: {every}, keep {current.keep}, folder {schedule.folder(current)}; next {when}"
        f"\nmade by: {runner.text()}"
    )
    data = {"schedule": current, "folder": str(schedule.folder(current)), "next_due": due, "runner": runner}
    ctx.emit(data, text)
    return 0


def _report_text(report: "LegacyImportReport") -> str:
    verb = "would import" if report.preview else "imported"
    lines = [f"legacy database {report.source} (schema {report.revision or 'unknown'}): {verb}"]
    for c in report.counts:
        lines.append(
            f"  {c.entity:<9} {c.new:>6} new, {c.already:>6} imported before, {c.skipped:>6} skipped"
        )
    if report.demo:
        lines.append("demo items of the legacy server (--keep-demo imports them): " + "; ".join(report.demo))
    if report.issues:
        lines.append("not imported, or not as they were:")
    for issue in report.issues:
        times = f" (x{issue.count})" if issue.count > 1 else ""
        lines.append(f"  {issue.entity} {issue.legacy_id or '-'}: {issue.reason}{times}: {issue.detail}")
    return "\n".join(lines)


def import_legacy(args: argparse.Namespace, ctx: CliContext) -> int:
    """Preview or run the import from a legacy database."""
    service = ctx.services.legacy_import
    if service is None:
        raise CliError("the legacy import is not available in this build")
    run = service.preview if args.preview else service.run
    report = run(ctx.actor, args.source_url, skip_demo=args.skip_demo)
    ctx.emit(report, _report_text(report))
    return 0


def _refuse_database(problem: str) -> tuple[str | None, str]:
    raise CliError(problem)


def show_diagnostics(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print what support needs; works even when the database cannot be reached."""
    from timetracker_desktop.app import database_revision
    from timetracker_desktop.domain.clock import SystemClock
    from timetracker_desktop.services.diagnostics import DiagnosticsService

    problem = database_url_problem(ctx.url)
    if problem is None:
        context = ctx.app(upgrade=False)
        service = DiagnosticsService(
            context.services.uow,
            context.services.clock,
            lambda: database_revision(context.storage),
            context.services.health,
        )
    else:  # a bad --db is what support needs to see, next to everything else
        service = DiagnosticsService(None, SystemClock(), partial(_refuse_database, problem))
    report = service.collect(ctx.url, log_files=process_log_files(log_dir()))
    ctx.emit(report, report.as_text().rstrip())
    return 0
