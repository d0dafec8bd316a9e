"""The main window: navigation list, stacked pages (built on first visit), status bar and tray icon."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.quitting import quit_application, quitting
from timetracker_desktop.gui.shell.close_question import CloseChoice, ask_on_close
from timetracker_desktop.gui.shell.help_menu import HelpMenu
from timetracker_desktop.gui.shell.pages import PageSpec, RefreshablePage, pages_for
from timetracker_desktop.gui.shell.session_menu import SessionMenu
from timetracker_desktop.gui.shell.status_bar import MainStatusBar
from timetracker_desktop.gui.shell.tray import ListenerTray, tray_available

NAVIGATION_WIDTH = 190


class MainWindow(QMainWindow):
    """Pages from the registry the user's role allows; remembers geometry and the last page.

    Signals:
        (none besides QMainWindow's)
    """

    def __init__(
        self, context: GuiContext, pages: list[PageSpec] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._context = context
        self._specs = pages_for(context, pages)
        self._built: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("TimeTracker Desktop — {0}").format(context.user.username))
        self.setWindowIcon(QIcon(":/icons/app.svg"))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for spec in self._specs:
            item = QListWidgetItem(QIcon(spec.icon), spec.translated_title)
            item.setData(Qt.ItemDataRole.UserRole, spec.name)
            item.setSizeHint(QSize(NAVIGATION_WIDTH - 20, 40))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first visit
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = MainStatusBar(context)
        self.setStatusBar(self.status)
        self.session_menu = SessionMenu(self, context)  # File comes before Help in the menu bar
        self.help_menu = HelpMenu(self, context)
        self._asking_allowed = True
        self.in_tray = False
        self.close_question: QMessageBox | None = None
        self.tray = self._make_tray()
        self.navigation.currentRowChanged.connect(self._on_navigation_changed)
        self._restore()

    @property
    def page_names(self) -> list[str]:
        """Names of the pages this user sees, in order."""
        return [spec.name for spec in self._specs]

    def page(self, name: str) -> QWidget:
        """A page by name, built if needed (tests and screenshots)."""
        return self._ensure_built(self.page_names.index(name))

    def show_page(self, name: str) -> QWidget:
        """Switch to a page by name."""
        row = self.page_names.index(name)
        self.navigation.setCurrentRow(row)
        return self._ensure_built(row)

    def _ensure_built(self, row: int) -> QWidget:
        spec = self._specs[row]
        page = self._built.get(spec.name)
        if page is None:
            page = spec.factory(self._context)
            page.setObjectName(f"page_{spec.name}")
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[spec.name] = page
            loaded = getattr(page, "terminals_loaded", None)  # the Terminals page: one count everywhere
            if loaded is not None:
                loaded.connect(self.status.show_terminals)
                self.status.refresh()  # the page's first load ran before the connection
        return page

    def _on_navigation_changed(self, row: int) -> None:
        if row < 0:
            return
        fresh = self._specs[row].name not in self._built
        page = self._ensure_built(row)
        self.stack.setCurrentIndex(row)
        self._context.ui_settings.last_view = self._specs[row].name
        if not fresh and isinstance(page, RefreshablePage):
            page.refresh()

    def _restore(self) -> None:
        settings = self._context.ui_settings
        if not self.restoreGeometry(settings.window_geometry):
            self.resize(1180, 760)
        self.restoreState(settings.window_state)
        names = self.page_names
        last = settings.last_view
        self.navigation.setCurrentRow(names.index(last) if last in names else 0)

    def _make_tray(self) -> ListenerTray | None:
        if not tray_available():
            return None
        tray = ListenerTray(self._context.listener, self)
        tray.open_requested.connect(self.bring_to_front)
        tray.quit_requested.connect(self.quit_program)
        tray.show()
        return tray

    def bring_to_front(self) -> None:
        """Show the window (from the tray, minimized or behind others) and give it the focus.

        On Windows ``activateWindow`` succeeds only when this process may take the foreground: a second
        start passes its right on first (``system.foreground``); otherwise the taskbar button flashes.
        """
        if self.in_tray:
            self.in_tray = False
            QApplication.setQuitOnLastWindowClosed(True)  # off while the window was hidden in the tray
        if self.isMinimized():
            self.showNormal()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    def quit_program(self) -> None:
        """End the program without asking (the tray's "Quit"): the window closes, the listener stops."""
        self.close_without_asking()
        quit_application()

    def close_without_asking(self) -> None:
        """Close for good (log out, quit from the tray, Windows signing out)."""
        self._asking_allowed = False
        self.close()

    def _listening(self) -> bool:
        listener = self._context.listener
        return listener is not None and listener.running

    def _on_close_answered(self, choice: CloseChoice) -> None:
        self.close_question = None
        if choice is CloseChoice.KEEP_IN_TRAY and self.tray is not None:
            self.hide_to_tray()
        elif choice is CloseChoice.QUIT:
            self.close_without_asking()

    def hide_to_tray(self) -> None:
        """Hide the window; the program, its listener included, goes on with the tray icon."""
        self.save_state()
        self.in_tray = True
        QApplication.setQuitOnLastWindowClosed(False)  # a message box closed meanwhile must not end it
        self.hide()
        if self.tray is not None:
            self.tray.tell_still_running()

    def save_state(self) -> None:
        """Remember geometry and layout."""
        settings = self._context.ui_settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """While terminals report here, ask first (keep listening in the tray / quit / cancel); then save the
        window state and close (the application quits when the last window closes)."""
        if self._asking_allowed and self._listening() and not quitting():
            event.ignore()
            if self.close_question is None:
                port = self._context.listener.port if self._context.listener is not None else 0
                self.close_question = ask_on_close(self, port, self.tray is not None, self._on_close_answered)
            return
        self.save_state()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
