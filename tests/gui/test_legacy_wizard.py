"""Legacy import wizard: preview of a legacy test database, the import and its report, then nothing new."""

import importlib
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from dbsupport import drop_mysql_database, mysql_url_or_skip, recreate_mysql_database, scratch_mysql_url
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.dialogs.legacy_wizard import LegacyImportWizard
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.tasks import PoolTaskRunner
from timetracker_desktop.gui.models.legacy_report import LegacyCountsModel, LegacyIssuesModel
from timetracker_desktop.gui.views.backups import BackupsView

from .conftest import show

pytestmark = pytest.mark.gui
# The operations tests' legacy database, imported by name: mypy already knows that file as ops.legacy_db.
build_legacy_database = importlib.import_module("integration.ops.legacy_db").build_legacy_database
NEW = {"user": 4, "position": 2, "employee": 5, "terminal": 2, "event": 5, "schedule": 4, "audit": 2}


@pytest.fixture
def legacy(db_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(kind, location) of a legacy database on the same kind of server as the test database."""
    if db_url.startswith("sqlite"):
        path = tmp_path / "legacy.db"
        build_legacy_database(f"sqlite:///{path}")
        yield "sqlite", str(path)
        return
    url = scratch_mysql_url(mysql_url_or_skip(), "legacy_gui")
    recreate_mysql_database(url)
    build_legacy_database(url)
    yield "mysql", url
    drop_mysql_database(url)


class Opener:
    """Opens the wizard from the Backups page, keeping the pages alive (qtbot holds widgets weakly)."""

    def __init__(self, qtbot: QtBot, context: GuiContext) -> None:
        self.qtbot = qtbot
        self.context = context
        self.pages: list[BackupsView] = []

    def __call__(self, legacy: tuple[str, str]) -> LegacyImportWizard:
        page = BackupsView(self.context)
        show(self.qtbot, page)
        self.pages.append(page)
        return _fill(page, legacy)


@pytest.fixture
def open_wizard(qtbot: QtBot, admin_context: GuiContext) -> Opener:
    """The wizard as an admin opens it."""
    return Opener(qtbot, admin_context)


def _fill(page: BackupsView, legacy: tuple[str, str]) -> LegacyImportWizard:
    page.legacy_button.click()
    wizard = page.dialog
    assert isinstance(wizard, LegacyImportWizard)
    kind, location = legacy
    if kind == "sqlite":
        wizard.source_page.path.setText(location)
    else:
        wizard.source_page.server.setChecked(True)
        wizard.source_page.url.setText(location)
    return wizard


def _new(model: LegacyCountsModel) -> dict[str, int]:
    return {row.entity: row.new for row in model.rows}


def test_preview_import_and_a_second_run(
    open_wizard: Opener, admin_context: GuiContext, legacy: tuple[str, str]
) -> None:
    wizard = open_wizard(legacy)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    preview = wizard.preview_page.panel
    assert _new(preview.counts) == NEW
    assert preview.summary.text().startswith("24 new rows will be imported; 0 were imported before; 8 cannot")
    assert "Terminal #1" in preview.summary.text()  # the demo terminal is left out
    with admin_context.services.uow(read_only=True) as uow:
        assert uow.employees.count() == 0  # a preview writes nothing
    wizard.next()  # "Import"
    assert wizard.currentPage() is wizard.report_page
    report = wizard.report_page.panel
    assert _new(report.counts) == NEW
    assert report.summary.text().startswith("24 new rows imported")
    reasons = {report.issues.data(report.issues.index(r, 2)) for r in range(report.issues.rowCount())}
    assert "The phone key is not valid: the phone must enroll again" in reasons
    assert "An empty placeholder (00:00-00:00)" in reasons
    wizard.accept()

    again = open_wizard(legacy)
    again.next()
    again.next()
    assert set(_new(again.report_page.panel.counts).values()) == {0}
    assert again.report_page.panel.summary.text().startswith("0 new rows imported; 24 were imported before")


def test_a_database_that_is_not_legacy_is_refused_in_words(open_wizard: Opener, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    wizard = open_wizard(("sqlite", str(other)))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert wizard.source_page.busy.message.text() == "This is not a legacy TimeTracker server database."


def test_a_source_is_required(open_wizard: Opener) -> None:
    wizard = open_wizard(("sqlite", ""))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert wizard.source_page.busy.message.text() == "Choose the file or type the server address."


def test_report_models(qtmodeltester: object, admin_context: GuiContext, legacy: tuple[str, str]) -> None:
    service = admin_context.services.legacy_import
    assert service is not None
    kind, location = legacy
    url = f"sqlite:///{location}" if kind == "sqlite" else location
    report = service.preview(admin_context.actor, url)
    counts, issues = LegacyCountsModel(), LegacyIssuesModel()
    counts.set_rows(report.counts)
    issues.set_rows(report.issues)
    for model in (counts, issues):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_steps_run_off_the_gui_thread(
    qtbot: QtBot, admin_context: GuiContext, legacy: tuple[str, str]
) -> None:
    errors: list[BaseException] = []
    runner = PoolTaskRunner(errors.append)
    context = replace(admin_context, runner=runner)
    opener = Opener(qtbot, context)
    wizard = opener(legacy)
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    wizard.next()
    assert wizard.currentPage() is wizard.source_page  # the preview is still being read
    assert wizard.source_page.busy.running
    assert not cancel.isEnabled()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=20_000)
    assert cancel.isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    assert _new(wizard.report_page.panel.counts) == NEW
    assert runner.wait_for_done(10_000)
    assert errors == []
