"""The per-employee detail report: intervals, orphan punches, voided punches and anomalies by workday."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.pairing import Interval
from timetracker_desktop.domain.plan import DayResult
from timetracker_desktop.domain.reports import ReportHeader, Summary, summarize
from timetracker_desktop.domain.schedule_rules import local_date


class Remark(StrEnum):
    """What a detail line notes: the engine's anomalies (same values) and facts about the punches."""

    MISSING_OUT = "missing_out"
    MISSING_IN = "missing_in"
    DUPLICATE_IN = "duplicate_in"
    DOUBLE_TAP = "double_tap"
    OPEN = "open"
    AUTO_CLOSED = "auto_closed"
    DURING_ABSENCE = "during_absence"
    CLOCK_SKEW = "clock_skew"
    AFTER_CLOSING = "after_closing"
    MANUAL = "manual"
    DIRECTION_SET = "direction_set"
    VOIDED = "voided"
    LATE = "late"
    EARLY_LEAVE = "early_leave"
    ABSENT = "absent"
    HOLIDAY = "holiday"


class LineKind(StrEnum):
    """A shift, a single punch pairing could not use, a voided punch, or a day without punches."""

    SHIFT = "shift"
    PUNCH = "punch"
    VOIDED = "voided"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class PunchFacts:
    """What the detail report marks about a raw punch (manual entry, clock skew, corrections)."""

    manual: bool = False
    clock_skew: bool = False
    direction_set: bool = False
    note: str | None = None
    after_closing: bool = False  # a terminal's tap that arrived after its month was closed


@dataclass(frozen=True, slots=True)
class VoidedPunch:
    """A raw punch excluded by a correction, shown struck out in the detail."""

    punch_id: int
    at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class DetailLine:
    """One line of the detail; ``seconds`` is the credited time of a shift."""

    day: date
    kind: LineKind
    start: datetime | None
    end: datetime | None
    seconds: int
    remarks: tuple[Remark, ...]
    code: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class EmployeeDetail:
    """An employee's period: the lines, the engine's day results and the period sums."""

    header: ReportHeader
    employee: Employee
    lines: tuple[DetailLine, ...]
    days: tuple[DayResult, ...]
    summary: Summary


def _punch_remarks(facts: PunchFacts | None) -> list[Remark]:
    if facts is None:
        return []
    flags = (
        (facts.manual, Remark.MANUAL),
        (facts.clock_skew, Remark.CLOCK_SKEW),
        (facts.direction_set, Remark.DIRECTION_SET),
        (facts.after_closing, Remark.AFTER_CLOSING),
    )
    return [remark for hit, remark in flags if hit]


def _notes(*facts: PunchFacts | None) -> str | None:
    texts = [f.note for f in facts if f is not None and f.note]
    return "; ".join(dict.fromkeys(texts)) or None


def _interval_line(interval: Interval, facts: Mapping[int, PunchFacts]) -> DetailLine:
    in_facts = facts.get(interval.in_punch_id) if interval.in_punch_id is not None else None
    out_facts = facts.get(interval.out_punch_id) if interval.out_punch_id is not None else None
    remarks = [Remark(a.value) for a in interval.anomalies]
    remarks += [r for r in (*_punch_remarks(in_facts), *_punch_remarks(out_facts)) if r not in remarks]
    if interval.is_marker:
        orphan_out = interval.in_punch_id is None
        start, end = (None, interval.start) if orphan_out else (interval.start, None)
        kind = LineKind.PUNCH
    else:
        start, end, kind = interval.start, interval.end, LineKind.SHIFT
    return DetailLine(
        interval.workday, kind, start, end, interval.seconds, tuple(remarks), note=_notes(in_facts, out_facts)
    )


def _with_day_remarks(lines: list[DetailLine], d: DayResult) -> list[DetailLine]:
    # lateness goes on the day's first shift, early leave on its last
    shifts = [i for i, line in enumerate(lines) if line.kind is LineKind.SHIFT]
    for flag, index, remark in (
        (d.late_seconds > 0, shifts[0] if shifts else None, Remark.LATE),
        (d.early_leave_seconds > 0, shifts[-1] if shifts else None, Remark.EARLY_LEAVE),
    ):
        if flag and index is not None:
            lines[index] = replace(lines[index], remarks=(*lines[index].remarks, remark))
    return lines


def _empty_day(d: DayResult) -> list[DetailLine]:
    remarks = (*([Remark.ABSENT] if d.absent else []), *([Remark.HOLIDAY] if d.holiday else []))
    code = d.absence.value if d.absence else d.code
    if not remarks and not code:
        return []
    return [DetailLine(d.day, LineKind.DAY, None, None, 0, remarks, code=code)]


def day_lines(
    d: DayResult, facts: Mapping[int, PunchFacts], voided: Sequence[VoidedPunch], zone: ZoneInfo
) -> list[DetailLine]:
    """The lines of one workday, in time order; a day without punches gets one line if it means something."""
    lines = _with_day_remarks([_interval_line(i, facts) for i in d.intervals], d)
    lines += [
        DetailLine(d.day, LineKind.VOIDED, v.at, None, 0, (Remark.VOIDED,), note=v.note)
        for v in voided
        if local_date(v.at, zone) == d.day
    ]
    if not lines:
        return _empty_day(d)
    return sorted(lines, key=lambda line: line.start or line.end or datetime.min.replace(tzinfo=zone))


def build_detail(
    header: ReportHeader,
    employee: Employee,
    days: Iterable[DayResult],
    facts: Mapping[int, PunchFacts],
    voided: Sequence[VoidedPunch],
) -> EmployeeDetail:
    """The detail of one employee over the header's period."""
    results = tuple(days)
    zone = header.settings.zone
    lines = tuple(line for d in results for line in day_lines(d, facts, voided, zone))
    return EmployeeDetail(header, employee, lines, results, summarize(results))
