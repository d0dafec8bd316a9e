"""The desk reader chooser of the Settings view: live list of readers, saved per PC, applied at once."""

from functools import partial

from PySide6.QtWidgets import QComboBox, QWidget

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import message_for


class ReaderChooser(QComboBox):
    """ "First connected reader", the connected readers, and the saved one even when it is unplugged.

    Signals:
        (none besides QComboBox's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskReader")
        self._context = context
        self._filling = False
        self.fill()
        self.currentIndexChanged.connect(self._on_chosen)
        if context.reader is not None:
            context.reader.readers_changed.connect(self._on_readers_changed)

    @property
    def chosen(self) -> str:
        """The chosen reader's name; empty for the first connected one."""
        return str(self.currentData() or "")

    def fill(self) -> None:
        """List the readers the reader service sees now."""
        reader = self._context.reader
        connected = reader.readers if reader is not None else ()
        saved = self._context.ui_settings.reader_name
        self._filling = True
        self.clear()
        self.addItem(self.tr("First connected reader"), "")
        for name in connected:
            self.addItem(name, name)
        if saved and saved not in connected:
            self.addItem(self.tr("{0} (not connected)").format(saved), saved)
        self.setCurrentIndex(max(0, self.findData(saved)))
        self._filling = False

    def _on_readers_changed(self, _readers: object) -> None:
        self.fill()

    def _on_chosen(self, _index: int) -> None:
        if self._filling:
            return
        settings = self._context.ui_settings
        settings.reader_name = self.chosen
        settings.sync()
        reader = self._context.reader
        if reader is not None:
            work = partial(reader.select_reader, self.chosen)
            self._context.runner.run(work, self._on_applied, self._on_failed)

    def _on_applied(self, _result: object) -> None:
        self.setToolTip("")

    def _on_failed(self, error: BaseException) -> None:
        self.setToolTip(message_for(error))
