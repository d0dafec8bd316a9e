"""Logging: a rotating file per kind of process, plus the console; secrets are masked before any output."""

import contextlib
import itertools
import logging
import logging.handlers
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from timetracker_desktop.paths import log_dir


class ProcessLog(StrEnum):
    """The log file of each kind of process: every file has one kind of writer (Windows cannot rotate a file
    that another process holds open)."""

    GUI = "gui.log"  # the desktop program
    LISTENER = "listener.log"  # the desktop program's listener child process
    SERVICE = "service.log"  # ``serve --as-service``, what the Windows service runs
    CLI = "cli.log"  # every other command, ``serve`` in a console included


LISTENER_CRASH_FILE_NAME = "listener-crash.log"  # the listener child's stderr: what it says while dying
MAX_BYTES = 2_000_000
BACKUPS = 5
ROLLOVER_RETRY_SECONDS = 60.0  # after Windows refused to rename the file (another process has it open)
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
_OURS = "_timetracker_handler"
_SECRETS = (
    (re.compile(r"(://[^:/@\s]+:)[^@\s]+(@)"), r"\1***\2"),  # passwords in database URLs
    (re.compile(r"(?i)(x-terminal-key|api_key|password|signature|public_key_b64)([\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"),
     r"\1\2***"),
)  # fmt: skip


def mask_secrets(text: str) -> str:
    """The text with URL passwords, terminal keys, passwords and signatures replaced by ``***``."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class SecretFilter(logging.Filter):
    """Masks secrets in every record's final message (arguments included) and in its traceback text."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message; never drops a record."""
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info:  # a driver's error may quote the URL; another handler may have cached it plain
            record.exc_text = mask_secrets(_TRACEBACKS.formatException(record.exc_info))
        return True


_TRACEBACKS = logging.Formatter()
BUDGET_PER_MINUTE = 30
_MAX_BUDGET_KEYS = 4096
_DECIDED = "_timetracker_budget"


class LogBudget(logging.Filter):
    """At most ``per_minute`` lines a minute of one message from one source address (``extra={"source":
    ...}``; lines without one share a budget per message): a flood of refused requests cannot rotate the
    log, and the evidence of earlier ones, away.

    The last line let through says that similar ones are suppressed; the first one of the next minute says
    how many were. One instance serves every handler, so that each record is counted once.
    """

    def __init__(
        self, per_minute: int = BUDGET_PER_MINUTE, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self._per_minute = per_minute
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._windows: dict[tuple[str, str, object], tuple[float, int, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether the record is within its budget (the decision is kept on the record)."""
        decided = getattr(record, _DECIDED, None)
        if decided is None:
            decided = self._decide(record)
            setattr(record, _DECIDED, decided)
        return bool(decided)

    def _decide(self, record: logging.LogRecord) -> bool:
        source = getattr(record, "source", None)
        key = (record.name, str(record.msg), source)
        now = self._monotonic()
        with self._lock:
            if len(self._windows) > _MAX_BUDGET_KEYS:
                self._windows.clear()
            start, count, dropped = self._windows.get(key, (now, 0, 0))
            note = ""
            if now - start >= 60.0:
                if dropped:
                    note = f" [{dropped} similar lines suppressed in the last minute]"
                start, count, dropped = now, 0, 0
            count += 1
            keep = count <= self._per_minute
            self._windows[key] = (start, count, dropped + (not keep))
        if keep and count == self._per_minute:
            note += f" [further lines like this from {source or 'any source'} suppressed for a minute]"
        if note:
            record.msg, record.args = record.getMessage() + note, None
        return keep


def _tagged(handler: logging.Handler, budget: LogBudget) -> logging.Handler:
    setattr(handler, _OURS, True)
    handler.addFilter(budget)  # first: a suppressed line costs no masking
    handler.addFilter(SecretFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that keeps logging when a rename of the rollover is refused.

    Windows refuses to rename a file that another process has open (WinError 32: a second program of the
    same kind, an editor, a virus scanner, support reading the log); the standard handler then loses every
    later line and writes a traceback for each. Here the file is moved aside first and older files are
    shifted only after that; when a move is refused, the file goes back to its name, lines keep going to
    it, and the rollover is tried again a minute later.
    """

    def __init__(
        self, path: Path, *, max_bytes: int = MAX_BYTES, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(path, maxBytes=max_bytes, backupCount=BACKUPS, encoding="utf-8", delay=True)
        self._monotonic = monotonic
        self._retry_at: float | None = None
        self.refused_rollovers = 0

    def doRollover(self) -> None:
        """Move the file to ``.1`` (older ones up to ``.5``), or keep writing to it if it cannot move."""
        now = self._monotonic()
        if self._retry_at is not None and now < self._retry_at:
            return
        if self.stream:
            self.stream.close()
            self.stream = None
        if self._rotate():
            self._retry_at = None
        else:
            self.refused_rollovers += 1
            self._retry_at = now + ROLLOVER_RETRY_SECONDS
        self.stream = self._open()

    def _rotate(self) -> bool:
        aside = f"{self.baseFilename}.rotating"
        try:
            os.replace(self.baseFilename, aside)
        except OSError:
            return False
        if self._shift_backups(aside):
            return True
        with contextlib.suppress(OSError):  # we just moved it: moving it back is allowed
            os.replace(aside, self.baseFilename)
        return False

    def _shift_backups(self, aside: str) -> bool:
        """``.4`` to ``.5`` ... ``.1`` to ``.2``, then the moved file to ``.1``; False if one cannot move."""
        names = [f"{self.baseFilename}.{index}" for index in range(1, self.backupCount + 1)]
        try:
            for older, newer in reversed(list(itertools.pairwise(names))):
                if os.path.exists(older):
                    os.replace(older, newer)
            if not names:
                os.remove(aside)
            elif not os.path.exists(names[0]):
                os.replace(aside, names[0])
            return not os.path.exists(aside)
        except OSError:
            return False


def configure_logging(
    *,
    folder: Path | None = None,
    level: int = logging.INFO,
    console_level: int = logging.WARNING,
    console: bool = True,
    name: str = ProcessLog.CLI,
) -> Path:
    """Log to ``name`` (rotated, 5 x 2 MB) and to stderr; safe to call again. Returns the file.

    uvicorn must run with ``log_config=None`` so its loggers propagate here instead of configuring their own.
    """
    path = (folder or log_dir()) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    file_handler = SharedRotatingFileHandler(path)
    file_handler.setLevel(level)
    budget = LogBudget()
    root.addHandler(_tagged(file_handler, budget))
    if console and sys.stderr is not None:  # a windowed (frozen) GUI has no stderr
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(console_level)
        root.addHandler(_tagged(stream, budget))
    root.setLevel(min(level, console_level))
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)  # scans are punches, not log lines
    logging.captureWarnings(True)
    return path


def close_logging() -> None:
    """Detach and close the handlers ``configure_logging`` added (tests, shutdown)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()


CRASH_FILE_MAX_BYTES = 1_000_000  # larger at a start: cut to its last CRASH_FILE_KEEP_BYTES
CRASH_FILE_KEEP_BYTES = 100_000


def open_crash_file(folder: Path) -> BinaryIO:
    """``listener-crash.log`` for appending (the child's stderr); trimmed at open when it grew big.

    Only the child writes it, through the handle it inherits, so it cannot rotate; a trace of each crash
    is a few kilobytes and the recent ones are what support needs.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LISTENER_CRASH_FILE_NAME
    with contextlib.suppress(OSError):  # still held by a child that outlived its GUI: append all the same
        if path.stat().st_size > CRASH_FILE_MAX_BYTES:
            with path.open("rb") as old:
                old.seek(-CRASH_FILE_KEEP_BYTES, os.SEEK_END)
                tail = old.read()
            line_start = tail.find(b"\n") + 1
            path.write_bytes(b"[older lines removed]\n" + tail[line_start:])
    return path.open("ab")


def process_log_files(folder: Path) -> tuple[Path, ...]:
    """Every log file of this program in ``folder``, the crash file last (diagnostics read their warnings)."""
    return (*(folder / kind for kind in ProcessLog), folder / LISTENER_CRASH_FILE_NAME)
