"""The MySQL/MariaDB password in the OS keyring, and database URLs split into a password-free part."""

import logging
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError

log = logging.getLogger(__name__)
KEYRING_SERVICE = "TimeTracker Desktop"
MYSQL_SCHEME = "mysql+pymysql"
DEFAULT_MYSQL_PORT = 3306


class PasswordStoreError(Exception):
    """The OS keyring is missing or refused the operation."""


@dataclass(frozen=True, slots=True)
class ServerDatabase:
    """Where a MySQL/MariaDB database lives, without the password."""

    host: str
    port: int
    user: str
    database: str

    def url(self, password: str | None = None) -> str:
        """The connection URL (utf8mb4), with the password only if given."""
        secret = f":{quote(password, safe='')}" if password else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"{MYSQL_SCHEME}://{quote(self.user, safe='')}{secret}@{host}:{self.port}/"
            f"{quote(self.database, safe='')}?charset=utf8mb4"
        )

    @property
    def account(self) -> str:
        """The keyring account name: user@host:port/database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def is_server_url(url: str) -> bool:
    """True for a MySQL/MariaDB URL."""
    return url.split(":", 1)[0].split("+", 1)[0] in ("mysql", "mariadb")


def parse_server_url(url: str) -> tuple[ServerDatabase, str | None]:
    """Split a MySQL/MariaDB URL into its location and its password (None if it has none)."""
    parts = urlsplit(url)
    server = ServerDatabase(
        host=parts.hostname or "localhost",
        port=parts.port or DEFAULT_MYSQL_PORT,
        user=unquote(parts.username or ""),
        database=unquote(parts.path.lstrip("/")),
    )
    return server, unquote(parts.password) if parts.password is not None else None


def without_password(url: str) -> str:
    """The URL to keep in plain settings."""
    return parse_server_url(url)[0].url() if is_server_url(url) else url


def keyring_available() -> bool:
    """Whether a real OS keyring backend exists (none on a bare Linux server)."""
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def store_password(server: ServerDatabase, password: str) -> None:
    """Save the password in the OS keyring."""
    if not keyring_available():
        raise PasswordStoreError("no keyring backend")
    try:
        keyring.set_password(KEYRING_SERVICE, server.account, password)
    except KeyringError as error:
        raise PasswordStoreError(str(error)) from error


def load_password(server: ServerDatabase) -> str | None:
    """The saved password, or None (also when there is no keyring)."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, server.account)
    except KeyringError as error:
        log.warning("cannot read the database password from the keyring: %s", error)
        return None


def url_with_saved_password(url: str) -> str:
    """A settings URL completed with the keyring password (unchanged if none is saved)."""
    if not is_server_url(url):
        return url
    server, password = parse_server_url(url)
    return server.url(password or load_password(server))
