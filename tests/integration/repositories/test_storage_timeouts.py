"""Storage that does not answer ends in StorageUnavailableError with a cause, never a hang or a raw driver
error: PyMySQL's timeouts, an exhausted pool, and work its caller abandoned (issue 13 B)."""

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import QueuePool

from timetracker_desktop.repositories.ports.abandon import ABANDONED, abandonable
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError
from timetracker_desktop.repositories.sql import engine as engines
from timetracker_desktop.repositories.sql.uow import SqlUnitOfWorkFactory


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port whose kernel accepts connections while nothing ever answers (a frozen database host)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield server.getsockname()[1]


def test_a_server_that_never_answers_times_out_with_a_cause(
    silent_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "MYSQL_CONNECT_TIMEOUT_S", 1)
    monkeypatch.setattr(engines, "MYSQL_READ_TIMEOUT_S", 1)  # the server greeting is a read
    engine = engines.make_engine(f"mysql+pymysql://u:p@127.0.0.1:{silent_server}/db")
    started = time.monotonic()
    try:
        with pytest.raises(StorageUnavailableError) as raised, SqlUnitOfWorkFactory(engine)() as uow:
            uow.session.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    assert time.monotonic() - started < 5
    assert raised.value.cause is StorageCause.TIMED_OUT


def test_mysql_engines_bound_every_socket_wait(silent_server: int) -> None:
    engine = engines.make_engine(f"mysql+pymysql://u:p@127.0.0.1:{silent_server}/db")
    passed: dict[str, object] = {}

    @event.listens_for(engine, "do_connect")
    def _capture(dialect: object, record: object, cargs: object, cparams: dict[str, object]) -> None:
        passed.update(cparams)
        raise ConnectionRefusedError  # what the driver was given is all this test needs

    try:
        with pytest.raises(ConnectionRefusedError):
            engine.connect()
        assert isinstance(engine.pool, QueuePool)
        assert engine.pool.timeout() == engines.POOL_TIMEOUT_S
    finally:
        engine.dispose()
    assert (passed["connect_timeout"], passed["read_timeout"], passed["write_timeout"]) == (
        engines.MYSQL_CONNECT_TIMEOUT_S, engines.MYSQL_READ_TIMEOUT_S, engines.MYSQL_WRITE_TIMEOUT_S,
    )  # fmt: skip


def test_an_exhausted_pool_is_storage_unavailable(tmp_path: Path) -> None:
    engine = create_engine(
        f"sqlite:///{tmp_path / 'db.sqlite'}", pool_size=1, max_overflow=0, pool_timeout=0.1
    )
    held = engine.connect()  # the only connection, busy elsewhere
    try:
        with pytest.raises(StorageUnavailableError) as raised, SqlUnitOfWorkFactory(engine)() as uow:
            uow.session.execute(text("SELECT 1"))
    finally:
        held.close()
        engine.dispose()
    assert raised.value.cause is StorageCause.POOL_EXHAUSTED


def test_abandoned_work_may_not_commit(tmp_path: Path) -> None:
    engine = engines.make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    factory = SqlUnitOfWorkFactory(engine)
    with factory() as uow:
        uow.session.execute(text("CREATE TABLE t (n INTEGER)"))
        uow.commit()
    given_up = threading.Event()
    try:
        with abandonable(given_up), factory() as uow:
            uow.session.execute(text("INSERT INTO t VALUES (1)"))
            given_up.set()  # the listener answered 503 meanwhile
            with pytest.raises(StorageUnavailableError, match=ABANDONED):
                uow.commit()
        with factory() as uow:
            assert uow.session.execute(text("SELECT COUNT(*) FROM t")).scalar() == 0
    finally:
        engine.dispose()
