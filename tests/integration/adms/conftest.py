"""Fixtures of the ADMS tests: a real listener on loopback, employees with PINs, simulated devices."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import httpx
import pytest
from emulators.zkteco_device import ZkDevice
from fakes import ADMIN
from listener_support import RunningListener, running_listener

from timetracker_desktop.domain.attendance import Punch
from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.repositories.ports.storage import UnassignedPunch
from timetracker_desktop.repositories.ports.zkteco import AdmsDevice
from timetracker_desktop.services.container import Services
from timetracker_desktop.services.dto import EmployeeDraft

EARLY, LATE = (
    datetime.fromisoformat("2000-01-01T00:00:00+00:00"),
    datetime.fromisoformat("2100-01-01T00:00:00+00:00"),
)


@dataclass
class AdmsOffice:
    """The services, the listener, and helpers to run devices against it."""

    services: Services
    listener: RunningListener

    def device(self, serial: str, batch_size: int = 100) -> ZkDevice:
        """A simulated device talking to the listener."""
        return ZkDevice(self.listener.client, serial, batch_size)

    @contextmanager
    def client_from(self, address: str) -> Iterator[httpx.Client]:
        """An HTTP client whose requests come from another loopback address (127.0.0.2...)."""
        transport = httpx.HTTPTransport(local_address=address)
        with httpx.Client(base_url=self.listener.server.url, transport=transport, timeout=60) as client:
            yield client

    def employee(self, name: str, pin: str) -> int:
        """An employee with a terminal PIN."""
        return self.services.employees.add_employee(ADMIN, EmployeeDraft(name, pin=pin)).id

    def stored(self, serial: str) -> AdmsDevice:
        """The device as stored."""
        with self.services.uow(read_only=True) as uow:
            device = uow.adms.by_serial(serial)
        assert device is not None
        return device

    def approve(
        self, serial: str, mode: DirectionMode = DirectionMode.DEVICE, zone: str | None = None
    ) -> Terminal:
        """Approve a device that has called in."""
        device = self.stored(serial)
        return self.services.adms_admin.approve(ADMIN, device.id, time_zone=zone, direction_mode=mode)

    def enrol(
        self, serial: str, mode: DirectionMode = DirectionMode.DEVICE, zone: str | None = None
    ) -> Terminal:
        """A device that has shaken hands and been approved."""
        assert self.device(serial).handshake().status_code == 200
        return self.approve(serial, mode, zone)

    def punches(self, terminal_id: int | None = None) -> list[Punch]:
        """Every stored punch (of one terminal), in time order."""
        with self.services.uow(read_only=True) as uow:
            grouped = uow.punches.for_employees(None, EARLY, LATE)
        every = sorted((p for ps in grouped.values() for p in ps), key=lambda p: (p.at, p.id))
        return [p for p in every if terminal_id is None or p.terminal_id == terminal_id]

    def queue(self) -> list[UnassignedPunch]:
        """Open unassigned-queue items, oldest first."""
        with self.services.uow(read_only=True) as uow:
            return sorted(uow.unassigned.list_all(), key=lambda i: (i.at, i.id))


@pytest.fixture
def adms(services: Services) -> Iterator[AdmsOffice]:
    """The listener over the test database (SQLite or MariaDB) with ADMS helpers."""
    with running_listener(services) as running:
        yield AdmsOffice(services, running)
