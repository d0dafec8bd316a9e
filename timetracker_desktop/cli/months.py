"""CLI commands of month closing: ``month close``, ``month reopen``, ``month list``, ``month diff``."""

import argparse
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext
from timetracker_desktop.domain.errors import ValidationError
from timetracker_desktop.domain.month_closing import Month

if TYPE_CHECKING:
    from timetracker_desktop.domain.month_closing import ClosedMonth
    from timetracker_desktop.services.timesheet.closing import MonthChanges


def parse_month(text: str) -> Month:
    """YYYY-MM (argparse turns a refusal into a usage error, exit code 2)."""
    try:
        return Month.parse(text)
    except ValidationError:
        raise argparse.ArgumentTypeError(f"bad month {text!r}: use YYYY-MM") from None


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the month commands."""
    month = sub.add_parser(
        "month", parents=[common], help="month closing: freeze a handed-over month"
    ).add_subparsers(dest="month_command", required=True)
    close = month.add_parser("close", parents=[common], help="close a month (admin; audited)")
    close.add_argument("month", type=parse_month, metavar="YYYY-MM")
    close.set_defaults(handler=month_close)

    reopen = month.add_parser("reopen", parents=[common], help="reopen a closed month (admin; audited)")
    reopen.add_argument("month", type=parse_month, metavar="YYYY-MM")
    reopen.add_argument("--reason", required=True)
    reopen.set_defaults(handler=month_reopen)

    listing = month.add_parser("list", parents=[common], help="months closed or reopened")
    listing.set_defaults(handler=month_list)

    diff = month.add_parser("diff", parents=[common], help="cells changed since the month was closed")
    diff.add_argument("month", type=parse_month, metavar="YYYY-MM")
    diff.set_defaults(handler=month_diff)


def closing_json(closing: "ClosedMonth") -> dict[str, Any]:
    """A month's closing as ``--json`` gives it (without the stored timesheet)."""
    return {
        "month": str(closing.month),
        "closed": closing.closed,
        "closed_at": closing.closed_at.isoformat(),
        "closed_by": closing.closed_by,
        "reopened_at": closing.reopened_at.isoformat() if closing.reopened_at else None,
        "reopened_by": closing.reopened_by,
        "reopen_reason": closing.reopen_reason,
        "employees": len(closing.snapshot),
    }


def _line(closing: "ClosedMonth") -> str:
    state = "closed" if closing.closed else "reopened"
    text = f"{closing.month}  {state:<8}  {closing.closed_at:%Y-%m-%d %H:%M}Z  {closing.closed_by}"
    if closing.reopened_at is not None:
        when = f"{closing.reopened_at:%Y-%m-%d %H:%M}Z"
        text += f"  reopened {when} by {closing.reopened_by}: {closing.reopen_reason}"
    return text


def month_close(args: argparse.Namespace, ctx: CliContext) -> int:
    """Close a month."""
    closing = ctx.services.months.close(ctx.actor, args.month)
    ctx.emit(closing_json(closing), f"closed {closing.month} ({len(closing.snapshot)} employees)")
    return 0


def month_reopen(args: argparse.Namespace, ctx: CliContext) -> int:
    """Reopen a month."""
    closing = ctx.services.months.reopen(ctx.actor, args.month, args.reason)
    ctx.emit(closing_json(closing), f"reopened {closing.month}")
    return 0


def month_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List the months ever closed."""
    found = ctx.services.months.list_months()
    header = "MONTH    STATE     CLOSED AT (UTC)    BY"
    ctx.emit([closing_json(c) for c in found], "\n".join([header, *(_line(c) for c in found)]))
    return 0


def changes_json(changes: "MonthChanges") -> dict[str, Any]:
    """What changed since closing, as ``--json`` gives it."""
    return {
        **closing_json(changes.closing),
        "changed_cells": [
            {
                "employee_id": c.employee_id,
                "name": c.name,
                "day": c.day.isoformat(),
                "before": {"text": c.before_text, "seconds": c.before_seconds},
                "after": {"text": c.after_text, "seconds": c.after_seconds},
            }
            for c in changes.cells
        ],
        "late_taps": [
            {
                "punch_id": p.id,
                "employee_id": p.employee_id,
                "at": p.at.isoformat(),
                "received_at": p.received_at.isoformat() if p.received_at else None,
            }
            for p in changes.late_taps
        ],
    }


def _changes_text(changes: "MonthChanges") -> str:
    lines = [f"{changes.closing.month}: {len(changes.cells)} changed cell(s) since closing"]
    lines += [
        f"{c.day}  {c.employee_id:>6}  {c.name}: {c.before_text or '-'} -> {c.after_text or '-'}"
        for c in changes.cells
    ]
    if changes.late_taps:
        lines.append(f"{len(changes.late_taps)} terminal tap(s) arrived after the month was closed:")
        lines += [
            f"  punch {p.id}  employee {p.employee_id}  at {p.at:%Y-%m-%d %H:%M}Z" for p in changes.late_taps
        ]
    return "\n".join(lines)


def month_diff(args: argparse.Namespace, ctx: CliContext) -> int:
    """Cells changed since the month was closed (and taps that arrived late)."""
    changes = ctx.services.months.changes(args.month)
    ctx.emit(changes_json(changes), _changes_text(changes))
    return 0
