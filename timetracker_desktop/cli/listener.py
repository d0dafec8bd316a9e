"""CLI commands of the terminal listener: ``serve``, ``terminal enrollment`` and ``terminal show``."""

import argparse
import gc
import ipaddress
import logging
import sys
import threading
from typing import Any

from timetracker_desktop.cli import zkteco
from timetracker_desktop.cli.context import CliContext, CliError
from timetracker_desktop.listener.options import ListenerOptions

log = logging.getLogger(__name__)
DEFAULT_HOST = "0.0.0.0"  # noqa: S104 - terminals on the LAN must reach it (the QR names this PC's LAN address)
DEFAULT_PORT = 8000  # the legacy QR port


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``serve``."""
    serve = sub.add_parser("serve", parents=[common], help="run the terminal listener without the GUI")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})")
    serve.add_argument(
        "--trusted-proxy", action="append", default=[], metavar="ADDRESS",
        help="a reverse proxy whose X-Forwarded-For is believed (repeatable; default: none)",
    )  # fmt: skip
    serve.add_argument(
        "--as-service", action="store_true",
        help="as the Windows service runs it: log to service.log; on Windows the data folder is "
        "%%ProgramData%%\\TimeTracker unless TIMETRACKER_DATA_DIR or --data-dir says otherwise",
    )  # fmt: skip
    serve.set_defaults(handler=serve_listener)


def listener_options(args: argparse.Namespace) -> ListenerOptions:
    """The listener's options from ``serve``'s arguments; a proxy that is not an IP address is a CLI error."""
    for proxy in args.trusted_proxy:
        try:
            ipaddress.ip_address(proxy)
        except ValueError:
            raise CliError(f"--trusted-proxy {proxy!r} is not an IP address") from None
    return ListenerOptions(trusted_proxies=tuple(args.trusted_proxy))


def add_terminal_commands(term: Any, common: argparse.ArgumentParser) -> None:
    """Add ``terminal enrollment`` and ``terminal show`` to the ``terminal`` subcommands."""
    enrollment = term.add_parser(
        "enrollment", parents=[common], help="open or close a terminal's enrollment window"
    )
    enrollment.add_argument("id", type=int)
    action = enrollment.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--open", action="store_true", help="let the terminal register phone keys for a while"
    )
    action.add_argument("--close", action="store_true", help="end the window now")
    enrollment.add_argument("--minutes", type=int, help="window length (default: the enrollment setting)")
    enrollment.set_defaults(handler=terminal_enrollment)
    show = term.add_parser("show", parents=[common], help="a terminal's settings and health")
    show.add_argument("id", type=int)
    show.set_defaults(handler=terminal_show)


def serve_listener(args: argparse.Namespace, ctx: CliContext) -> int:
    """Serve terminals in the foreground until Ctrl+C or SIGTERM."""
    from timetracker_desktop.listener.app import build_app
    from timetracker_desktop.listener.awake import kept_awake
    from timetracker_desktop.listener.server import ListenerServer, ListenerStartError
    from timetracker_desktop.repositories.ports.leases import RunnerKind
    from timetracker_desktop.services.database_care.health import HealthWatcher
    from timetracker_desktop.services.database_care.receipts import ReceiptPurger
    from timetracker_desktop.services.maintenance.lease import this_process
    from timetracker_desktop.services.maintenance.runner import scheduled_jobs_runner

    services = ctx.services
    options = listener_options(args)
    try:
        server = ListenerServer(
            build_app(services, options=options), args.host, args.port, flush=services.terminal_health.flush
        )
    except ListenerStartError as error:
        raise CliError(str(error)) from None
    print(f"listening on {args.host}:{server.port} (Ctrl+C stops)", file=sys.stderr, flush=True)
    # PowerShell takes a second or more: terminals are served meanwhile.
    threading.Thread(
        target=warn_if_firewall_blocks, args=(server.port, args.host), name="firewall-check", daemon=True
    ).start()
    # Modules, services and the web stack live as long as the process: frozen, the collector stops walking
    # them at every full collection (-8 % CPU per scan and a lower p99 on MariaDB, docs/benchmarks.md).
    gc.freeze()
    # Automatic backups only while this process holds the database's scheduled-jobs lease (one runner
    # among the GUI, services and other PCs); ``--as-service`` names it "the service" on the Backups page.
    kind = RunnerKind.SERVICE if getattr(args, "as_service", False) else RunnerKind.LISTENER
    backups = scheduled_jobs_runner(services, this_process(kind), first_check_after=300)
    if backups is not None:
        backups.start()
    receipts = ReceiptPurger(services.receipts) if services.receipts else None  # at start, then daily
    if receipts is not None:
        receipts.start()
    watcher = HealthWatcher(services.health) if services.health else None  # WARNING lines at start, hourly
    if watcher is not None:
        watcher.start()
    try:
        with kept_awake(services.settings):  # on this thread, which serves until the end (system.power)
            server.run()
    finally:
        if watcher is not None:
            watcher.stop()
        if receipts is not None:
            receipts.stop()
        if backups is not None:
            backups.stop()
    return 0


def warn_if_firewall_blocks(port: int, host: str = "") -> None:
    """On Windows, log a warning (console and file) when the firewall may keep terminals out, with the fix
    (nothing for a listener on loopback ``host``: no terminal reaches it anyway)."""
    from timetracker_desktop.system import firewall

    found = firewall.check(port, host=host)
    if found is None or not found.blocked:
        return
    command = firewall.allow_command(found.program)[1].removeprefix("/d /c ")
    log.warning(
        "Windows Firewall may block terminals on port %d (rule %r: %s). In a command prompt run as "
        "administrator: %s",
        port, found.rule, found.problem, command,
    )  # fmt: skip


def terminal_enrollment(args: argparse.Namespace, ctx: CliContext) -> int:
    """Open or close the enrollment window of a terminal."""
    terminals = ctx.services.terminals
    if args.close:
        terminal = terminals.close_enrollment(ctx.actor, args.id)
        ctx.emit(terminal, f"terminal {terminal.id}: enrollment closed")
        return 0
    minutes = args.minutes or ctx.services.settings.current().enrollment_window_minutes
    terminal = terminals.open_enrollment(ctx.actor, args.id, minutes)
    until = terminal.enrollment_until.isoformat(timespec="seconds") if terminal.enrollment_until else "-"
    ctx.emit(terminal, f"terminal {terminal.id}: enrollment open until {until}")
    return 0


def _when(value: Any) -> str:
    return value.isoformat(timespec="seconds") if value is not None else "never"


def terminal_show(args: argparse.Namespace, ctx: CliContext) -> int:
    """A terminal with its health (last seen, requests and taps today, online)."""
    terminal = ctx.services.terminals.get(args.id)
    health = ctx.services.terminal_health.health(args.id)
    abilities = [n for n, on in (("phone scans", terminal.phone_scans), ("card scans", terminal.card_scans),
                                 ("enrollment", terminal.enrollment)) if on]  # fmt: skip
    state = "" if terminal.is_active else " DISABLED"
    window = f"until {_when(terminal.enrollment_until)}" if terminal.enrollment_until else "no"
    status = "online" if health.online else "offline"
    lines = [
        f"terminal {terminal.id}: {terminal.name} ({terminal.kind.value}){state}",
        f"  location:        {terminal.location or '-'}",
        f"  capabilities:    {', '.join(abilities) or 'none'}",
        f"  direction mode:  {terminal.direction_mode.value}; UID format: {terminal.uid_format.value}",
        f"  enrollment open: {window}",
        f"  status:          {status}; last seen {_when(health.last_seen_at)}",
        f"  today ({health.day.isoformat()}): {health.requests_today} requests, {health.taps_today} taps",
    ]
    device, device_lines = zkteco.device_section(ctx, terminal.id)
    ctx.emit({"terminal": terminal, "health": health, "device": device}, "\n".join(lines + device_lines))
    return 0
