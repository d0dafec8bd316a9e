"""The listener's own socket on Windows: SO_EXCLUSIVEADDRUSE, and errors 10013 and 10048 in clear words."""

import errno
import socket

import pytest

from timetracker_desktop.listener import server
from timetracker_desktop.listener.server import ListenerStartError, bind_failure_reason

SO_EXCLUSIVEADDRUSE = -5  # Windows' value (~SO_REUSEADDR); Linux builds of Python do not define it


class _FakeSocket:
    """Records socket options; ``bind`` fails with ``error`` when given."""

    def __init__(self, error: OSError | None = None) -> None:
        self.options: list[tuple[int, int, int]] = []
        self.error = error
        self.closed = False

    def setsockopt(self, level: int, option: int, value: int) -> None:
        self.options.append((level, option, value))

    def bind(self, address: tuple[str, int]) -> None:
        if self.error is not None:
            raise self.error

    def listen(self, backlog: int) -> None:
        """Nothing to do."""

    def close(self) -> None:
        self.closed = True


def _windows_error(code: int, errno_value: int) -> OSError:
    """An OSError as Python on Windows raises it for a Winsock error (``winerror`` set, ``errno`` mapped)."""
    error = OSError(errno_value, "Windows says no")
    error.winerror = code  # type: ignore[attr-defined]  # the attribute exists only on Windows
    return error


def _bind_with(monkeypatch: pytest.MonkeyPatch, platform: str, fake: _FakeSocket) -> socket.socket:
    monkeypatch.setattr("sys.platform", platform)
    monkeypatch.setattr("socket.socket", lambda *args: fake)
    return server._bind("0.0.0.0", 8000)


def test_windows_binds_exclusively_and_never_sets_reuseaddr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("socket.SO_EXCLUSIVEADDRUSE", SO_EXCLUSIVEADDRUSE, raising=False)
    fake = _FakeSocket()
    _bind_with(monkeypatch, "win32", fake)
    assert fake.options == [(socket.SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1)]


def test_elsewhere_the_port_is_reused_after_a_restart(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeSocket()
    _bind_with(monkeypatch, "linux", fake)
    assert fake.options == [(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (_windows_error(10013, errno.EACCES), "port_reserved"),  # Python maps WSAEACCES to errno 13
        (_windows_error(10048, 10048), "port_in_use"),  # Windows' errno.EADDRINUSE is 10048 itself
        (_windows_error(10049, 10049), "address_unavailable"),
        (OSError(10013, "fake"), "port_reserved"),  # the number alone, however it arrives
        (OSError(errno.EADDRINUSE, "in use"), "port_in_use"),
        (OSError(errno.EADDRNOTAVAIL, "not here"), "address_unavailable"),
        (OSError(errno.EACCES, "denied"), "no_permission"),  # POSIX: a port below 1024
        (OSError(errno.ENOBUFS, "other"), "failed"),
    ],
)
def test_bind_errors_have_stable_reasons(error: OSError, reason: str) -> None:
    assert bind_failure_reason(error) == reason


def test_windows_10013_names_the_excluded_ranges_and_closes_the_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = _FakeSocket(_windows_error(10013, errno.EACCES))
    with pytest.raises(ListenerStartError) as caught:
        _bind_with(monkeypatch, "win32", fake)
    assert caught.value.reason == "port_reserved"
    assert "port 8000" in str(caught.value)
    assert "netsh interface ipv4 show excludedportrange protocol=tcp" in str(caught.value)
    assert fake.closed


def test_windows_10048_says_how_to_find_the_other_program(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ListenerStartError) as caught:
        _bind_with(monkeypatch, "win32", _FakeSocket(_windows_error(10048, 10048)))
    assert caught.value.reason == "port_in_use"
    assert "findstr :8000" in str(caught.value)
