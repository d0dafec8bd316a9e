"""Translation of DBAPI errors into the storage port's errors, naming the cause in plain words."""

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from timetracker_desktop.repositories.ports.storage import IntegrityConflictError, StorageUnavailableError

_MYSQL_CAUSES = {
    1044: "access denied to the database",
    1045: "access denied (wrong user name or password)",
    1049: "the database does not exist",
    1142: "missing rights on a table",
    1205: "lock wait timeout",
    1213: "deadlock",
    2002: "database server unreachable",
    2003: "database server unreachable",
    2006: "connection to the database server lost",
    2013: "connection to the database server lost",
}
_SQLITE_CAUSES = (
    ("database is locked", "database is locked by another program"),
    ("unable to open database file", "cannot open the database file"),
    ("disk i/o error", "disk I/O error"),
    ("readonly database", "the database file is read-only"),
    ("file is not a database", "the file is not a database"),
    ("no such table", "the database is not migrated"),
    ("database or disk is full", "disk is full"),
)


POOL_EXHAUSTED = "no free database connection (the database is slow to answer)"
STORAGE_ERRORS = (DBAPIError, PoolTimeoutError)  # what a unit of work translates


def translate(error: DBAPIError | PoolTimeoutError) -> Exception:
    """The port-level exception for a DBAPI error or a pool that gave no connection in time."""
    if isinstance(error, PoolTimeoutError):
        return StorageUnavailableError(POOL_EXHAUSTED, detail=str(error)[:300])
    if isinstance(error, IntegrityError):
        return IntegrityConflictError(str(error.orig))
    return StorageUnavailableError(describe(error), detail=str(error.orig)[:300])


def describe(error: DBAPIError) -> str:
    """A short, human cause for an environmental database failure."""
    args = getattr(error.orig, "args", ())
    if "timed out" in str(error.orig).lower():  # PyMySQL's read/write/connect timeout (2003, 2013)
        return "the database server did not answer in time"
    if args and isinstance(args[0], int) and args[0] in _MYSQL_CAUSES:
        return _MYSQL_CAUSES[args[0]]
    text = str(error.orig).lower()
    for needle, cause in _SQLITE_CAUSES:
        if needle in text:
            return cause
    if error.connection_invalidated:
        return "connection to the database server lost"
    return "database error"
