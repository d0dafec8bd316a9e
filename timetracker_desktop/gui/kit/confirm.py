"""A Yes/No question opened window-modally that runs an action only on Yes (No is the default)."""

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

_YES, _NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _answered(box: QMessageBox, on_yes: Callable[[], None], button: QAbstractButton) -> None:
    if box.standardButton(button) == _YES:
        on_yes()


def ask(
    parent: QWidget,
    object_name: str,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Open the question and return it (tests click its buttons); ``on_yes`` runs only after Yes."""
    box = QMessageBox(icon, title, text, _YES | _NO, parent)
    box.setObjectName(object_name)
    box.setDefaultButton(_NO)
    box.buttonClicked.connect(partial(_answered, box, on_yes))
    box.open()
    return box
