"""Actors of each role, for calling use cases as the CLI or a logged-in user would."""

from timetracker_desktop.domain.users import Actor, Role

ADMIN = Actor("user", "test-admin", None, Role.ADMIN)
VIEWER = Actor("user", "test-viewer", None, Role.VIEWER)
MANAGER = Actor("user", "test-manager", None, Role.MANAGER)
