"""SQLAlchemy implementation of the storage ports; only app.py imports it."""
