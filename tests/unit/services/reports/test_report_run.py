"""Progress and cancellation of report runs, and the paused cycle collector, without a database."""

import gc
import threading
from datetime import UTC, date, datetime

import pytest

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedules import DEFAULT_CODES
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.services.reports.data import ReportInputs
from timetracker_desktop.services.reports.run import (
    ReportCancelledError,
    RunControl,
    without_cycle_collection,
)

DAY = date(2026, 3, 2)


def _inputs(count: int) -> ReportInputs:
    return ReportInputs(
        first=DAY,
        last=DAY,
        now=datetime(2026, 3, 3, tzinfo=UTC),
        settings=BusinessSettings(),
        codes=DEFAULT_CODES,
        holidays=(),
        employees=tuple(Employee(n, f"Працівник {n}") for n in range(1, count + 1)),
        cells={},
        punches={},
        corrections={},
    )


def test_progress_reaches_the_total_in_steps() -> None:
    seen: list[tuple[int, int]] = []
    results = list(_inputs(60).each(RunControl(progress=lambda done, total: seen.append((done, total)))))
    assert len(results) == 60
    assert seen == [(25, 60), (50, 60), (60, 60)]


def test_an_event_set_midway_stops_the_run() -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        cancel.set()

    computed: list[int] = []
    with pytest.raises(ReportCancelledError) as caught:
        computed.extend(employee.id for employee, _ in _inputs(60).each(RunControl(progress, cancel)))
    assert computed == list(range(1, 26))
    assert caught.value.code == "report_cancelled"


def test_a_callable_can_cancel_too() -> None:
    with pytest.raises(ReportCancelledError):
        list(_inputs(3).each(RunControl(cancel=lambda: True)))
    assert not RunControl().cancelled()


def test_the_cycle_collector_waits_for_overlapping_runs_and_resumes_after_the_last() -> None:
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    @without_cycle_collection
    def outer() -> None:
        seen.append(gc.isenabled())
        worker.start()
        inner_started.wait(5)
        outer_may_end.set()

    @without_cycle_collection
    def inner() -> None:
        inner_started.set()
        outer_may_end.wait(5)
        seen.append(gc.isenabled())  # the outer run has ended meanwhile

    worker = threading.Thread(target=inner)
    assert gc.isenabled()
    outer()
    worker.join(5)
    assert seen == [False, False]
    assert gc.isenabled()


def test_the_cycle_collector_resumes_after_a_failed_run_and_stays_off_if_it_was() -> None:
    @without_cycle_collection
    def failing() -> None:
        raise ReportCancelledError()

    with pytest.raises(ReportCancelledError):
        failing()
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ReportCancelledError):
            failing()
        assert not gc.isenabled()
    finally:
        gc.enable()
