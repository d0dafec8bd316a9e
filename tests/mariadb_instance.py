"""A private MariaDB server for fault tests: own data dir, port and socket; stopped and started at will."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from ports import free_port

MARIADBD = "/usr/sbin/mariadbd"
USER, PASSWORD = "tt_fault", "tt-fault-pw"


class PrivateMariaDb:
    """``start()``/``stop()`` a mariadbd over a scratch data dir (owned by mysql, as mariadbd requires)."""

    def __init__(self) -> None:
        if os.geteuid() != 0 or not Path(MARIADBD).exists() or not shutil.which("mariadb-install-db"):
            pytest.skip("a private MariaDB needs root, mariadbd and mariadb-install-db")
        # Not under pytest's tmp dir: mariadbd runs as mysql and must traverse every parent folder.
        self.root = Path(tempfile.mkdtemp(prefix="tt-mariadb-"))
        self.root.chmod(0o755)
        self.datadir, self.socket = self.root / "data", self.root / "mysqld.sock"
        self.port = free_port()
        self.log = self.root / "mariadbd.log"
        self._process: subprocess.Popen[bytes] | None = None
        self.datadir.mkdir()
        shutil.chown(self.datadir, "mysql", "mysql")
        shutil.chown(self.root, "mysql", "mysql")
        subprocess.run(
            ["mariadb-install-db", "--no-defaults", "--user=mysql", f"--datadir={self.datadir}",
             "--skip-test-db"],
            check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=120,
        )  # fmt: skip

    def url(self, database: str) -> str:
        """A PyMySQL URL for the test user."""
        return f"mysql+pymysql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}?charset=utf8mb4"

    def start(self) -> None:
        """Start the server and wait until it answers."""
        command = [
            MARIADBD, "--no-defaults", "--user=mysql", f"--datadir={self.datadir}", f"--socket={self.socket}",
            f"--port={self.port}", "--bind-address=127.0.0.1", "--skip-log-bin",
            f"--pid-file={self.root / 'pid'}",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        deadline = time.monotonic() + 30
        while not self._answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mariadbd did not start:\n{self.log.read_text()[-2000:]}")
            time.sleep(0.05)

    def _answers(self) -> bool:
        ping = ["mariadb-admin", f"--socket={self.socket}", "-uroot", "--silent", "ping"]
        return (
            subprocess.run(ping, capture_output=True, stdin=subprocess.DEVNULL, check=False).returncode == 0
        )

    def sql(self, statement: str) -> None:
        """Run SQL as root over the socket."""
        subprocess.run(
            ["mariadb", f"--socket={self.socket}", "-uroot", "-e", statement],
            check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=30,
        )  # fmt: skip

    def create_database(self, name: str) -> str:
        """A database and the test user with all rights on it; returns its URL."""
        self.sql(
            f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
            f"CREATE USER IF NOT EXISTS '{USER}'@'127.0.0.1' IDENTIFIED BY '{PASSWORD}';"
            f"GRANT ALL PRIVILEGES ON `{name}`.* TO '{USER}'@'127.0.0.1';"
        )
        return self.url(name)

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections stay open and nothing answers, as on a stalled host."""
        assert self._process is not None
        os.kill(self._process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        """Let a paused server run again (SIGCONT; harmless when it runs)."""
        if self._process is not None:
            os.kill(self._process.pid, signal.SIGCONT)

    def stop(self) -> None:
        """Stop the server (the data stays)."""
        process = self._process
        if process is None:
            return
        self.resume()  # a frozen server cannot shut down
        process.terminate()  # SIGTERM: mariadbd shuts down cleanly
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        self._process = None

    def remove(self) -> None:
        """Stop and delete everything."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
