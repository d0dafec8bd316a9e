"""Storage ports: the protocols services program against (no SQLAlchemy here)."""
