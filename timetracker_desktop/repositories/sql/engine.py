"""Engines for SQLite (WAL, foreign keys, busy timeout) and MySQL/MariaDB (utf8mb4, idle ping, timeouts)."""

import sqlite3
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 5000
# A stalled server (SIGSTOP, a frozen VM, a dead link) must not hold a thread forever: each socket wait of
# PyMySQL ends. Reads allow for a month's report or a backup dump; the listener bounds its own wait far
# lower (listener/storage_workers), these only free the thread afterwards.
MYSQL_CONNECT_TIMEOUT_S = 5
MYSQL_READ_TIMEOUT_S = 30
MYSQL_WRITE_TIMEOUT_S = 30
POOL_TIMEOUT_S = 10  # waiting for a pooled connection; SQLAlchemy's TimeoutError becomes a 503 cause


def is_sqlite(url: str | URL) -> bool:
    """Whether the URL names an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def normalize_url(url: str) -> URL:
    """Parse a database URL; MySQL URLs get the PyMySQL driver and utf8mb4 unless given."""
    parsed = make_url(url)
    if parsed.get_backend_name() in ("mysql", "mariadb"):
        parsed = parsed.set(drivername=f"{parsed.get_backend_name()}+pymysql")
        if "charset" not in parsed.query:
            parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed


def _fast(parse: Any, fallback: Any) -> Any:
    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError:  # zero dates and the like: PyMySQL's own rules
            return fallback(text)

    return convert


def _mysql_conversions() -> dict[Any, Any]:
    """PyMySQL's converters with C date parsing; PyMySQL (and its cryptography) loads only for MySQL URLs."""
    from pymysql import converters
    from pymysql.constants import FIELD_TYPE

    # PyMySQL parses DATETIME and DATE with a regular expression in Python; fromisoformat is C and reads
    # MariaDB's text forms, which cuts a month's report (50,000 punches, 30,000 schedule days) by ~0.1 s.
    return {
        **converters.conversions,
        FIELD_TYPE.DATETIME: _fast(datetime.fromisoformat, converters.convert_datetime),
        FIELD_TYPE.DATE: _fast(date.fromisoformat, converters.convert_date),
    }


def make_engine(
    url: str, *, immediate: bool = True, echo: bool = False, read_timeout_s: int | None = None
) -> Engine:
    """An engine for the URL (``read_timeout_s``: how long a MySQL statement may run; maintenance waits more).

    On SQLite, ``immediate`` makes every transaction ``BEGIN IMMEDIATE``: a writer takes the write lock
    up front and waits out the busy timeout, instead of failing at once when it upgrades a read
    snapshot that another writer has moved past. Readers use a second engine with deferred BEGIN.
    """
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, immediate=immediate, echo=echo)
    from timetracker_desktop.repositories.sql.mysql_pool import install_pool_checks  # PyMySQL: MySQL only

    engine = create_engine(
        parsed,
        pool_pre_ping=False,  # mysql_pool pings idle connections only
        pool_reset_on_return=None,  # and rolls back only open transactions
        pool_recycle=3600,
        # Set once per connection. Each statement reads the latest commits, so that a tap decided after
        # taking its employee's lock sees the punch another process committed while holding it
        # (employees.lock_for_decision); no gap locks between employees. Backups ask for their own snapshot.
        isolation_level="READ COMMITTED",
        pool_timeout=POOL_TIMEOUT_S,
        echo=echo,
        connect_args={
            "conv": _mysql_conversions(),
            "connect_timeout": MYSQL_CONNECT_TIMEOUT_S,
            # Looked up at call time (not as a default argument), so the module's figure is the one in force.
            "read_timeout": MYSQL_READ_TIMEOUT_S if read_timeout_s is None else read_timeout_s,
            "write_timeout": MYSQL_WRITE_TIMEOUT_S,
        },
    )
    install_pool_checks(engine)
    return engine


def _sqlite_engine(url: URL, *, immediate: bool, echo: bool) -> Engine:
    engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    begin_sql = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not pysqlite, emit BEGIN, so that we choose its kind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin_sql)

    return engine
