"""Why the listener did not start, in words: the listener process's errors and the control's texts."""

import socket

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.domain.users import Role
from timetracker_desktop.gui.bridges import ScanBridge
from timetracker_desktop.gui.context import GuiContext
from timetracker_desktop.gui.gateway import OpenDatabase
from timetracker_desktop.gui.listener_control import (
    ListenerControl,
    ListenerHandle,
    LostCallback,
    ScanCallback,
)
from timetracker_desktop.gui.settings import UiSettings
from timetracker_desktop.gui.tasks import InlineTaskRunner
from timetracker_desktop.services.presence import PresenceService, PresenceSummary

from .conftest import make_user

pytestmark = pytest.mark.gui
NOT_HERE = "192.0.2.1"  # TEST-NET-1: never an address of this machine


def _failure(database: OpenDatabase, host: str, port: int) -> str:
    with pytest.raises(DomainError) as caught:
        start_listener(database, host, port, lambda notice: None, lambda handle: None)
    return caught.value.code


def test_start_listener_says_why_it_failed(app_context: AppContext) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        assert _failure(app_context, "127.0.0.1", squatter.getsockname()[1]) == "listener_port_in_use"
    assert _failure(app_context, NOT_HERE, 0) == "listener_address_unavailable"


@pytest.mark.parametrize(
    ("code", "state", "hint"),
    [
        ("listener_port_in_use", "port in use", "Port 8123 is used by another program"),
        ("listener_address_unavailable", "address not on this PC", "192.0.2.1 is not an address of this PC"),
        ("listener_no_permission", "no permission for the port", "does not allow listening on port 8123"),
        ("listener_failed", "failed", "could not start: the listener did not start"),
    ],
)
def test_each_failure_has_its_words(
    qtbot: QtBot, app_context: AppContext, code: str, state: str, hint: str
) -> None:
    def refuse(
        database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
    ) -> ListenerHandle:
        raise DomainError("the listener did not start", code)

    runner = InlineTaskRunner()
    control = ListenerControl(refuse, runner, lambda notice: None)
    with qtbot.waitSignal(control.state_changed):
        control.start(app_context, NOT_HERE, 8123)
    assert not control.running
    assert control.describe() == state
    assert hint in control.explain()
    assert runner.errors == []


class _Board:
    """A listener handle that works out the board: with a given summary, or failing like a dead process."""

    host, port = "127.0.0.1", 8123

    def __init__(self, summary: PresenceSummary | None) -> None:
        self.summary = summary

    def presence_today(self) -> object:
        if self.summary is None:
            raise RuntimeError("the listener process ended")
        return self.summary

    def stop(self) -> None:
        """Nothing runs."""


@pytest.mark.parametrize("answers", [True, False])
def test_the_board_comes_from_the_listener_process_or_is_worked_out_here(
    qtbot: QtBot, app_context: AppContext, ui_settings: UiSettings, answers: bool
) -> None:
    services = app_context.services
    here = PresenceService(services.uow, services.clock, services.worktime).today()
    remote = PresenceSummary(here.day, "Europe/Kyiv", ())
    handle = _Board(remote if answers else None)
    runner = InlineTaskRunner()
    control = ListenerControl(lambda *_args: handle, runner, lambda notice: None)
    with qtbot.waitSignal(control.state_changed):
        control.start(app_context, "127.0.0.1", 8123)
    assert control.board_source() is handle
    user = make_user(services, "admin", Role.ADMIN)
    context = GuiContext(services, user, runner, ui_settings, "test", ScanBridge(), listener=control)
    assert context.board_today() == (remote if answers else here)
    control.stop()
    assert control.board_source() is None  # stopped: the board is worked out here again
