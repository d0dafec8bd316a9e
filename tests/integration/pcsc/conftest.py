"""PC/SC integration tests: a private pcscd with the vpcd virtual reader, shared for the session."""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[3])
if _ROOT not in sys.path:  # `tests.*` helpers are importable however pytest is started
    sys.path.insert(0, _ROOT)

from tests.pcsc_support import pcscd  # noqa: E402

__all__ = ["pcscd"]
