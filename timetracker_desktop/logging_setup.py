"""Logging: a rotating file in the user log folder plus the console; secrets are masked before any output."""

import logging
import logging.handlers
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from timetracker_desktop.paths import log_dir

LOG_FILE_NAME = "timetracker.log"
LISTENER_LOG_FILE_NAME = "listener.log"  # the GUI's listener process: one writer per rotating file
MAX_BYTES = 2_000_000
BACKUPS = 5
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


def configure_logging(
    *,
    folder: Path | None = None,
    level: int = logging.INFO,
    console_level: int = logging.WARNING,
    console: bool = True,
    name: str = LOG_FILE_NAME,
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
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
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
