"""Domain error tree: expected, user-facing failures with a machine-readable code."""


class DomainError(Exception):
    """An expected failure of a use case; ``code`` is stable, ``message`` is English detail.

    The GUI translates by ``code``; the CLI prints ``message``; the listener maps to protocol codes.
    """

    def __init__(
        self,
        message: str,
        code: str = "domain_error",
        field: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.params = params or {}


class ValidationError(DomainError):
    """Input that breaks a rule (bad time zone, end before start, malformed UID...)."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None) -> None:
        super().__init__(message, code, field)


class NotFoundError(DomainError):
    """The referenced entity does not exist."""

    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key} not found", f"{entity}_not_found", None, {"key": str(key)})


class ConflictError(DomainError):
    """The change collides with existing data (duplicate badge, username taken...)."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "conflict",
        field: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, code, field, params)


class PermissionDeniedError(DomainError):
    """The acting user's role does not allow this use case."""

    def __init__(self, action: str) -> None:
        super().__init__(f"not permitted: {action}", "permission_denied", None, {"action": action})


class AuthenticationError(DomainError):
    """Login refused: wrong credentials, disabled user or locked out."""

    def __init__(self, message: str, *, code: str = "invalid_credentials") -> None:
        super().__init__(message, code)
