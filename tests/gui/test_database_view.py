"""Database page: figures and months shown, Check gives a verdict (a failure says what to do), Optimise."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakes import ADMIN
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from timetracker_desktop.app import AppContext
from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.vocabulary import Vocabulary, storage_sentence
from timetracker_desktop.gui.shell.pages import PAGES, pages_for
from timetracker_desktop.gui.views.database import DatabaseView
from timetracker_desktop.repositories.ports.database_care import CheckKind, GrowthTable, StepKind
from timetracker_desktop.repositories.ports.storage import NewPunch, StorageCause, StorageUnavailableError

from .conftest import show

pytestmark = pytest.mark.gui


def _punches(context: GuiContext, *instants: datetime) -> int:
    services = context.services
    with services.uow() as uow:
        employee = uow.employees.add("Олена Коваль", None, None, instants[0]).id
        for at in instants:
            uow.punches.add(NewPunch(employee, at, Direction.IN, PunchSource.MANUAL, at, reason="r"))
        uow.commit()
    return employee


def _page(qtbot: QtBot, context: GuiContext) -> DatabaseView:
    page = DatabaseView(context)
    show(qtbot, page)
    return page


def test_figures_and_months_are_shown(qtbot: QtBot, admin_context: GuiContext) -> None:
    _punches(admin_context, datetime(2026, 1, 5, 8, tzinfo=UTC), datetime(2026, 2, 5, 8, tzinfo=UTC),
             datetime(2026, 2, 6, 8, tzinfo=UTC))  # fmt: skip
    page = _page(qtbot, admin_context)
    assert page.values["punches"].text().startswith("3 ")
    assert page.values["last_check"].text() == "never"
    # newest first; March has the users' audit entries (the test clock stands in March) and no punches
    assert [(line.month.month, line.punches) for line in page.growth.rows] == [(3, 0), (2, 2), (1, 1)]
    assert page.growth.rows[0].audit_entries > 0
    assert page.growth.rowCount() == 3
    assert page.growth.index(1, 0).data() == "February 2026"


def test_check_shows_a_healthy_verdict(qtbot: QtBot, admin_context: GuiContext) -> None:
    page = _page(qtbot, admin_context)
    page.check_button.click()
    assert page.verdict.text() == "The database is healthy: every check passed."
    assert "✗" not in page.details.toPlainText()
    assert "Technical details" not in page.details.toPlainText()  # nothing but the translated check names
    assert "entries" not in page.details.toPlainText()
    assert page.values["last_check"].text() != "never"  # refreshed after the check
    assert page.check_button.isEnabled()


def test_a_failed_check_says_what_to_do(
    qtbot: QtBot, admin_context: GuiContext, app_context: AppContext
) -> None:
    employee = _punches(admin_context, datetime(2026, 1, 5, 8, tzinfo=UTC))
    raw = create_engine(app_context.url)
    with raw.begin() as connection:
        if connection.dialect.name != "sqlite":
            connection.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        connection.execute(text("DELETE FROM employees WHERE id = :id"), {"id": employee})
    raw.dispose()
    page = _page(qtbot, admin_context)
    page.check_button.click()
    verdict = page.verdict.text()
    assert verdict.startswith("Problems found: ")
    assert "Every punch's employee and terminal exist" in verdict
    assert "restore the last good backup on the Backups page" in verdict
    details = page.details.toPlainText()
    assert "Technical details (for support):" in details
    assert f"Every punch's employee and terminal exist: 1 punches name employees no. {employee}" in details


def test_optimise_reports_progress_and_sizes(qtbot: QtBot, admin_context: GuiContext) -> None:
    page = _page(qtbot, admin_context)
    steps: list[object] = []
    page._relay.progressed.connect(steps.append)
    page.optimize_button.click()
    assert steps  # every step announced before it ran
    assert page.optimize_result.text().startswith("Done: ")
    assert not page.progress.isVisible()
    assert not page.cancel_button.isVisible()
    assert page.values["last_optimize"].text() != "never"


def test_cancel_stops_the_optimisation(qtbot: QtBot, admin_context: GuiContext) -> None:
    page = _page(qtbot, admin_context)
    page._relay.progressed.connect(lambda _step: page.cancel_button.click())  # cancel at the first step
    page.optimize_button.click()
    assert page.optimize_result.text().startswith("Cancelled after 1 steps")


def test_the_page_is_for_administrators_only(admin_context: GuiContext, viewer_context: GuiContext) -> None:
    assert "database" in [p.name for p in pages_for(admin_context)]
    assert "database" not in [p.name for p in pages_for(viewer_context)]
    assert any(p.name == "database" for p in PAGES)


def test_every_check_and_step_has_words(qapp: object) -> None:
    words = Vocabulary()
    assert set(words.check_kinds()) == set(CheckKind)
    assert set(words.step_kinds()) == set(StepKind)


def test_a_failed_optimisation_is_told_below_its_button(
    qtbot: QtBot, admin_context: GuiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    care = admin_context.services.database_care
    assert care is not None

    def locked(*_args: object, **_kwargs: object) -> None:
        raise StorageUnavailableError(StorageCause.FILE_LOCKED)

    monkeypatch.setattr(care.optimize, "optimize", locked)
    page = _page(qtbot, admin_context)
    page.optimize_button.click()
    assert page.optimize_result.text() == storage_sentence(StorageCause.FILE_LOCKED)
    assert page.verdict.text() == ""
    assert page.optimize_button.isEnabled()


def test_the_wizard_previews_archives_and_removes_old_data(
    qtbot: QtBot, admin_context: GuiContext, tmp_path: Path
) -> None:
    _punches(admin_context, datetime(2022, 5, 5, 8, tzinfo=UTC), datetime(2022, 6, 5, 8, tzinfo=UTC),
             datetime(2025, 2, 6, 8, tzinfo=UTC))  # fmt: skip
    page = _page(qtbot, admin_context)
    dialog = page.open_purge()
    assert not dialog.remove_button.isEnabled()  # nothing shown yet, nothing to remove
    dialog.archive.setText(str(tmp_path / "old.zip"))
    dialog.before.setDate(QDate(2024, 1, 1))  # inside the 36 protected months (the clock is in March 2026)
    dialog.preview_button.click()
    assert "law" in dialog.summary.text()
    assert not dialog.remove_button.isEnabled()
    dialog.before.setDate(QDate(2023, 1, 1))
    dialog.preview_button.click()
    assert dialog.summary.text().startswith("Older than 2023-01-01: 2 punches, 0 corrections")
    dialog.remove_button.click()
    question = dialog.findChild(QMessageBox, "confirmPurge")
    assert isinstance(question, QMessageBox)
    question.button(QMessageBox.StandardButton.Yes).click()
    assert dialog.summary.text().startswith("Removed ")
    assert (tmp_path / "old.zip").exists()
    assert admin_context.services.database_care is not None
    assert admin_context.services.database_care.stats.collect(ADMIN).growth(GrowthTable.PUNCHES).rows == 1
