"""QApplication start-up: the main window (a placeholder until the GUI issue lands)."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def run(url: str | None) -> int:
    """Show the main window and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(QApplication.translate("Shell", "TimeTracker Desktop"))
    window.setCentralWidget(QLabel(QApplication.translate("Shell", "TimeTracker Desktop is starting...")))
    window.resize(900, 600)
    window.show()
    return int(app.exec())
