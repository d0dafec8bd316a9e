"""DOMAIN_RULES §9: one forgotten OUT must not cost or earn a day (the legacy server credited 31 h)."""

from dataclasses import replace
from datetime import date

from test_worktime_support import HOUR, LATER, local, punch, schedule, taps

from timetracker_desktop.domain.attendance import Direction, EffectivePunch
from timetracker_desktop.domain.direction import decide_direction
from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings, MissingOutPolicy
from timetracker_desktop.domain.worktime import Anomaly, WorktimeResult, compute_worktime

TUE, WED = date(2026, 3, 3), date(2026, 3, 4)
CELLS = schedule({"2026-03-03": "8-17", "2026-03-04": "8-17"})
SCANS = ("2026-03-03 08:00", "2026-03-04 08:00", "2026-03-04 17:00")


def _compute(sequence: list[EffectivePunch], settings: BusinessSettings | None = None) -> WorktimeResult:
    return compute_worktime(
        7, sequence, CELLS, (), DEFAULT_CODES, settings or BusinessSettings(), TUE, WED, LATER
    )


def test_the_next_morning_starts_a_new_shift_and_tuesday_is_incomplete() -> None:
    result = _compute(taps(*SCANS))
    tue, wed = result.days
    assert (tue.worked_seconds, tue.incomplete, tue.anomalies) == (0, True, (Anomaly.MISSING_OUT,))
    assert (wed.worked_seconds, wed.incomplete, wed.anomalies) == (9 * HOUR, False, ())
    assert (result.total_worked_seconds, result.anomaly_count) == (9 * HOUR, 1)
    assert tue.early_leave_seconds == 0
    assert not tue.absent


def test_a_manual_out_restores_eighteen_hours() -> None:
    sequence = [*taps(*SCANS), punch(4, "2026-03-03 17:00", "OUT")]
    result = _compute(sequence)
    assert [d.worked_seconds for d in result.days] == [9 * HOUR, 9 * HOUR]
    assert (result.total_worked_seconds, result.anomaly_count) == (18 * HOUR, 0)
    assert [d.overtime_seconds + d.undertime_seconds for d in result.days] == [0, 0]


def test_schedule_end_policy_closes_tuesday_at_its_scheduled_end() -> None:
    result = _compute(taps(*SCANS), BusinessSettings(missing_out_policy=MissingOutPolicy.SCHEDULE_END))
    tue, wed = result.days
    assert (tue.worked_seconds, tue.anomalies, tue.incomplete) == (9 * HOUR, (Anomaly.AUTO_CLOSED,), False)
    assert tue.intervals[0].end == tue.last_out == local("2026-03-03 17:00")
    assert wed.worked_seconds == 9 * HOUR
    assert result.total_worked_seconds == 18 * HOUR


def test_legacy_toggled_rows_imported_as_auto_match_live_scans() -> None:
    # live scans: the ingest rule decides each direction, which is then stored explicitly
    live: list[EffectivePunch] = []
    settings = BusinessSettings()
    for scan in taps(*SCANS):
        live.append(replace(scan, direction=decide_direction(live, scan.at, settings, CELLS.get)))
    assert [p.direction.value for p in live] == ["IN", "IN", "OUT"]
    imported = [replace(p, direction=Direction.AUTO) for p in live]
    assert _compute(imported) == _compute(live)
