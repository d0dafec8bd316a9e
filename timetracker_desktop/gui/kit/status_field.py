"""A status bar field that elides a long text instead of widening the window.

A QLabel asks for its whole text as its minimum width; a long listener state made the main window grow and it
never shrank back (the first-day walk). The whole text stays available to ``text()``; it elides only when it
does not fit ``widest`` pixels.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget


class StatusField(QLabel):
    """A one-line label no wider than ``widest`` px in its size hints; drawn elided when it must be.

    Signals:
        (none besides QLabel's)
    """

    def __init__(self, widest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest = widest

    def sizeHint(self) -> QSize:
        """The label's hint, capped."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), self._widest), hint.height())

    def minimumSizeHint(self) -> QSize:
        """The label's minimum, capped: the window never has to grow for this text."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._widest), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, elided on the right when wider than the field."""
        room = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= room.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, int(self.alignment()), shown)
