"""Checks shared by every service: roles, and the mandatory reason of corrections and revocations."""

from timetracker_desktop.domain.errors import ErrorCode, PermissionDeniedError, ValidationError
from timetracker_desktop.domain.users import Actor, Permission


def require(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDeniedError unless the actor's role grants the permission."""
    if not actor.can(permission):
        raise PermissionDeniedError(permission.value)


MAX_REASON_LENGTH = 500


def require_reason(reason: str) -> str:
    """A mandatory reason, whitespace-folded; empty or over-long ones are refused."""
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("a reason is required", code=ErrorCode.REASON_REQUIRED, field="reason")
    if len(text) > MAX_REASON_LENGTH:
        raise ValidationError("the reason is too long", code=ErrorCode.TOO_LONG, field="reason")
    return text
