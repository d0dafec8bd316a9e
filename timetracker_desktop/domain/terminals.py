"""Terminals that report to the listener: kinds, capabilities and direction modes."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from timetracker_desktop.domain.employees import UidFormat


class TerminalKind(StrEnum):
    """The protocol a terminal speaks."""

    ANDROID = "android"
    CARD_READER = "card_reader"
    ADMS = "adms"


class DirectionMode(StrEnum):
    """Who decides IN/OUT for a terminal's punches."""

    AUTO = "auto"
    DEVICE = "device"
    IN_ONLY = "in"
    OUT_ONLY = "out"


@dataclass(frozen=True, slots=True)
class Terminal:
    """A terminal as the services see it (never carries the key or its hash)."""

    id: int
    name: str
    kind: TerminalKind
    location: str | None = None
    is_active: bool = True
    phone_scans: bool = True
    card_scans: bool = False
    enrollment: bool = True
    direction_mode: DirectionMode = DirectionMode.AUTO
    uid_format: UidFormat = UidFormat.HEX
    time_zone: str | None = None
    trusted_clock: bool = False
    enrollment_until: datetime | None = None
    last_seen_at: datetime | None = None
    serial: str | None = None
