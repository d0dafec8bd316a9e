"""GUI fixtures: built resources, an INI file for UiSettings, an in-memory keyring, a logged-in context."""

import gc
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.users import Actor, Role, User
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.gui.shell.application import Shell, load_resources
from timetracker_desktop.services.container import Services

ADMIN_PASSWORD = "admin-pass-1"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory (tests only)."""

    priority = 1
    viable = False  # never picked by keyring's own discovery

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """The saved password."""
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Save a password."""
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a password."""
        self.store.pop((service, username), None)


@pytest.fixture(scope="session", autouse=True)
def gui_resources(qapp: object) -> None:
    """Icons and catalogs registered once (built first if missing)."""
    load_resources()


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[None]:
    """The Ukrainian catalog installed for one test, English again afterwards."""
    assert install_translators(qapp, "uk")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """Preferences in an INI file of this test."""
    return UiSettings(tmp_path / "ui.ini")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory OS keyring for the duration of a test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def runner() -> Iterator[InlineTaskRunner]:
    """Runs work at once; fails the test if an error reached the fallback handler (a bug)."""
    inline = InlineTaskRunner()
    yield inline
    assert inline.errors == []


def make_user(services: Services, name: str, role: Role) -> User:
    """A user of the given role (the first one created is the admin)."""
    if not services.users.has_users():
        services.users.create_user(Actor.system(), "admin", ADMIN_PASSWORD, Role.ADMIN)
    if name == "admin":
        return services.users.authenticate("admin", ADMIN_PASSWORD)
    admin = Actor.of_user(services.users.authenticate("admin", ADMIN_PASSWORD))
    services.users.create_user(admin, name, f"{name}-pass-1", role)
    return services.users.authenticate(name, f"{name}-pass-1")


def make_context(
    services: Services, user: User, runner: InlineTaskRunner, ui_settings: UiSettings
) -> GuiContext:
    """The context pages get, over the test database."""
    return GuiContext(services, user, runner, ui_settings, "test database", ScanBridge())


@pytest.fixture
def admin_context(services: Services, runner: InlineTaskRunner, ui_settings: UiSettings) -> GuiContext:
    """Logged in as the admin."""
    return make_context(services, make_user(services, "admin", Role.ADMIN), runner, ui_settings)


@pytest.fixture
def viewer_context(services: Services, runner: InlineTaskRunner, ui_settings: UiSettings) -> GuiContext:
    """Logged in as a viewer."""
    return make_context(services, make_user(services, "viewer", Role.VIEWER), runner, ui_settings)


def show(qtbot: QtBot, widget: object) -> None:
    """Register and show a widget."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    qtbot.addWidget(widget)
    widget.show()


def close_shell(qapp: QApplication, shell: Shell) -> None:
    """Take down a shell a test logged in with: listener, window and its pages' tasks, then the shell."""
    shell.listener.stop()
    if shell.window is not None:  # its pages' timers would start tasks after the runner is gone
        shell.window.close()
        shell.window.deleteLater()
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    shell.runner.wait_for_done(10_000)
    qapp.aboutToQuit.disconnect(shell._on_about_to_quit)
    shell.setParent(None)
    shell.deleteLater()
    gc.unfreeze()  # the shell froze the test process's objects (see freeze_long_lived_objects)
