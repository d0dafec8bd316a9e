"""The enroll dialog end to end: a tap on the real pcscd + vpcd reader, into the database, audited."""

import time

import pytest
from emulators.badge_phone import BadgePhone, session_key
from emulators.vpcd_card import VpcdCard, phone_card, plain_card, truncating_reader
from pcsc_support import Pcscd
from pytestqt.qtbot import QtBot

from timetracker_desktop.domain.employees import BadgeKind, Employee, KeyState
from timetracker_desktop.gui.dialogs.enroll_dialog import EnrollBadgeDialog, Step
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.hardware.outcomes import CardRead, PhoneBadgeRead
from timetracker_desktop.services.dto import EmployeeDraft
from timetracker_desktop.services.ingest.badge_crypto import key_fingerprint

from ..conftest import show
from .conftest import present, step

pytestmark = [pytest.mark.gui, pytest.mark.pcsc]
WAIT_MS = 5000
CODE = "EMP-1A2B3C4D"


def add_employee(context: GuiContext, name: str) -> Employee:
    return context.services.employees.add_employee(context.actor, EmployeeDraft(name))


def open_dialog(
    qtbot: QtBot, context: GuiContext, employee: Employee, timeout_s: int = 30
) -> EnrollBadgeDialog:
    dialog = EnrollBadgeDialog(context, employee, timeout_s=timeout_s)
    show(qtbot, dialog)
    assert step(dialog) is Step.WAITING
    assert dialog.countdown.isVisible()
    return dialog


def tap(qtbot: QtBot, pcscd: Pcscd, dialog: EnrollBadgeDialog, card: VpcdCard) -> object:
    """Present ``card`` until the dialog showed the read, then take it away."""
    return present(qtbot, pcscd, dialog.badge_read, card)[0]


def badges_of(context: GuiContext, employee: Employee) -> list[tuple[BadgeKind, str, bool]]:
    detail = context.services.employees.detail(employee.id)
    return [(b.kind, b.value, b.is_active) for b in detail.badges]


def audit_actions(context: GuiContext) -> list[str]:
    return [e.action for e in context.services.audit.entries(context.actor, entity_type="badge")]


@pytest.mark.parametrize(
    ("uid", "reversed_hex", "decimal"),
    [
        ("15CD5B07", "075BCD15", "123456789 / 365779719"),
        ("04A2B3C4D5E680", "80E6D5C4B3A204", "36282602821493252 / 1304792892040832"),
    ],
)
def test_card_is_enrolled_into_the_database(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext, uid: str, reversed_hex: str, decimal: str
) -> None:
    olena = add_employee(reader_context, "Олена Коваль")
    dialog = open_dialog(qtbot, reader_context, olena)
    inserted = time.perf_counter()
    outcome = tap(qtbot, pcscd, dialog, VpcdCard(plain_card(bytes.fromhex(uid))))
    assert isinstance(outcome, CardRead)
    assert time.perf_counter() - inserted < WAIT_MS / 1000
    values = dialog.details.values
    assert (values["uid"].text(), values["reversed"].text(), values["decimal"].text()) == (
        uid,
        reversed_hex,
        decimal,
    )
    assert step(dialog) is Step.READY
    assert values["holder"].text() == "nobody yet"
    assert dialog.enroll_button.isVisible()
    assert not dialog.reassign_button.isVisible()

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.enroll_button.click()
    assert step(dialog) is Step.SAVED
    assert dialog.prompt.text() == "Enrolled for Олена Коваль."
    assert badges_of(reader_context, olena) == [(BadgeKind.CARD, uid, True)]
    assert audit_actions(reader_context) == ["badge.create"]


def test_badge_phone_with_a_real_key_is_verified_and_enrolled(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    phone = BadgePhone(CODE, session_key(0))
    dialog = open_dialog(qtbot, reader_context, ivan)
    outcome = tap(qtbot, pcscd, dialog, VpcdCard(phone_card(phone)))
    assert isinstance(outcome, PhoneBadgeRead)
    values = dialog.details.values
    assert values["code"].text() == CODE
    assert values["key"].text() == "verified by a fresh challenge"
    assert values["fingerprint"].text() == key_fingerprint(phone.public_key_b64)
    assert not values["uid"].isVisible()
    assert step(dialog) is Step.READY

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.enroll_button.click()
    badge = reader_context.services.employees.detail(ivan.id).badges[0]
    assert (badge.kind, badge.value, badge.key_state) == (BadgeKind.PHONE, CODE, KeyState.VERIFIED)
    assert badge.public_key_b64 == phone.public_key_b64
    assert sorted(audit_actions(reader_context)) == ["badge.create", "badge.key_enrolled"]


def test_phone_signing_wrongly_is_refused_and_nothing_is_saved(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    liar = BadgePhone(CODE, session_key(0), signing_key=session_key(1))
    dialog = open_dialog(qtbot, reader_context, ivan)
    tap(qtbot, pcscd, dialog, VpcdCard(phone_card(liar)))
    assert step(dialog) is Step.PROBLEM
    assert "did not prove that it holds its key" in dialog.prompt.text()
    assert dialog.details.values["key"].text() == "NOT verified: wrong signature"
    assert not dialog.enroll_button.isVisible()
    assert dialog.countdown.isVisible()  # still waiting for a proper tap
    assert badges_of(reader_context, ivan) == []
    assert audit_actions(reader_context) == []


def test_disabled_badge_is_explained(qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    dialog = open_dialog(qtbot, reader_context, ivan)
    tap(qtbot, pcscd, dialog, VpcdCard(phone_card(BadgePhone(CODE, session_key(0), disabled=True))))
    assert step(dialog) is Step.PROBLEM
    assert dialog.prompt.text().startswith("The badge is disabled in the phone's app.")
    assert not dialog.details.isVisibleTo(dialog)


def test_card_removed_mid_read_then_tapped_again(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    phone = BadgePhone(CODE, session_key(0))
    dialog = open_dialog(qtbot, reader_context, ivan)
    tap(qtbot, pcscd, dialog, VpcdCard(phone_card(phone), vanish_after=2))
    assert step(dialog) is Step.PROBLEM
    assert "taken away too early" in dialog.prompt.text()
    tap(qtbot, pcscd, dialog, VpcdCard(phone_card(phone)))
    assert step(dialog) is Step.READY


def test_reader_cutting_long_replies_points_to_the_android_terminal(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    dialog = open_dialog(qtbot, reader_context, ivan)
    tap(qtbot, pcscd, dialog, VpcdCard(truncating_reader(phone_card(BadgePhone(CODE, session_key(0))))))
    assert step(dialog) is Step.PROBLEM
    assert "through an Android terminal in register mode" in dialog.prompt.text()


def test_someone_elses_card_is_refused_naming_them_then_reassigned(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    olena = add_employee(reader_context, "Олена Коваль")
    ivan = add_employee(reader_context, "Іван Шевченко")
    reader_context.services.desk_enrollment.enroll_card(reader_context.actor, olena.id, "15CD5B07")
    dialog = open_dialog(qtbot, reader_context, ivan)
    tap(qtbot, pcscd, dialog, VpcdCard(plain_card(bytes.fromhex("15CD5B07"))))
    assert step(dialog) is Step.TAKEN
    assert dialog.prompt.text().startswith("This badge belongs to Олена Коваль.")
    assert dialog.details.values["holder"].text() == "Олена Коваль"
    assert dialog.reassign_button.isVisible()
    assert not dialog.enroll_button.isVisible()
    assert badges_of(reader_context, ivan) == []

    dialog.reassign_button.click()
    confirmation = dialog.confirmation
    assert confirmation is not None
    assert "Take this badge from Олена Коваль and give it to Іван Шевченко?" in confirmation.text()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        confirmation.button(confirmation.StandardButton.Yes).click()
    assert dialog.prompt.text().startswith("Reassigned to Іван Шевченко")
    assert badges_of(reader_context, ivan) == [(BadgeKind.CARD, "15CD5B07", True)]
    assert badges_of(reader_context, olena) == [(BadgeKind.CARD, "15CD5B07", False)]
    reassigned = reader_context.services.audit.entries(reader_context.actor, action="badge.reassign")
    assert len(reassigned) == 1
    assert reassigned[0].before == {"employee_id": olena.id}


def test_no_tap_before_the_timeout_then_wait_again(
    qtbot: QtBot, pcscd: Pcscd, reader_context: GuiContext
) -> None:
    ivan = add_employee(reader_context, "Іван Шевченко")
    dialog = open_dialog(qtbot, reader_context, ivan, timeout_s=1)
    qtbot.waitUntil(lambda: dialog.step is Step.TIMED_OUT, timeout=WAIT_MS)
    assert dialog.prompt.text() == "No badge was tapped in time."
    assert dialog.retry_button.isVisible()
    assert dialog.manual_button.isVisible()
    dialog.retry_button.click()
    assert step(dialog) is Step.WAITING
    outcome = tap(qtbot, pcscd, dialog, VpcdCard(plain_card(bytes.fromhex("15CD5B07"))))
    assert isinstance(outcome, CardRead)
