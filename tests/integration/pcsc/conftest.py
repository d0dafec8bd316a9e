"""PC/SC integration tests: a private pcscd with the vpcd virtual reader, shared for the session."""

from pcsc_support import pcscd

__all__ = ["pcscd"]
