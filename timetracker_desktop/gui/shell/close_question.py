"""Closing the window while terminals report to it: keep listening in the tray, quit, or cancel."""

import enum
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget


class CloseChoice(enum.Enum):
    """The answer to the question."""

    KEEP_IN_TRAY = "keep_in_tray"
    QUIT = "quit"
    CANCEL = "cancel"


def ask_on_close(
    parent: QWidget, port: int, tray: bool, answered: Callable[[CloseChoice], None]
) -> QMessageBox:
    """Open the question window-modally and return it; ``answered`` gets the choice.

    With a notification area: "Keep listening in the tray" (the default, Enter), "Quit", "Cancel" (Escape).
    Without one (some Linux desktops, a remote session without a tray) the program cannot run out of sight,
    so the question says so and offers only "Quit" and "Cancel" (the default, also Escape).
    """
    box = QMessageBox(parent)
    box.setObjectName("closeQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CloseQuestion", "Close TimeTracker Desktop"))
    listening = QCoreApplication.translate(
        "CloseQuestion", "Terminals report to this computer (listening on port {0})."
    ).format(port)
    buttons: dict[QAbstractButton, CloseChoice] = {}
    if tray:
        box.setText(
            listening
            + " "
            + QCoreApplication.translate(
                "CloseQuestion", "Keep listening in the tray, so that their taps are still recorded?"
            )
        )
        keep = box.addButton(
            QCoreApplication.translate("CloseQuestion", "Keep listening in the tray"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        keep.setObjectName("keepInTray")
        buttons[keep] = CloseChoice.KEEP_IN_TRAY
    else:
        box.setText(
            listening
            + " "
            + QCoreApplication.translate(
                "CloseQuestion",
                "If you quit, terminals cannot record taps until the program is started again. This "
                "desktop has no notification area, so the program cannot keep running without its window.",
            )
        )
    quit_button = box.addButton(
        QCoreApplication.translate("CloseQuestion", "Quit"), QMessageBox.ButtonRole.DestructiveRole
    )
    quit_button.setObjectName("quitProgram")
    buttons[quit_button] = CloseChoice.QUIT
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    buttons[cancel] = CloseChoice.CANCEL
    box.setEscapeButton(cancel)
    default = next((b for b, c in buttons.items() if c is CloseChoice.KEEP_IN_TRAY), cancel)
    if isinstance(default, QPushButton):
        box.setDefaultButton(default)
    box.buttonClicked.connect(partial(_answered, buttons, answered))
    box.open()
    return box


def _answered(
    buttons: dict[QAbstractButton, CloseChoice],
    answered: Callable[[CloseChoice], None],
    button: QAbstractButton,
) -> None:
    answered(buttons.get(button, CloseChoice.CANCEL))
