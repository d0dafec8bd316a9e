"""Builders shared by the worktime engine tests: Kyiv local times, punches and schedules."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.attendance import Direction, EffectivePunch, PunchSource
from timetracker_desktop.domain.schedule_rules import parse_cell_text
from timetracker_desktop.domain.schedules import DEFAULT_CODES, ScheduleCell

KYIV = ZoneInfo("Europe/Kyiv")
HOUR = 3600
LATER = datetime(2030, 1, 1, tzinfo=UTC)


def local(text: str, fold: int = 0) -> datetime:
    """Kyiv wall time ``YYYY-MM-DD HH:MM`` as an aware UTC instant."""
    return datetime.fromisoformat(text).replace(tzinfo=KYIV, fold=fold).astimezone(UTC)


def punch(pid: int, text: str, direction: str = "AUTO", *, double_tap: bool = False) -> EffectivePunch:
    """An effective punch at a Kyiv wall time; explicit directions count as manual entries."""
    kind = Direction(direction)
    source = PunchSource.TERMINAL if kind is Direction.AUTO else PunchSource.MANUAL
    return EffectivePunch(
        pid, local(text), kind, source, double_tap=double_tap, manual=source is PunchSource.MANUAL
    )


def taps(*texts: str) -> list[EffectivePunch]:
    """AUTO punches numbered from 1 in the order given."""
    return [punch(number, text) for number, text in enumerate(texts, start=1)]


def schedule(spec: Mapping[str, str], break_minutes: int = 0) -> dict[date, ScheduleCell]:
    """Cells from ``{"2026-03-03": "8-17", "2026-03-05": "В"}``."""
    cells = {}
    for text_day, text in spec.items():
        day = date.fromisoformat(text_day)
        start, end, code = parse_cell_text(text, DEFAULT_CODES)
        cells[day] = ScheduleCell(1, day, start, end, break_minutes if code is None else 0, code)
    return cells
