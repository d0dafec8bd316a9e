"""The Database page (administrators): figures and growth, the integrity check and optimisation."""

import threading
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timetracker_desktop.domain.audit import AuditOutcome
from timetracker_desktop.gui.kit.busy import ERROR_STYLE
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.error_messages import is_expected, message_for
from timetracker_desktop.gui.kit.errors import show_error
from timetracker_desktop.gui.kit.formatting import local_date_time
from timetracker_desktop.gui.kit.vocabulary import Vocabulary, outcome_words
from timetracker_desktop.gui.kit.widgets import action_button, make_table
from timetracker_desktop.gui.models.database_growth import DatabaseGrowthModel, month_lines
from timetracker_desktop.gui.views.database_purge import PurgeDialog
from timetracker_desktop.repositories.ports.database_care import GrowthTable
from timetracker_desktop.services.database_care.check import CheckReport
from timetracker_desktop.services.database_care.history import LastRun
from timetracker_desktop.services.database_care.optimize import OptimizeProgress, OptimizeReport, Vacuum
from timetracker_desktop.services.database_care.stats import DatabaseStats

OK_STYLE = "color: #1b5e20"


def _size(size: int | None) -> str:
    if size is None:
        return "—"
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class ProgressRelay(QObject):
    """Lives on the GUI thread; the optimisation's worker emits into it.

    Signals:
        progressed(object): an ``OptimizeProgress`` (queued from the worker to the GUI thread).
    """

    progressed = Signal(object)


class DatabaseView(QWidget):
    """Figures load in the background; Check and Optimize run off the GUI thread, Optimize can be cancelled.

    Signals:
        (none besides QWidget's)
    """

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._zone = ZoneInfo("UTC")
        self._backup_folder = ""  # where the wizard proposes to write the archive
        self._cancel = threading.Event()
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._on_optimize_progressed)
        self.values: dict[str, QLabel] = {}
        self.growth = DatabaseGrowthModel(self)
        self.table = make_table("databaseGrowth")
        self.table.setModel(self.growth)
        self.table.setSortingEnabled(False)  # newest month first, as the model keeps them
        self.refresh_button = action_button("refreshDatabase", self.tr("Refresh"), ":/icons/refresh.svg")
        self.check_button = action_button("checkDatabase", self.tr("Check the database"), ":/icons/check.svg")
        self.verdict = QLabel()
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("checkDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.hide()
        self.optimize_button = action_button("optimizeDatabase", self.tr("Optimise"), ":/icons/settings.svg")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelOptimize")
        self.progress = QProgressBar()
        self.progress.setObjectName("optimizeProgress")
        self.progress.hide()
        self.optimize_result = QLabel()
        self.optimize_result.setObjectName("optimizeResult")
        self.optimize_result.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Remove old data..."))
        self.purge_button.setObjectName("purgeDatabase")
        self._build_layout()
        self.refresh_button.clicked.connect(self.refresh)
        self.check_button.clicked.connect(self.check)
        self.optimize_button.clicked.connect(self.optimize)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.purge_button.clicked.connect(self.open_purge)
        self._set_working(False)
        self.refresh()

    def _build_layout(self) -> None:
        figures = QGroupBox(self.tr("At a glance"))
        form = QFormLayout(figures)
        labels = {
            "engine": self.tr("Database"),
            "location": self.tr("Where"),
            "size": self.tr("Size"),
            "free": self.tr("Free disk space"),
            "backups": self.tr("Backup folder"),
            "punches": self.tr("Punches"),
            "last_backup": self.tr("Last backup"),
            "last_check": self.tr("Last check"),
            "last_optimize": self.tr("Last optimisation"),
        }
        for key, title in labels.items():
            value = QLabel("…")
            value.setObjectName(f"database_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(title, value)
        form.addRow(self.refresh_button)
        check = QGroupBox(self.tr("Integrity check"))
        check_layout = QVBoxLayout(check)
        check_layout.addWidget(self._hint(self.tr(
            "Reads the whole database and checks the program's own rules. Safe while terminals punch."
        )))  # fmt: skip
        check_layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        check_layout.addWidget(self.verdict)
        check_layout.addWidget(self.details)
        optimize = QGroupBox(self.tr("Optimisation"))
        optimize_layout = QVBoxLayout(optimize)
        optimize_layout.addWidget(self._hint(self.tr(
            "Refreshes statistics and gives unused space back. Rebuilding the file pauses punching for a"
            " while: run it when the office is quiet."
        )))  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.optimize_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        optimize_layout.addLayout(row)
        optimize_layout.addWidget(self.optimize_result)
        purge = QGroupBox(self.tr("Removing old data"))
        purge_layout = QVBoxLayout(purge)
        purge_layout.addWidget(self._hint(self.tr(
            "Archives old punches and audit entries to a file, checks it, then removes them."
        )))  # fmt: skip
        purge_layout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        growth = QGroupBox(self.tr("New records per month"))
        QVBoxLayout(growth).addWidget(self.table)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(figures, 1)
        actions = QVBoxLayout()
        actions.addWidget(check)
        actions.addWidget(optimize)
        actions.addWidget(purge)
        actions.addStretch(1)
        top.addLayout(actions, 1)
        layout.addLayout(top)
        layout.addWidget(growth, 1)

    @staticmethod
    def _hint(text: str) -> QLabel:
        hint = QLabel(text)
        hint.setWordWrap(True)
        return hint

    # Figures -----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the figures in the background."""
        care = self._context.services.database_care
        if care is None:
            return
        self._context.runner.run(partial(care.stats.collect, self._context.actor), self._on_stats_loaded,
                                 self._on_failed)  # fmt: skip

    def _on_stats_loaded(self, stats: DatabaseStats) -> None:
        self._zone = ZoneInfo(stats.time_zone)
        self._backup_folder = str(stats.backup_folder or "")
        facts = stats.facts
        punches = stats.growth(GrowthTable.PUNCHES)
        engine = "SQLite" if facts.engine == "sqlite" else "MariaDB"
        self.values["engine"].setText(f"{engine} {facts.version}")
        self.values["location"].setText(facts.location)
        self.values["size"].setText(self.tr("{0} ({1} could be given back)").format(
            _size(facts.size_bytes), _size(facts.reclaimable_bytes)))  # fmt: skip
        self.values["free"].setText(
            _size(stats.database_free_bytes) if facts.file else self.tr("on the database server")
        )
        self.values["backups"].setText(self.tr("{0} ({1} free)").format(
            stats.backup_folder or "—", _size(stats.backup_free_bytes)))  # fmt: skip
        self.values["punches"].setText(self.tr("{0} from {1} to {2}").format(
            QLocale().toString(punches.rows), local_date_time(punches.oldest, self._zone) or "—",
            local_date_time(punches.newest, self._zone) or "—"))  # fmt: skip
        self.values["last_backup"].setText(self._run_text(stats.last_backup))
        backup = stats.last_backup
        why = backup.details.get("error", "") if backup and backup.outcome != AuditOutcome.OK else ""
        self.values["last_backup"].setToolTip(str(why))  # a failed one's reason, as the audit log has it
        self.values["last_check"].setText(self._run_text(stats.last_check))
        self.values["last_optimize"].setText(self._run_text(stats.last_optimize))
        self.growth.set_rows(month_lines(stats))
        self.table.resizeColumnsToContents()

    def _run_text(self, run: LastRun | None) -> str:
        if run is None:
            return self.tr("never")
        return f"{local_date_time(run.at, self._zone)}, {outcome_words(run.outcome)}"

    # Check -------------------------------------------------------------------------------------------------

    def check(self) -> None:
        """Run the integrity check in the background."""
        care = self._context.services.database_care
        if care is None:
            return
        self._set_working(True)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Checking the database..."))
        self._context.runner.run(partial(care.check.check, self._context.actor), self._on_checked,
                                 self._on_failed)  # fmt: skip

    def _on_checked(self, report: CheckReport) -> None:
        self._set_working(False)
        words = Vocabulary().check_kinds()
        if report.ok:
            self.verdict.setStyleSheet(OK_STYLE)
            self.verdict.setText(self.tr("The database is healthy: every check passed."))
        else:
            failed = "; ".join(words[kind] for kind in report.failed)
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(self.tr(
                "Problems found: {0}. What to do: stop the program on the other computers and the service,"
                " then restore the last good backup on the Backups page (a backup made before the problem"
                " began). Keep a copy of the damaged database for support."
            ).format(failed))  # fmt: skip
        lines = []
        for finding in report.findings:
            mark = "✓" if finding.ok else "✗"
            lines.append(f"{mark} {words[finding.kind]}")
        # The engine's and the checks' own findings are technical text (SQLite and MariaDB answer in English):
        # shown for what failed only, under a translated heading, for whoever restores or supports.
        unwell = [finding for finding in report.findings if not finding.ok]
        technical = [f"{words[finding.kind]}: {detail}" for finding in unwell for detail in finding.details]
        if technical:
            lines += ["", self.tr("Technical details (for support):"), *technical]
        self.details.setPlainText("\n".join(lines))
        self.details.show()
        self.refresh()

    # Optimise ----------------------------------------------------------------------------------------------

    def optimize(self) -> None:
        """Run the optimisation in the background, with progress and Cancel."""
        care = self._context.services.database_care
        if care is None:
            return
        self._cancel.clear()
        self._set_working(True, optimizing=True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.optimize_result.setStyleSheet("")
        self.optimize_result.setText(self.tr("Optimising..."))
        work = partial(care.optimize.optimize, self._context.actor, progress=self._relay.progressed.emit,
                       cancelled=self._cancel.is_set)  # fmt: skip
        self._context.runner.run(work, self._on_optimized, self._on_optimize_failed, write=True)

    def _on_optimize_progressed(self, step: OptimizeProgress) -> None:
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.index)
        words = Vocabulary().step_kinds()[step.step.kind].format(step.step.table or "")
        text = self.tr("Step {0} of {1}: {2}").format(step.index + 1, step.total, words)
        self.optimize_result.setText(text)

    def _on_cancel_clicked(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.optimize_result.setText(self.tr("Cancelling after the current step..."))

    def _on_optimized(self, report: OptimizeReport) -> None:
        self._set_working(False)
        self.progress.hide()
        vacuum = {
            Vacuum.DONE: self.tr("The file was rebuilt."),
            Vacuum.NOT_WORTH: self.tr("The file was not rebuilt: there was little space to win."),
            Vacuum.NO_SPACE: self.tr(
                "The file was not rebuilt: it needs {0} of free disk space near the database and in the"
                " temporary folder. Free some space and try again."
            ).format(_size(report.space_needed)),
            Vacuum.NOT_SQLITE: self.tr("The tables were rebuilt on the server."),
            Vacuum.NOT_REACHED: self.tr("The file was not rebuilt."),
        }[report.vacuum]
        if report.cancelled:
            head = self.tr("Cancelled after {0} steps; nothing is half done.").format(len(report.steps))
        else:
            head = self.tr("Done: {0} before, {1} after.").format(
                _size(report.size_before), _size(report.size_after)
            )
        self.optimize_result.setText(f"{head} {vacuum}")
        self.refresh()

    def _on_optimize_failed(self, error: BaseException) -> None:
        self._tell_failure(self.optimize_result, error)

    # Remove old data ---------------------------------------------------------------------------------------

    def open_purge(self) -> PurgeDialog:
        """Open the wizard that archives and removes old data; refresh the figures when it closes."""
        folder = Path(self._backup_folder) if self._backup_folder else Path.home()
        dialog = PurgeDialog(self._context, folder, self)
        dialog.finished.connect(self.refresh)
        dialog.open()
        return dialog

    # Shared ------------------------------------------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._tell_failure(self.verdict, error)

    def _tell_failure(self, label: QLabel, error: BaseException) -> None:
        """The failure in red on ``label``; a bug also gets the error dialog."""
        self._set_working(False)
        self.progress.hide()
        label.setStyleSheet(ERROR_STYLE)
        label.setText(message_for(error))
        if not is_expected(error):
            show_error(error, self)

    def _set_working(self, working: bool, *, optimizing: bool = False) -> None:
        available = self._context.services.database_care is not None
        for button in (self.check_button, self.optimize_button, self.refresh_button, self.purge_button):
            button.setEnabled(available and not working)
        care = self._context.services.database_care
        self.purge_button.setEnabled(
            available and not working and care is not None and care.purge is not None
        )
        self.cancel_button.setVisible(optimizing)
        self.cancel_button.setEnabled(optimizing)
