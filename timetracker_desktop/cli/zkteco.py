"""CLI of ZKTeco (ADMS) devices: pending list, show, approve, re-approve, reject, reload logs, commands."""

import argparse
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from timetracker_desktop.cli.context import CliContext, parse_date
from timetracker_desktop.domain.terminals import DirectionMode
from timetracker_desktop.repositories.ports.zkteco import AdmsDevice
from timetracker_desktop.services.zkteco.dto import DeviceCommand

PENDING_COLUMNS = [
    ("id", "ID"),
    ("serial", "SERIAL"),
    ("last_ip", "IP"),
    ("first_seen_at", "FIRST SEEN"),
    ("last_seen_at", "LAST SEEN"),
]
REAPPROVAL_COLUMNS = [
    ("id", "ID"),
    ("serial", "SERIAL"),
    ("terminal_id", "TERMINAL"),
    ("approved_ip", "APPROVED AT"),
    ("moved_ip", "NOW CALLING FROM"),
    ("comm_key_changed", "OTHER COMM KEY"),
    ("moved_at", "SINCE"),
]


@dataclass(frozen=True, slots=True)
class DeviceLine:
    """A device as the CLI prints it (the comm key's hash never leaves the program)."""

    id: int
    serial: str
    state: str
    terminal_id: int | None
    last_ip: str | None
    approved_ip: str | None
    comm_key_pinned: bool
    needs_reapproval: bool
    moved_ip: str | None
    comm_key_changed: bool
    moved_at: datetime | None
    first_seen_at: datetime
    last_seen_at: datetime
    firmware: str | None


def device_line(device: AdmsDevice) -> DeviceLine:
    """What the CLI shows of a device."""
    return DeviceLine(
        device.id, device.serial, device.state.value, device.terminal_id, device.last_ip, device.approved_ip,
        device.comm_key_hash is not None, device.needs_reapproval, device.moved_ip,
        device.moved_key_hash is not None, device.moved_at, device.first_seen_at, device.last_seen_at,
        device.firmware,
    )  # fmt: skip


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
    reapprove = term.add_parser(
        "reapprove",
        parents=[common],
        help="accept the new address (or comm key) of an approved ZKTeco device",
    )
    reapprove.add_argument("id", type=int, help="device ID (see 'terminal pending')")
    reapprove.add_argument("--address", help="the new address you expect (refused if it has changed again)")
    reapprove.set_defaults(handler=terminal_reapprove)
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
    """Under ``terminal list`` (text only): devices waiting for approval or re-approval."""
    if ctx.as_json:
        return
    pending = [device_line(d) for d in ctx.services.adms_admin.pending()]
    if pending:
        print("\nZKTeco devices waiting for approval (terminal approve ID):")
        ctx.table(pending, PENDING_COLUMNS)
    _show_reapproval(ctx)


def _show_reapproval(ctx: CliContext) -> None:
    moved = [device_line(d) for d in ctx.services.adms_admin.awaiting_reapproval()]
    if moved:
        print("\nZKTeco devices refused until re-approved (terminal reapprove ID):")
        ctx.table(moved, REAPPROVAL_COLUMNS)


def terminal_pending(args: argparse.Namespace, ctx: CliContext) -> int:
    """List devices waiting for approval, then approved ones refused until re-approved."""
    pending = [device_line(d) for d in ctx.services.adms_admin.pending()]
    if ctx.as_json:
        moved = [device_line(d) for d in ctx.services.adms_admin.awaiting_reapproval()]
        ctx.emit(pending + moved)
        return 0
    ctx.table(pending, PENDING_COLUMNS)
    _show_reapproval(ctx)
    return 0


def _refusal_text(line: DeviceLine) -> str:
    if not line.needs_reapproval:
        return "none"
    what = [f"called from {line.moved_ip}"] if line.moved_ip else []
    what += ["presented another comm key"] if line.comm_key_changed else []
    return f"{' and '.join(what)} since {_when(line.moved_at)}: refused until 'terminal reapprove {line.id}'"


def _when(at: datetime | None) -> str:
    return "-" if at is None else at.isoformat(timespec="seconds")


def device_section(ctx: CliContext, terminal_id: int) -> tuple[DeviceLine | None, list[str]]:
    """For ``terminal show``: the ZKTeco device behind a terminal (none for other kinds), and its lines."""
    detail = ctx.services.adms_admin.for_terminal(terminal_id)
    if detail is None:
        return None, []
    line = device_line(detail.view.device)
    return line, [
        f"  ZKTeco device:   {line.id} ({line.serial}), {line.state}; firmware {line.firmware or '-'}",
        f"  approved at:     {line.approved_ip or '-'}; comm key {'pinned' if line.comm_key_pinned else '-'}",
        f"  last address:    {line.last_ip or '-'}",
        f"  re-approval:     {_refusal_text(line)}",
    ]


def terminal_reapprove(args: argparse.Namespace, ctx: CliContext) -> int:
    """Pin an approved device to its new address (and comm key)."""
    device = ctx.services.adms_admin.reapprove(ctx.actor, args.id, args.address)
    line = device_line(device)
    ctx.emit(line, f"device {device.id} ({device.serial}) re-approved at {device.approved_ip}")
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
