"""The bundled DejaVu Sans is an application font after start-up, so printouts look the same on every PC."""

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

import timetracker_desktop
from timetracker_desktop.gui.shell.application import register_application_fonts
from timetracker_desktop.services.reports.fonts import BOLD, FAMILY, REGULAR


def test_dejavu_sans_is_registered_from_the_bundled_files(qapp: QApplication) -> None:
    registered = register_application_fonts()  # the start-up's call (load_resources), cached
    package = Path(timetracker_desktop.__file__).parent / "fonts"
    assert registered == {package / REGULAR: (FAMILY,), package / BOLD: (FAMILY,)}
    assert FAMILY in QFontDatabase.families()
    assert QFontInfo(QFont(FAMILY, 8)).family() == FAMILY  # what the painter gets
