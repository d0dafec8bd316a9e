"""A busy line for slow actions: a moving bar while the work runs, then the outcome in words."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

ERROR_STYLE = "color: #b00020"


class BusyLine(QWidget):
    """An indeterminate progress bar with a message; the bar shows only while something runs.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{object_name}Bar")
        self.bar.setRange(0, 0)  # no steps are known: a moving bar says "working"
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.hide()  # takes no room until there is something to say
        self.message = QLabel()
        self.message.setObjectName(f"{object_name}Message")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.message, 1)

    @property
    def running(self) -> bool:
        """Whether the bar is moving."""
        return not self.bar.isHidden()

    def start(self, text: str) -> None:
        """Work began."""
        self.bar.show()
        self._say(text, error=False)

    def finish(self, text: str, *, error: bool = False) -> None:
        """Work ended: its outcome (in red when it failed)."""
        self.bar.hide()
        self._say(text, error=error)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.setVisible(bool(text) or self.running)
