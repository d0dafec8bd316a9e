"""Shared CLI plumbing: common options, the lazily opened application, output as text or JSON."""

import argparse
import dataclasses
import getpass
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.domain.users import Actor, Role
from timetracker_desktop.paths import resolve_database_url

if TYPE_CHECKING:  # the composition root imports the storage and every service: only a command loads it
    from timetracker_desktop.app import AppContext
    from timetracker_desktop.services.container import Services


class CliError(Exception):
    """A usage problem the CLI itself detects (bad date format, missing input...)."""


def database_url_problem(url: str) -> str | None:
    """Why the database URL cannot be used, in one line (before anything is opened or created)."""
    from timetracker_desktop.repositories.sql.urls import check_database_url  # SQLAlchemy: not for --help

    try:
        check_database_url(url)
    except DomainError as error:
        return str(error)
    return None


def common_options() -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (default: embedded SQLite)"
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    common.add_argument(
        "--data-dir", metavar="FOLDER", default=argparse.SUPPRESS,
        help="data folder: embedded database, backups, backup key, logs (default: TIMETRACKER_DATA_DIR, "
        "else the user's own folders)",
    )  # fmt: skip
    return common


def parse_date(text: str) -> date:
    """YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        # argparse turns this into "error: argument --from: ..." with exit code 2.
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and sets as JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [to_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


class CliContext:
    """Opens the application on first use; knows how to print."""

    def __init__(self, db: str | None, as_json: bool) -> None:
        self.url = resolve_database_url(db)
        self.as_json = as_json
        self._app: AppContext | None = None
        self.actor = Actor("cli", f"cli:{getpass.getuser()}"[:96], None, Role.ADMIN)

    def app(self, *, upgrade: bool = True) -> "AppContext":
        """The application context (migrates the database on first open)."""
        if self._app is None:
            from timetracker_desktop.app import build_app

            self._app = build_app(self.url, upgrade=upgrade)
        return self._app

    @property
    def services(self) -> "Services":
        """The services of the opened application."""
        return self.app().services

    def close(self) -> None:
        """Release the database."""
        if self._app is not None:
            self._app.close()

    def emit(self, data: Any, text: str | None = None) -> None:
        """Print JSON under --json, else the text (or a JSON rendering of the data)."""
        if self.as_json or text is None:
            json.dump(to_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(text)

    def table(self, rows: Sequence[Any], columns: Sequence[tuple[str, str]]) -> None:
        """Rows (dataclasses) as JSON or as an aligned text table of the named attributes."""
        if self.as_json:
            self.emit(list(rows))
            return
        cells = [[_cell(getattr(row, attr)) for attr, _ in columns] for row in rows]
        headers = [title for _, title in columns]
        widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
        for row in cells:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return str(value)
