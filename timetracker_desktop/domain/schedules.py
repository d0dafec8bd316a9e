"""Schedule cells, codes, templates and holidays (DOMAIN_RULES §6)."""

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class CodeMeaning(StrEnum):
    """How a code cell counts."""

    DAY_OFF = "day_off"
    EXCUSED = "excused"
    WORK = "work"


@dataclass(frozen=True, slots=True)
class ScheduleCode:
    """An editable code such as В (day off) or ОФ (office day)."""

    code: str
    name: str
    meaning: CodeMeaning
    expected_at_work: bool


DEFAULT_CODES: tuple[ScheduleCode, ...] = (
    ScheduleCode("В", "day off", CodeMeaning.DAY_OFF, expected_at_work=False),
    ScheduleCode("Б", "sick leave", CodeMeaning.EXCUSED, expected_at_work=False),
    ScheduleCode("В/Д", "vacation", CodeMeaning.EXCUSED, expected_at_work=False),
    ScheduleCode("ОФ", "office day", CodeMeaning.WORK, expected_at_work=True),
)


@dataclass(frozen=True, slots=True)
class ScheduleCell:
    """At most one per (employee, workday): either start/end local times or a code."""

    employee_id: int
    day: date
    start: time | None = None
    end: time | None = None
    break_minutes: int = 0
    code: str | None = None

    @property
    def is_time_cell(self) -> bool:
        """True for a cell with start and end times."""
        return self.start is not None and self.end is not None

    @property
    def is_overnight(self) -> bool:
        """End at or before start means the shift ends the next day."""
        return self.start is not None and self.end is not None and self.end <= self.start


@dataclass(frozen=True, slots=True)
class Holiday:
    """A non-working local date with a name."""

    day: date
    name: str


@dataclass(frozen=True, slots=True)
class ScheduleTemplate:
    """A named 1-4 week pattern anchored at a date; ``cells`` holds one text per weekday slot ('' = none)."""

    id: int
    name: str
    anchor: date
    cells: tuple[str, ...]
