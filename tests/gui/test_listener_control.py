"""Why the listener did not start, in words: the listener process's errors and the control's texts."""

import socket

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.gateway import OpenDatabase
from timetracker_desktop.gui.listener_control import (
    ListenerControl,
    ListenerHandle,
    LostCallback,
    ScanCallback,
)
from timetracker_desktop.gui.tasks import InlineTaskRunner

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
