"""Where things live: the data root (database, backups, key, logs), the database URL, the migrations."""

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "TimeTracker Desktop"
APP_AUTHOR = "TimeTracker"
DB_URL_ENV = "TIMETRACKER_DB_URL"
DATA_DIR_ENV = "TIMETRACKER_DATA_DIR"
SERVICE_FOLDER = "TimeTracker"  # under %ProgramData%: shared by the service and the office users
LOGS_FOLDER = "logs"  # under a data root that was set


def data_root() -> Path | None:
    """The data root that was set (``TIMETRACKER_DATA_DIR`` or ``--data-dir``); None: the per-user folders."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value).expanduser() if value else None


def set_data_root(folder: Path) -> Path:
    """Use ``folder`` as the data root of this process and of the processes it starts; returns it absolute."""
    absolute = folder.expanduser().absolute()
    os.environ[DATA_DIR_ENV] = str(absolute)
    return absolute


def service_data_root() -> Path | None:
    """Where a Windows service keeps its data when no root was set: ``%ProgramData%\\TimeTracker``.

    Never the LocalSystem profile (``C:\\Windows\\System32\\config\\systemprofile``), which office users can
    neither read nor find. None off Windows: a service manager there gives the service user a home of its own.
    """
    if sys.platform != "win32":
        return None
    program_data = os.environ.get("PROGRAMDATA") or os.environ.get("ALLUSERSPROFILE") or r"C:\ProgramData"
    return Path(program_data) / SERVICE_FOLDER


def use_service_data_root() -> Path | None:
    """``serve --as-service``: the service's data root unless one was set; the root in use (or None)."""
    chosen = data_root()
    if chosen is not None:
        return chosen
    service = service_data_root()
    return set_data_root(service) if service is not None else None


def data_root_problem() -> str | None:
    """Why the data root that was set cannot be used (its folder cannot be made), in one line; else None."""
    root = data_root()
    if root is None:
        return None
    try:
        data_dir()
    except OSError as error:
        return f"cannot use the data folder {root}: {error.strerror or error}"
    return None


def data_dir() -> Path:
    """The data folder: the data root if set, else the per-user data folder (created on demand)."""
    path = data_root() or Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The log folder: ``logs`` in the data root if set, else the per-user log folder (created on demand)."""
    root = data_root()
    path = root / LOGS_FOLDER if root is not None else Path(user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """The embedded SQLite database in the data folder."""
    return f"sqlite:///{(data_dir() / 'timetracker.db').as_posix()}"


def resolve_database_url(explicit: str | None) -> str:
    """--db, else TIMETRACKER_DB_URL, else the embedded SQLite file."""
    return explicit or os.environ.get(DB_URL_ENV) or default_database_url()


def migrations_dir() -> Path:
    """The Alembic scripts: next to the package in a source tree, under _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "migrations"
    return Path(__file__).resolve().parent.parent / "migrations"
