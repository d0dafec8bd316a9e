"""The one message a windowed program can give when it cannot start at all: its data folder is unusable."""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from timetracker_desktop.gui.kit.i18n import install_translators
from timetracker_desktop.gui.kit.settings import APPLICATION, ORGANIZATION, UiSettings


def data_root_message(problem: str) -> str:
    """The translated explanation, with the system's own reason (``problem``) quoted."""
    return QCoreApplication.translate(
        "StartupProblem",
        "TimeTracker Desktop cannot start: its data folder cannot be used.\n\n{0}\n\n"
        "Choose another folder with --data-dir on the shortcut or the TIMETRACKER_DATA_DIR variable, "
        "or ask your administrator for write access.",
    ).format(problem)


def show_data_root_problem(problem: str) -> int:
    """Say why in a message box (a windowed program has no console to print to); the exit code (2)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_translators(app, UiSettings().language)
    QMessageBox.critical(
        None, QCoreApplication.translate("StartupProblem", "TimeTracker Desktop"), data_root_message(problem)
    )
    return 2
