"""The status bar's offer "Allow terminals through the firewall", shown when the firewall may block them."""

import logging
from functools import partial

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.kit.vocabulary import Vocabulary
from timetracker_desktop.system import firewall
from timetracker_desktop.system.elevation import ElevationCancelledError
from timetracker_desktop.system.firewall import FirewallCheck, FirewallError

log = logging.getLogger(__name__)


class FirewallOffer(QWidget):
    """Hidden unless the listener's program lacks a Windows Firewall rule that lets terminals in.

    ``check(port, host)`` looks (PowerShell, on a worker thread) whenever the listener starts serving;
    elsewhere than Windows, running from source, or with the listener on loopback, there is nothing to look at
    and the offer stays hidden. The button adds the rule as administrator (a UAC prompt owned by this window,
    on a worker thread) and looks again. A result that comes after ``withdraw`` or a later ``check`` is
    dropped (each call starts a new generation).

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firewallOffer")
        self._runner = runner
        self.found: FirewallCheck | None = None
        self._generation = 0  # raised by check and withdraw: older results are stale
        self.label = QLabel(self.tr("Windows Firewall may block terminals."))
        self.label.setObjectName("firewallWarning")
        self.button = QPushButton(self.tr("Allow terminals through the firewall"))
        self.button.setObjectName("allowFirewall")
        self.button.setToolTip(self.tr("Adds the rule for this program; Windows asks for an administrator."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._on_allow_clicked)
        self.setVisible(False)

    def check(self, port: int, host: str = "") -> None:
        """Look whether terminals get through to the listener on ``host:port`` (in the background)."""
        self._generation += 1
        generation = self._generation
        self._runner.run(
            partial(firewall.check, port, None, host),
            partial(self._on_checked, generation),
            partial(self._on_check_failed, generation),
        )

    def withdraw(self) -> None:
        """Hide the offer (the listener stopped: nothing to let through); a check under way is dropped."""
        self._generation += 1
        self.found = None
        self.setVisible(False)

    def _on_checked(self, generation: int, found: FirewallCheck | None) -> None:
        if generation != self._generation:
            return  # withdrawn or checked again meanwhile
        self.found = found
        self.button.setEnabled(True)
        if found is None or not found.blocked or found.problem is None:
            self.setVisible(False)
            return
        why = Vocabulary().firewall()[found.problem]
        self.label.setText(self.tr("Windows Firewall may block terminals."))
        self.label.setToolTip(
            self.tr("{0} Terminals then cannot reach port {1} of this PC.").format(why, found.port)
        )
        self.setVisible(True)

    def _on_check_failed(self, generation: int, error: BaseException) -> None:
        log.warning("the firewall check failed: %s", error)
        if generation == self._generation:
            self.setVisible(False)

    def _on_allow_clicked(self) -> None:
        found = self.found
        if found is None:
            return
        self.button.setEnabled(False)
        self.label.setText(self.tr("Waiting for the administrator's approval..."))
        generation = self._generation
        self._runner.run(
            partial(firewall.allow, found, self._owner()),
            partial(self._on_allowed, generation),
            partial(self._on_allow_failed, generation),
        )

    def _owner(self) -> int:
        """The window the UAC prompt belongs to (else Windows shows only a flashing taskbar button)."""
        return int(self.window().winId())

    def _on_allowed(self, generation: int, found: FirewallCheck | None) -> None:
        self._on_checked(generation, found)
        if generation == self._generation and self.isVisible():
            self.label.setText(self.tr("The rule was added, but terminals may still be blocked."))

    def _on_allow_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            log.warning("adding the firewall rule failed: %s", error)
            return
        self.button.setEnabled(True)
        if isinstance(error, ElevationCancelledError):
            self.label.setText(self.tr("Not changed: Windows did not get an administrator's approval."))
            return
        log.warning("adding the firewall rule failed: %s", error)
        if isinstance(error, FirewallError):
            why = Vocabulary().firewall_failures()[error.failure]
            self.label.setText(self.tr("The firewall rule could not be added: {0}").format(why))
        else:
            self.label.setText(self.tr("The firewall rule could not be added; details are in gui.log."))
