"""Ending the program on purpose: windows then close without asking to keep listening in the tray."""

from PySide6.QtCore import QCoreApplication

QUITTING = "timetracker_quitting"  # a property of the application object


def quit_application() -> None:
    """File → Quit, the tray's Quit, "Quit now" after a restore: quit without the close question.

    In Qt 6 ``quit()`` first closes every window and gives up if one refuses, so the main window must know
    that this close is the user's choice to end the program rather than a click on its ×.
    """
    app = QCoreApplication.instance()
    if app is not None:
        app.setProperty(QUITTING, True)
    QCoreApplication.quit()


def quitting() -> bool:
    """``quit_application`` was called (and the program is on its way out)."""
    app = QCoreApplication.instance()
    return app is not None and bool(app.property(QUITTING))
