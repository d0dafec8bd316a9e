"""Diagnostics for support: versions, database, listener, reader and recent errors; never secrets."""

import platform
import sys
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from timetracker_desktop import __version__
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.repositories.ports.storage import UnitOfWorkFactory
from timetracker_desktop.services.database_care.health import Alert, HealthService

PACKAGES = (
    "PySide6-Essentials",
    "SQLAlchemy",
    "alembic",
    "PyMySQL",
    "fastapi",
    "uvicorn",
    "pyscard",
    "bcrypt",
    "cryptography",
)
ERROR_LINES = 20
_LEVELS = (" ERROR ", " CRITICAL ", " WARNING ")


@dataclass(frozen=True, slots=True)
class ListenerState:
    """What the caller knows of its listener."""

    running: bool
    host: str | None = None
    port: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostics:
    """Sections of ``(name, value)`` lines, and recent problems from the log."""

    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    recent_errors: tuple[str, ...]
    alerts: tuple[Alert, ...] = ()  # what needs attention (``alerts`` in ``diagnostics --json``)

    def as_text(self) -> str:
        """Plain text to paste into an e-mail or a ticket."""
        lines: list[str] = []
        for title, items in self.sections:
            lines.append(f"[{title}]")
            lines.extend(f"{name}: {value}" for name, value in items)
            lines.append("")
        lines.append("[alerts]")
        lines.extend([a.as_text() for a in self.alerts] or ["none"])
        lines.append("")
        lines.append("[recent errors]")
        lines.extend(self.recent_errors or ("none",))
        return "\n".join(lines) + "\n"


def url_without_password(url: str) -> str:
    """A database URL with the password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def recent_errors(log_files: Sequence[Path], limit: int = ERROR_LINES) -> tuple[str, ...]:
    """The last warnings and errors of the log files (already free of secrets), oldest first.

    Lines begin with their time, so sorting merges the GUI's log with its listener process's log.
    """
    found: list[str] = []
    for log_file in log_files:
        if log_file.is_file():
            found += _warnings(log_file, limit)
    return tuple(sorted(found)[-limit:])


def _warnings(log_file: Path, limit: int) -> deque[str]:
    kept: deque[str] = deque(maxlen=limit)
    with log_file.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if any(level in line for level in _LEVELS):
                kept.append(line.rstrip())
    return kept


class DiagnosticsService:
    """Collects diagnostics; Qt-free, so the GUI, ``serve`` and the CLI share it."""

    def __init__(
        self,
        uow: UnitOfWorkFactory | None,
        clock: Clock,
        revision: Callable[[], tuple[str | None, str]],
        health: HealthService | None = None,
    ) -> None:
        """``uow`` is None when the database cannot even be opened (``revision`` then says why)."""
        self._uow = uow
        self._clock = clock
        self._revision = revision
        self._health = health

    def collect(
        self,
        database_url: str,
        *,
        log_files: Sequence[Path] = (),
        listener: ListenerState | None = None,
        reader: str | None = None,
    ) -> Diagnostics:
        """Everything support asks for first."""
        sections = (
            ("program", self._program()),
            ("database", self._database(database_url)),
            ("listener", _listener(listener)),
            ("desk reader", (("reader", reader or "unknown"),)),
            ("log", tuple(("file", str(log_file)) for log_file in log_files) or (("file", "-"),)),
        )
        return Diagnostics(sections, recent_errors(log_files), self._alerts(listener))

    def _alerts(self, listener: ListenerState | None) -> tuple[Alert, ...]:
        if self._health is None or self._uow is None:
            return ()
        running = None if listener is None else listener.running
        error = (listener.error if listener is not None else None) or ""
        try:
            return tuple(self._health.alerts(listener_running=running, listener_error=error))
        except Exception:  # noqa: BLE001 - the database section says what is wrong with the database
            return ()

    def _program(self) -> tuple[tuple[str, str], ...]:
        frozen = "yes" if getattr(sys, "frozen", False) else "no"
        base = (
            ("TimeTracker Desktop", __version__),
            ("collected at", self._clock.now().isoformat(timespec="seconds")),
            ("python", platform.python_version()),
            ("system", f"{platform.system()} {platform.release()} ({platform.machine()})"),
            ("frozen build", frozen),
        )
        return base + tuple((name, _version(name)) for name in PACKAGES)

    def _database(self, url: str) -> tuple[tuple[str, str], ...]:
        items = [("url", url_without_password(url))]
        try:
            current, head = self._revision()
            items.append(("schema", f"{current or 'empty'} (newest {head})"))
            if self._uow is None:
                raise RuntimeError("the database cannot be opened")
            with self._uow(read_only=True) as uow:
                items += [("employees", str(uow.employees.count())), *_terminals(uow.terminals.list_all())]
        except Exception as error:  # noqa: BLE001 - diagnostics must come out even when the database does not
            items.append(("error", f"{type(error).__name__}: {error}"))
        return tuple(items)


def _seen(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else "never"


def _terminals(terminals: Sequence[Terminal]) -> list[tuple[str, str]]:
    lines = []
    for t in terminals:
        state = "" if t.is_active else ", disabled"
        lines.append(
            (f"terminal {t.id}", f"{t.name} ({t.kind.value}{state}), last seen {_seen(t.last_seen_at)}")
        )
    return lines


def _listener(state: ListenerState | None) -> tuple[tuple[str, str], ...]:
    if state is None:
        return (("state", "not part of this process"),)
    where = f"{state.host}:{state.port}" if state.host else "-"
    return (
        ("state", "running" if state.running else "stopped"),
        ("address", where),
        ("error", state.error or "-"),
    )
