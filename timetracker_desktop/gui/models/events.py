"""The event log, paged: ``fetchMore`` asks the task runner for the next keyset page (newest first)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.gui.kit.error_messages import is_expected
from timetracker_desktop.gui.kit.formatting import local_date_time, timestamp
from timetracker_desktop.gui.kit.table_model import Column, Index, RowTableModel
from timetracker_desktop.gui.kit.tasks import TaskRunner
from timetracker_desktop.gui.models.punch_words import PunchWords
from timetracker_desktop.repositories.ports.storage import PunchLine
from timetracker_desktop.services.attendance.event_log import EventPage, Keyset

PageFetch = Callable[[Keyset | None], EventPage]
VOIDED_COLOR = QColor("#8a8a8a")


def voided_style(line: PunchLine, role: int) -> object:
    """A voided punch is grey and struck out (font and foreground roles), here and in the live feed."""
    if not line.voided:
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return VOIDED_COLOR
    font = QFont()
    font.setStrikeOut(True)
    return font


@dataclass(frozen=True, slots=True)
class _Tagged:
    """A page (or the expected error) of one generation of the filter."""

    generation: int
    page: EventPage | None
    error: BaseException | None = None


def _fetch_tagged(fetch: PageFetch, generation: int, after: Keyset | None) -> _Tagged:
    try:
        return _Tagged(generation, fetch(after))
    except Exception as error:
        if not is_expected(error):
            raise
        return _Tagged(generation, None, error)


class EventLogModel(RowTableModel[PunchLine]):
    """Punches newest first; voided ones struck out; directions set by correction shown as corrected.

    A new filter (``set_source``) starts a new generation: pages of an older one are dropped.

    Signals:
        loaded(int): rows loaded so far, after each page.
        failed(object): the expected error that stopped loading.
    """

    loaded = Signal(int)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        self._runner = runner
        self._fetch: PageFetch | None = None
        self._after: Keyset | None = None
        self._complete = True
        self._loading = False
        self._generation = 0
        self._overrides: dict[int, Direction] = {}
        self.zone = ZoneInfo("UTC")
        self.words = PunchWords()
        super().__init__(
            [
                Column(self._time, self._time_key),
                Column(self._employee),
                Column(self.direction_text),
                Column(self.source_text),
                Column(self._terminal),
                Column(self.flags_text),
                Column(self.reason_text, tooltip=self.reason_text),
            ],
            parent,
        )

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            self.tr("Time"), self.tr("Employee"), self.tr("Direction"), self.tr("Source"),
            self.tr("Terminal"), self.tr("Notes"), self.tr("Reason"),
        ]  # fmt: skip

    @property
    def loading(self) -> bool:
        """True while a page is being fetched."""
        return self._loading

    @property
    def complete(self) -> bool:
        """True when every matching punch is loaded."""
        return self._complete

    def set_source(self, fetch: PageFetch) -> None:
        """Show another filter: drop the rows and fetch its first page."""
        self._generation += 1
        self._fetch = fetch
        self._after = None
        self._complete = True  # nobody may fetch while the reset is being announced
        self._loading = False
        self._overrides = {}
        self.set_rows([])
        self._complete = False
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        """True while pages remain and none is on its way."""
        return not parent.isValid() and self._fetch is not None and not self._complete and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        """Ask for the next page in the background."""
        if self._fetch is None or not self.canFetchMore(parent):
            return
        self._loading = True
        work = partial(_fetch_tagged, self._fetch, self._generation, self._after)
        self._runner.run(work, self._on_page_fetched)

    def _on_page_fetched(self, tagged: _Tagged) -> None:
        if tagged.generation != self._generation:
            return
        if tagged.page is None:
            self._loading, self._complete = False, True
            self.failed.emit(tagged.error)
            return
        page = tagged.page
        self._overrides.update(page.overrides)
        self._after = page.next_after or self._after
        self._complete = page.complete
        if page.lines:  # still "loading" while the insertion is announced: no nested fetch from a listener
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.lines) - 1)
            self.rows.extend(page.lines)
            self.endInsertRows()
        self._loading = False
        self.loaded.emit(len(self.rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """As the base, plus voided rows struck out and greyed."""
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or not 0 <= index.row() < len(self.rows):
                return None
            return voided_style(self.rows[index.row()], role)
        return super().data(index, role)

    def effective_direction(self, line: PunchLine) -> Direction:
        """The direction after a "set direction" correction in force."""
        return self._overrides.get(line.id, line.direction)

    def direction_text(self, line: PunchLine) -> str:
        """In, Out or Auto; marked when a correction set it."""
        text = self.words.direction(self.effective_direction(line))
        return self.words.corrected(text) if line.id in self._overrides else text

    def source_text(self, line: PunchLine) -> str:
        """Where the punch came from."""
        words = {
            PunchSource.TERMINAL: self.tr("terminal"),
            PunchSource.MANUAL: self.tr("manual"),
            PunchSource.IMPORT: self.tr("import"),
        }
        return words[line.source]

    def flags_text(self, line: PunchLine) -> str:
        """Voided, flags, in words."""
        notes = [self.words.voided()] if line.voided else []
        notes += sorted(self.words.flag(flag) for flag in line.flags)
        return ", ".join(notes)

    def _time(self, line: PunchLine) -> str:
        return local_date_time(line.at, self.zone)

    @staticmethod
    def _time_key(line: PunchLine) -> float:
        return timestamp(line.at)

    @staticmethod
    def _employee(line: PunchLine) -> str:
        return line.employee_name

    @staticmethod
    def _terminal(line: PunchLine) -> str:
        return line.terminal_name or ""

    def reason_text(self, line: PunchLine) -> str:
        """The punch's own reason (manual, import) and, when voided, why (the walk: shown nowhere)."""
        reasons = [self.words.void_reason(line.void_reason)] if line.voided else []
        reasons += [line.reason] if line.reason else []
        return "; ".join(reasons)
