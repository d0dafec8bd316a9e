"""Errors and logging in the GUI: uncaught exceptions become a dialog, Qt messages go to logging."""

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, Slot, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from timetracker_desktop.gui.kit.error_dialog import ErrorDialog
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.repositories.ports.storage import StorageUnavailableError

log = logging.getLogger(__name__)
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def details_of(error: BaseException) -> str:
    """The traceback (or the error's text) for the details box."""
    if error.__traceback__ is None:
        return f"{type(error).__name__}: {error}"
    return "".join(traceback.format_exception(error))


def show_error(
    error: BaseException, parent: QWidget | None = None, *, retry: Callable[[], None] | None = None
) -> ErrorDialog:
    """Show an error without blocking: expected ones in plain words, bugs with their traceback."""
    if isinstance(error, StorageUnavailableError):
        log.warning("database unavailable: %s", error.cause)
    elif not is_expected(error):
        log.error("unexpected error", exc_info=error)
    dialog = ErrorDialog(message_for(error), details_of(error), parent, retry=retry)
    dialog.open()
    return dialog


class ErrorReporter(QObject):
    """Receives uncaught exceptions from any thread and shows them on the GUI thread.

    Signals:
        reported(object): an exception to show (queued from foreign threads).
    """

    reported = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list[ErrorDialog] = []
        self.reported.connect(self._on_error_reported)

    def report(self, error: BaseException) -> None:
        """Show an error (thread-safe)."""
        self.reported.emit(error)

    @Slot(object)
    def _on_error_reported(self, error: BaseException) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()]
        if len(self.dialogs) < 3:  # an error in a loop must not bury the screen in dialogs
            self.dialogs.append(show_error(error, QApplication.activeWindow()))

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """sys.excepthook: show (and log) the bug; the application keeps running."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.report(error.with_traceback(tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: the same for exceptions escaping a thread."""
        if args.exc_value is None:
            return
        self.report(args.exc_value)


def qt_message_handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Route Qt's own messages into logging."""
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def install_error_handling(reporter: ErrorReporter) -> None:
    """Install the exception hooks and the Qt message handler (the running application only)."""
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    qInstallMessageHandler(qt_message_handler)
