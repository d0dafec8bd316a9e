"""What the GUI needs from the composition root to reach a database (app.py implements it)."""

from typing import Protocol

from timetracker_desktop.services.container import Services


class OpenDatabase(Protocol):
    """A migrated database with its services."""

    @property
    def url(self) -> str:
        """The URL it was opened with (may hold a password: never log or store it)."""
        ...

    @property
    def services(self) -> Services:
        """The use cases over this database."""
        ...

    def close(self) -> None:
        """Release its connections."""
        ...


class DatabaseGateway(Protocol):
    """Probes and opens databases; every method does I/O, so call it through the TaskRunner."""

    def default_url(self) -> str:
        """The embedded SQLite database in the user data folder."""
        ...

    def probe(self, url: str) -> str | None:
        """Connect and return the schema revision (None for an empty database).

        Raises:
            StorageUnavailableError: with a cause naming what failed.
        """
        ...

    def open(self, url: str) -> OpenDatabase:
        """Migrate to the newest schema and wire the services."""
        ...
