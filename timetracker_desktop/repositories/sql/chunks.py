"""Long value lists cut into IN (...) lists of a size every engine accepts (SQLite's variable limit)."""

from collections.abc import Iterator, Sequence
from typing import Any

CHUNK = 500  # values per IN (...) list


def chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Consecutive slices of at most ``CHUNK`` values."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]
