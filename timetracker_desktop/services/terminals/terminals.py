"""Terminals: create with a one-time key, rotate, deactivate, enrollment windows; all audited."""

from dataclasses import asdict, replace
from datetime import datetime, timedelta

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.dto import NewTerminalKey
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.terminals.keys import hash_key, keys_match, new_key

MAX_TERMINAL_NAME = 64


def _terminal_audit(terminal: Terminal) -> dict[str, object]:
    data = {k: v for k, v in asdict(terminal).items() if k not in ("id", "last_seen_at")}
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in data.items()}


def _draft(name: str, location: str | None, kind: TerminalKind) -> Terminal:
    """A new terminal with the capabilities its kind implies (Android keys never do unsigned scans)."""
    phone = kind is TerminalKind.ANDROID
    return Terminal(
        id=0,
        name=name,
        kind=kind,
        location=(location or "").strip() or None,
        phone_scans=phone,
        card_scans=not phone,
        enrollment=phone,
    )


class TerminalService:
    """Terminal administration."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def list_terminals(self) -> list[Terminal]:
        """All terminals."""
        with self._uow(read_only=True) as uow:
            return uow.terminals.list_all()

    def get(self, terminal_id: int) -> Terminal:
        """One terminal."""
        with self._uow(read_only=True) as uow:
            return self._get(uow, terminal_id)

    @staticmethod
    def _get(uow: UnitOfWork, terminal_id: int) -> Terminal:
        terminal = uow.terminals.get(terminal_id)
        if terminal is None:
            raise NotFoundError(EntityType.TERMINAL, terminal_id)
        return terminal

    def add_terminal(
        self,
        actor: Actor,
        name: str,
        *,
        location: str | None = None,
        kind: TerminalKind = TerminalKind.ANDROID,
    ) -> NewTerminalKey:
        """Create a terminal and return its key, which is never shown again."""
        require(actor, Permission.MANAGE_TERMINALS)
        clean = " ".join(name.split())
        if not clean or len(clean) > MAX_TERMINAL_NAME:
            raise ValidationError(
                "terminal name must be 1-64 characters", code=ErrorCode.BAD_TERMINAL_NAME, field="name"
            )
        key = new_key()
        now = self._clock.now()
        with self._uow() as uow:
            if uow.terminals.by_name(clean) is not None:
                raise ConflictError(
                    f"terminal {clean!r} already exists", code=ErrorCode.TERMINAL_NAME_TAKEN, field="name"
                )
            terminal = uow.terminals.add(_draft(clean, location, kind), hash_key(key), now)
            record(
                uow,
                actor,
                now,
                AuditAction.TERMINAL_CREATE,
                (EntityType.TERMINAL, terminal.id),
                after=_terminal_audit(terminal),
            )
            uow.commit()
        return NewTerminalKey(terminal, key)

    def rotate_key(self, actor: Actor, terminal_id: int) -> NewTerminalKey:
        """Issue a new key; the old one stops working at once."""
        require(actor, Permission.MANAGE_TERMINALS)
        key = new_key()
        now = self._clock.now()
        with self._uow() as uow:
            terminal = self._get(uow, terminal_id)
            uow.terminals.set_key_hash(terminal_id, hash_key(key))
            record(
                uow,
                actor,
                now,
                AuditAction.TERMINAL_ROTATE_KEY,
                (EntityType.TERMINAL, terminal_id),
                after={"key": "rotated"},
            )
            uow.commit()
        return NewTerminalKey(terminal, key)

    def _update(self, actor: Actor, terminal_id: int, action: AuditAction, **changes: object) -> Terminal:
        require(actor, Permission.MANAGE_TERMINALS)
        now = self._clock.now()
        with self._uow() as uow:
            before = self._get(uow, terminal_id)
            after = replace(before, **changes)  # type: ignore[arg-type]
            uow.terminals.update(after)
            old, new = _terminal_audit(before), _terminal_audit(after)
            keys = [k for k in new if old[k] != new[k]]
            record(
                uow, actor, now, action, (EntityType.TERMINAL, terminal_id),
                before={k: old[k] for k in keys}, after={k: new[k] for k in keys},
            )  # fmt: skip
            uow.commit()
        return after

    def set_active(self, actor: Actor, terminal_id: int, active: bool) -> Terminal:
        """Enable or disable a terminal; a disabled one is refused by the listener."""
        return self._update(
            actor,
            terminal_id,
            AuditAction.TERMINAL_ENABLE if active else AuditAction.TERMINAL_DISABLE,
            is_active=active,
        )

    def open_enrollment(self, actor: Actor, terminal_id: int, minutes: int) -> Terminal:
        """Let a terminal register phone keys for a while (register mode proves no possession)."""
        if not 1 <= minutes <= 24 * 60:
            raise ValidationError("minutes must be 1-1440", code=ErrorCode.OUT_OF_RANGE, field="minutes")
        until = self._clock.now() + timedelta(minutes=minutes)
        return self._update(actor, terminal_id, AuditAction.TERMINAL_ENROLLMENT_OPEN, enrollment_until=until)

    def close_enrollment(self, actor: Actor, terminal_id: int) -> Terminal:
        """End a terminal's enrollment window now."""
        return self._update(actor, terminal_id, AuditAction.TERMINAL_ENROLLMENT_CLOSE, enrollment_until=None)

    def authenticate(self, key: str) -> Terminal | None:
        """The terminal a presented key belongs to, or None."""
        digest = hash_key(key)
        with self._uow(read_only=True) as uow:
            terminal = uow.terminals.by_key_hash(digest)
            if terminal is None or not keys_match(uow.terminals.key_hash_of(terminal.id), key):
                return None
            return terminal
