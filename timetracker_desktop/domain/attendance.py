"""Punches and corrections: the raw attendance facts the worktime engine computes from."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from operator import attrgetter


class Direction(StrEnum):
    """IN/OUT decided at ingest, or AUTO to be decided in time order during computation."""

    IN = "IN"
    OUT = "OUT"
    AUTO = "AUTO"


class PunchSource(StrEnum):
    """Where a punch came from."""

    TERMINAL = "terminal"
    MANUAL = "manual"
    IMPORT = "import"


class PunchFlag(StrEnum):
    """Facts noted about a punch at ingest."""

    CLOCK_SKEW = "clock_skew"
    DOUBLE_TAP = "double_tap"
    REASSIGNED = "reassigned"
    LEGACY = "legacy"


class CorrectionKind(StrEnum):
    """Corrections are new records; raw punches are never edited (DOMAIN_RULES §3)."""

    VOID = "void"
    SET_DIRECTION = "set_direction"
    UNDO = "undo"


@dataclass(frozen=True, slots=True)
class Punch:
    """One stored punch. ``at`` is an aware UTC instant."""

    id: int
    employee_id: int
    at: datetime
    direction: Direction
    source: PunchSource
    terminal_id: int | None = None
    badge_id: int | None = None
    received_at: datetime | None = None
    terminal_ts: datetime | None = None
    flags: frozenset[PunchFlag] = field(default_factory=frozenset)
    external_key: str | None = None
    author_user_id: int | None = None
    reason: str | None = None
    legacy_direction: str | None = None


@dataclass(frozen=True, slots=True)
class PunchCore:
    """The fields of a stored punch that computations and reports read; ingest details are not loaded."""

    id: int
    employee_id: int
    at: datetime
    direction: Direction
    source: PunchSource
    flags: frozenset[PunchFlag] = field(default_factory=frozenset)
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """A void, a direction override, or an undo of an earlier correction."""

    id: int
    kind: CorrectionKind
    author_user_id: int | None
    reason: str
    created_at: datetime
    punch_id: int | None = None
    target_correction_id: int | None = None
    direction: Direction | None = None


@dataclass(frozen=True, slots=True)
class EffectivePunch:
    """A punch after corrections: what every computation uses."""

    id: int
    at: datetime
    direction: Direction
    source: PunchSource
    double_tap: bool = False
    manual: bool = False


# C-level sort key: sequences are sorted once per employee and report, tens of thousands of punches a run
BY_TIME = attrgetter("at", "id")


def effective_sequence(
    punches: Sequence[Punch | PunchCore], corrections: Sequence[Correction]
) -> list[EffectivePunch]:
    """Raw punches minus voided ones, with direction overrides applied, in (at, id) order."""
    voided: set[int | None] = set()
    overrides: dict[int | None, Direction] = {}
    if corrections:  # most employees have none
        undone = {c.target_correction_id for c in corrections if c.kind is CorrectionKind.UNDO}
        live = [c for c in sorted(corrections, key=lambda c: c.id) if c.id not in undone]
        voided = {c.punch_id for c in live if c.kind is CorrectionKind.VOID}
        overrides = {
            c.punch_id: c.direction for c in live if c.kind is CorrectionKind.SET_DIRECTION and c.direction
        }
    double_tap, manual = PunchFlag.DOUBLE_TAP, PunchSource.MANUAL
    result = [
        EffectivePunch(
            p.id,
            p.at,
            overrides.get(p.id, p.direction),
            p.source,
            double_tap in p.flags,
            p.source is manual,
        )
        for p in punches
        if p.id not in voided
    ]
    result.sort(key=BY_TIME)
    return result
