"""Database URLs checked before anything is opened or created: a kind we support, a local existing folder."""

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.paths import default_database_url
from timetracker_desktop.system.drives import is_network_path

SUPPORTED_BACKENDS = ("sqlite", "mysql", "mariadb")


def check_database_url(url: str) -> None:
    """Refuse a database URL this program cannot open, in one sentence (``ValidationError``).

    The default SQLite file's folder is created; a SQLite file the user named must be in an existing
    folder, so that a mistyped path is reported instead of silently becoming a new, empty database.
    A SQLite file on a network share is refused: its locking does not work over SMB, so two PCs (or a
    dropped connection) damage it; several PCs share a MySQL/MariaDB server instead.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError(
            f"cannot read the database URL {url!r}: use sqlite:///PATH or mysql://USER@HOST/DATABASE",
            code=ErrorCode.BAD_DATABASE_URL,
        ) from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        raise ValidationError(
            "PostgreSQL is not supported: use SQLite (sqlite:///PATH) or MySQL/MariaDB (mysql://...)",
            code=ErrorCode.DATABASE_NOT_SUPPORTED,
        )
    if backend not in SUPPORTED_BACKENDS:
        raise ValidationError(
            f"unknown database kind {backend!r}: use sqlite:///PATH or mysql://USER@HOST/DATABASE",
            code=ErrorCode.DATABASE_NOT_SUPPORTED,
        )
    database = parsed.database
    if backend != "sqlite" or not database or database == ":memory:":
        return
    if is_network_path(database):
        shared = ValidationError(
            f"the database file {database} is on a network share, where SQLite damages its file: keep the "
            "embedded database on this PC's own disk, or share the data through a MySQL/MariaDB server "
            "(mysql://USER@HOST/DATABASE)",
            code=ErrorCode.DATABASE_ON_NETWORK_SHARE,
        )
        shared.params["path"] = database
        raise shared
    if url == default_database_url():
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        return
    folder = Path(database).expanduser().parent
    if not folder.is_dir():
        missing = ValidationError(
            f"the folder {folder} of the database file does not exist: check the path or create the folder",
            code=ErrorCode.DATABASE_FOLDER_MISSING,
        )
        missing.params["folder"] = str(folder)
        raise missing
