"""Fixtures of the services' unit tests: the services wired as services/container.py wires them, over the
in-memory unit of work of tests/fakes (the SQL storage has its own tests under tests/integration)."""

from collections.abc import Callable

import pytest
from fakes import FakeClock, FakeUnitOfWorkFactory

from timetracker_desktop.services.container import Services, build_services

FAST_BCRYPT_ROUNDS = 4


@pytest.fixture
def storage() -> FakeUnitOfWorkFactory:
    """An empty fake database (schedule codes seeded as by the first migration)."""
    return FakeUnitOfWorkFactory()


@pytest.fixture
def services(storage: FakeUnitOfWorkFactory, clock: FakeClock) -> Services:
    """Every service over the fake storage and clock (overrides the database-backed fixture of that name)."""
    return build_services(storage, clock, bcrypt_rounds=FAST_BCRYPT_ROUNDS)


@pytest.fixture
def audit_actions(storage: FakeUnitOfWorkFactory) -> Callable[[], list[str]]:
    """The committed audit log's actions, oldest first."""

    def actions() -> list[str]:
        with storage(read_only=True) as uow:
            return [entry.action for entry in uow.audit.all_in_order()]

    return actions
