"""MariaDB pool checks (repositories/sql/mysql_pool.py): no ping or rollback for a connection in steady use,
yet a connection dropped while idle is replaced and an open transaction is rolled back at check-in."""

from collections.abc import Iterator
from typing import Any

import pytest
from pymysql.constants.SERVER_STATUS import SERVER_STATUS_IN_TRANS
from sqlalchemy import Engine, text

from timetracker_desktop.repositories.sql import mysql_pool
from timetracker_desktop.repositories.sql.engine import make_engine

pytestmark = pytest.mark.mysql


@pytest.fixture
def engine(mysql_database: str) -> Iterator[Engine]:
    made = make_engine(mysql_database)
    try:
        yield made
    finally:
        made.dispose()


def _counter(dbapi_connection: Any, name: str) -> int:
    """A session status counter (SHOW opens no transaction)."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"SHOW SESSION STATUS LIKE '{name}'")
    value = int(cursor.fetchone()[1])
    cursor.close()
    return value


def _pings_at_next_checkout(engine: Engine) -> int:
    first = engine.raw_connection()
    dbapi: Any = first.dbapi_connection
    before = _counter(dbapi, "Com_admin_commands")  # COM_PING is one
    first.close()
    again = engine.raw_connection()
    assert again.dbapi_connection is dbapi
    pings = _counter(dbapi, "Com_admin_commands") - before
    again.close()
    return pings


def test_a_connection_in_use_is_not_pinged_an_idle_one_is(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pings_at_next_checkout(engine) == 0
    monkeypatch.setattr(mysql_pool, "IDLE_PING_SECONDS", 0.0)
    assert _pings_at_next_checkout(engine) == 1


def test_a_connection_dropped_while_idle_is_replaced_unnoticed(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine.connect() as connection:
        dropped = connection.execute(text("SELECT CONNECTION_ID()")).scalar_one()
    killer = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with killer.connect() as connection:
            connection.execute(text(f"KILL {int(dropped)}"))
    finally:
        killer.dispose()
    monkeypatch.setattr(mysql_pool, "IDLE_PING_SECONDS", 0.0)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT CONNECTION_ID()")).scalar_one() != dropped


def test_only_an_open_transaction_is_rolled_back_at_check_in(engine: Engine) -> None:
    opened = engine.raw_connection()
    dbapi: Any = opened.dbapi_connection
    rollbacks = _counter(dbapi, "Com_rollback")
    dbapi.cursor().execute("START TRANSACTION")
    assert dbapi.server_status & SERVER_STATUS_IN_TRANS
    opened.close()
    assert not dbapi.server_status & SERVER_STATUS_IN_TRANS
    assert _counter(dbapi, "Com_rollback") == rollbacks + 1
    with engine.connect() as connection:  # commits: nothing left to roll back at check-in
        connection.execute(text("SELECT COUNT(*) FROM schedule_codes"))
        connection.commit()
    assert _counter(dbapi, "Com_rollback") == rollbacks + 1
