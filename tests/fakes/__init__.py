"""Test doubles shared by every layer's tests: a clock, actors, and an in-memory unit of work."""

from fakes.actors import ADMIN, MANAGER, VIEWER
from fakes.clock import FakeClock
from fakes.uow import FakeUnitOfWork, FakeUnitOfWorkFactory

__all__ = ["ADMIN", "MANAGER", "VIEWER", "FakeClock", "FakeUnitOfWork", "FakeUnitOfWorkFactory"]
