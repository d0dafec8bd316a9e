"""Report tables as text in one language: cells, headers, titles, period, rules and legend."""

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum

from timetracker_desktop.domain.reports import DayMark
from timetracker_desktop.domain.settings import RoundingMode
from timetracker_desktop.services.reports.labels import ReportLabel, labels, short_label, title_label, word
from timetracker_desktop.services.reports.tables import (
    CellValue,
    Column,
    ColumnKind,
    LegendItem,
    ReportTable,
    SummaryItem,
)

ISO_DATE = "%Y-%m-%d"
LOCAL_DATE = "%d.%m.%Y"


def hhmm(seconds: int) -> str:
    """Seconds as ``H:MM`` (hours may exceed 24), floored; negative values keep their sign."""
    sign = "-" if seconds < 0 else ""
    minutes = abs(seconds) // 60
    return f"{sign}{minutes // 60}:{minutes % 60:02d}"


class ReportText:
    """Renders one table's values and captions in one language."""

    def __init__(self, table: ReportTable, lang: str, *, date_format: str = LOCAL_DATE) -> None:
        self.table = table
        self.words: Mapping[str, str] = labels(lang)
        self.zone = table.header.settings.zone
        self.date_format = date_format
        self._weekdays = self.words[ReportLabel.WEEKDAYS].split()

    def word(self, key: StrEnum) -> str:
        """The words of a label or of an enum member the report spells out."""
        return word(self.words, key)

    def header(self, column: Column, *, iso_days: bool = False) -> str:
        """A column heading; a day column is its day of month and weekday, or its ISO date."""
        if column.day is None:
            return self.word(column.key)
        if iso_days:
            return column.day.isoformat()
        return f"{column.day.day}\n{self._weekdays[column.day.weekday()]}"

    def cell(self, value: CellValue, column: Column) -> str:
        """A cell as text."""
        if value is None:
            return ""
        if column.kind is ColumnKind.DAY and isinstance(value, DayMark):
            short = short_label(value)
            return self.words[short] if short else ""
        if isinstance(value, StrEnum):
            return self.word(value)
        if isinstance(value, tuple):
            return ", ".join(self.word(v) for v in value)
        return self._plain(value, column.kind)

    def _plain(self, value: str | int | date | datetime, kind: ColumnKind) -> str:
        if isinstance(value, datetime):
            return value.astimezone(self.zone).strftime("%H:%M")
        if isinstance(value, date):
            return value.strftime(self.date_format)
        if isinstance(value, int) and kind in (ColumnKind.DURATION, ColumnKind.DAY):
            return hhmm(value)
        return str(value)

    def row(self, values: tuple[CellValue, ...]) -> list[str]:
        """A whole row as text."""
        return [self.cell(v, c) for v, c in zip(values, self.table.columns, strict=True)]

    def title(self) -> str:
        """The report's title, with the employee for a detail."""
        title = self.word(title_label(self.table.header.kind))
        return f"{title}: {self.table.subject}" if self.table.subject else title

    def period(self) -> str:
        """``Період: 01.10.2026 – 31.10.2026``."""
        header = self.table.header
        return f"{self.word(ReportLabel.PERIOD)}: {header.first:{LOCAL_DATE}} – {header.last:{LOCAL_DATE}}"

    def generated(self) -> str:
        """When the report was made, in the office zone."""
        local = self.table.header.generated_at.astimezone(self.zone)
        return f"{self.word(ReportLabel.GENERATED)}: {local:%d.%m.%Y %H:%M} ({self.zone.key})"

    def closed(self) -> str:
        """``Month closed on 02.04.2026 10:15 by admin`` when the period is a closed month, else empty."""
        header = self.table.header
        if header.closed_at is None:
            return ""
        local = header.closed_at.astimezone(self.zone)
        return self.words[ReportLabel.CLOSED].format(
            when=f"{local:%d.%m.%Y %H:%M}", who=header.closed_by or ""
        )

    def rounding(self) -> str:
        """The rounding policy in force, named."""
        settings = self.table.header.settings
        text = f"{self.word(ReportLabel.ROUNDING)}: {self.word(settings.rounding)}"
        if settings.rounding not in (RoundingMode.NONE, RoundingMode.FROM_SCHEDULED_START):
            text += ", " + self.words[ReportLabel.STEP].format(step=settings.rounding_step_minutes)
        return text

    def rules(self) -> str:
        """Grace and minimum-overtime settings in force."""
        s = self.table.header.settings
        return self.words[ReportLabel.RULES].format(
            late=s.late_grace_minutes, early=s.early_leave_grace_minutes, overtime=s.min_overtime_minutes
        )

    def summary(self, item: SummaryItem) -> str:
        """``Запізнення: 3 (0:45)``."""
        parts = [str(item.count)] if item.count is not None else []
        if item.seconds is not None:
            parts.append(f"({hhmm(item.seconds)})" if parts else hhmm(item.seconds))
        return f"{self.word(item.label)}: {' '.join(parts)}"

    def legend(self, item: LegendItem) -> tuple[str, str]:
        """A legend entry as (symbol, meaning)."""
        symbol = item.symbol
        shown = str(symbol)
        if isinstance(symbol, DayMark):
            short = short_label(symbol)
            shown = self.words[short] if short else ""
        meaning = item.meaning
        if isinstance(meaning, StrEnum):
            return shown, self.word(meaning)
        return shown, self.words.get(f"code.{meaning}", meaning)  # a code the office added keeps its name

    def holidays(self) -> str:
        """``Свята: 01.01 Новий рік, ...`` or ''."""
        days = self.table.holidays
        if not days:
            return ""
        return f"{self.word(ReportLabel.HOLIDAYS)}: " + ", ".join(f"{h.day:%d.%m} {h.name}" for h in days)
