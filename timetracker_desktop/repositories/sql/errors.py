"""Translation of DBAPI errors into the storage port's errors, naming the cause in plain words."""

from sqlalchemy.exc import DBAPIError, IntegrityError

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
# The server rolled back (or gave up waiting for) this transaction alone: running it again may succeed.
_MYSQL_TRANSIENT = frozenset({1205, 1213})
_SQLITE_CAUSES = (
    ("database is locked", "database is locked by another program"),
    ("unable to open database file", "cannot open the database file"),
    ("disk i/o error", "disk I/O error"),
    ("readonly database", "the database file is read-only"),
    ("file is not a database", "the file is not a database"),
    ("no such table", "the database is not migrated"),
    ("database or disk is full", "disk is full"),
)


def translate(error: DBAPIError) -> Exception:
    """The port-level exception for a DBAPI error."""
    if isinstance(error, IntegrityError):
        return IntegrityConflictError(str(error.orig))
    args: tuple[object, ...] = getattr(error.orig, "args", ())
    transient = bool(args) and args[0] in _MYSQL_TRANSIENT
    return StorageUnavailableError(describe(error), detail=str(error.orig)[:300], transient=transient)


def describe(error: DBAPIError) -> str:
    """A short, human cause for an environmental database failure."""
    args = getattr(error.orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in _MYSQL_CAUSES:
        return _MYSQL_CAUSES[args[0]]
    text = str(error.orig).lower()
    for needle, cause in _SQLITE_CAUSES:
        if needle in text:
            return cause
    if error.connection_invalidated:
        return "connection to the database server lost"
    return "database error"
