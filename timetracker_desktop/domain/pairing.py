"""Pairing of effective punches into intervals, with AUTO directions resolved in time order (§4, §5)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from timetracker_desktop.domain.attendance import BY_TIME, Direction, EffectivePunch
from timetracker_desktop.domain.schedules import ScheduleCell
from timetracker_desktop.domain.settings import BusinessSettings, MissingOutPolicy
from timetracker_desktop.domain.workdays import ScheduleLookup, ShiftCalendar

_SECOND = timedelta(seconds=1)


class Anomaly(StrEnum):
    """What pairing noticed about an interval or a punch."""

    MISSING_OUT = "missing_out"
    MISSING_IN = "missing_in"
    DUPLICATE_IN = "duplicate_in"
    DOUBLE_TAP = "double_tap"
    OPEN = "open"
    AUTO_CLOSED = "auto_closed"
    DURING_ABSENCE = "during_absence"  # a tap on a day the absences register covers


INFORMATION_ONLY: frozenset[Anomaly] = frozenset({Anomaly.DOUBLE_TAP, Anomaly.OPEN})
INCOMPLETE: frozenset[Anomaly] = frozenset({Anomaly.MISSING_IN, Anomaly.MISSING_OUT})
# a marker stands for one ignored or orphan punch: start == end, never credited
MARKERS: frozenset[Anomaly] = frozenset({Anomaly.DOUBLE_TAP, Anomaly.DUPLICATE_IN, Anomaly.MISSING_IN})


def elapsed_seconds(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end``, floored; 0 if ``end`` is not after ``start``."""
    return max(0, (end - start) // _SECOND)


@dataclass(frozen=True, slots=True)
class Interval:
    """A shift (IN to OUT, possibly open or uncredited) or a marker for a single ignored/orphan punch."""

    start: datetime
    end: datetime | None
    workday: date
    credited: bool
    in_punch_id: int | None
    out_punch_id: int | None
    anomalies: tuple[Anomaly, ...]

    @property
    def seconds(self) -> int:
        """Credited elapsed seconds; 0 if not credited."""
        if not self.credited or self.end is None:
            return 0
        return elapsed_seconds(self.start, self.end)

    @property
    def is_marker(self) -> bool:
        """True for a single punch that pairing ignored or could not pair (no shift of its own)."""
        return not MARKERS.isdisjoint(self.anomalies)

    def live_seconds(self, now: datetime) -> int:
        """Seconds for the live view: an OPEN shift counts up to ``now``; reports use ``seconds``."""
        if Anomaly.OPEN in self.anomalies:
            return elapsed_seconds(self.start, now)
        return self.seconds


@dataclass(slots=True)
class _OpenShift:
    punch: EffectivePunch
    workday: date


def _marker(punch: EffectivePunch, anomaly: Anomaly, workday: date, *, as_out: bool) -> Interval:
    in_id, out_id = (None, punch.id) if as_out else (punch.id, None)
    return Interval(punch.at, punch.at, workday, False, in_id, out_id, (anomaly,))


class Pairer:
    """The §5 pairing state machine; feed punches in time order, then ``finish``."""

    def __init__(self, settings: BusinessSettings, calendar: ShiftCalendar) -> None:
        self._max = timedelta(hours=settings.max_shift_hours)
        self._policy = settings.missing_out_policy
        self._calendar = calendar
        self._open: _OpenShift | None = None
        self._intervals: list[Interval] = []

    def direction_for(self, at: datetime) -> Direction:
        """The §4 rule for a punch at ``at`` given the punches fed so far."""
        if self._open is None or self._starts_new_shift(self._open, at):
            return Direction.IN
        return Direction.OUT

    def feed(self, punch: EffectivePunch) -> None:
        """Apply one punch; punches must come in (at, id) order."""
        if punch.double_tap:
            workday = self._calendar.in_workday(punch.at)
            as_out = punch.direction is Direction.OUT
            self._intervals.append(_marker(punch, Anomaly.DOUBLE_TAP, workday, as_out=as_out))
            return
        direction = self.direction_for(punch.at) if punch.direction is Direction.AUTO else punch.direction
        if direction is Direction.IN:
            self._feed_in(punch)
        else:
            self._feed_out(punch)

    def finish(self, now: datetime) -> list[Interval]:
        """Settle a shift still open at ``now``; every interval ordered by start, shifts before markers."""
        if self._open is not None:
            shift = self._open
            if now - shift.punch.at > self._max:
                self._close_missing(now)
            else:
                self._intervals.append(
                    Interval(
                        shift.punch.at, None, shift.workday, False, shift.punch.id, None, (Anomaly.OPEN,)
                    )
                )
                self._open = None
        return sorted(self._intervals, key=lambda interval: (interval.start, interval.is_marker))

    def _starts_new_shift(self, shift: _OpenShift, at: datetime) -> bool:
        # rule 1: the open IN is too old; rule 2: a check-in for a later workday's scheduled shift
        if at - shift.punch.at > self._max:
            return True
        calendar = self._calendar
        return calendar.in_workday(at) > shift.workday and calendar.in_checkin_window(at)

    def _feed_in(self, punch: EffectivePunch) -> None:
        if self._open is not None:
            if not self._starts_new_shift(self._open, punch.at):
                duplicate = _marker(punch, Anomaly.DUPLICATE_IN, self._open.workday, as_out=False)
                self._intervals.append(duplicate)
                return
            self._close_missing(punch.at)
        self._open = _OpenShift(punch, self._calendar.in_workday(punch.at))

    def _feed_out(self, punch: EffectivePunch) -> None:
        shift = self._open
        if shift is not None and punch.at - shift.punch.at <= self._max:
            self._intervals.append(
                Interval(shift.punch.at, punch.at, shift.workday, True, shift.punch.id, punch.id, ())
            )
            self._open = None
            return
        if shift is not None:
            self._close_missing(punch.at)
        workday = self._calendar.out_workday(punch.at)
        self._intervals.append(_marker(punch, Anomaly.MISSING_IN, workday, as_out=True))

    def _close_missing(self, limit: datetime) -> None:
        """Close the open shift without an OUT: MISSING_OUT, or AUTO_CLOSED under the schedule_end policy."""
        assert self._open is not None  # noqa: S101 - narrows the type for mypy
        shift, self._open = self._open, None
        end = self._scheduled_close(shift, limit)
        start, in_id = shift.punch.at, shift.punch.id
        if end is None:
            self._intervals.append(
                Interval(start, None, shift.workday, False, in_id, None, (Anomaly.MISSING_OUT,))
            )
        else:
            self._intervals.append(
                Interval(start, end, shift.workday, True, in_id, None, (Anomaly.AUTO_CLOSED,))
            )

    def _scheduled_close(self, shift: _OpenShift, limit: datetime) -> datetime | None:
        # only a scheduled end after the IN, no later than the punch that ended the shift, and within N
        if self._policy is not MissingOutPolicy.SCHEDULE_END:
            return None
        bounds = self._calendar.bounds(shift.workday)
        if bounds is None:
            return None
        start, end = shift.punch.at, bounds[1]
        return end if start < end <= limit and end - start <= self._max else None


def calendar_for(settings: BusinessSettings, schedule_for: ScheduleLookup) -> ShiftCalendar:
    """The shift calendar of one employee under ``settings``."""
    window = timedelta(minutes=settings.early_checkin_window_minutes)
    return ShiftCalendar(schedule_for, settings.zone, window)


def fed_pairer(
    punches: Iterable[EffectivePunch], settings: BusinessSettings, calendar: ShiftCalendar
) -> Pairer:
    """A pairer that has consumed ``punches`` (any order) in (at, id) order."""
    pairer = Pairer(settings, calendar)
    for punch in sorted(punches, key=BY_TIME):
        pairer.feed(punch)
    return pairer


def pair_punches(
    sequence: Sequence[EffectivePunch],
    settings: BusinessSettings,
    cells: Mapping[date, ScheduleCell],
    now: datetime,
) -> list[Interval]:
    """Pair one employee's effective punches; every punch ends up in exactly one interval."""
    return fed_pairer(sequence, settings, calendar_for(settings, cells.get)).finish(now)
