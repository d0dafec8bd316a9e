"""Where things live: user data and log folders (platformdirs), the database URL, the shipped migrations."""

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "TimeTracker Desktop"
APP_AUTHOR = "TimeTracker"
DB_URL_ENV = "TIMETRACKER_DB_URL"


def data_dir() -> Path:
    """Per-user data folder (created on demand)."""
    path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Per-user log folder (created on demand)."""
    path = Path(user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """The embedded SQLite database in the user data folder."""
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
