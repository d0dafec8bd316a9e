"""Real ``timetracker-desktop serve`` processes on loopback, several on one database (several PCs)."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from ports import free_port

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60


@dataclass
class ServeProcess:
    """One ``serve`` child process and the base URL it listens on."""

    process: "subprocess.Popen[bytes]"
    url: str

    def kill(self) -> None:
        """SIGKILL: the process dies mid-stream, as on a power cut."""
        self.process.kill()
        self.process.wait(timeout=30)


def _environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    return environment


def _wait_healthy(serve: ServeProcess) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if serve.process.poll() is not None:
            raise AssertionError(f"serve exited with {serve.process.returncode} before answering")
        try:
            if httpx.get(f"{serve.url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"serve at {serve.url} did not answer /health within {START_TIMEOUT_S} s")


@contextmanager
def serve_process(url: str, log: Path) -> Iterator[ServeProcess]:
    """Start ``serve`` on a free loopback port over the database; stop it (SIGINT, then kill) after."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "timetracker_desktop", "--db", url, "serve", "--host", "127.0.0.1",
             "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, env=_environment(),
        )  # fmt: skip
    serve = ServeProcess(process, f"http://127.0.0.1:{port}")
    try:
        _wait_healthy(serve)
        yield serve
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)


@contextmanager
def serve_processes(url: str, folder: Path, count: int) -> Iterator[list[ServeProcess]]:
    """``count`` serve processes over one database, each logging to its own file in ``folder``."""
    with ExitStack() as stack:
        yield [stack.enter_context(serve_process(url, folder / f"serve-{n}.log")) for n in range(count)]
