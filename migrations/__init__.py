"""Alembic migrations of the TimeTracker Desktop schema (shipped as data)."""
