"""Listener test support: a real uvicorn server on loopback over the test services, and a staffed office."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import httpx
from emulators.android_terminal import AndroidTerminal
from emulators.badge_phone import BadgePhone, session_key
from fakes import ADMIN

from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.listener.app import build_app
from timetracker_desktop.listener.child.process import ListenerProcess
from timetracker_desktop.listener.options import ListenerOptions
from timetracker_desktop.listener.server import ListenerServer
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.ingest.dto import ScanNotice

# Contract tests send many requests per terminal within a second (rate limits have their own tests), expect
# a rotated key to fail at once (the key cache has its own tests), and run on a loaded machine (the storage
# wait has its own tests, test_database_stall).
ROOMY = ListenerOptions(
    requests_per_minute=60_000, burst=10_000, failed_auth_per_minute=10_000, key_cache_seconds=0,
    device_requests_per_minute=60_000, device_burst=10_000,
    address_requests_per_minute=60_000, address_burst=10_000,
    storage_wait_seconds=10,
)  # fmt: skip
# The same for the GUI's listener process, which flushes terminal health every second.
ROOMY_PROCESS = replace(ROOMY, health_flush_seconds=1.0)


@dataclass
class RunningListener:
    """A started server (a thread, or the GUI's listener process), an httpx client on it, its notices."""

    server: ListenerServer | ListenerProcess
    client: httpx.Client
    notices: list[ScanNotice] = field(default_factory=list)


@contextmanager
def running_listener(services: Services, options: ListenerOptions = ROOMY) -> Iterator[RunningListener]:
    """Serve the services on 127.0.0.1 (a free port) for the duration of the block."""
    notices: list[ScanNotice] = []
    server = ListenerServer(build_app(services, notices.append, options), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            yield RunningListener(server, client, notices)
    finally:
        server.stop()


def add_terminal(
    services: Services, name: str, kind: TerminalKind = TerminalKind.ANDROID
) -> tuple[Terminal, str]:
    """A terminal and its key."""
    created = services.terminals.add_terminal(ADMIN, name, kind=kind)
    return created.terminal, created.key


def change_terminal(services: Services, terminal_id: int, **changes: object) -> Terminal:
    """Edit terminal settings the services have no command for yet (UID format, direction mode, clock)."""
    with services.uow() as uow:
        terminal = uow.terminals.get(terminal_id)
        assert terminal is not None
        changed = replace(terminal, **changes)  # type: ignore[arg-type]
        uow.terminals.update(changed)
        uow.commit()
    return changed


def phone_badge_id(services: Services, employee_id: int) -> int:
    """The id of an employee's phone badge."""
    return next(b.id for b in services.employees.detail(employee_id).badges if b.kind is BadgeKind.PHONE)


@dataclass
class Office:
    """One Android terminal, Olena with an enrolled badge phone, Ivan with a phone not yet enrolled."""

    services: Services
    listener: RunningListener
    terminal: Terminal
    key: str
    olena: int
    ivan: int
    olena_phone: BadgePhone
    ivan_phone: BadgePhone

    def tablet(self, key: str | None = None, terminal_id: int | None = None) -> AndroidTerminal:
        """The emulated Android terminal app (another key or id for refusal cases)."""
        return AndroidTerminal(self.listener.client, key or self.key, terminal_id or self.terminal.id)


def staff_office(services: Services, listener: RunningListener) -> Office:
    """Create the terminal and employees; Olena's key is enrolled through the terminal itself."""
    terminal, key = add_terminal(services, "Entrance")
    olena = services.employees.add_employee(
        ADMIN, EmployeeDraft("Олена Коваль", phone_code="EMP-1A2B3C4D")
    ).id
    ivan = services.employees.add_employee(
        ADMIN, EmployeeDraft("Іван Шевченко", phone_code="EMP-0000BEEF")
    ).id
    office = Office(
        services, listener, terminal, key, olena, ivan,
        BadgePhone("EMP-1A2B3C4D", session_key(0)), BadgePhone("EMP-0000BEEF", session_key(1)),
    )  # fmt: skip
    services.terminals.open_enrollment(ADMIN, terminal.id, 30)
    assert office.tablet().first_scan(office.olena_phone).status_code == 200
    services.terminals.close_enrollment(ADMIN, terminal.id)
    listener.notices.clear()
    return office
