"""CLI commands of database care: ``db stats``, ``db check`` and ``db optimize``."""

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from timetracker_desktop.cli.context import CliContext, CliError

if TYPE_CHECKING:
    from timetracker_desktop.services.database_care.care import DatabaseCare
    from timetracker_desktop.services.database_care.check import CheckReport
    from timetracker_desktop.services.database_care.history import LastRun
    from timetracker_desktop.services.database_care.optimize import OptimizeProgress, OptimizeReport
    from timetracker_desktop.services.database_care.stats import DatabaseStats

EXIT_CHECK_FAILED = 1
RESTORE_ADVICE = (
    "What to do: stop the program on every PC and the service, keep a copy of the damaged database,"
    " then restore the last good backup (Backups page > Restore, or `timetracker-desktop restore FILE`)."
    " A backup made before the problem began is a good one; `db check` again after the restore."
)


def add_care_commands(db: Any, common: argparse.ArgumentParser) -> None:
    """Add ``stats``, ``check`` and ``optimize`` to the ``db`` subcommands."""
    db.add_parser(
        "stats",
        parents=[common],
        help="size, free space, rows per month, last backup, check, optimisation",
    ).set_defaults(handler=db_stats)
    check = db.add_parser("check", parents=[common], help="check the database; exit code 1 when it fails")
    depth = check.add_mutually_exclusive_group()
    depth.add_argument("--full", action="store_true", help="full: integrity_check, CHECK TABLE EXTENDED")
    depth.add_argument("--quick", action="store_true", help="quick: quick_check, CHECK TABLE QUICK")
    check.set_defaults(handler=db_check)
    optimize = db.add_parser("optimize", parents=[common], help="refresh statistics and compact the database")
    optimize.add_argument(
        "--vacuum", action="store_true", help="SQLite: rebuild the file even when little space would be won"
    )
    optimize.set_defaults(handler=db_optimize)


def _care(ctx: CliContext) -> "DatabaseCare":
    care = ctx.app(upgrade=False).services.database_care  # a check must not migrate what it checks
    if care is None:
        raise CliError("database care is not available in this build")
    return care


def _size(size: int | None) -> str:
    if size is None:
        return "unknown"
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover - the loop returns at GB


def _when(value: datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def _run(run: "LastRun | None", zone: ZoneInfo, now: datetime) -> str:
    if run is None:
        return "never"
    hours = (now - run.at).total_seconds() / 3600
    age = f"{hours:.0f} h ago" if hours < 48 else f"{hours / 24:.0f} days ago"
    error = f": {run.details['error']}" if run.outcome != "ok" and run.details.get("error") else ""
    return f"{_when(run.at, zone)} ({age}), {run.outcome}{error}"


def stats_text(stats: "DatabaseStats") -> str:
    """``db stats`` as text: a summary, then rows per month."""
    from timetracker_desktop.repositories.ports.database_care import GrowthTable

    zone = ZoneInfo(stats.time_zone)
    facts = stats.facts
    punches = stats.growth(GrowthTable.PUNCHES)
    lines = [
        f"engine:            {facts.engine} {facts.version}",
        f"database:          {facts.location}",
        f"size:              {_size(facts.size_bytes)} ({_size(facts.reclaimable_bytes)} reclaimable)",
        f"free space:        {_size(stats.database_free_bytes)} where the database is"
        + ("" if facts.file else " (a server: see its own disk)"),
        f"backup folder:     {stats.backup_folder or '-'} ({_size(stats.backup_free_bytes)} free)",
        f"oldest punch:      {_when(punches.oldest, zone)}",
        f"newest punch:      {_when(punches.newest, zone)}",
        f"last backup:       {_run(stats.last_backup, zone, stats.collected_at)}",
        f"last check:        {_run(stats.last_check, zone, stats.collected_at)}",
        f"last optimisation: {_run(stats.last_optimize, zone, stats.collected_at)}",
        "",
        f"{'month':<10}" + "".join(f"{t.table.value:>20}" for t in stats.tables),
    ]
    months = sorted({m.month for t in stats.tables for m in t.months})
    per_table = [{m.month: m.rows for m in t.months} for t in stats.tables]
    for month in months:
        lines.append(f"{month:%Y-%m}    " + "".join(f"{rows.get(month, 0):>20,}" for rows in per_table))
    if any(t.earlier for t in stats.tables):
        lines.append(f"{'earlier':<10}" + "".join(f"{t.earlier:>20,}" for t in stats.tables))
    lines.append(f"{'total':<10}" + "".join(f"{t.rows:>20,}" for t in stats.tables))
    return "\n".join(lines)


def db_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show the database's figures."""
    stats = _care(ctx).stats.collect(ctx.actor)
    ctx.emit(stats, stats_text(stats))
    return 0


def check_text(report: "CheckReport") -> str:
    """Each check with its finding, the verdict, and what to do after a failure."""
    lines = []
    for finding in report.findings:
        lines.append(f"{finding.kind.value:<18} {'ok' if finding.ok else 'FAILED'}")
        lines += [f"    {detail}" for detail in finding.details]
    lines.append(f"verdict: {'passed' if report.ok else 'FAILED'} ({report.seconds:.1f} s)")
    if not report.ok:
        lines.append(RESTORE_ADVICE)
    return "\n".join(lines)


def db_check(args: argparse.Namespace, ctx: CliContext) -> int:
    """Check the database; a failure is exit code 1."""
    full = True if args.full else False if args.quick else None
    report = _care(ctx).check.check(ctx.actor, full=full)
    data = {"verdict": "passed" if report.ok else "failed", "report": report}
    if not report.ok:
        data["advice"] = RESTORE_ADVICE
    ctx.emit(data, check_text(report))
    return 0 if report.ok else EXIT_CHECK_FAILED


def _progress(step: "OptimizeProgress") -> None:
    table = f" {step.step.table}" if step.step.table else ""
    print(f"[{step.index + 1}/{step.total}] {step.step.kind.value}{table}", file=sys.stderr, flush=True)


def optimize_text(report: "OptimizeReport") -> str:
    """Sizes before and after, and what became of VACUUM."""
    from timetracker_desktop.services.database_care.optimize import Vacuum

    vacuum = {
        Vacuum.DONE: "the file was rebuilt (VACUUM)",
        Vacuum.NOT_WORTH: "no rebuild: little space to win (--vacuum forces it)",
        Vacuum.NO_SPACE: f"no rebuild: it needs {_size(report.space_needed)} free near the database and in"
        " the temporary folder",
        Vacuum.NOT_SQLITE: "tables rebuilt by OPTIMIZE TABLE",
        Vacuum.NOT_REACHED: "no rebuild: the run stopped before it",
    }[report.vacuum]
    state = "cancelled" if report.cancelled else "done"
    lines = [
        f"{state}: {len(report.steps)} steps; size {_size(report.size_before)} -> {_size(report.size_after)}",
        vacuum,
        *report.notes,
    ]
    return "\n".join(lines)


def db_optimize(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run the maintenance steps, showing progress on stderr."""
    report = _care(ctx).optimize.optimize(ctx.actor, progress=_progress, force_vacuum=args.vacuum)
    ctx.emit(report, optimize_text(report))
    return 0
