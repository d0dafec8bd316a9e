"""The status bar on Windows (sys.platform patched, PowerShell and the UAC prompt faked): when the listener
starts and its program has no firewall rule, it offers to allow terminals, and the offer goes once added."""

from dataclasses import replace
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.listener.control import (
    ListenerControl,
    ListenerHandle,
    LostCallback,
    ScanCallback,
)
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.gui.shell.status_bar import MainStatusBar
from timetracker_desktop.system import elevation, firewall
from timetracker_desktop.system.elevation import ElevationCancelledError

from .conftest import show

pytestmark = pytest.mark.gui
EXE = r"C:\Program Files\TimeTracker Desktop\timetracker-desktop.exe"
ALLOWING = (
    '[{"Enabled":"True","Direction":"Inbound","Action":"Allow","Profile":"Any",'
    '"Program":"C:\\\\Program Files\\\\TimeTracker Desktop\\\\timetracker-desktop.exe",'
    '"Protocol":"TCP","LocalPort":"Any"}]'
)


class _Handle:
    host, port = "0.0.0.0", 8123

    def stop(self) -> None:
        """Nothing runs."""


def _serve(
    database: OpenDatabase, host: str, port: int, notify: ScanCallback, lost: LostCallback
) -> ListenerHandle:
    return _Handle()


class _Windows:
    """The faked Windows: the rule PowerShell reports, and the elevated commands run."""

    def __init__(self) -> None:
        self.rules = "[]"
        self.elevated: list[tuple[str, str]] = []
        self.refuse = False

    def query(self, name: str, program: str) -> str:
        assert (name, program) == ("TimeTracker Desktop (service)", EXE)
        return self.rules

    def run_elevated(self, program: str, parameters: str) -> int:
        if self.refuse:
            raise ElevationCancelledError(1223, "refused")
        self.elevated.append((program, parameters))
        self.rules = ALLOWING
        return 0


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> _Windows:
    fake = _Windows()
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(firewall, "listening_program", lambda: EXE)
    monkeypatch.setattr(firewall, "_run_query", fake.query)
    monkeypatch.setattr(elevation, "run_elevated", fake.run_elevated)
    return fake


def _bar(qtbot: QtBot, admin_context: GuiContext) -> tuple[MainStatusBar, ListenerControl]:
    control = ListenerControl(_serve, lambda notice: None)
    bar = MainStatusBar(replace(admin_context, listener=control))
    show(qtbot, bar)
    assert not bar.firewall.isVisible()
    control.start(cast(OpenDatabase, object()), "0.0.0.0", 8123)
    qtbot.waitUntil(lambda: control.running)
    return bar, control


def test_a_missing_rule_is_offered_and_allowed_through_uac(
    qtbot: QtBot, admin_context: GuiContext, windows: _Windows
) -> None:
    bar, control = _bar(qtbot, admin_context)
    assert bar.firewall.isVisible()
    assert bar.firewall.label.text() == "Windows Firewall may block terminals."
    assert "no Windows Firewall rule" in bar.firewall.label.toolTip()
    assert "port 8123" in bar.firewall.label.toolTip()
    bar.firewall.button.click()
    assert windows.elevated == [
        (
            firewall.allow_command(EXE)[0],
            "/d /c netsh advfirewall firewall delete rule name=all dir=in "
            'program="C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop.exe" & '
            'netsh advfirewall firewall delete rule name="TimeTracker Desktop (service)" & '
            'netsh advfirewall firewall add rule name="TimeTracker Desktop (service)" dir=in action=allow '
            "enable=yes profile=any remoteip=localsubnet protocol=TCP "
            'program="C:\\Program Files\\TimeTracker Desktop\\timetracker-desktop.exe"',
        )
    ]
    assert not bar.firewall.isVisible()
    control.stop()


def test_a_refused_prompt_keeps_the_offer(qtbot: QtBot, admin_context: GuiContext, windows: _Windows) -> None:
    windows.refuse = True
    bar, control = _bar(qtbot, admin_context)
    bar.firewall.button.click()
    assert bar.firewall.isVisible()
    assert bar.firewall.button.isEnabled()
    assert "administrator's approval" in bar.firewall.label.text()
    control.stop()
    assert not bar.firewall.isVisible()  # a stopped listener needs no rule


def test_a_good_rule_offers_nothing(qtbot: QtBot, admin_context: GuiContext, windows: _Windows) -> None:
    windows.rules = ALLOWING
    bar, control = _bar(qtbot, admin_context)
    assert not bar.firewall.isVisible()
    control.stop()


def test_elsewhere_than_windows_nothing_is_checked(
    qtbot: QtBot, admin_context: GuiContext, windows: _Windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")

    def never(name: str, program: str) -> str:
        raise AssertionError("no check off Windows")

    monkeypatch.setattr(firewall, "_run_query", never)
    bar, control = _bar(qtbot, admin_context)
    assert not bar.firewall.isVisible()
    control.stop()
