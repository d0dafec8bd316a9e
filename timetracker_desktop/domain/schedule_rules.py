"""Schedule cell shorthand, local-time conversion and planned time (DOMAIN_RULES §1, §6)."""

import functools
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.schedules import CodeMeaning, ScheduleCell, ScheduleCode

_SHORTHAND = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*[-\u2013\u2014]\s*(\d{1,2})(?::(\d{2}))?$")


def _bad_cell(message: str) -> ValidationError:
    return ValidationError(message, code=ErrorCode.BAD_CELL, field="cell")


def find_code(code: str, codes: Iterable[ScheduleCode]) -> ScheduleCode | None:
    """The code-table entry for ``code``: an exact match first, then a case-insensitive one."""
    table = list(codes)
    for entry in table:
        if entry.code == code:
            return entry
    wanted = code.strip().casefold()
    return next((entry for entry in table if entry.code.casefold() == wanted), None)


def _clock(hours: str, minutes: str | None, text: str) -> time:
    hour, minute = int(hours), int(minutes or 0)
    if hour > 23:
        raise _bad_cell(f"{text!r}: hour {hour} is not between 0 and 23")
    if minute > 59:
        raise _bad_cell(f"{text!r}: minute {minute} is not between 0 and 59")
    return time(hour, minute)


def parse_cell_text(text: str, codes: Iterable[ScheduleCode]) -> tuple[time | None, time | None, str | None]:
    """Parse ``8-17``, ``22-6``, ``8:30-17``, ``08:00 - 17:00`` or a code into (start, end, code).

    Codes match case-insensitively and come back in their canonical spelling.
    Raises ValidationError(code=ErrorCode.BAD_CELL, field="cell") for anything else.
    """
    stripped = text.strip()
    if not stripped:
        raise _bad_cell("empty cell: enter times such as 8-17 or a code")
    entry = find_code(stripped, codes)
    if entry is not None:
        return None, None, entry.code
    match = _SHORTHAND.match(stripped)
    if match is None:
        raise _bad_cell(f"{stripped!r} is neither a time range such as 8-17 or 22:00-06:00 nor a known code")
    start = _clock(match[1], match[2], stripped)
    end = _clock(match[3], match[4], stripped)
    if start == end:
        raise _bad_cell(f"{stripped!r}: start and end are equal")
    return start, end, None


def format_cell(cell: ScheduleCell) -> str:
    """The cell as text that parse_cell_text reads back: ``08:00-17:00``, the code, or ''."""
    if cell.start is not None and cell.end is not None:
        return f"{cell.start:%H:%M}-{cell.end:%H:%M}"
    return cell.code or ""


@functools.lru_cache(maxsize=65536)  # schedules repeat the same few times for every employee and day
def local_to_utc(day: date, t: time, zone: ZoneInfo, *, fold: int = 0) -> datetime:
    """The aware UTC instant of local wall time ``t`` on ``day``.

    PEP 495 semantics: ``fold=0`` picks the first of two repeated times; a time in a spring gap is read with
    the offset in force before the gap, so it lands as far after the gap as it was into it (03:30 -> 04:30).
    """
    local = datetime.combine(day, t.replace(tzinfo=None), tzinfo=zone).replace(fold=fold)
    return local.astimezone(UTC)


def local_date(at: datetime, zone: ZoneInfo) -> date:
    """The local calendar date of an aware instant."""
    return at.astimezone(zone).date()


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which local ``day`` begins."""
    return local_to_utc(day, time(0), zone)


def is_nonexistent(naive: datetime, zone: ZoneInfo) -> bool:
    """True for a wall time skipped by a spring-forward change."""
    aware = naive.replace(tzinfo=zone, fold=0)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive


def is_ambiguous(naive: datetime, zone: ZoneInfo) -> bool:
    """True for an existing wall time that occurs twice (autumn fall-back)."""
    first, second = (naive.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1))
    return first != second and not is_nonexistent(naive, zone)


def resolve_manual_local(naive: datetime, zone: ZoneInfo, fold: int | None) -> datetime:
    """The UTC instant of a manually entered local time (DOMAIN_RULES §1).

    A spring-gap time is rejected (code ``nonexistent_local_time``); a repeated autumn time needs ``fold``
    (0 = first occurrence, 1 = second) or it is rejected (code ``ambiguous_local_time``).
    """
    if naive.tzinfo is not None:
        raise ValueError("resolve_manual_local expects a naive local wall time")
    if is_nonexistent(naive, zone):
        raise ValidationError(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks skip it",
            code=ErrorCode.NONEXISTENT_LOCAL_TIME,
            field="time",
        )
    if fold is None and is_ambiguous(naive, zone):
        raise ValidationError(
            f"{naive:%Y-%m-%d %H:%M} occurs twice in {zone.key}: choose the first or second occurrence",
            code=ErrorCode.AMBIGUOUS_LOCAL_TIME,
            field="time",
        )
    return naive.replace(tzinfo=zone, fold=fold or 0).astimezone(UTC)


def shift_bounds(cell: ScheduleCell, zone: ZoneInfo) -> tuple[datetime, datetime] | None:
    """Aware UTC start and end of a time cell on its day; None for a code or empty cell.

    An end at or before the start falls on the next local date. Both ends use ``local_to_utc`` with fold=0:
    a repeated time means its first occurrence, and a time in the spring gap moves forward by the gap.
    """
    if cell.start is None or cell.end is None:
        return None
    end_day = cell.day + timedelta(days=1) if cell.is_overnight else cell.day
    return local_to_utc(cell.day, cell.start, zone), local_to_utc(end_day, cell.end, zone)


def planned_seconds(
    cell: ScheduleCell | None, zone: ZoneInfo, codes: Iterable[ScheduleCode], office_day_minutes: int
) -> int:
    """Planned seconds of a cell: real elapsed time minus the break, or office hours for a work code."""
    if cell is None:
        return 0
    bounds = shift_bounds(cell, zone)
    entry = find_code(cell.code, codes) if bounds is None and cell.code else None
    return planned_from(cell, bounds, entry, office_day_minutes)


def planned_from(
    cell: ScheduleCell,
    bounds: tuple[datetime, datetime] | None,
    entry: ScheduleCode | None,
    office_day_minutes: int,
) -> int:
    """``planned_seconds`` from the cell's shift bounds and code entry already looked up."""
    if bounds is not None:
        elapsed = int((bounds[1] - bounds[0]).total_seconds())
        return max(0, elapsed - cell.break_minutes * 60)
    if entry is not None and entry.meaning is CodeMeaning.WORK:
        return office_day_minutes * 60
    return 0
