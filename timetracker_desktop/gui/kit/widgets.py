"""Small widget factories shared by the pages: tables and action buttons."""

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QTableView


def make_table(object_name: str) -> QTableView:
    """A read-only, row-selecting, sortable table view."""
    view = QTableView()
    view.setObjectName(object_name)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, widest: int) -> None:
    """Columns fitted to their contents, none wider than ``widest`` (a long reason elides, it does not push
    the others out of sight); the last one still takes the rest, so the table fills its width."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


def action_button(object_name: str, text: str, icon: str, visible: bool = True) -> QPushButton:
    """A push button with an icon; hidden when the user's role may not use it."""
    button = QPushButton(QIcon(icon), text)
    button.setObjectName(object_name)
    button.setVisible(visible)
    return button
