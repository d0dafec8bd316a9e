"""``LogBudget``: lines per message and source address a minute, with the suppression said in the log."""

import logging

from timetracker_desktop.logging_setup import LogBudget


class Clock:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _line(source: str | None, n: int = 0) -> logging.LogRecord:
    message = "invalid key from %s (%d)"
    record = logging.LogRecord("listener", logging.WARNING, __file__, 1, message, (source, n), None)
    if source is not None:
        record.source = source
    return record


def _kept(budget: LogBudget, records: list[logging.LogRecord]) -> list[str]:
    return [record.getMessage() for record in records if budget.filter(record)]


def test_a_flood_from_one_address_is_cut_and_said_so_without_silencing_others() -> None:
    clock = Clock()
    budget = LogBudget(per_minute=3, monotonic=clock)
    flood = _kept(budget, [_line("10.0.0.9", n) for n in range(10)])
    assert len(flood) == 3
    assert flood[-1].endswith("[further lines like this from 10.0.0.9 suppressed for a minute]")
    assert _kept(budget, [_line("10.0.0.7")]) == ["invalid key from 10.0.0.7 (0)"]
    clock.now = 61
    assert _kept(budget, [_line("10.0.0.9", 11)]) == [
        "invalid key from 10.0.0.9 (11) [7 similar lines suppressed in the last minute]"
    ]


def test_each_record_is_decided_once_for_every_handler() -> None:
    budget = LogBudget(per_minute=1, monotonic=Clock())
    record = _line("10.0.0.9")
    assert [budget.filter(record), budget.filter(record)] == [True, True]  # the file and the console
    second = _line("10.0.0.9", 1)
    assert [budget.filter(second), budget.filter(second)] == [False, False]
