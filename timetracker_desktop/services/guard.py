"""Role checks shared by every service."""

from timetracker_desktop.domain.errors import PermissionDeniedError
from timetracker_desktop.domain.users import Actor, Permission


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDeniedError unless the actor's role grants the permission."""
    if not actor.can(permission):
        raise PermissionDeniedError(permission.value)
