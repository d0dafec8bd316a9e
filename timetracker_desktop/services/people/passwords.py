"""bcrypt password hashing with an injectable cost (tests use 4)."""

import bcrypt

from timetracker_desktop.domain.errors import ErrorCode, ValidationError
from timetracker_desktop.domain.users import MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH

DEFAULT_ROUNDS = 12
# A fixed hash to compare against when the user does not exist, so timing does not reveal user names.
_DUMMY_HASH = bcrypt.hashpw(b"timing-equaliser", bcrypt.gensalt(rounds=4))


class PasswordHasher:
    """Hashes and verifies passwords."""

    def __init__(self, rounds: int = DEFAULT_ROUNDS) -> None:
        self._rounds = rounds

    def hash(self, password: str) -> str:
        """A new bcrypt hash; the password is checked first."""
        check_password_rules(password)
        return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=self._rounds)).decode("ascii")

    @staticmethod
    def verify(password: str, password_hash: str | None) -> bool:
        """Whether the password matches; never raises on a malformed hash or an over-long password."""
        data = password.encode("utf-8")
        if len(data) > MAX_PASSWORD_BYTES:
            return False
        try:
            return bcrypt.checkpw(data, (password_hash or _DUMMY_HASH.decode()).encode("ascii"))
        except ValueError:
            return False


def check_password_rules(password: str) -> None:
    """Length rules: at least 8 characters, at most 72 bytes (bcrypt's limit)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"password must have at least {MIN_PASSWORD_LENGTH} characters",
            code=ErrorCode.PASSWORD_TOO_SHORT,
            field="password",
        )
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise ValidationError(
            f"password must be at most {MAX_PASSWORD_BYTES} bytes",
            code=ErrorCode.PASSWORD_TOO_LONG,
            field="password",
        )
