"""Command line: ``timetracker-desktop [--db URL] [--json] COMMAND ...``; no command starts the GUI."""

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from timetracker_desktop import __version__
from timetracker_desktop.cli import (
    absences,
    database,
    listener,
    months,
    operations,
    people,
    reader,
    records,
    reports,
)
from timetracker_desktop.cli.context import CliContext, CliError, common_options, database_url_problem
from timetracker_desktop.cli.streams import use_utf8_when_redirected
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.listener.child.link import CHILD_FLAG
from timetracker_desktop.logging_setup import ProcessLog, SecretFilter, configure_logging
from timetracker_desktop.paths import DATA_DIR_ENV, data_root_problem, set_data_root, use_service_data_root

EXIT_DOMAIN = 1
EXIT_USAGE = 2  # as argparse: the command line itself is wrong
EXIT_STORAGE = 3
EXIT_INTERRUPTED = 130
COMMAND_MODULES = (database, people, records, absences, months, reader, listener, reports, operations)


def build_parser() -> argparse.ArgumentParser:
    """The full parser; ``--db`` and ``--json`` work before and after the subcommand."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="timetracker-desktop",
        description="TimeTracker Desktop: office time and attendance. Without a command, starts the GUI.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def start_logging(kind: ProcessLog = ProcessLog.CLI) -> None:
    """Warnings to stderr in short form; INFO and up to the rotating log file of this kind of process."""
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.addFilter(SecretFilter())
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[console])
    try:
        configure_logging(console=False, name=kind)
    except OSError as error:  # a read-only profile folder must not stop the program
        logging.getLogger(__name__).warning("no log file: %s", error)


def choose_data_root(args: argparse.Namespace) -> ProcessLog:
    """Apply ``--data-dir`` and ``serve --as-service`` first; the kind of this process."""
    folder = getattr(args, "data_dir", None)
    if folder:
        set_data_root(Path(folder))
    if getattr(args, "handler", None) is None:
        return ProcessLog.GUI
    if getattr(args, "as_service", False):
        use_service_data_root()
        return ProcessLog.SERVICE
    return ProcessLog.CLI


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; errors go to stderr with a non-zero exit and no traceback."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [CHILD_FLAG]:  # the GUI's listener process (listener.process), not a command
        from timetracker_desktop.app import open_for_listener_child
        from timetracker_desktop.listener.child.main import main as listener_child

        return listener_child(open_for_listener_child)
    use_utf8_when_redirected()  # before anything is printed, --help and usage errors included
    args = build_parser().parse_args(arguments)
    kind = choose_data_root(args)
    problem = data_root_problem()
    if problem is not None:
        if sys.stderr is not None:  # a windowed (frozen) GUI has none
            print(f"error: {problem} (--data-dir or {DATA_DIR_ENV})", file=sys.stderr)
        if kind is ProcessLog.GUI:  # double-clicked: nobody reads a console, so say it in a window
            from timetracker_desktop.app import show_startup_problem

            show_startup_problem(problem)
        return EXIT_USAGE
    start_logging(kind)
    # After parsing: --help and usage errors exit above without loading the storage port and its domain.
    from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, StorageUnavailableError

    context = CliContext(getattr(args, "db", None), bool(getattr(args, "json", False)))
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from timetracker_desktop.app import run_gui

            return run_gui(context.url)  # the GUI explains a bad URL in its database dialog
        problem = database_url_problem(context.url)
        if problem is not None and not getattr(args, "reports_bad_database_url", False):
            print(f"error: --db: {problem}", file=sys.stderr)
            return EXIT_USAGE
        return int(handler(args, context) or 0)
    except (DomainError, CliError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_DOMAIN
    except StorageUnavailableError as error:
        print(f"error: database: {error.cause} ({error.detail})", file=sys.stderr)
        return EXIT_STORAGE
    except IntegrityConflictError as error:
        print(f"error: the change conflicts with existing data: {error}", file=sys.stderr)
        return EXIT_DOMAIN
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error of ours; keep Python from complaining at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - must outlive this function
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        context.close()
