"""Task runners, bridges, UiSettings, credentials and error handling."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from timetracker_desktop.credentials import (
    ServerDatabase,
    keyring_available,
    load_password,
    store_password,
    url_with_saved_password,
    without_password,
)
from timetracker_desktop.domain.audit import EntityType
from timetracker_desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.gui.kit.error_dialog import ErrorDialog
from timetracker_desktop.gui.kit.error_messages import message_for
from timetracker_desktop.gui.kit.errors import ErrorReporter
from timetracker_desktop.gui.kit.settings import UiSettings
from timetracker_desktop.gui.kit.tasks import InlineTaskRunner, PoolTaskRunner
from timetracker_desktop.gui.listener.bridges import ScanBridge
from timetracker_desktop.repositories.ports.storage import StorageCause, StorageUnavailableError

from .conftest import MemoryKeyring

pytestmark = pytest.mark.gui
SERVER_URL = "mysql+pymysql://tt:s3cr%40t@db.local:3307/office?charset=utf8mb4"


class Receiver(QLabel):
    """Records callbacks and the thread they ran on."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.threads: list[QThread] = []

    def on_result(self, value: object) -> None:
        self.results.append(value)
        self.threads.append(QThread.currentThread())


def _boom() -> int:
    raise ValidationError("bad", code=ErrorCode.BAD_TIME_ZONE, field="time_zone")


def test_pool_runner_delivers_on_the_gui_thread(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    runner = PoolTaskRunner(errors.append)
    receiver = Receiver()
    qtbot.addWidget(receiver)
    busy: list[bool] = []
    runner.relay.busy_changed.connect(busy.append)
    runner.run(threading.get_ident, receiver.on_result)
    runner.run(_boom, receiver.on_result, receiver.on_result, write=True)
    qtbot.waitUntil(lambda: len(receiver.results) == 2)
    assert all(t is QApplication.instance().thread() for t in receiver.threads)  # type: ignore[union-attr]
    assert threading.get_ident() not in receiver.results
    assert any(isinstance(r, ValidationError) for r in receiver.results)
    qtbot.waitUntil(lambda: busy == [True, False])
    assert errors == []
    assert runner.wait_for_done(1000)


def test_results_for_deleted_widgets_are_dropped(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    runner = PoolTaskRunner(errors.append)
    receiver = Receiver()
    gate = threading.Event()
    runner.run(gate.wait, receiver.on_result)
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not _alive(receiver))
    gate.set()
    qtbot.waitUntil(lambda: runner.relay.pending == 0)
    assert errors == []


def _alive(widget: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_inline_runner_reports_failing_callbacks() -> None:
    runner = InlineTaskRunner()
    runner.run(_boom, print)
    assert isinstance(runner.errors[0], ValidationError)
    runner.errors.clear()


def test_bridge_signal_crosses_threads(qtbot: QtBot) -> None:
    bridge = ScanBridge()
    received: list[QThread] = []
    bridge.scan_committed.connect(lambda _notice: received.append(QThread.currentThread()))
    worker = threading.Thread(target=bridge.notify, args=("scan",))
    with qtbot.waitSignal(bridge.scan_committed):
        worker.start()
        worker.join()
    assert received == [QApplication.instance().thread()]  # type: ignore[union-attr]


def test_ui_settings_read_typed_values(tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    path.write_text("[listener]\nport=not-a-number\n[ui]\nlanguage=fr\n", "utf-8")
    settings = UiSettings(path)
    assert settings.listener_port == 8000
    assert settings.language == "uk"
    settings.listener_port = 8123
    settings.language = "en"
    settings.database_url = without_password(SERVER_URL)
    settings.sync()
    again = UiSettings(path)
    assert (again.listener_port, again.language) == (8123, "en")
    assert "s3cr" not in path.read_text("utf-8")


def test_password_goes_to_the_keyring(memory_keyring: MemoryKeyring) -> None:
    assert keyring_available()
    server = ServerDatabase("db.local", 3307, "tt", "office")
    store_password(server, "s3cr@t")
    assert load_password(server) == "s3cr@t"
    assert url_with_saved_password(without_password(SERVER_URL)) == SERVER_URL


def test_no_keyring_backend_is_reported() -> None:
    if keyring_available():
        pytest.skip("this machine has a keyring")
    assert load_password(ServerDatabase("h", 1, "u", "d")) is None


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (StorageUnavailableError(StorageCause.SERVER_UNREACHABLE), "cannot be reached"),
        (StorageUnavailableError(StorageCause.ACCESS_DENIED_LOGIN), "refused"),
        (StorageUnavailableError(StorageCause.NO_DATABASE), "does not exist"),
        (StorageUnavailableError(StorageCause.MISSING_TABLE_RIGHTS), "lacks rights"),
        (StorageUnavailableError(StorageCause.OTHER), "The log has the details"),
        (NotFoundError(EntityType.EMPLOYEE, 7), "not found"),
        (RuntimeError("bug"), "went wrong"),
    ],
)
def test_error_messages(error: Exception, expected: str) -> None:
    assert expected in message_for(error)


def test_error_dialog_copies_details(qtbot: QtBot) -> None:
    dialog = ErrorDialog("It failed.", "Traceback: line 1")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "It failed.\n\nTraceback: line 1"


def test_uncaught_exception_becomes_a_dialog(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    reporter = ErrorReporter()
    try:
        raise RuntimeError("unexpected")
    except RuntimeError as error:
        worker = threading.Thread(target=reporter.report, args=(error,))
        with qtbot.waitSignal(reporter.reported):
            worker.start()
            worker.join()
    assert len(reporter.dialogs) == 1
    dialog = reporter.dialogs[0]
    qtbot.addWidget(dialog)
    assert "RuntimeError: unexpected" in dialog.details_box.toPlainText()
    assert "unexpected error" in caplog.text
