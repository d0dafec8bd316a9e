"""Report tables as text for the screen and the printer, in the user's language (tr() words)."""

from PySide6.QtCore import QCoreApplication

from timetracker_desktop.gui.reports.words import TranslatedWords
from timetracker_desktop.services.reports.labels import DEFAULT_LANGUAGE, ReportLabel
from timetracker_desktop.services.reports.tables import ReportTable
from timetracker_desktop.services.reports.text import ReportText


class ReportCells(ReportText):
    """The exporters' text rendering with the GUI's translated words."""

    def __init__(self, table: ReportTable) -> None:
        super().__init__(table, DEFAULT_LANGUAGE)
        self.words = TranslatedWords()
        self._weekdays = self.words[ReportLabel.WEEKDAYS].split()

    def captions(self) -> list[str]:
        """The lines stated above the table: period, rules, summary, holidays and legend."""
        lines = [self.period(), f"{self.rounding()}. {self.rules()}"]
        if self.closed():
            lines.insert(1, self.closed())
        if self.table.summary:
            lines.append("; ".join(self.summary(item) for item in self.table.summary))
        if self.table.holidays:
            lines.append(self.holidays())
        if self.table.legend:
            entries = ("{} — {}".format(*self.legend(item)) for item in self.table.legend)
            lines.append(f"{self.words[ReportLabel.LEGEND]}: " + "; ".join(entries))
        return lines

    @staticmethod
    def empty() -> str:
        """What an empty report says."""
        return QCoreApplication.translate("ReportCells", "Nothing to show for this period.")
