"""A ZKTeco (ADMS) device dialog: approve a waiting device as a terminal, or edit its zone and IN/OUT rule."""

from collections.abc import Callable
from functools import partial
from zoneinfo import available_timezones

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from timetracker_desktop.domain.terminals import DirectionMode, Terminal
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.form_dialog import FormDialog
from timetracker_desktop.repositories.ports.zkteco import AdmsDevice


class DeviceDialog(FormDialog):
    """Without a terminal it approves the device (name and settings); with one it edits the settings.

    One class for both (not a subclass each): PySide's ``tr`` looks strings up under the runtime class.

    Signals:
        (``saved`` of FormDialog carries the new or updated ``Terminal``)
    """

    def __init__(
        self,
        context: GuiContext,
        device: AdmsDevice,
        office_zone: str,
        terminal: Terminal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        approving = terminal is None
        title = (self.tr("Approve ZKTeco device {0}") if approving else self.tr("ZKTeco device {0}")).format(
            device.serial
        )
        super().__init__(context, title, parent, QDialogButtonBox.StandardButton.Save)
        self.setObjectName("approveDeviceDialog" if approving else "admsSettingsDialog")
        self._device = device
        self._approving = approving
        self.name = QLineEdit(f"ZKTeco {device.serial}")
        self.name.setObjectName("admsName")
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("admsTimeZone")
        self.time_zone.setEditable(True)
        self.time_zone.addItem(self.tr("Office time zone ({0})").format(office_zone))
        self.time_zone.addItems(sorted(available_timezones()))
        self.direction = QComboBox()
        self.direction.setObjectName("admsDirection")
        self.direction.addItem(self.tr("The device's IN/OUT status key"), DirectionMode.DEVICE)
        self.direction.addItem(self.tr("The server decides (alternates IN and OUT)"), DirectionMode.AUTO)
        if terminal is not None:
            self.time_zone.setCurrentText(terminal.time_zone or self.time_zone.itemText(0))
            self.direction.setCurrentIndex(max(0, self.direction.findData(terminal.direction_mode)))
        else:
            approve = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            approve.setText(self.tr("Approve"))
            approve.setIcon(QIcon(":/icons/check.svg"))
            self.errors.add_row("name", self.tr("Terminal name:"), self.name)
        self.errors.add_row("time_zone", self.tr("Time zone:"), self.time_zone)
        self.errors.add_row("direction_mode", self.tr("IN/OUT:"), self.direction)

    def zone_value(self) -> str | None:
        """The chosen zone name; None for the office zone."""
        text = self.time_zone.currentText().strip()
        return None if not text or text == self.time_zone.itemText(0) else text

    def mode_value(self) -> DirectionMode:
        """The chosen IN/OUT rule."""
        return DirectionMode(self.direction.currentData())

    def action(self) -> Callable[[], object]:
        """Approve the device, or save its settings."""
        service, actor = self._context.services.adms_admin, self._context.actor
        zone, mode = self.zone_value(), self.mode_value()
        if self._approving:
            return partial(
                service.approve, actor, self._device.id, name=self.name.text(), time_zone=zone,
                direction_mode=mode,
            )  # fmt: skip
        return partial(service.configure, actor, self._device.id, time_zone=zone, direction_mode=mode)
