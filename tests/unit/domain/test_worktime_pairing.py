"""Pairing rows of DOMAIN_RULES §5 and the workday of each interval."""

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from test_worktime_support import HOUR, LATER, local, punch, schedule, taps

from timetracker_desktop.domain.attendance import Direction, EffectivePunch, PunchSource
from timetracker_desktop.domain.settings import BusinessSettings, MissingOutPolicy
from timetracker_desktop.domain.worktime import Anomaly, Interval, pair_punches

SETTINGS = BusinessSettings()
AUTO_CLOSE = BusinessSettings(missing_out_policy=MissingOutPolicy.SCHEDULE_END)
MON = date(2026, 3, 2)
TUE = date(2026, 3, 3)


def _pair(
    sequence: list[EffectivePunch],
    spec: dict[str, str] | None = None,
    *,
    settings: BusinessSettings = SETTINGS,
    now: datetime = LATER,
) -> list[Interval]:
    return pair_punches(sequence, settings, schedule(spec or {}), now)


def _summary(intervals: list[Interval]) -> list[tuple[int, date, tuple[Anomaly, ...]]]:
    return [(i.seconds, i.workday, i.anomalies) for i in intervals]


def test_in_then_out_is_credited() -> None:
    [interval] = _pair(taps("2026-03-02 08:00", "2026-03-02 17:00"))
    assert (interval.seconds, interval.credited, interval.in_punch_id, interval.out_punch_id) == (
        9 * HOUR,
        True,
        1,
        2,
    )


def test_night_shift_counts_for_the_day_it_starts() -> None:
    intervals = _pair(
        taps("2026-03-02 22:00", "2026-03-03 06:00"), {"2026-03-02": "22-6", "2026-03-03": "22-6"}
    )
    assert _summary(intervals) == [(8 * HOUR, MON, ())]


def test_explicit_in_while_open_is_a_duplicate_and_ignored() -> None:
    sequence = [
        punch(1, "2026-03-02 08:00", "IN"),
        punch(2, "2026-03-02 08:30", "IN"),
        punch(3, "2026-03-02 17:00", "OUT"),
    ]
    shift, duplicate = sorted(_pair(sequence), key=lambda i: i.seconds, reverse=True)
    assert (shift.seconds, shift.in_punch_id, shift.out_punch_id, shift.anomalies) == (9 * HOUR, 1, 3, ())
    assert (duplicate.credited, duplicate.in_punch_id, duplicate.anomalies) == (
        False,
        2,
        (Anomaly.DUPLICATE_IN,),
    )
    assert duplicate.is_marker
    assert duplicate.workday == MON


def test_auto_punches_never_make_a_duplicate_in() -> None:
    intervals = _pair(
        taps("2026-03-02 08:00", "2026-03-02 08:30", "2026-03-02 17:00"), now=local("2026-03-02 18:00")
    )
    assert [i.anomalies for i in intervals] == [(), (Anomaly.OPEN,)]


def test_orphan_out_is_missing_in_and_not_credited() -> None:
    [orphan] = _pair([punch(1, "2026-03-02 17:00", "OUT")])
    assert (orphan.credited, orphan.seconds, orphan.out_punch_id, orphan.anomalies) == (
        False,
        0,
        1,
        (Anomaly.MISSING_IN,),
    )


def test_out_more_than_n_after_the_in_credits_nothing() -> None:
    sequence = [punch(1, "2026-03-02 08:00", "IN"), punch(2, "2026-03-03 00:01", "OUT")]
    assert _summary(_pair(sequence)) == [(0, MON, (Anomaly.MISSING_OUT,)), (0, TUE, (Anomaly.MISSING_IN,))]


def test_out_exactly_n_after_the_in_is_credited() -> None:
    sequence = [punch(1, "2026-03-02 08:00", "IN"), punch(2, "2026-03-03 00:00", "OUT")]
    assert _summary(_pair(sequence)) == [(16 * HOUR, MON, ())]


def test_in_while_open_more_than_n_closes_the_old_shift_uncredited() -> None:
    sequence = [
        punch(1, "2026-03-02 08:00", "IN"),
        punch(2, "2026-03-03 08:00", "IN"),
        punch(3, "2026-03-03 17:00", "OUT"),
    ]
    assert _summary(_pair(sequence)) == [(0, MON, (Anomaly.MISSING_OUT,)), (9 * HOUR, TUE, ())]


def test_open_shift_today_is_in_progress() -> None:
    now = local("2026-03-02 11:30")
    [shift] = _pair(taps("2026-03-02 08:00"), now=now)
    assert (shift.end, shift.seconds, shift.anomalies) == (None, 0, (Anomaly.OPEN,))
    assert shift.live_seconds(now) == int(3.5 * HOUR)


def test_open_shift_older_than_n_is_missing_out() -> None:
    [shift] = _pair(taps("2026-03-02 08:00"), now=local("2026-03-03 00:01"))
    assert (shift.end, shift.seconds, shift.anomalies) == (None, 0, (Anomaly.MISSING_OUT,))
    assert shift.live_seconds(LATER) == 0


def test_double_tap_is_ignored_and_noted() -> None:
    sequence = [
        *taps("2026-03-02 08:00"),
        punch(2, "2026-03-02 08:00", double_tap=True),
        punch(3, "2026-03-02 17:00"),
    ]
    intervals = _pair(sequence)
    assert [(i.seconds, i.anomalies) for i in intervals] == [(9 * HOUR, ()), (0, (Anomaly.DOUBLE_TAP,))]
    assert intervals[1].in_punch_id == 2


def test_punch_at_local_midnight_belongs_to_the_new_date() -> None:
    intervals = _pair(taps("2026-03-03 00:00", "2026-03-03 08:00", "2026-03-03 16:00", "2026-03-04 00:00"))
    assert _summary(intervals) == [(8 * HOUR, TUE, ()), (8 * HOUR, TUE, ())]


def test_in_up_to_w_before_the_next_dates_shift_belongs_to_that_date() -> None:
    spec = {"2026-03-03": "1-9"}
    assert _pair(taps("2026-03-02 23:00", "2026-03-03 09:00"), spec)[0].workday == TUE
    assert _pair(taps("2026-03-02 22:59", "2026-03-03 09:00"), spec)[0].workday == MON


def test_orphan_out_after_a_scheduled_night_belongs_to_the_night() -> None:
    [orphan] = _pair([punch(1, "2026-03-03 06:05", "OUT")], {"2026-03-02": "22-6"})
    assert (orphan.workday, orphan.anomalies) == (MON, (Anomaly.MISSING_IN,))


def test_pairing_sorts_its_input() -> None:
    assert _pair(list(reversed(taps("2026-03-02 08:00", "2026-03-02 17:00")))) == _pair(
        taps("2026-03-02 08:00", "2026-03-02 17:00")
    )


def test_schedule_end_policy_closes_an_old_open_shift_at_the_scheduled_end() -> None:
    [shift] = _pair(taps("2026-03-02 08:00"), {"2026-03-02": "8-17"}, settings=AUTO_CLOSE)
    assert (shift.end, shift.seconds, shift.anomalies) == (
        local("2026-03-02 17:00"),
        9 * HOUR,
        (Anomaly.AUTO_CLOSED,),
    )


def test_schedule_end_policy_needs_a_scheduled_end_after_the_in() -> None:
    unscheduled = _pair(taps("2026-03-02 08:00"), settings=AUTO_CLOSE)
    after_end = _pair(taps("2026-03-02 18:00"), {"2026-03-02": "8-17"}, settings=AUTO_CLOSE)
    assert [i.anomalies for i in unscheduled + after_end] == [(Anomaly.MISSING_OUT,), (Anomaly.MISSING_OUT,)]


def test_schedule_end_policy_leaves_a_shift_open_before_n() -> None:
    [shift] = _pair(
        taps("2026-03-02 08:00"), {"2026-03-02": "8-17"}, settings=AUTO_CLOSE, now=local("2026-03-02 18:00")
    )
    assert shift.anomalies == (Anomaly.OPEN,)


_MINUTES = st.integers(min_value=0, max_value=60 * 24 * 20)
_DIRECTIONS = st.sampled_from([Direction.IN, Direction.OUT, Direction.AUTO])


@given(st.lists(st.tuples(_MINUTES, _DIRECTIONS, st.booleans()), max_size=30))
def test_every_punch_lands_in_exactly_one_interval(rows: list[tuple[int, Direction, bool]]) -> None:
    start = local("2026-03-01 00:00")
    sequence = [
        EffectivePunch(n, start + timedelta(minutes=m), d, PunchSource.TERMINAL, double_tap=tap)
        for n, (m, d, tap) in enumerate(rows, start=1)
    ]
    intervals = pair_punches(
        sequence, SETTINGS, schedule({"2026-03-05": "8-17", "2026-03-06": "22-6"}), LATER
    )
    ids = [
        i for interval in intervals for i in (interval.in_punch_id, interval.out_punch_id) if i is not None
    ]
    assert sorted(ids) == list(range(1, len(rows) + 1))
    assert all(0 <= i.seconds <= 16 * HOUR for i in intervals)
