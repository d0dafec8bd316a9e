"""Settings: language (this PC), office rules (database, admins), listener and database connection."""

from functools import partial
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.settings import BusinessSettings, setting_text
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.gui.dialogs.database_dialog import DatabaseDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import field_of, message_for
from timetracker_desktop.gui.kit.field_errors import FieldErrors
from timetracker_desktop.gui.listener.address import address_problem, own_addresses
from timetracker_desktop.gui.views.alerts_box import ALERT_FIELDS, AlertsBox
from timetracker_desktop.gui.views.autostart_box import AutostartCheckBox, autostart_offered
from timetracker_desktop.gui.views.business_rules_box import BUSINESS_FIELDS, BusinessRulesBox
from timetracker_desktop.gui.views.reader_chooser import ReaderChooser
from timetracker_desktop.services.settings import SettingsService

RULE_FIELDS = (
    "time_zone",
    "scan_cooldown_seconds",
    "max_shift_hours",
    "terminal_online_seconds",
    "keep_pc_awake",
    *BUSINESS_FIELDS,
    *ALERT_FIELDS,
)


def save_rules(service: SettingsService, actor: Actor, changes: dict[str, str]) -> BusinessSettings:
    """Store changed settings one by one (each is validated and audited); stops at the first error."""
    result = service.current()
    for key, value in changes.items():
        result = service.change(actor, key, value)
    return result


def _spin(name: str, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    return spin


class SettingsView(QWidget):
    """Per-PC preferences apply at once or at the next start; office rules are saved to the database.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._loaded: dict[str, str] = {}
        self._saved_text = ""
        self._moving: tuple[str, int] | None = None  # the listener address being tried (saved if it starts)
        self.dialog: QWidget | None = None
        admin = context.can(Permission.MANAGE_SETTINGS)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Українська", "uk")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(context.ui_settings.language)))
        self.desk_reader = ReaderChooser(context)
        self.autostart = AutostartCheckBox() if autostart_offered() else None
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("time_zone")
        self.time_zone.setEditable(True)
        self.time_zone.addItems(sorted(available_timezones()))
        self.cooldown = _spin("scan_cooldown_seconds", 0, 3600, self.tr(" s"))
        self.max_shift = _spin("max_shift_hours", 1, 24, self.tr(" h"))
        self.online = _spin("terminal_online_seconds", 10, 86400, self.tr(" s"))
        self.business = BusinessRulesBox(admin)
        self.alerts = AlertsBox(admin)
        self.listener_host = QLineEdit(context.ui_settings.listener_host)
        self.listener_host.setObjectName("listenerHost")
        self.listener_port = _spin("listenerPort", 1, 65535, "")
        self.listener_port.setValue(context.ui_settings.listener_port)
        self.keep_awake = QCheckBox(self.tr("Keep the PC awake while the listener runs (all listening PCs)"))
        self.keep_awake.setObjectName("keep_pc_awake")
        self.keep_awake.setToolTip(
            self.tr(
                "Windows does not go to sleep while terminals can report here; the screen may still turn off."
            )
        )
        self.database = QLabel(context.database_label)
        self.database.setObjectName("databaseLabel")
        self.database.setWordWrap(True)
        self.change_database = QPushButton(self.tr("Change database..."))
        self.change_database.setObjectName("changeDatabase")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.setToolTip(self.tr("Save the settings (Ctrl+S)"))
        self.save_shortcut = self._save_key()
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self._build_layout(admin)
        self.save_button.clicked.connect(self.save)
        self.change_database.clicked.connect(self._on_change_database_clicked)
        if self.autostart is not None:
            self.autostart.failed.connect(self.status.setText)
        if context.listener is not None:
            context.listener.moved.connect(self._on_listener_moved)
        self.refresh()

    def _build_layout(self, admin: bool) -> None:
        interface = QGroupBox(self.tr("This computer"))
        ui_form = QFormLayout(interface)
        ui_form.addRow(self.tr("Language (after restart):"), self.language)
        ui_form.addRow(self.tr("Desk reader (applies at once):"), self.desk_reader)
        if self.autostart is not None:  # Windows, installed program: applies at once, for this user only
            ui_form.addRow(self.autostart)
        rules = QGroupBox(self.tr("Office rules (shared by all computers)"))
        rules_form = QFormLayout(rules)
        self.errors = FieldErrors(rules_form, "settingsError")
        self.errors.add_row("time_zone", self.tr("Time zone:"), self.time_zone)
        self.errors.add_row("scan_cooldown_seconds", self.tr("Ignore repeated taps within:"), self.cooldown)
        self.errors.add_row("max_shift_hours", self.tr("Longest shift (day boundary):"), self.max_shift)
        self.errors.add_row("terminal_online_seconds", self.tr("Terminal counts as online for:"), self.online)
        rules.setEnabled(admin)
        listener = QGroupBox(self.tr("Terminal listener (restarts when saved)"))
        listener_form = QFormLayout(listener)
        self.listener_errors = FieldErrors(listener_form, "listenerError")
        self.listener_errors.add_row("listener_host", self.tr("Listen on address:"), self.listener_host)
        listener_form.addRow(self.tr("Port:"), self.listener_port)
        listener_form.addRow(self.keep_awake)
        listener.setEnabled(admin)
        database = QGroupBox(self.tr("Database"))
        database_row = QHBoxLayout(database)
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.change_database)
        database.setEnabled(admin and self._context.gateway is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        # The groups scroll (at 1280x800 they are taller than the page); Save and its status stay in view.
        groups = QWidget()
        groups_layout = QVBoxLayout(groups)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        for box in (interface, rules, self.business, listener, database, self.alerts):
            groups_layout.addWidget(box)
        groups_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(groups)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)

    def _save_key(self) -> QShortcut:
        """Ctrl+S on this page, as in any editor (Save may be out of view while a long group is edited)."""
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._save_if_enabled)
        return shortcut

    def _save_if_enabled(self) -> None:
        if self.save_button.isEnabled():
            self.save_button.click()

    def refresh(self) -> None:
        """Load the office rules in the background."""
        self._context.runner.run(self._context.services.settings.current, self._on_loaded, self._on_failed)

    def _on_loaded(self, settings: BusinessSettings) -> None:
        self.time_zone.setCurrentText(settings.time_zone)
        self.cooldown.setValue(settings.scan_cooldown_seconds)
        self.max_shift.setValue(settings.max_shift_hours)
        self.online.setValue(settings.terminal_online_seconds)
        self.keep_awake.setChecked(settings.keep_pc_awake)
        self.business.load(settings)
        self.alerts.load(settings)
        self._loaded = self._rule_values()

    def _on_failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _rule_values(self) -> dict[str, str]:
        return {
            "time_zone": self.time_zone.currentText().strip(),
            "scan_cooldown_seconds": str(self.cooldown.value()),
            "max_shift_hours": str(self.max_shift.value()),
            "terminal_online_seconds": str(self.online.value()),
            "keep_pc_awake": setting_text(self.keep_awake.isChecked()),
            **self.business.values(),
            **self.alerts.values(),
        }

    def save(self) -> None:
        """Save preferences of this PC now, and changed office and business rules in the background.

        A listener address is checked first and tried (off the GUI thread) before it is saved: a mistyped one
        used to be saved, and the listener stopped, leaving the terminals silent.
        """
        for errors in (self.errors, self.business.errors, self.alerts.errors, self.listener_errors):
            errors.clear()
        admin = self._context.can(Permission.MANAGE_SETTINGS)
        address = (self.listener_host.text().strip(), self.listener_port.value())
        problem = address_problem(*address, own_addresses()) if admin else None
        if problem is not None:
            self.listener_errors.show_text("listener_host", problem)
            self.status.setText(self.tr("Not saved: correct the listener address."))
            return
        self._saved_text = (
            self.tr("Saved. Restart to apply the changes.")
            if self._save_local(address)
            else self.tr("Saved.")
        )
        changes = {k: v for k, v in self._rule_values().items() if self._loaded.get(k) != v}
        if not changes or not admin:
            self._show_saved()
            return
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving..."))
        work = partial(save_rules, self._context.services.settings, self._context.actor, changes)
        self._context.runner.run(work, self._on_saved, self._on_save_failed, write=True)

    def _show_saved(self) -> None:
        if self._moving is not None:
            self.status.setText(self.tr("Starting the listener on {0}:{1}...").format(*self._moving))
        else:
            self.status.setText(self._saved_text)

    def _save_local(self, address: tuple[str, int]) -> bool:
        """Save this PC's preferences; True if a restart is needed to apply them.

        A new listener address is saved at once only when this program runs no listener; otherwise it is
        tried first (``_on_listener_moved`` saves it).
        """
        settings = self._context.ui_settings
        language = str(self.language.currentData())
        restart = language != settings.language
        settings.language = language
        stored = (settings.listener_host, settings.listener_port)
        if self._context.can(Permission.MANAGE_SETTINGS) and address != stored:
            listener = self._context.listener
            if listener is not None and listener.available and listener.move(*address):
                self._moving = address
            else:
                settings.listener_host, settings.listener_port = address
                restart = True
        settings.sync()
        return restart

    def _on_listener_moved(self, error: BaseException | None) -> None:
        moving, self._moving = self._moving, None
        if moving is None:
            return  # not a move this page asked for
        settings = self._context.ui_settings
        if error is None:
            settings.listener_host, settings.listener_port = moving
            settings.sync()
            self.status.setText(self._saved_text)
            return
        listener = self._context.listener
        why = listener.why(error, *moving) if listener is not None else str(error)
        text = self.tr("Not saved: the listener cannot serve on {0}:{1}. {2} It keeps serving on {3}:{4}.")
        self.listener_errors.show_text(
            "listener_host", text.format(*moving, why, settings.listener_host, settings.listener_port)
        )
        self.status.setText(self.tr("The listener address was not saved."))

    def _on_saved(self, settings: BusinessSettings) -> None:
        self.save_button.setEnabled(True)
        self._on_loaded(settings)
        self._show_saved()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()
        field = field_of(error)
        boxes = ((BUSINESS_FIELDS, self.business.errors), (ALERT_FIELDS, self.alerts.errors))
        next((errors for fields, errors in boxes if field in fields), self.errors).show(error)
        self.refresh_partial()

    def refresh_partial(self) -> None:
        """After a failed save, keep the typed values but learn what was stored before the error."""
        self._context.runner.run(
            self._context.services.settings.current, self._on_stored_known, self._on_failed
        )

    def _on_stored_known(self, settings: BusinessSettings) -> None:
        self._loaded = {key: setting_text(getattr(settings, key)) for key in RULE_FIELDS}

    def _on_change_database_clicked(self) -> None:
        if self._context.gateway is None:
            return
        dialog = DatabaseDialog(
            self._context.gateway,
            self._context.runner,
            self._context.ui_settings,
            self._context.database_label,
            self,
        )
        dialog.changed.connect(self._on_database_changed)
        self.dialog = dialog
        dialog.open()

    def _on_database_changed(self, url: str) -> None:
        self.database.setText(self.tr("{0} (from the next start)").format(url))
