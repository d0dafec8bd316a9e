"""Per-machine preferences in an INI file: language, window state, last view, listener, reader, DB URL."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "TimeTracker"
APPLICATION = "TimeTracker Desktop"
DEFAULT_LANGUAGE = "uk"
LANGUAGES = ("uk", "en")
DEFAULT_LISTENER_HOST = "0.0.0.0"  # noqa: S104 - terminals on the LAN must reach the listener
DEFAULT_LISTENER_PORT = 8000


class UiSettings:
    """The only place that knows the QSettings keys; reads are typed because INI stores text.

    Args:
        path: an INI file to use instead of the per-user one (tests).
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        """Where the settings live."""
        return self._qs.fileName()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    def _text(self, key: str, default: str) -> str:
        return str(self._qs.value(key, default, type=str))

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default, type=int)
        return int(value) if isinstance(value, int) else default

    def _bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    @property
    def language(self) -> str:
        """``uk`` (default) or ``en``."""
        value = self._text("ui/language", DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def database_url(self) -> str:
        """The database URL without a password; empty until the first run chose one."""
        return self._text("database/url", "")

    @database_url.setter
    def database_url(self, value: str) -> None:
        self._qs.setValue("database/url", value)

    @property
    def window_geometry(self) -> QByteArray:
        """Saved main-window geometry (empty if never saved)."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        """Saved main-window toolbar/dock state."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    @property
    def last_view(self) -> str:
        """Name of the page shown when the window closed."""
        return self._text("window/last_view", "")

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._qs.setValue("window/last_view", value)

    @property
    def last_username(self) -> str:
        """The user name last logged in (prefilled in the login dialog)."""
        return self._text("session/last_username", "")

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._qs.setValue("session/last_username", value)

    @property
    def listener_host(self) -> str:
        """Address the terminal listener binds to."""
        return self._text("listener/host", DEFAULT_LISTENER_HOST) or DEFAULT_LISTENER_HOST

    @listener_host.setter
    def listener_host(self, value: str) -> None:
        self._qs.setValue("listener/host", value)

    @property
    def listener_port(self) -> int:
        """TCP port of the terminal listener."""
        port = self._int("listener/port", DEFAULT_LISTENER_PORT)
        return port if 0 < port < 65536 else DEFAULT_LISTENER_PORT

    @listener_port.setter
    def listener_port(self, value: int) -> None:
        self._qs.setValue("listener/port", int(value))

    @property
    def server_address(self) -> str:
        """The LAN IPv4 address terminals use (QR codes); empty means pick automatically."""
        return self._text("listener/server_address", "")

    @server_address.setter
    def server_address(self, value: str) -> None:
        self._qs.setValue("listener/server_address", value)

    @property
    def reader_name(self) -> str:
        """The desk reader to use; empty means the first one found."""
        return self._text("reader/name", "")

    @reader_name.setter
    def reader_name(self, value: str) -> None:
        self._qs.setValue("reader/name", value)
