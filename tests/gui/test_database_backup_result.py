"""Database page: a failed last backup says "failed", and its reason is in the tooltip."""

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.database import DatabaseView
from timetracker_desktop.services.audit import record

from .conftest import show

pytestmark = pytest.mark.gui


def _backup(context: GuiContext, outcome: AuditOutcome, error: str | None = None) -> None:
    after = {"kind": "automatic", **({"error": error} if error else {})}
    with context.services.uow() as uow:
        record(uow, Actor.system(), context.services.clock.now(), AuditAction.BACKUP_CREATE,
               (EntityType.BACKUP, "timetracker-auto.zip"), after=after, outcome=outcome)  # fmt: skip
        uow.commit()


def test_a_failed_backup_shows_its_reason_until_a_good_one(qtbot: QtBot, admin_context: GuiContext) -> None:
    _backup(admin_context, AuditOutcome.FAILED, "[Errno 28] No space left on device")
    page = DatabaseView(admin_context)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.values["last_backup"].text().endswith("failed"))
    assert page.values["last_backup"].toolTip() == "[Errno 28] No space left on device"
    _backup(admin_context, AuditOutcome.OK)
    page.refresh()
    qtbot.waitUntil(lambda: page.values["last_backup"].text().endswith("done"))
    assert page.values["last_backup"].toolTip() == ""
