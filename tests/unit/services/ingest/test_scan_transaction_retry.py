"""A scan transaction the server broke (deadlock, lock wait) is decided again; other failures are not."""

from types import TracebackType

import pytest
from fakes import FakeClock
from pymysql.err import OperationalError
from sqlalchemy.exc import OperationalError as SqlOperationalError

from timetracker_desktop.repositories.ports.storage import StorageUnavailableError
from timetracker_desktop.repositories.sql.errors import translate
from timetracker_desktop.services.ingest.challenges import ChallengeStore
from timetracker_desktop.services.ingest.scans import TRANSIENT_ATTEMPTS, ScanService


class FlakyUnitOfWork:
    """Commits fail with the given errors, one per attempt, then succeed."""

    def __init__(self, failures: list[StorageUnavailableError]) -> None:
        self.failures = failures
        self.commits = 0

    def __call__(self, *, read_only: bool = False) -> "FlakyUnitOfWork":
        return self

    def __enter__(self) -> "FlakyUnitOfWork":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None

    def commit(self) -> None:
        self.commits += 1
        if self.failures:
            raise self.failures.pop(0)


def _service(uow: FlakyUnitOfWork) -> ScanService:
    clock = FakeClock()
    return ScanService(uow, clock, ChallengeStore(clock, lambda: bytes(32)), health=None)  # type: ignore[arg-type]


def _mysql_error(code: int, text: str) -> StorageUnavailableError:
    translated = translate(SqlOperationalError("COMMIT", {}, OperationalError(code, text)))
    assert isinstance(translated, StorageUnavailableError)
    return translated


def test_a_deadlock_victim_is_decided_again() -> None:
    uow = FlakyUnitOfWork([_mysql_error(1213, "Deadlock found when trying to get lock")])
    assert _service(uow)._transaction(lambda _uow: "decided") == "decided"
    assert uow.commits == 2


def test_lock_waits_give_up_after_the_last_attempt() -> None:
    errors = [_mysql_error(1205, "Lock wait timeout exceeded") for _ in range(TRANSIENT_ATTEMPTS)]
    uow = FlakyUnitOfWork(list(errors))
    with pytest.raises(StorageUnavailableError) as raised:
        _service(uow)._transaction(lambda _uow: "decided")
    assert raised.value.transient
    assert raised.value.cause == "lock wait timeout"
    assert uow.commits == TRANSIENT_ATTEMPTS


def test_a_lost_server_is_not_retried() -> None:
    lost = _mysql_error(2013, "Lost connection to MySQL server during query")
    assert not lost.transient
    uow = FlakyUnitOfWork([lost])
    with pytest.raises(StorageUnavailableError):
        _service(uow)._transaction(lambda _uow: "decided")
    assert uow.commits == 1
