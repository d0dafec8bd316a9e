"""Translation of DBAPI errors into the storage port's errors, naming the cause in plain words."""

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from timetracker_desktop.repositories.ports.storage import (
    IntegrityConflictError,
    StorageCause,
    StorageUnavailableError,
)

_MYSQL_CAUSES: dict[int, StorageCause] = {
    1044: StorageCause.ACCESS_DENIED_DATABASE,
    1045: StorageCause.ACCESS_DENIED_LOGIN,
    1049: StorageCause.NO_DATABASE,
    1142: StorageCause.MISSING_TABLE_RIGHTS,
    1205: StorageCause.LOCK_WAIT_TIMEOUT,
    1213: StorageCause.DEADLOCK,
    2002: StorageCause.SERVER_UNREACHABLE,
    2003: StorageCause.SERVER_UNREACHABLE,
    2006: StorageCause.CONNECTION_LOST,
    2013: StorageCause.CONNECTION_LOST,
}
# The server rolled back (or gave up waiting for) this transaction alone: running it again may succeed.
_MYSQL_TRANSIENT = frozenset({1205, 1213})
_SQLITE_CAUSES = (
    ("database is locked", StorageCause.FILE_LOCKED),
    ("unable to open database file", StorageCause.CANNOT_OPEN_FILE),
    ("disk i/o error", StorageCause.DISK_IO_ERROR),
    ("readonly database", StorageCause.READ_ONLY_FILE),
    ("file is not a database", StorageCause.NOT_A_DATABASE),
    ("no such table", StorageCause.NOT_MIGRATED),
    ("database or disk is full", StorageCause.DISK_FULL),
)

STORAGE_ERRORS = (DBAPIError, PoolTimeoutError)  # what a unit of work translates


def translate(error: DBAPIError | PoolTimeoutError) -> Exception:
    """The port-level exception for a DBAPI error or a pool that gave no connection in time."""
    if isinstance(error, PoolTimeoutError):
        return StorageUnavailableError(StorageCause.POOL_EXHAUSTED, detail=str(error)[:300])
    if isinstance(error, IntegrityError):
        return IntegrityConflictError(str(error.orig))
    args: tuple[object, ...] = getattr(error.orig, "args", ())
    transient = bool(args) and args[0] in _MYSQL_TRANSIENT
    return StorageUnavailableError(describe(error), detail=str(error.orig)[:300], transient=transient)


def describe(error: DBAPIError) -> StorageCause:
    """A short, human cause for an environmental database failure."""
    args = getattr(error.orig, "args", ())
    if "timed out" in str(error.orig).lower():  # PyMySQL's read/write/connect timeout (2003, 2013)
        return StorageCause.TIMED_OUT
    if args and isinstance(args[0], int) and args[0] in _MYSQL_CAUSES:
        return _MYSQL_CAUSES[args[0]]
    text = str(error.orig).lower()
    for needle, cause in _SQLITE_CAUSES:
        if needle in text:
            return cause
    if error.connection_invalidated:
        return StorageCause.CONNECTION_LOST
    return StorageCause.OTHER
