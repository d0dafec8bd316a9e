"""CLI command ``db purge``: remove old data after archiving it, with a preview and a confirmation."""

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext, CliError

if TYPE_CHECKING:
    from timetracker_desktop.services.database_care.purge import DatabasePurgeService, PurgePreview


def add_purge_command(db: Any, common: argparse.ArgumentParser) -> None:
    """Add ``purge`` to the ``db`` subcommands."""
    purge = db.add_parser(
        "purge", parents=[common], help="archive, then remove punches and audit entries older than a date"
    )
    purge.add_argument("--before", type=date.fromisoformat, required=True, help="YYYY-MM-DD (office zone)")
    purge.add_argument("--archive", type=Path, required=True, help="the archive file to write first (.zip)")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    purge.set_defaults(handler=db_purge)


def _service(ctx: CliContext) -> "DatabasePurgeService":
    care = ctx.app().services.database_care
    if care is None or care.purge is None:
        raise CliError("removing old data is not available in this build")
    return care.purge


def preview_text(preview: "PurgePreview") -> str:
    """What will be removed, per table."""
    lines = [f"rows older than {preview.before.isoformat()} to archive and remove:"]
    lines += [f"  {name:<20}{rows:>12,}" for name, rows in preview.rows.items()]
    lines.append(f"  {'total':<20}{preview.total:>12,}")
    return "\n".join(lines)


def db_purge(args: argparse.Namespace, ctx: CliContext) -> int:
    """Preview, confirm, archive, verify, remove."""
    service = _service(ctx)
    preview = service.preview(ctx.actor, args.before)
    print(preview_text(preview), file=sys.stderr)
    if preview.total == 0:
        ctx.emit({"removed": preview.rows}, "nothing to remove")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("db purge removes data: confirm with --yes (nothing was removed)")
        answer = input(f"Archive into {args.archive} and remove these rows? Type 'yes' to go on: ")
        if answer.strip().lower() != "yes":
            raise CliError("purge cancelled: nothing was removed")
    result = service.purge(
        ctx.actor, args.before, args.archive.resolve(), lambda step: print(step, file=sys.stderr)
    )
    ctx.emit(
        {"archive": str(result.archive), "removed": result.rows},
        f"removed {sum(result.rows.values()):,} rows; the archive is {result.archive}",
    )
    return 0
