"""CLI commands for punches and worktime."""

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext, CliError, parse_date

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from timetracker_desktop.domain.worktime import DayResult, WorktimeResult


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add punch and worktime commands."""
    punch = sub.add_parser("punch", parents=[common], help="punches").add_subparsers(
        dest="punch_command", required=True
    )
    add = punch.add_parser("add", parents=[common], help="add a manual punch in local time (audited)")
    add.add_argument("--employee", type=int, required=True)
    add.add_argument("--at", required=True, help='local time "YYYY-MM-DD HH:MM"')
    add.add_argument("--direction", choices=["IN", "OUT"])
    add.add_argument("--reason", required=True)
    add.add_argument("--fold", type=int, choices=[0, 1], help="for a repeated autumn hour: 0 first, 1 second")
    add.set_defaults(handler=punch_add)

    work = sub.add_parser("worktime", parents=[common], help="per-day worked vs planned time of an employee")
    work.add_argument("--employee", type=int, required=True)
    work.add_argument("--from", dest="first", type=parse_date, required=True)
    work.add_argument("--to", dest="last", type=parse_date, required=True)
    work.set_defaults(handler=worktime)


def punch_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Add a manual punch."""
    from timetracker_desktop.domain.attendance import Direction

    try:
        local = datetime.strptime(args.at, "%Y-%m-%d %H:%M")  # noqa: DTZ007 - local wall time, zone applied by the service
    except ValueError:
        raise CliError(f'bad time {args.at!r}: use "YYYY-MM-DD HH:MM"') from None
    direction = Direction(args.direction) if args.direction else None
    punch_id = ctx.services.punches.add_manual(
        ctx.actor, args.employee, local, args.reason, direction=direction, fold=args.fold
    )
    ctx.emit({"id": punch_id}, str(punch_id))
    return 0


def _minutes(seconds: int) -> int:
    return seconds // 60


def _local(at: datetime | None, zone: "ZoneInfo") -> str | None:
    return None if at is None else at.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _day_json(day: "DayResult", zone: "ZoneInfo") -> dict[str, Any]:
    return {
        "day": day.day.isoformat(),
        "worked_minutes": _minutes(day.worked_seconds),
        "planned_minutes": _minutes(day.planned_seconds),
        "first_in": _local(day.first_in, zone),
        "last_out": _local(day.last_out, zone),
        "late_minutes": _minutes(day.late_seconds),
        "overtime_minutes": _minutes(day.overtime_seconds),
        "absent": day.absent,
        "incomplete": day.incomplete,
        "code": day.code,
        "absence": day.absence.value if day.absence else None,
        "anomalies": [a.value for a in day.anomalies],
    }


def _hhmm(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def _text(result: "WorktimeResult", days: list[dict[str, Any]]) -> str:
    lines = ["DAY         WORKED  PLANNED  IN     OUT    NOTES"]
    for day, data in zip(result.days, days, strict=True):
        notes = ", ".join(
            [
                *data["anomalies"],
                *(["absent"] if day.absent else []),
                *([day.code] if day.code else []),
                *([f"absence {day.absence.value}"] if day.absence else []),
            ]
        )
        first_in = (data["first_in"] or "-")[-5:]
        last_out = (data["last_out"] or "-")[-5:]
        lines.append(
            f"{data['day']}  {_hhmm(day.worked_seconds):>6}  {_hhmm(day.planned_seconds):>7}  "
            f"{first_in:<5}  {last_out:<5}  {notes}".rstrip()
        )
    lines.append(
        f"TOTAL       {_hhmm(result.total_worked_seconds):>6}  {_hhmm(result.total_planned_seconds):>7}  "
        f"anomalies: {result.anomaly_count}"
    )
    return "\n".join(lines)


def worktime(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the engine's answer for an employee and period."""
    services = ctx.services
    result = services.worktime.for_employee(args.employee, args.first, args.last)
    zone = services.settings.current().zone
    days = [_day_json(d, zone) for d in result.days]
    data = {
        "employee_id": result.employee_id,
        "days": days,
        "total_worked_minutes": _minutes(result.total_worked_seconds),
        "total_planned_minutes": _minutes(result.total_planned_seconds),
        "anomalies": result.anomaly_count,
    }
    ctx.emit(data, _text(result, days))
    return 0
