"""SQL repository of scan challenges' shared state: the sealing key, and challenges already used."""

from datetime import datetime

from sqlalchemy import Executable, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from timetracker_desktop.repositories.sql.orm import SharedKeyRow, UsedChallengeRow


class SqlChallengeRepository:
    """Keys and used challenges in SQL; both survive a restart and are seen by every process."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def key(self, name: str, new: bytes) -> bytes:
        """The stored key, or ``new`` once stored; two processes storing at once both get the winner's."""
        stored = self._session.scalar(select(SharedKeyRow.value_hex).where(SharedKeyRow.name == name))
        if stored is not None:
            return bytes.fromhex(stored)
        try:
            with self._session.begin_nested():
                self._session.execute(insert(SharedKeyRow).values(name=name, value_hex=new.hex()))
        except IntegrityError:  # another process stored its key first: that one is the database's
            stored = self._session.scalar(select(SharedKeyRow.value_hex).where(SharedKeyRow.name == name))
            if stored is None:  # the conflicting row went again: keep none of ours, let the caller retry
                raise
            return bytes.fromhex(stored)
        return new

    def use(self, nonce: bytes, expires_at: datetime) -> bool:
        """Insert the mark unless present (the primary key decides, whichever process comes second).

        One statement, no savepoint: it runs once per signed phone scan.
        """
        values = {"nonce_hex": nonce.hex(), "expires_at": expires_at}
        statement: Executable
        if self._session.get_bind().dialect.name == "sqlite":
            statement = sqlite_insert(UsedChallengeRow).values(values).on_conflict_do_nothing()
        else:
            statement = insert(UsedChallengeRow).values(values).prefix_with("IGNORE")
        result = self._session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0) == 1

    def forget_used(self, before: datetime) -> int:
        """Delete marks of challenges expired before the instant."""
        result = self._session.execute(delete(UsedChallengeRow).where(UsedChallengeRow.expires_at < before))
        return int(getattr(result, "rowcount", 0) or 0)
