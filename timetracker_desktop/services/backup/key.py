"""The installation's backup signing key: 32 random bytes kept in a file of the data folder, made once."""

import os
import secrets
from pathlib import Path

from timetracker_desktop.domain.errors import DomainError, ErrorCode

KEY_FILE_NAME = "backup-signing.key"
KEY_BYTES = 32


class BackupKeyError(DomainError):
    """The key file exists but cannot be used (damaged); shown as a message, never as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ErrorCode.BACKUP_KEY_DAMAGED)


def installation_key(folder: Path) -> bytes:
    """The key in ``folder``, created on first use.

    It lives outside the database so that a backup (which holds the whole database) never carries the
    secret it is signed with; copying this file to a new PC makes that PC trust the old PC's backups.
    """
    path = folder / KEY_FILE_NAME
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / f".{KEY_FILE_NAME}.{os.getpid()}"
    draft.write_text(secrets.token_hex(KEY_BYTES) + "\n", encoding="ascii")
    draft.chmod(0o600)
    try:  # a hard link never replaces: when two processes start at once, both end up with the first key
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink(missing_ok=True)
    return _read(path)


def _read(path: Path) -> bytes:
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        # Never replace it silently: every backup made so far would then look foreign.
        raise BackupKeyError(f"the backup key file {path} is damaged: restore it from a copy or delete it")
    return key
