"""MariaDB pool checks that cost no round trip on a busy connection: ping when idle, roll back when open.

SQLAlchemy's ``pool_pre_ping`` pings at every checkout and its reset rolls back at every check-in, even
after a commit: two of the nine round trips of a terminal scan (the listener's CPU per scan,
docs/benchmarks.md). Here a connection is pinged only when it sat idle long enough for the server to drop
it, and rolled back only when the server reports a transaction still open. A server restarted while a
connection was idle for less than ``IDLE_PING_SECONDS`` fails that one request (503 on the listener);
SQLAlchemy then recycles the whole pool, and the next request reconnects.
"""

import time
from typing import Any

from pymysql.constants.SERVER_STATUS import SERVER_STATUS_IN_TRANS
from sqlalchemy import Engine, event, exc
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection, PoolResetState

IDLE_PING_SECONDS = 2.0
_RETURNED_AT = "tt_returned_at"


def install_pool_checks(engine: Engine) -> None:
    """Attach the checks to an engine made with ``pool_pre_ping=False, pool_reset_on_return=None``."""
    event.listen(engine, "checkout", _ping_if_idle)
    event.listen(engine, "reset", _rollback_if_open)


def _ping_if_idle(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: PoolProxiedConnection) -> None:
    returned_at = record.info.get(_RETURNED_AT)
    if returned_at is not None and time.monotonic() - returned_at < IDLE_PING_SECONDS:
        return
    try:
        dbapi_connection.ping(False)
    except Exception as error:
        # The pool discards this connection and checks out another (SQLAlchemy's pessimistic recipe).
        raise exc.DisconnectionError(str(error)) from error


def _rollback_if_open(dbapi_connection: Any, record: ConnectionPoolEntry, state: PoolResetState) -> None:
    record.info[_RETURNED_AT] = time.monotonic()
    if state.terminate_only:
        return
    status = getattr(dbapi_connection, "server_status", None)
    if status is None or status & SERVER_STATUS_IN_TRANS:
        dbapi_connection.rollback()
