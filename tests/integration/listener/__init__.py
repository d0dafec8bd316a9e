"""Listener integration tests (a package, so that mypy sees one module per conftest)."""
