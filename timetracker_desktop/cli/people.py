"""CLI commands for employees and terminals."""

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli import listener, reader, zkteco
from timetracker_desktop.cli.context import CliContext, CliError

if TYPE_CHECKING:
    from timetracker_desktop.services.people.employee_import import ImportPreview

IMPORT_COLUMNS = ("full_name", "position", "card_uid", "phone_code")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add employee and terminal commands."""
    emp = sub.add_parser("employee", parents=[common], help="employees").add_subparsers(
        dest="employee_command", required=True
    )
    add = emp.add_parser("add", parents=[common], help="create an employee")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--position")
    add.add_argument("--card-uid")
    add.add_argument("--phone-code", help="EMP-XXXXXXXX")
    add.add_argument("--pin", help="ZKTeco terminal PIN")
    add.set_defaults(handler=employee_add)
    emp.add_parser("list", parents=[common], help="list employees").set_defaults(handler=employee_list)
    deactivate = emp.add_parser("deactivate", parents=[common], help="deactivate an employee")
    deactivate.add_argument("id", type=int)
    deactivate.set_defaults(handler=employee_deactivate)
    enroll = emp.add_parser("enroll", parents=[common], help="bind a badge tapped on the desk reader")
    enroll.add_argument("id", type=int)
    enroll.add_argument("--from-reader", action="store_true", help="read the badge from the USB desk reader")
    enroll.add_argument("--reassign", action="store_true", help="take the badge from its current holder")
    reader.add_reader_options(enroll)
    enroll.set_defaults(handler=reader.employee_enroll)
    imp = emp.add_parser(
        "import",
        parents=[common],
        help=f"import a CSV (UTF-8 or cp1251; comma or semicolon) or XLSX: {','.join(IMPORT_COLUMNS)}",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=employee_import)

    term = sub.add_parser("terminal", parents=[common], help="terminals").add_subparsers(
        dest="terminal_command", required=True
    )
    tadd = term.add_parser("add", parents=[common], help="create a terminal; prints its key once")
    tadd.add_argument("--name", required=True)
    tadd.add_argument("--location")
    tadd.add_argument("--kind", choices=["android", "card_reader"], default="android")
    tadd.set_defaults(handler=terminal_add)
    term.add_parser("list", parents=[common], help="list terminals").set_defaults(handler=terminal_list)
    for name, handler, text in (
        ("rotate-key", terminal_rotate, "issue a new key (the old one stops working)"),
        ("deactivate", terminal_deactivate, "refuse everything from a terminal"),
    ):
        cmd = term.add_parser(name, parents=[common], help=text)
        cmd.add_argument("id", type=int)
        cmd.set_defaults(handler=handler)
    listener.add_terminal_commands(term, common)
    zkteco.add_terminal_commands(term, common)


def employee_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Create an employee."""
    from timetracker_desktop.services.dto import EmployeeDraft

    draft = EmployeeDraft(args.name, args.position, args.card_uid, args.phone_code, args.pin)
    employee = ctx.services.employees.add_employee(ctx.actor, draft)
    ctx.emit(employee, str(employee.id))
    return 0


def employee_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List employees."""
    employees = ctx.services.employees.list_employees()
    columns = [("id", "ID"), ("full_name", "NAME"), ("position_name", "POSITION"), ("is_active", "ACTIVE")]
    ctx.table(employees, columns)
    return 0


def employee_deactivate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Deactivate an employee."""
    employee = ctx.services.employees.set_active(ctx.actor, args.id, False)
    ctx.emit(employee, f"employee {employee.id} deactivated")
    return 0


FILE_PROBLEMS = {
    "bad_header": "the first row must name the columns; full_name is missing (found: {0})",
    "empty_file": "the file has no rows",
    "too_many_rows": "the file has more than {0} rows",
    "unknown_encoding": "the file is neither UTF-8 nor cp1251 (Windows Cyrillic); save it as CSV UTF-8",
    "unreadable_file": "cannot read it: {0}",
}


def read_import(path: Path) -> "ImportPreview":
    """The checked rows of an import file (CSV in UTF-8 or cp1251, or XLSX); an unusable file is an error."""
    from timetracker_desktop.services.people.employee_import import read_import_file

    preview = read_import_file(path)
    if preview.file_error is not None:
        problem = FILE_PROBLEMS.get(preview.file_error, "{0}").format(preview.file_detail)
        raise CliError(f"{path}: {problem}")
    return preview


def employee_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """Import employees, all rows or none; text output first says how a CSV was read."""
    preview = read_import(args.file)
    # Not in --json output: stdout stays one JSON document.
    read_as = f"read as {preview.encoding}, separator {preview.separator}\n" if preview.encoding else ""
    result = ctx.services.employees.import_drafts(ctx.actor, preview.drafts())
    if result.ok:
        ctx.emit(result, f"{read_as}imported {result.imported} employees")
        return 0
    lines = [f"line {e.line}: {e.field or '-'}: {e.message}" for e in result.errors]
    ctx.emit(result, f"{read_as}nothing imported:\n" + "\n".join(lines))
    return 1


def terminal_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Create a terminal and show its key once."""
    from timetracker_desktop.domain.terminals import TerminalKind

    created = ctx.services.terminals.add_terminal(
        ctx.actor, args.name, location=args.location, kind=TerminalKind(args.kind)
    )
    text = f"terminal {created.terminal.id} created\nkey (shown once): {created.key}"
    ctx.emit({"id": created.terminal.id, "name": created.terminal.name, "key": created.key}, text)
    return 0


def terminal_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List terminals."""
    terminals = ctx.services.terminals.list_terminals()
    columns = [
        ("id", "ID"),
        ("name", "NAME"),
        ("kind", "KIND"),
        ("is_active", "ACTIVE"),
        ("last_seen_at", "LAST SEEN"),
    ]
    ctx.table(terminals, columns)
    zkteco.show_pending(ctx)
    return 0


def terminal_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Rotate a terminal key."""
    created = ctx.services.terminals.rotate_key(ctx.actor, args.id)
    ctx.emit(
        {"id": args.id, "key": created.key}, f"new key for terminal {args.id} (shown once): {created.key}"
    )
    return 0


def terminal_deactivate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Deactivate a terminal."""
    terminal = ctx.services.terminals.set_active(ctx.actor, args.id, False)
    ctx.emit(terminal, f"terminal {terminal.id} deactivated")
    return 0
