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
from timetracker_desktop.gui.listener.firewall_offer import FirewallOffer
from timetracker_desktop.gui.shell.gateway import OpenDatabase
from timetracker_desktop.gui.shell.status_bar import MainStatusBar
from timetracker_desktop.system import elevation, firewall
from timetracker_desktop.system.elevation import ElevationCancelledError
from timetracker_desktop.system.firewall import FirewallCheck, FirewallProblem

from .conftest import show
from .test_live_feed_coalescing import HeldRunner

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
        self.owners: list[int] = []
        self.refuse = False
        self.exit_code = 0

    def query(self, name: str, program: str) -> str:
        assert (name, program) == ("TimeTracker Desktop (service)", EXE)
        return self.rules

    def run_elevated(self, program: str, parameters: str, owner: int = 0) -> int:
        if self.refuse:
            raise ElevationCancelledError(1223, "refused")
        self.elevated.append((program, parameters))
        self.owners.append(owner)
        if self.exit_code:
            return self.exit_code
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
    assert windows.owners == [int(bar.window().winId())]  # the UAC prompt belongs to the main window
    assert windows.owners[0] != 0
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


@pytest.mark.usefixtures("ukrainian")
def test_a_failed_netsh_is_said_in_ukrainian(
    qtbot: QtBot, admin_context: GuiContext, windows: _Windows
) -> None:
    windows.exit_code = 1
    bar, control = _bar(qtbot, admin_context)
    bar.firewall.button.click()
    text = bar.firewall.label.text()
    assert "exit code" not in text
    assert "netsh" in text  # the command's name, in a Ukrainian sentence
    assert "Windows відмовила" in text
    assert bar.firewall.button.isEnabled()
    control.stop()


class _LoopbackHandle(_Handle):
    host = "127.0.0.1"


def test_a_listener_on_loopback_is_not_checked(
    qtbot: QtBot, admin_context: GuiContext, windows: _Windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def query(name: str, program: str) -> str:
        asked.append(name)  # an error raised here would only be logged by the offer
        return "[]"

    monkeypatch.setattr(firewall, "_run_query", query)
    control = ListenerControl(lambda *args: _LoopbackHandle(), lambda notice: None)
    bar = MainStatusBar(replace(admin_context, listener=control))
    show(qtbot, bar)
    control.start(cast(OpenDatabase, object()), "127.0.0.1", 8123)
    qtbot.waitUntil(lambda: control.running)
    assert not bar.firewall.isVisible()
    assert asked == []  # nothing to allow on loopback
    control.stop()


def _missing(port: int, program: str | None = None, host: str = "") -> FirewallCheck:
    return FirewallCheck("TimeTracker Desktop (service)", EXE, port, FirewallProblem.MISSING)


@pytest.fixture
def held(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> tuple[FirewallOffer, HeldRunner]:
    """An offer whose checks (all finding no rule) end only when the test says so."""
    monkeypatch.setattr(firewall, "check", _missing)
    runner = HeldRunner()
    offer = FirewallOffer(runner)
    show(qtbot, offer)
    return offer, runner


def _finish(runner: HeldRunner, index: int) -> None:
    work, on_done = runner.held.pop(index)
    on_done(work())


def test_a_check_that_ends_after_withdraw_is_dropped(held: tuple[FirewallOffer, HeldRunner]) -> None:
    offer, runner = held
    offer.check(8123)
    offer.withdraw()  # the listener stopped while PowerShell was still looking
    _finish(runner, 0)
    assert offer.found is None
    assert not offer.isVisible()


def test_checks_that_end_out_of_order_keep_the_latest(held: tuple[FirewallOffer, HeldRunner]) -> None:
    offer, runner = held
    offer.check(8123)
    offer.check(8124)
    _finish(runner, 1)
    _finish(runner, 0)  # the older check ends last
    assert offer.found is not None
    assert offer.found.port == 8124
    assert "8124" in offer.label.toolTip()
