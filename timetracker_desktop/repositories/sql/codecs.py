"""Text encodings of small value sets stored in single columns."""

from timetracker_desktop.domain.attendance import PunchFlag


def flags_to_text(flags: frozenset[PunchFlag]) -> str:
    """Flags as sorted comma-separated text."""
    return ",".join(sorted(f.value for f in flags))


def flags_from_text(text: str) -> frozenset[PunchFlag]:
    """Parse stored flags, ignoring ones this version does not know."""
    known = {f.value for f in PunchFlag}
    return frozenset(PunchFlag(v) for v in text.split(",") if v in known)
