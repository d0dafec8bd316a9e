"""Log rotation as on Windows (a rename refused while another process holds the file); the crash file."""

import logging
import logging.handlers
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from timetracker_desktop.logging_setup import (
    BACKUPS,
    CRASH_FILE_KEEP_BYTES,
    CRASH_FILE_MAX_BYTES,
    LISTENER_CRASH_FILE_NAME,
    ROLLOVER_RETRY_SECONDS,
    ProcessLog,
    SharedRotatingFileHandler,
    close_logging,
    configure_logging,
    open_crash_file,
)

LINE = "x" * 60


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class HeldOpen:
    """``os.replace`` and ``os.rename`` refuse to move ``path`` while ``held`` (WinError 32 on Windows)."""

    def __init__(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = str(path)
        self.held = True
        self.refused = 0
        for name in ("replace", "rename"):
            monkeypatch.setattr(os, name, self._guard(getattr(os, name)))

    def _guard(self, real: Callable[..., None]) -> Callable[..., None]:
        def move(source: str, target: str) -> None:
            if self.held and os.fspath(source) == self.path:
                self.refused += 1
                raise PermissionError(
                    13, "The process cannot access the file because it is being used by another process"
                )
            real(source, target)

        return move


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    """A logger of its own, not propagating to the root's handlers."""
    log = logging.getLogger("test.rotation")
    log.propagate = False
    log.setLevel(logging.INFO)
    yield log
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


def _attach(logger: logging.Logger, path: Path, clock: Clock) -> SharedRotatingFileHandler:
    handler = SharedRotatingFileHandler(path, max_bytes=500, monotonic=clock)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return handler


def test_lines_keep_arriving_while_the_rename_is_refused_and_the_rollover_happens_later(
    tmp_path: Path,
    logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "gui.log"
    clock = Clock()
    handler = _attach(logger, path, clock)
    holder = HeldOpen(path, monkeypatch)
    for number in range(30):  # about 1.9 KB: four times the limit
        logger.info("%s %d", LINE, number)
    lines = path.read_text("utf-8").splitlines()
    assert lines == [f"{LINE} {number}" for number in range(30)]  # every line, no traceback in between
    assert not (tmp_path / "gui.log.1").exists()
    assert (holder.refused, handler.refused_rollovers) == (1, 1)  # tried once, not at every line
    assert capsys.readouterr().err == ""  # logging's own error report stays silent too

    clock.now += ROLLOVER_RETRY_SECONDS - 1
    logger.info("%s still refused", LINE)
    assert holder.refused == 1  # not yet time to try again

    clock.now += 2
    logger.info("%s tried again", LINE)
    assert holder.refused == 2
    assert path.read_text("utf-8").splitlines()[-1] == f"{LINE} tried again"

    holder.held = False  # the other process closed the file
    clock.now += ROLLOVER_RETRY_SECONDS
    logger.info("%s after rotation", LINE)
    old = (tmp_path / "gui.log.1").read_text("utf-8").splitlines()
    assert old[0] == f"{LINE} 0"
    assert old[-1] == f"{LINE} tried again"
    assert path.read_text("utf-8").splitlines() == [f"{LINE} after rotation"]
    assert not list(tmp_path.glob("*.rotating"))


def test_rotation_keeps_five_older_files_in_order(tmp_path: Path, logger: logging.Logger) -> None:
    path = tmp_path / "cli.log"
    _attach(logger, path, Clock())
    for number in range(80):  # 9 lines a file: several rollovers
        logger.info("%s %02d", LINE, number)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["cli.log", *(f"cli.log.{index}" for index in range(1, BACKUPS + 1))]
    firsts = [
        (tmp_path / f"cli.log.{index}").read_text("utf-8").splitlines()[0] for index in range(BACKUPS, 0, -1)
    ]
    assert firsts == sorted(firsts)  # .5 is the oldest, .1 the newest
    assert path.read_text("utf-8").splitlines()[-1] == f"{LINE} 79"


def test_an_older_file_held_open_postpones_the_rollover_and_loses_no_line(
    tmp_path: Path, logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cli.log"
    clock = Clock()
    handler = _attach(logger, path, clock)
    for number in range(12):
        logger.info("%s first %d", LINE, number)
    old = (tmp_path / "cli.log.1").read_text("utf-8")
    holder = HeldOpen(tmp_path / "cli.log.1", monkeypatch)  # support has the older file open in an editor
    for number in range(12):
        logger.info("%s second %d", LINE, number)
    assert handler.refused_rollovers == 1
    assert (tmp_path / "cli.log.1").read_text("utf-8") == old
    current = path.read_text("utf-8")
    assert all(f"{LINE} second {number}\n" in current for number in range(12))
    assert not (tmp_path / "cli.log.2").exists()
    assert not list(tmp_path.glob("*.rotating"))

    holder.held = False
    clock.now += ROLLOVER_RETRY_SECONDS
    logger.info("%s third", LINE)
    assert (tmp_path / "cli.log.2").read_text("utf-8") == old
    assert (tmp_path / "cli.log.1").read_text("utf-8") == current
    assert path.read_text("utf-8") == f"{LINE} third\n"


def test_the_standard_handler_loses_lines_where_this_one_does_not(
    tmp_path: Path, logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failure this handler exists for: the standard one logs nothing more after a refused rename."""
    path = tmp_path / "standard.log"
    standard = logging.handlers.RotatingFileHandler(path, maxBytes=500, backupCount=BACKUPS, delay=True)
    standard.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(standard)
    monkeypatch.setattr(logging, "raiseExceptions", False)  # its tracebacks would go to stderr
    HeldOpen(path, monkeypatch)
    for number in range(30):
        logger.info("%s %d", LINE, number)
    assert len(path.read_text("utf-8").splitlines()) < 30


def test_configure_logging_uses_the_shared_handler(tmp_path: Path) -> None:
    try:
        path = configure_logging(folder=tmp_path, console=False, name=ProcessLog.SERVICE)
        assert path == tmp_path / "service.log"
        handlers = [h for h in logging.getLogger().handlers if isinstance(h, SharedRotatingFileHandler)]
        assert [h.baseFilename for h in handlers] == [str(path)]
    finally:
        close_logging()


def test_the_crash_file_is_appended_and_trimmed_when_it_grew_big(tmp_path: Path) -> None:
    crash = tmp_path / LISTENER_CRASH_FILE_NAME
    with open_crash_file(tmp_path) as first:
        first.write(b"first crash\n")
    with open_crash_file(tmp_path) as second:
        second.write(b"second crash\n")
    assert crash.read_bytes() == b"first crash\nsecond crash\n"
    numbered = b"".join(b"line %07d\n" % number for number in range(CRASH_FILE_MAX_BYTES // 13 + 10))
    crash.write_bytes(numbered)
    with open_crash_file(tmp_path) as third:
        third.write(b"third crash\n")
    kept = crash.read_bytes()
    assert len(kept) <= CRASH_FILE_KEEP_BYTES + 40
    lines = kept.splitlines()
    assert lines[0] == b"[older lines removed]"
    assert lines[1].startswith(b"line ")
    assert len(lines[1]) == 12  # whole lines only
    assert lines[-2:] == [numbered.splitlines()[-1], b"third crash"]
