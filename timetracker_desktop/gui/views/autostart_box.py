"""The Settings check box that starts the program when the user signs in to Windows (HKCU Run)."""

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from timetracker_desktop.system import autostart

log = logging.getLogger(__name__)


def autostart_offered() -> bool:
    """Only on Windows, in the installed program (``system.autostart.command_line``)."""
    return autostart.command_line() is not None


class AutostartCheckBox(QCheckBox):
    """Checked when the Run value exists and Task Manager has not disabled it; toggling writes or removes it
    at once (this user only); turning it on also clears Task Manager's "Disabled".

    Signals:
        failed(str): the registry refused the change (translated sentence); the box shows the old state.
    """

    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Start TimeTracker Desktop when I sign in to Windows"), parent)
        self.setObjectName("autostart")
        self.reload()
        self.toggled.connect(self._on_toggled)

    def reload(self) -> None:
        """Show what the registry says now."""
        self.blockSignals(True)
        self.setChecked(autostart.starts_at_sign_in())
        self.blockSignals(False)
        self._show_tip()

    def _show_tip(self) -> None:
        tip = self.tr(
            "Only for you, on this computer. Terminals are heard only while the program runs, unless the "
            "listener runs as a Windows service."
        )
        if autostart.registered_command() is not None and autostart.disabled_in_task_manager():
            tip = (
                self.tr(
                    "Disabled in Task Manager (Startup apps): Windows does not start the program. "
                    "Check the box to turn it on again."
                )
                + "\n"
                + tip
            )
        self.setToolTip(tip)

    def _on_toggled(self, checked: bool) -> None:
        command = autostart.command_line()
        try:
            if checked and command is not None:
                autostart.enable(command)
            else:
                autostart.disable()
        except OSError as error:
            log.warning("autostart could not be %s: %s", "turned on" if checked else "turned off", error)
            self.reload()
            self.failed.emit(
                self.tr("Windows did not let the program change its start at sign-in: {0}").format(
                    error.strerror or error
                )
            )
            return
        self._show_tip()
        log.info("autostart at sign-in %s", "on" if checked else "off")
