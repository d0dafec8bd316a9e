"""One GUI per user and data folder: a second start asks the running one to come to the front and exits."""

import getpass
import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from timetracker_desktop.system.foreground import allow_set_foreground_window

log = logging.getLogger(__name__)
ACTIVATE = b"activate"
ASK_FOR_MS = 5_000  # the running one may still be starting: its lock is taken before it listens
ATTEMPT_MS = 500


def instance_name(folder: Path, user: str | None = None) -> str:
    """The lock's and the local server's name: per user and per data folder.

    Windows' named pipes are one namespace for the whole PC, so two people signed in at once (fast user
    switching) need names of their own; two data folders (``TIMETRACKER_DATA_DIR``) are two programs.
    """
    if user is None:
        try:
            user = getpass.getuser()
        except (OSError, KeyError):  # no user name in the environment nor the password database
            user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\n{os.path.normcase(str(folder.resolve()))}".encode()
    return f"TimeTrackerDesktop-{hashlib.sha256(key).hexdigest()[:20]}"


class SingleInstance(QObject):
    """The lock file in the data folder plus a local server the next start talks to.

    ``claim`` takes the lock (a lock left by a crashed program, whose process is gone, is taken over) and
    listens; when another holds it, ``ask_running_to_activate`` asks that one to show its window.

    Signals:
        activate_requested(): another start of the program asked this one to come to the front.
    """

    activate_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None, *, name: str | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name(folder)
        self.lock_path = folder / f"{self.name}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(
            0
        )  # stale only when its process is gone, never by age: the GUI runs for days
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process is the one to run (it holds the lock and listens); False if another runs.

        A lock that cannot be written (a read-only folder) does not stop the program: it runs, unguarded.
        """
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("the one-instance lock %s cannot be taken (%s): running anyway", self.lock_path,
                        self._lock.error().name)  # fmt: skip
            return True
        QLocalServer.removeServer(self.name)  # a socket file left by a crash (Unix); we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("a second start cannot reach this one: %s", server.errorString())
            return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def running_pid(self) -> int | None:
        """The process id in the lock file (the running program), if it can be read."""
        try:
            pid, _host, _app = self._lock.getLockInfo()
        except (TypeError, ValueError):  # an unreadable lock file
            return None
        return pid if pid > 0 else None

    def ask_running_to_activate(self, within_ms: int = ASK_FOR_MS) -> bool:
        """Tell the running program to show its window; True once it got the message.

        On Windows this process was just started by the user and so may take the foreground: it passes
        that right to the running one first.
        """
        allow_set_foreground_window(self.running_pid())
        deadline = time.monotonic() + within_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(ATTEMPT_MS):
                socket.write(ACTIVATE + b"\n")
                sent = socket.waitForBytesWritten(ATTEMPT_MS)
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                    socket.waitForDisconnected(ATTEMPT_MS)
                if sent:
                    return True
            if time.monotonic() > deadline:
                log.warning("the running program did not answer: %s", socket.errorString())
                return False
            time.sleep(0.2)

    def release(self) -> None:
        """Stop listening and remove the lock (at quit)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and (socket := server.nextPendingConnection()) is not None:
            # The message is one short line written at once: read it here rather than keep the socket.
            if _first_line(socket) == ACTIVATE:
                log.info("another start of the program asked this one to come to the front")
                self.activate_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()


def _first_line(socket: QLocalSocket) -> bytes:
    if not socket.canReadLine() and not socket.waitForReadyRead(ATTEMPT_MS):
        return b""
    return bytes(socket.readLine().data()).strip()
