"""Fixtures of the listener tests: a real server on loopback and a staffed office, on both databases."""

from collections.abc import Iterator

import pytest
from listener_support import Office, RunningListener, running_listener, staff_office
from mariadb_instance import PrivateMariaDb

from timetracker_desktop.services.container import Services


@pytest.fixture
def listener(services: Services) -> Iterator[RunningListener]:
    """The listener over the test database (SQLite or MariaDB), on a free loopback port."""
    with running_listener(services) as running:
        yield running


@pytest.fixture
def office(services: Services, listener: RunningListener) -> Office:
    """A terminal with two employees' badge phones (Olena enrolled, Ivan not)."""
    return staff_office(services, listener)


@pytest.fixture
def mariadb() -> Iterator[PrivateMariaDb]:
    """A private MariaDB server, started: fault tests stop or freeze it (never the shared one on 3306)."""
    server = PrivateMariaDb()
    try:
        server.start()
        yield server
    finally:
        server.remove()  # resumes a frozen server first
