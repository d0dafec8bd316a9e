"""CLI commands of the absences register: ``absence add``, ``absence list``, ``absence delete``."""

import argparse
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext, parse_date
from timetracker_desktop.domain.absences import FORM_DIGITS, AbsenceType

if TYPE_CHECKING:
    from timetracker_desktop.domain.absences import Absence

_TYPES = ", ".join(f"{t.value} ({FORM_DIGITS[t]})" for t in AbsenceType)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the absence commands."""
    absence = sub.add_parser(
        "absence", parents=[common], help="absences: leave, sick leave, trips"
    ).add_subparsers(dest="absence_command", required=True)
    add = absence.add_parser("add", parents=[common], help="record an absence over local dates (audited)")
    add.add_argument("--employee", type=int, required=True)
    add.add_argument("--type", dest="kind", required=True, help=f"form П-5 code, letters or digits: {_TYPES}")
    add.add_argument("--from", dest="first", type=parse_date, required=True, help="first day, YYYY-MM-DD")
    add.add_argument("--to", dest="last", type=parse_date, required=True, help="last day (included)")
    add.add_argument("--document", help="order or sick-note number")
    add.add_argument("--note")
    add.set_defaults(handler=absence_add)

    listing = absence.add_parser("list", parents=[common], help="absences sharing a day with a period")
    listing.add_argument("--employee", type=int)
    listing.add_argument("--from", dest="first", type=parse_date)
    listing.add_argument("--to", dest="last", type=parse_date)
    listing.set_defaults(handler=absence_list)

    delete = absence.add_parser("delete", parents=[common], help="delete an absence (audited)")
    delete.add_argument("absence_id", type=int, metavar="ID")
    delete.set_defaults(handler=absence_delete)


def absence_json(absence: "Absence") -> dict[str, Any]:
    """An absence as the ``--json`` output gives it."""
    return {
        "id": absence.id,
        "employee_id": absence.employee_id,
        "type": absence.kind.value,
        "form_code": FORM_DIGITS[absence.kind],
        "from": absence.first.isoformat(),
        "to": absence.last.isoformat(),
        "days": absence.days,
        "document": absence.document,
        "note": absence.note,
    }


def _line(absence: "Absence") -> str:
    text = (
        f"{absence.id:>5}  {absence.employee_id:>8}  {absence.kind.value:<3} {FORM_DIGITS[absence.kind]}  "
        f"{absence.first}  {absence.last}  {absence.days:>4}  {absence.document or ''}"
    )
    return f"{text}  {absence.note}" if absence.note else text.rstrip()


def absence_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Record an absence."""
    saved = ctx.services.absences.add(
        ctx.actor, args.employee, args.kind, args.first, args.last, document=args.document, note=args.note
    )
    ctx.emit(absence_json(saved), str(saved.id))
    return 0


def absence_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List absences (of one employee, or everybody's) sharing a day with the period."""
    found = ctx.services.absences.list_absences(args.employee, args.first, args.last)
    header = "   ID  EMPLOYEE  TYPE    FROM        TO          DAYS  DOCUMENT  NOTE"
    ctx.emit([absence_json(a) for a in found], "\n".join([header, *(_line(a) for a in found)]))
    return 0


def absence_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    """Delete an absence."""
    removed = ctx.services.absences.delete(ctx.actor, args.absence_id)
    ctx.emit(absence_json(removed), f"deleted {removed.id}")
    return 0
