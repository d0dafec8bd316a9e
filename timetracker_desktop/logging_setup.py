"""Logging: a rotating file in the user log folder plus the console; secrets are masked before any output."""

import logging
import logging.handlers
import re
import sys
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


def _tagged(handler: logging.Handler) -> logging.Handler:
    setattr(handler, _OURS, True)
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
    root.addHandler(_tagged(file_handler))
    if console and sys.stderr is not None:  # a windowed (frozen) GUI has no stderr
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(console_level)
        root.addHandler(_tagged(stream))
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
