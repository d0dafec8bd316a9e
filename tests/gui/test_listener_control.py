"""Why the in-process listener did not start, in words: start_listener's errors and the control's texts."""

import socket

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.app import start_listener
from timetracker_desktop.domain.errors import DomainError
from timetracker_desktop.gui.listener_control import ListenerControl, ListenerHandle, ScanCallback
from timetracker_desktop.gui.tasks import InlineTaskRunner
from timetracker_desktop.services.container import Services

pytestmark = pytest.mark.gui
NOT_HERE = "192.0.2.1"  # TEST-NET-1: never an address of this machine


def _failure(services: Services, host: str, port: int) -> str:
    with pytest.raises(DomainError) as caught:
        start_listener(services, host, port, lambda notice: None)
    return caught.value.code


def test_start_listener_says_why_it_failed(services: Services) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        assert _failure(services, "127.0.0.1", squatter.getsockname()[1]) == "listener_port_in_use"
    assert _failure(services, NOT_HERE, 0) == "listener_address_unavailable"


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
    qtbot: QtBot, services: Services, code: str, state: str, hint: str
) -> None:
    def refuse(services: Services, host: str, port: int, notify: ScanCallback) -> ListenerHandle:
        raise DomainError("the listener did not start", code)

    runner = InlineTaskRunner()
    control = ListenerControl(refuse, runner, lambda notice: None)
    with qtbot.waitSignal(control.state_changed):
        control.start(services, NOT_HERE, 8123)
    assert not control.running
    assert control.describe() == state
    assert hint in control.explain()
    assert runner.errors == []
