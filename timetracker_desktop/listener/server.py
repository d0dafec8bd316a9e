"""``ListenerServer``: one uvicorn server on a socket bound here, on a background thread or in front."""

import errno
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable

import uvicorn
from fastapi import FastAPI

from timetracker_desktop.listener.address import client_url
from timetracker_desktop.listener.http_protocol import GuardedHttpProtocol
from timetracker_desktop.listener.options import ListenerOptions

log = logging.getLogger(__name__)
START_TIMEOUT_S = 5.0
STOP_TIMEOUT_S = 5.0


class ListenerStartError(Exception):
    """The listener could not start (port in use, address not on this machine, no permission...).

    ``reason`` is stable for callers that explain it in their own words: ``port_in_use``,
    ``port_reserved`` (Windows refused the port: error 10013), ``address_unavailable``, ``no_permission``
    or ``failed``.
    """

    def __init__(self, message: str, reason: str = "failed") -> None:
        super().__init__(message)
        self.reason = reason


# Windows Sockets' own numbers. Python on Windows puts them in ``OSError.winerror``; its ``errno`` is then
# 10048 for "in use" (Windows' errno.EADDRINUSE) but 13 (EACCES) for 10013, so both are looked at.
WSAEACCES = 10013  # the port is in an excluded range (Hyper-V, WinNAT, Docker) or held exclusively by another
WSAEADDRINUSE = 10048
WSAEADDRNOTAVAIL = 10049


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # asyncio sets TCP_NODELAY only when proto == IPPROTO_TCP; otherwise every reply waits 40 ms (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        _claim_port(sock)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise _bind_failure(host, port, error) from error
    return sock


def _claim_port(sock: socket.socket) -> None:
    """POSIX: SO_REUSEADDR (a restart binds at once despite TIME_WAIT). Windows: SO_EXCLUSIVEADDRUSE, so that
    no other program can bind the same port over ours (there SO_REUSEADDR would let it steal the port)."""
    if sys.platform == "win32":
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)  # defined only by Windows builds of Python
        if exclusive is not None:
            sock.setsockopt(socket.SOL_SOCKET, exclusive, 1)
        return
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def bind_failure_reason(error: OSError) -> str:
    """``port_in_use``, ``port_reserved``, ``address_unavailable``, ``no_permission`` or ``failed``, by the
    Windows error (``winerror``) first, then by ``errno``."""
    codes = {getattr(error, "winerror", None), error.errno}
    if WSAEADDRINUSE in codes or errno.EADDRINUSE in codes:
        return "port_in_use"
    if WSAEACCES in codes or (sys.platform == "win32" and errno.EACCES in codes):
        return "port_reserved"
    if WSAEADDRNOTAVAIL in codes or errno.EADDRNOTAVAIL in codes:
        return "address_unavailable"
    if errno.EACCES in codes:
        return "no_permission"
    return "failed"


def _bind_failure(host: str, port: int, error: OSError) -> ListenerStartError:
    reason = bind_failure_reason(error)
    hint = (
        f" (`netstat -ano -p tcp | findstr :{port}` shows its process id)" if sys.platform == "win32" else ""
    )
    message = {
        "port_in_use": f"port {port} is already in use on {host}: stop the other program or choose another"
        f" port{hint}",
        "port_reserved": (
            f"Windows does not allow port {port} (error 10013): it may be reserved (see `netsh interface"
            " ipv4 show excludedportrange protocol=tcp`) or held by another program; choose another port"
        ),
        "address_unavailable": f"{host} is not an address of this computer",
        "no_permission": f"no permission to listen on port {port}",
    }.get(reason, f"cannot listen on {host}:{port}: {error.strerror}")
    return ListenerStartError(message, reason)


class _StoppedError(Exception):
    """SIGTERM arrived after uvicorn's graceful shutdown."""


def _raise_stopped(signum: int, frame: object) -> None:
    raise _StoppedError


class _Flusher:
    """Calls ``flush`` every ``seconds`` on a daemon thread and once more at stop."""

    def __init__(self, flush: Callable[[], object], seconds: float) -> None:
        self._flush = flush
        self._seconds = seconds
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="listener-health-flush", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        while not self._stopping.wait(self._seconds):
            self._call()

    def _call(self) -> None:
        try:
            self._flush()
        except Exception:
            log.exception("terminal health flush failed")

    def stop(self) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(STOP_TIMEOUT_S)
        self._call()


class ListenerServer:
    """Serves an application on ``host:port``; binding happens here, so a busy port fails at construction."""

    def __init__(
        self,
        app: FastAPI,
        host: str,
        port: int,
        *,
        flush: Callable[[], object] | None = None,
        flush_seconds: float = 15.0,
    ) -> None:
        self._sock = _bind(host, port)
        self.host = host
        self.port = self._sock.getsockname()[1]
        options = getattr(app.state, "listener_options", None) or ListenerOptions()
        proxies = list(options.trusted_proxies)
        config = uvicorn.Config(
            app, log_config=None, access_log=False, lifespan="off", timeout_graceful_shutdown=2,
            http=GuardedHttpProtocol,  # head size, count and time limits
            limit_concurrency=options.max_concurrency,  # beyond: 503 from uvicorn, before the app
            # X-Forwarded-For only from a configured proxy: otherwise any client picks its own address.
            proxy_headers=bool(proxies), forwarded_allow_ips=proxies or None,
        )  # fmt: skip
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        self.stopping = False  # stop() was called: the serving thread ending is no surprise
        self._flusher = _Flusher(flush or (lambda: None), flush_seconds)

    @property
    def url(self) -> str:
        """``http://host:port`` as a client on this machine reaches it."""
        return client_url(self.host, self.port)

    def start(self) -> None:
        """Serve on a background thread; returns once the server accepts connections."""
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="listener", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise ListenerStartError("the listener did not start (see the log)")
            time.sleep(0.01)
        self._flusher.start()
        log.info("listener serving on %s:%d", self.host, self.port)

    def run(self) -> None:
        """Serve in the foreground (main thread) until SIGINT or SIGTERM, then return normally."""
        # uvicorn shuts down gracefully, then re-raises the signal it caught; these handlers turn that into
        # a normal return, so that the last health flush still happens.
        previous = signal.signal(signal.SIGTERM, _raise_stopped)
        self._flusher.start()
        try:
            self._server.run(sockets=[self._sock])
        except (KeyboardInterrupt, _StoppedError):
            log.info("listener stopped by signal")
        finally:
            signal.signal(signal.SIGTERM, previous)
            self._flusher.stop()
            self._sock.close()

    def wait(self) -> None:
        """Block until the serving thread (``start``) ends."""
        if self._thread is not None:
            self._thread.join()

    def stop(self) -> None:
        """Stop serving, free the port and leave no thread behind."""
        self.stopping = True
        self._server.should_exit = True
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join(STOP_TIMEOUT_S)
            if thread.is_alive():
                self._server.force_exit = True
                thread.join(STOP_TIMEOUT_S)
        self._flusher.stop()
        self._sock.close()
