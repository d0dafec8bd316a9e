"""Text encodings of small value sets stored in single columns."""

from timetracker_desktop.domain.attendance import PunchFlag


def flags_to_text(flags: frozenset[PunchFlag]) -> str:
    """Flags as sorted comma-separated text."""
    return ",".join(sorted(f.value for f in flags))


_KNOWN = {f.value: f for f in PunchFlag}
_NO_FLAGS: frozenset[PunchFlag] = frozenset()


def flags_from_text(text: str) -> frozenset[PunchFlag]:
    """Parse stored flags, ignoring ones this version does not know (hot path: most punches have none)."""
    if not text:
        return _NO_FLAGS
    return frozenset(_KNOWN[v] for v in text.split(",") if v in _KNOWN)
