"""CLI commands of ZKTeco (ADMS) devices: pending list, approve, reject, reload logs, device commands."""

import argparse
from typing import Any

from timetracker_desktop.cli.context import CliContext, parse_date
from timetracker_desktop.domain.terminals import DirectionMode
from timetracker_desktop.services.zkteco.dto import DeviceCommand

PENDING_COLUMNS = [
    ("id", "ID"),
    ("serial", "SERIAL"),
    ("last_ip", "IP"),
    ("first_seen_at", "FIRST SEEN"),
    ("last_seen_at", "LAST SEEN"),
]


def add_terminal_commands(term: Any, common: argparse.ArgumentParser) -> None:
    """Add ``terminal pending|approve|reject|reload-logs|command`` (IDs are device IDs from ``pending``)."""
    term.add_parser("pending", parents=[common], help="ZKTeco devices waiting for approval").set_defaults(
        handler=terminal_pending
    )
    approve = term.add_parser("approve", parents=[common], help="accept a pending ZKTeco device")
    approve.add_argument("id", type=int, help="device ID (see 'terminal pending')")
    approve.add_argument("--name", help="terminal name (default: ZKTeco <serial>)")
    approve.add_argument("--time-zone", help="the device's zone (default: the office zone)")
    approve.add_argument(
        "--direction-mode",
        choices=[DirectionMode.DEVICE.value, DirectionMode.AUTO.value],
        default=DirectionMode.DEVICE.value,
        help="device: trust its IN/OUT keys; auto: the server decides",
    )
    approve.set_defaults(handler=terminal_approve)
    reject = term.add_parser("reject", parents=[common], help="refuse a ZKTeco device everywhere")
    reject.add_argument("id", type=int, help="device ID")
    reject.set_defaults(handler=terminal_reject)
    reload = term.add_parser("reload-logs", parents=[common], help="ask a ZKTeco device for its whole log")
    reload.add_argument("id", type=int, help="device ID")
    reload.add_argument("--from", dest="start", type=parse_date, help="first day (default: everything)")
    reload.add_argument("--to", dest="end", type=parse_date, help="last day (default: today)")
    reload.set_defaults(handler=terminal_reload)
    command = term.add_parser("command", parents=[common], help="queue a command for a ZKTeco device")
    command.add_argument("id", type=int, help="device ID")
    command.add_argument("command", choices=[c.value for c in DeviceCommand])
    command.add_argument("--confirm", action="store_true", help="needed by clear_logs")
    command.set_defaults(handler=terminal_command)


def show_pending(ctx: CliContext) -> None:
    """Under ``terminal list`` (text only): devices waiting for approval, with their serial numbers."""
    if ctx.as_json:
        return
    pending = ctx.services.adms_admin.pending()
    if pending:
        print("\nZKTeco devices waiting for approval (terminal approve ID):")
        ctx.table(pending, PENDING_COLUMNS)


def terminal_pending(args: argparse.Namespace, ctx: CliContext) -> int:
    """List devices waiting for approval."""
    ctx.table(ctx.services.adms_admin.pending(), PENDING_COLUMNS)
    return 0


def terminal_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    """Approve a device: it becomes a terminal of kind adms."""
    terminal = ctx.services.adms_admin.approve(
        ctx.actor,
        args.id,
        name=args.name,
        time_zone=args.time_zone,
        direction_mode=DirectionMode(args.direction_mode),
    )
    ctx.emit(terminal, f"device {args.id} approved as terminal {terminal.id} ({terminal.name})")
    return 0


def terminal_reject(args: argparse.Namespace, ctx: CliContext) -> int:
    """Reject a device."""
    device = ctx.services.adms_admin.reject(ctx.actor, args.id)
    ctx.emit(device, f"device {device.id} ({device.serial}) rejected")
    return 0


def terminal_reload(args: argparse.Namespace, ctx: CliContext) -> int:
    """Forget the device's upload position and ask for its log again."""
    command = ctx.services.adms_admin.reload_logs(ctx.actor, args.id, start=args.start, end=args.end)
    ctx.emit(command, f"device {args.id}: log reload queued as command {command.command_id}")
    return 0


def terminal_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Queue one of the device commands."""
    queued = ctx.services.adms_admin.queue_command(
        ctx.actor, args.id, DeviceCommand(args.command), confirm=args.confirm
    )
    ids = ", ".join(c.command_id for c in queued)
    ctx.emit(queued, f"device {args.id}: queued command(s) {ids}")
    return 0
