"""Settings view: office rules saved to the database (errors inline), preferences of this PC to the INI."""

import pytest
from pytestqt.qtbot import QtBot

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.views.settings_view import SettingsView

from .conftest import show

pytestmark = pytest.mark.gui


def _view(qtbot: QtBot, context: GuiContext) -> SettingsView:
    view = SettingsView(context)
    show(qtbot, view)
    return view


def test_change_rules_and_preferences(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    assert view.cooldown.value() == 60
    view.cooldown.setValue(90)
    view.max_shift.setValue(14)
    view.online.setValue(600)
    view.language.setCurrentIndex(view.language.findData("en"))
    view.listener_port.setValue(8123)
    view.save_button.click()
    stored = admin_context.services.settings.current()
    assert (stored.scan_cooldown_seconds, stored.max_shift_hours, stored.terminal_online_seconds) == (
        90,
        14,
        600,
    )
    assert admin_context.ui_settings.language == "en"
    assert admin_context.ui_settings.listener_port == 8123
    assert view.status.text() == "Saved. Restart to apply the changes."
    actions = [e.action for e in admin_context.services.audit.entries(admin_context.actor)]
    assert actions.count("settings.change") == 3


def test_bad_time_zone_is_shown_at_its_field(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    view.time_zone.setCurrentText("Europe/Atlantis")
    view.cooldown.setValue(30)
    view.save_button.click()
    assert view.errors.text("time_zone") == "Unknown time zone."
    assert admin_context.services.settings.current().time_zone == "Europe/Kyiv"
    view.time_zone.setCurrentText("Europe/Kyiv")
    view.save_button.click()
    assert view.errors.text("time_zone") == ""
    assert admin_context.services.settings.current().scan_cooldown_seconds == 30


def test_viewer_cannot_change_office_rules(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    assert not view.cooldown.isEnabled()
    assert not view.listener_port.isEnabled()
    assert view.language.isEnabled()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("не-адреса", "«не-адреса» is not an IP address. Enter 0.0.0.0 (all networks of this PC)"),
        ("192.0.2.1", "192.0.2.1 is not an address of this PC. Enter 0.0.0.0"),  # TEST-NET-1
    ],
)
def test_a_listener_address_not_of_this_pc_is_refused_and_nothing_saved(
    qtbot: QtBot, admin_context: GuiContext, typed: str, says: str
) -> None:
    view = _view(qtbot, admin_context)
    before = (admin_context.ui_settings.listener_host, admin_context.ui_settings.listener_port)
    view.cooldown.setValue(90)
    view.listener_host.setText(typed)
    view.listener_port.setValue(8124)
    view.save_button.click()
    assert view.listener_errors.text("listener_host").startswith(says)
    assert view.status.text() == "Not saved: correct the listener address."
    assert (admin_context.ui_settings.listener_host, admin_context.ui_settings.listener_port) == before
    assert admin_context.services.settings.current().scan_cooldown_seconds == 60
    view.listener_host.setText("0.0.0.0")
    view.save_button.click()
    assert view.listener_errors.text("listener_host") == ""
    assert admin_context.ui_settings.listener_host == "0.0.0.0"
    assert admin_context.ui_settings.listener_port == 8124
    assert view.status.text() == "Saved. Restart to apply the changes."  # this context runs no listener


def test_business_rules_are_saved_through_the_service_and_checked_by_the_domain(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    view = _view(qtbot, admin_context)
    rules = view.business
    assert (rules.late_grace.value(), rules.rounding.currentData()) == (10, "none")
    assert not rules.rounding_step.isEnabled()  # no step without rounding
    rules.late_grace.setValue(5)
    rules.early_leave_grace.setValue(3)
    rules.min_overtime.setValue(30)
    rules.rounding.setCurrentIndex(rules.rounding.findData("nearest"))
    assert rules.rounding_step.isEnabled()
    rules.rounding_step.setCurrentIndex(rules.rounding_step.findData("10"))
    rules.missing_out.setCurrentIndex(rules.missing_out.findData("schedule_end"))
    view.save_button.click()
    stored = admin_context.services.settings.current()
    assert (stored.late_grace_minutes, stored.early_leave_grace_minutes, stored.min_overtime_minutes) == (
        5,
        3,
        30,
    )
    assert (stored.rounding.value, stored.rounding_step_minutes) == ("nearest", 10)
    assert stored.missing_out_policy.value == "schedule_end"
    assert view.status.text() == "Saved."
    actions = [e.action for e in admin_context.services.audit.entries(admin_context.actor)]
    assert actions.count("settings.change") == 6

    rules.rounding_step.addItem("7 min", "7")  # a value the domain refuses (steps are 5, 10 or 15)
    rules.rounding_step.setCurrentIndex(rules.rounding_step.count() - 1)
    view.save_button.click()
    assert rules.errors.text("rounding_step_minutes") == "Choose one of the offered values."
    assert view.errors.general.text() == ""
    assert admin_context.services.settings.current().rounding_step_minutes == 10


def test_viewer_sees_business_rules_read_only(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    assert view.business.isVisible()
    assert not view.business.isEnabled()
    assert view.business.late_grace.value() == 10


def test_keeping_the_pc_awake_is_a_shared_setting_on_by_default(
    qtbot: QtBot, admin_context: GuiContext
) -> None:
    view = _view(qtbot, admin_context)
    assert view.keep_awake.isChecked()
    view.keep_awake.setChecked(False)
    view.save_button.click()
    assert admin_context.services.settings.current().keep_pc_awake is False
    assert admin_context.services.settings.as_text()["keep_pc_awake"] == "false"
    again = _view(qtbot, admin_context)
    assert not again.keep_awake.isChecked()


def test_alert_thresholds_are_saved_and_audited(qtbot: QtBot, admin_context: GuiContext) -> None:
    view = _view(qtbot, admin_context)
    spins = view.alerts.spins
    assert (spins["alert_backup_max_age_hours"].value(), spins["optimize_interval_days"].value()) == (48, 7)
    assert spins["alert_free_space_min_percent"].maximum() == 99  # the domain's bounds
    spins["alert_backup_max_age_hours"].setValue(72)
    spins["alert_working_hours_end"].setValue(20)
    spins["optimize_interval_days"].setValue(0)
    assert spins["optimize_interval_days"].text() == "never"
    view.save_button.click()
    qtbot.waitUntil(lambda: view.status.text() == "Saved.")
    stored = admin_context.services.settings.current()
    assert (stored.alert_backup_max_age_hours, stored.alert_working_hours_end) == (72, 20)
    assert stored.optimize_interval_days == 0
    entries = admin_context.services.audit.entries(admin_context.actor, action="settings.change")
    assert sorted(e.entity_id or "" for e in entries) == [
        "alert_backup_max_age_hours",
        "alert_working_hours_end",
        "optimize_interval_days",
    ]


def test_a_viewer_sees_the_alert_thresholds_read_only(qtbot: QtBot, viewer_context: GuiContext) -> None:
    view = _view(qtbot, viewer_context)
    assert not view.alerts.isEnabled()
