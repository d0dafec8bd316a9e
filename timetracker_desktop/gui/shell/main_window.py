"""The main window: navigation list, stacked pages (built on first visit), status bar and tray icon."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QSystemTrayIcon,
    QWidget,
)

from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.shell.help_menu import HelpMenu
from timetracker_desktop.gui.shell.pages import PageSpec, RefreshablePage, pages_for
from timetracker_desktop.gui.shell.session_menu import SessionMenu
from timetracker_desktop.gui.shell.status_bar import MainStatusBar

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

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(QIcon(":/icons/app.svg"), self)
        tray.setToolTip(self.tr("TimeTracker Desktop"))
        menu = QMenu(self)
        show = QAction(self.tr("Show"), menu)
        show.triggered.connect(self._on_tray_show)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(QApplication.quit)
        menu.addAction(show)
        menu.addAction(quit_action)
        tray.setContextMenu(menu)
        tray.activated.connect(self._on_tray_activated)
        tray.show()
        return tray

    def _on_tray_show(self) -> None:
        self.showNormal()
        self.activateWindow()

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._on_tray_show()

    def save_state(self) -> None:
        """Remember geometry and layout."""
        settings = self._context.ui_settings
        settings.window_geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state; the application quits when the last window closes."""
        self.save_state()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
