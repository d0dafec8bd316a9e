"""CLI commands for the USB desk reader: list readers, read one tap, enroll a badge from the reader."""

import argparse
from typing import TYPE_CHECKING, Any

from timetracker_desktop.cli.context import CliContext, CliError

if TYPE_CHECKING:
    from timetracker_desktop.services.people.desk_enrollment import Enrollment

DEFAULT_TIMEOUT_S = 30.0


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the reader command group."""
    reader = sub.add_parser("reader", parents=[common], help="USB NFC desk reader (PC/SC)").add_subparsers(
        dest="reader_command", required=True
    )
    reader.add_parser("list", parents=[common], help="list connected readers").set_defaults(
        handler=reader_list
    )
    read = reader.add_parser("read", parents=[common], help="wait for one tap and show what it is")
    add_reader_options(read)
    read.set_defaults(handler=reader_read)


def add_reader_options(parser: argparse.ArgumentParser) -> None:
    """--reader and --timeout, shared with `employee enroll --from-reader`."""
    parser.add_argument("--reader", metavar="NAME", help="reader name (default: the first one)")
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="S", help="seconds to wait"
    )


def _read(args: argparse.Namespace) -> Any:
    from timetracker_desktop.hardware.desk_reader import PcscError, ReaderNotFoundError, read_one

    if not 0 < args.timeout <= 600:
        raise CliError("--timeout must be 1-600 seconds")
    try:
        return read_one(args.reader, args.timeout)
    except ReaderNotFoundError as error:
        available = ", ".join(error.available) or "none"
        raise CliError(
            f"no such reader (connected: {available}); enter the UID or phone code by hand"
        ) from None
    except PcscError as error:
        raise CliError(
            f"the smart-card service is not available ({error.code}): is a reader connected?"
        ) from None


def reader_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List readers."""
    from timetracker_desktop.hardware.desk_reader import PcscError, list_readers

    try:
        readers = list_readers()
    except PcscError as error:
        raise CliError(f"the smart-card service is not available ({error.code})") from None
    ctx.emit(readers, "\n".join(readers) if readers else "no reader connected")
    return 0


def describe(outcome: Any) -> tuple[dict[str, Any], str, bool]:
    """(JSON, text, success) for a read outcome."""
    from timetracker_desktop.hardware import outcomes as o

    if isinstance(outcome, o.CardRead):
        forms = outcome.forms
        data: dict[str, Any] = {"kind": "card", "uid": outcome.uid, "reversed": forms.reversed_hex}
        data.update(
            decimal_le=forms.decimal_le, decimal_be=forms.decimal_be, random_uid=outcome.is_random_uid
        )
        decimal = f"{forms.decimal_le} / {forms.decimal_be}"
        text = f"card {outcome.uid} (reversed {forms.reversed_hex}, decimal {decimal})"
        return data, text + (" - a random ID, never an identity" if outcome.is_random_uid else ""), True
    if isinstance(outcome, o.PhoneBadgeRead):
        state = "key verified by challenge" if outcome.verified else "KEY NOT VERIFIED (wrong signature)"
        phone: dict[str, Any] = {"kind": "phone", "code": outcome.code, "verified": outcome.verified}
        phone["fingerprint"] = outcome.fingerprint
        return phone, f"badge phone {outcome.code}, {state}, key {outcome.fingerprint}", outcome.verified
    messages = {
        o.DisabledBadgeRead: "the badge is disabled in the phone's app",
        o.ReadInterrupted: "the card was taken away too early; hold it still and tap again",
        o.ReadTimedOut: "no tap before the timeout",
        o.ReadCancelled: "cancelled",
    }
    if isinstance(outcome, o.ReadFailed):
        return {"kind": "error", "reason": outcome.reason.value}, f"cannot read: {outcome.detail}", False
    text = messages.get(type(outcome), "unknown outcome")
    return {"kind": type(outcome).__name__}, text, False


def reader_read(args: argparse.Namespace, ctx: CliContext) -> int:
    """Wait for one tap and print it."""
    data, text, ok = describe(_read(args))
    ctx.emit(data, text)
    return 0 if ok else 1


def employee_enroll(args: argparse.Namespace, ctx: CliContext) -> int:
    """Read a tap and bind it to the employee (same checks and audit as the GUI)."""
    from timetracker_desktop.hardware import outcomes as o

    if not args.from_reader:
        raise CliError("say where the badge comes from: --from-reader")
    outcome = _read(args)
    data, text, ok = describe(outcome)
    if not ok:
        raise CliError(text)
    service = ctx.services.desk_enrollment
    enrollment: Enrollment
    if isinstance(outcome, o.CardRead):
        enrollment = service.enroll_card(ctx.actor, args.id, outcome.uid, reassign=args.reassign)
    else:
        enrollment = service.enroll_phone(
            ctx.actor,
            args.id,
            outcome.code,
            outcome.public_key_b64,
            verified=outcome.verified,
            reassign=args.reassign,
        )
    data.update({"employee_id": args.id, "badge_id": enrollment.badge.id, "result": enrollment.result.value})
    ctx.emit(data, f"{text}\n{enrollment.result.value.replace('_', ' ')} for employee {args.id}")
    return 0
