"""CLI commands for the database, users, settings and demo data."""

import argparse
import getpass
import sys
from typing import Any

from timetracker_desktop.cli.context import CliContext, CliError
from timetracker_desktop.cli.db_care import add_care_commands
from timetracker_desktop.cli.db_purge import add_purge_command
from timetracker_desktop.domain.users import Role


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add db, user, settings and demo commands."""
    db = sub.add_parser("db", parents=[common], help="database schema and care").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", parents=[common], help="migrate to the newest schema").set_defaults(
        handler=db_upgrade
    )
    db.add_parser("current", parents=[common], help="show the schema revision").set_defaults(
        handler=db_current
    )
    add_care_commands(db, common)
    add_purge_command(db, common)

    user = sub.add_parser("user", parents=[common], help="application users").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", parents=[common], help="create a user (the first must be an admin)")
    add.add_argument("--username", required=True)
    add.add_argument("--role", choices=[r.value for r in Role], required=True)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=user_add)
    user.add_parser("list", parents=[common], help="list users").set_defaults(handler=user_list)

    settings = sub.add_parser("settings", parents=[common], help="business settings").add_subparsers(
        dest="settings_command", required=True
    )
    settings.add_parser("list", parents=[common], help="show all settings").set_defaults(
        handler=settings_list
    )
    put = settings.add_parser("set", parents=[common], help="change one setting")
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(handler=settings_set)

    demo = sub.add_parser("demo", parents=[common], help="fill an empty database with demo data")
    demo.add_argument("--employees", type=int, default=25)
    demo.add_argument("--days", type=int, default=60)
    demo.set_defaults(handler=demo_generate)


def db_upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    """Migrate the database."""
    from timetracker_desktop.app import open_storage, upgrade_database

    storage = open_storage(ctx.url)
    try:
        report = upgrade_database(storage)
    finally:
        storage.dispose()
    ctx.emit(report, f"database at revision {report.to_revision} (was {report.from_revision or 'empty'})")
    return 0


def db_current(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show the revision."""
    from timetracker_desktop.app import database_revision, open_storage

    storage = open_storage(ctx.url)
    try:
        current, head = database_revision(storage)
    finally:
        storage.dispose()
    state = "up to date" if current == head else "needs upgrade"
    ctx.emit({"current": current, "head": head}, f"{current or 'empty'} (newest {head}, {state})")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("no terminal to prompt for a password: use --password-stdin")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise CliError("the passwords differ")
    return first


def user_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Create a user."""
    password = _read_password(args.password_stdin)
    user = ctx.services.users.create_user(ctx.actor, args.username, password, Role(args.role))
    ctx.emit(user, f"user {user.username} ({user.role.value}) created with id {user.id}")
    return 0


def user_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List users."""
    users = ctx.services.users.list_users(ctx.actor)
    ctx.table(users, [("id", "ID"), ("username", "USER"), ("role", "ROLE"), ("is_active", "ACTIVE")])
    return 0


def settings_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show settings."""
    values = ctx.services.settings.as_text()
    ctx.emit(values, "\n".join(f"{k} = {v}" for k, v in values.items()))
    return 0


def settings_set(args: argparse.Namespace, ctx: CliContext) -> int:
    """Change a setting."""
    ctx.services.settings.change(ctx.actor, args.key, args.value)
    value = ctx.services.settings.as_text()[args.key]
    ctx.emit({args.key: value}, f"{args.key} = {value}")
    return 0


def demo_generate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Generate demo data."""
    from timetracker_desktop.services.demo import DemoDataService

    services = ctx.services
    summary = DemoDataService(services.uow, services.clock).generate(ctx.actor, args.employees, args.days)
    text = f"created {summary.employees} employees, {summary.terminals} terminals, {summary.punches} punches"
    ctx.emit(summary, text)
    return 0
