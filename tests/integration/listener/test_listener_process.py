"""The GUI's listener process for real: scans reach the parent, stop frees the port, crashes and orphans."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable

import httpx
import pytest
from listener_support import ROOMY_PROCESS, RunningListener, staff_office
from ports import port_is_free

from timetracker_desktop.app import AppContext, start_listener
from timetracker_desktop.listener.child.link import CHILD_FLAG, Failed, parse_message
from timetracker_desktop.listener.child.process import LINK_THREAD, ListenerCallError, ListenerProcess
from timetracker_desktop.services.attendance.presence import PresenceService, PresenceState, PresenceSummary
from timetracker_desktop.services.ingest.dto import ScanNotice

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


class Heard:
    """What the parent hears from its child: scan notices and lost listeners (link thread)."""

    def __init__(self) -> None:
        self.notices: list[ScanNotice] = []
        self.lost: list[ListenerProcess] = []
        self.changed = threading.Condition()

    def notice(self, notice: ScanNotice) -> None:
        with self.changed:
            self.notices.append(notice)
            self.changed.notify_all()

    def lose(self, handle: object) -> None:
        assert isinstance(handle, ListenerProcess)
        with self.changed:
            self.lost.append(handle)
            self.changed.notify_all()

    def wait(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        with self.changed:
            assert self.changed.wait_for(predicate, timeout)


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll a condition on another process (no event to wait for)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def link_threads() -> list[threading.Thread]:
    """Link threads left behind."""
    return [t for t in threading.enumerate() if t.name == LINK_THREAD and t.is_alive()]


def test_a_scan_reaches_the_parent_and_stop_frees_the_port(real_time_context: AppContext) -> None:
    heard = Heard()
    process = start_listener(real_time_context, "127.0.0.1", 0, heard.notice, heard.lose, ROOMY_PROCESS)
    try:
        assert process.port != 0
        assert process.exit_code is None
        with httpx.Client(base_url=process.url, timeout=10) as client:
            office = staff_office(real_time_context.services, RunningListener(process, client))
            reply = office.tablet().scan(office.olena_phone).json()
            assert reply["message"] == "Registered IN"
            heard.wait(lambda: any(n.punch_id is not None for n in heard.notices))
        newest = heard.notices[-1]
        assert (newest.employee_name, newest.direction, newest.terminal_id) == (
            "Олена Коваль", "IN", office.terminal.id,
        )  # fmt: skip
        health = real_time_context.services.terminal_health
        wait_until(lambda: health.health(office.terminal.id).taps_today >= 1)  # flushed within a second
    finally:
        process.stop()
    assert process.exit_code == 0  # a graceful stop, not a kill
    assert port_is_free(process.port)
    assert link_threads() == []
    assert heard.lost == []  # stopping on purpose is not a loss


def test_the_child_works_out_the_today_board_as_this_process_would(real_time_context: AppContext) -> None:
    heard = Heard()
    process = start_listener(real_time_context, "127.0.0.1", 0, heard.notice, heard.lose, ROOMY_PROCESS)
    try:
        with httpx.Client(base_url=process.url, timeout=10) as client:
            office = staff_office(real_time_context.services, RunningListener(process, client))
            assert office.tablet().scan(office.olena_phone).json()["message"] == "Registered IN"
        services = real_time_context.services
        here = PresenceService(services.uow, services.clock, services.worktime).today()
        there = process.presence_today()
        assert isinstance(there, PresenceSummary)
        assert (there.day, there.time_zone) == (here.day, here.time_zone)
        assert [(line.full_name, line.state, line.first_in) for line in there.lines] == [
            (line.full_name, line.state, line.first_in) for line in here.lines
        ]
        assert there.count(PresenceState.IN) == 1
        assert process.calls_answered == 1
    finally:
        process.stop()


def test_a_killed_listener_process_is_reported_lost(real_time_context: AppContext) -> None:
    heard = Heard()
    process = start_listener(real_time_context, "127.0.0.1", 0, heard.notice, heard.lose, ROOMY_PROCESS)
    assert process.pid is not None
    os.kill(process.pid, signal.SIGKILL)
    heard.wait(lambda: heard.lost == [process])
    with pytest.raises(ListenerCallError):  # a call to a dead process fails at once, it does not hang
        process.presence_today()
    process.stop()
    assert port_is_free(process.port)
    assert link_threads() == []


def test_the_listener_process_ends_when_its_gui_dies(db_url: str) -> None:
    parent = textwrap.dedent(
        f"""
        import os, sys
        from timetracker_desktop.listener.child.link import ChildConfig
        from timetracker_desktop.listener.child.process import ListenerProcess
        process = ListenerProcess(ChildConfig({db_url!r}, "127.0.0.1", 0), print, print)
        process.start()
        print(process.port, flush=True)
        os._exit(0)  # a GUI crash: nobody closes the child's stdin on purpose
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, timeout=60, cwd=ROOT, check=True
    )
    port = int(done.stdout.split()[-1])
    wait_until(lambda: port_is_free(port))  # the orphan saw its stdin close, stopped, let the port go


def test_a_bad_configuration_is_answered_with_a_reason() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "timetracker_desktop", CHILD_FLAG],
        input="not json\n",
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    message = parse_message(done.stdout.splitlines()[0])
    assert isinstance(message, Failed)
    assert "bad listener configuration" in message.message


def test_a_call_the_child_does_not_answer_times_out_and_the_link_lives_on(
    real_time_context: AppContext,
) -> None:
    heard = Heard()
    process = start_listener(real_time_context, "127.0.0.1", 0, heard.notice, heard.lose, ROOMY_PROCESS)
    try:
        with pytest.raises(ListenerCallError, match="no answer"):
            process.call("drop_tables", timeout=0.5)  # not a call it knows: it logs it and answers nothing
        assert isinstance(process.presence_today(), PresenceSummary)  # still serving calls
        assert heard.lost == []
    finally:
        process.stop()
