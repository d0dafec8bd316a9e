"""Manager side of ADMS devices: approve or reject, terminal settings, command queue, reload logs; audited."""

from dataclasses import asdict, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.terminals import DirectionMode, Terminal, TerminalKind
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.repositories.ports.zkteco import (
    AdmsCommand,
    AdmsDevice,
    CommandState,
    DeviceState,
    StampTable,
)
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.zkteco.attlog import terminal_zone
from timetracker_desktop.services.zkteco.dto import (
    COMMAND_TIMEOUT_SECONDS,
    ONLINE_SECONDS,
    DeviceCommand,
    DeviceDetail,
    DeviceView,
)
from timetracker_desktop.services.zkteco.wire import NO_KEY, query_command, user_command

DIRECTION_MODES = (DirectionMode.DEVICE, DirectionMode.AUTO)
RELOAD_FROM = date(2000, 1, 1)
MAX_COMMAND = 1024
_SIMPLE = {
    DeviceCommand.SET_TIME: "CHECK",
    DeviceCommand.REBOOT: "REBOOT",
    DeviceCommand.CLEAR_LOGS: "CLEAR LOG",
    DeviceCommand.INFO: "INFO",
    DeviceCommand.VERIFY_LOGS: "VERIFY SUM ATTLOG",
}
_OPEN = (CommandState.QUEUED, CommandState.SENT)


def _zone_name(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"unknown time zone {value!r}", code=ErrorCode.BAD_TIME_ZONE, field="time_zone"
        ) from None
    return value.strip()


def _mode(mode: DirectionMode) -> DirectionMode:
    if mode not in DIRECTION_MODES:
        raise ValidationError(
            "an ADMS terminal uses the device's status key or the server's rule",
            code=ErrorCode.BAD_DIRECTION_MODE,
            field="direction_mode",
        )
    return mode


def _waiting(device: AdmsDevice) -> bool:
    """New, or approved and refused since it called from another address or with another key."""
    return device.state is DeviceState.PENDING or (
        device.state is DeviceState.APPROVED and device.needs_reapproval
    )


def shown_state(command: AdmsCommand, now: datetime) -> AdmsCommand:
    """A sent command unanswered for ten minutes shows as timed out before the next poll marks it."""
    timeout = timedelta(seconds=COMMAND_TIMEOUT_SECONDS)
    if command.state is CommandState.SENT and command.sent_at and now - command.sent_at > timeout:
        return replace(command, state=CommandState.TIMED_OUT)
    return command


class AdmsAdminService:
    """What a manager does with ADMS devices (the Terminals view and the CLI)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    @staticmethod
    def _device(uow: UnitOfWork, device_id: int) -> AdmsDevice:
        device = uow.adms.get(device_id)
        if device is None:
            raise NotFoundError(EntityType.ADMS_DEVICE, device_id)
        return device

    def _view(self, uow: UnitOfWork, device: AdmsDevice, now: datetime) -> DeviceView:
        terminal = uow.terminals.get(device.terminal_id) if device.terminal_id is not None else None
        online = (now - device.last_seen_at).total_seconds() <= ONLINE_SECONDS
        commands = [shown_state(c, now) for c in uow.adms.commands(device.id, 50)]
        return DeviceView(device, terminal, online, sum(1 for c in commands if c.state in _OPEN))

    def devices(self, state: DeviceState | None = None) -> list[DeviceView]:
        """Devices (pending ones show their serial) with terminal, online state and open commands."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            return [self._view(uow, d, now) for d in uow.adms.list_devices(state)]

    def pending(self) -> list[AdmsDevice]:
        """Devices waiting for approval."""
        with self._uow(read_only=True) as uow:
            return uow.adms.list_devices(DeviceState.PENDING)

    def awaiting_decision(self) -> list[DeviceView]:
        """Devices waiting for a manager: new ones, and approved ones refused until re-approved."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            devices = uow.adms.list_devices()
            return [self._view(uow, d, now) for d in devices if _waiting(d)]

    def awaiting_reapproval(self) -> list[AdmsDevice]:
        """Approved devices whose serial called from another address or with another comm key (refused)."""
        with self._uow(read_only=True) as uow:
            return [d for d in uow.adms.list_devices(DeviceState.APPROVED) if d.needs_reapproval]

    def detail(self, device_id: int) -> DeviceDetail:
        """One device with its command queue (and results), user list and quarantined lines."""
        now = self._clock.now()
        with self._uow(read_only=True) as uow:
            device = self._device(uow, device_id)
            return DeviceDetail(
                self._view(uow, device, now),
                tuple(shown_state(c, now) for c in uow.adms.commands(device_id)),
                tuple(uow.adms.users(device_id)),
                tuple(uow.adms.quarantined(device_id)),
            )

    def for_terminal(self, terminal_id: int) -> DeviceDetail | None:
        """The device behind an ADMS terminal, if any."""
        with self._uow(read_only=True) as uow:
            device = uow.adms.for_terminal(terminal_id)
        return None if device is None else self.detail(device.id)

    def approve(
        self,
        actor: Actor,
        device_id: int,
        *,
        name: str | None = None,
        time_zone: str | None = None,
        direction_mode: DirectionMode = DirectionMode.DEVICE,
    ) -> Terminal:
        """Accept a device: it becomes (or is linked to) a terminal of kind ``adms`` with its own settings."""
        require(actor, Permission.MANAGE_TERMINALS)
        zone, mode = _zone_name(time_zone), _mode(direction_mode)
        now = self._clock.now()
        with self._uow() as uow:
            device = self._device(uow, device_id)
            if device.state is DeviceState.APPROVED:
                raise ConflictError(
                    f"device {device.serial} is already approved", code=ErrorCode.ALREADY_APPROVED
                )
            terminal = self._link(uow, device, name, zone, mode, now)
            uow.adms.decide(device.id, DeviceState.APPROVED, terminal.id, now, device.last_ip)
            record(
                uow, actor, now, AuditAction.ADMS_APPROVE, (EntityType.ADMS_DEVICE, device.id),
                before={"state": device.state.value},
                after={"serial": device.serial, "terminal_id": terminal.id, "ip": device.last_ip,
                       "time_zone": zone, "direction_mode": mode.value},
            )  # fmt: skip
            uow.commit()
        return terminal

    @staticmethod
    def _link(
        uow: UnitOfWork,
        device: AdmsDevice,
        name: str | None,
        zone: str | None,
        mode: DirectionMode,
        now: datetime,
    ) -> Terminal:
        """The device's terminal: the one already carrying its serial, else a new one."""
        existing = uow.terminals.by_serial(device.serial)
        if existing is not None:
            linked = replace(
                existing, time_zone=zone or existing.time_zone, direction_mode=mode, is_active=True
            )
            uow.terminals.update(linked)
            return linked
        label = " ".join((name or f"ZKTeco {device.serial}").split())[:64]
        if not label:
            raise ValidationError(
                "terminal name must be 1-64 characters", code=ErrorCode.BAD_TERMINAL_NAME, field="name"
            )
        if uow.terminals.by_name(label) is not None:
            raise ConflictError(
                f"terminal {label!r} already exists", code=ErrorCode.TERMINAL_NAME_TAKEN, field="name"
            )
        draft = Terminal(
            id=0, name=label, kind=TerminalKind.ADMS, phone_scans=False, card_scans=False, enrollment=False,
            direction_mode=mode, time_zone=zone, serial=device.serial,
        )  # fmt: skip
        return uow.terminals.add(draft, None, now)

    def reapprove(self, actor: Actor, device_id: int, address: str | None = None) -> AdmsDevice:
        """Pin an approved device to the address (and comm key) it was refused with; audited.

        ``address`` is the new address the manager saw: when the serial has called from yet another one
        since, nothing changes (ConflictError), so that a manager never approves an address unseen.
        """
        require(actor, Permission.MANAGE_TERMINALS)
        now = self._clock.now()
        with self._uow() as uow:
            device, _ = self._approved(uow, device_id)
            if not device.needs_reapproval:
                raise ConflictError(
                    f"device {device.serial} has no new address or key to approve",
                    code=ErrorCode.NOTHING_TO_REAPPROVE,
                )
            if address is not None and address != (device.moved_ip or device.approved_ip):
                raise ConflictError(
                    f"device {device.serial} now calls from {device.moved_ip}",
                    code=ErrorCode.ADDRESS_CHANGED_AGAIN,
                )
            ip = device.moved_ip or device.approved_ip
            key = device.comm_key_hash if device.moved_key_hash is None else device.moved_key_hash
            key = None if key == NO_KEY else key
            uow.adms.repin(device.id, ip, key, now)
            record(
                uow, actor, now, AuditAction.ADMS_REAPPROVE, (EntityType.ADMS_DEVICE, device.id),
                before={"ip": device.approved_ip, "comm_key_pinned": device.comm_key_hash is not None},
                after={"serial": device.serial, "ip": ip, "comm_key_pinned": key is not None},
            )  # fmt: skip
            uow.commit()
        return replace(
            device, approved_ip=ip, last_ip=ip, comm_key_hash=key, decided_at=now,
            moved_ip=None, moved_key_hash=None, moved_at=None,
        )  # fmt: skip

    def reject(self, actor: Actor, device_id: int) -> AdmsDevice:
        """Refuse a device everywhere (it may be approved later)."""
        require(actor, Permission.MANAGE_TERMINALS)
        now = self._clock.now()
        with self._uow() as uow:
            device = self._device(uow, device_id)
            uow.adms.decide(device.id, DeviceState.REJECTED, device.terminal_id, now, device.approved_ip)
            record(
                uow, actor, now, AuditAction.ADMS_REJECT, (EntityType.ADMS_DEVICE, device.id),
                before={"state": device.state.value}, after={"serial": device.serial, "state": "rejected"},
            )  # fmt: skip
            uow.commit()
            return replace(device, state=DeviceState.REJECTED, decided_at=now)

    def configure(
        self, actor: Actor, device_id: int, *, time_zone: str | None, direction_mode: DirectionMode
    ) -> Terminal:
        """Change an approved device's time zone (None: the office zone) and IN/OUT rule; audited."""
        require(actor, Permission.MANAGE_TERMINALS)
        zone, mode = _zone_name(time_zone), _mode(direction_mode)
        now = self._clock.now()
        with self._uow() as uow:
            device, before = self._approved(uow, device_id)
            after = replace(before, time_zone=zone, direction_mode=mode)
            uow.terminals.update(after)
            old = {k: v for k, v in asdict(before).items() if k in ("time_zone", "direction_mode")}
            record(
                uow, actor, now, AuditAction.TERMINAL_ADMS_SETTINGS, (EntityType.TERMINAL, before.id),
                before=old, after={"time_zone": zone, "direction_mode": mode.value},
            )  # fmt: skip
            if zone != before.time_zone:  # the device learns its TimeZone at the next handshake
                self._queue(uow, actor, device, "CHECK", now)
            uow.commit()
        return after

    def _approved(self, uow: UnitOfWork, device_id: int) -> tuple[AdmsDevice, Terminal]:
        device = self._device(uow, device_id)
        terminal = uow.terminals.get(device.terminal_id) if device.terminal_id is not None else None
        if device.state is not DeviceState.APPROVED or terminal is None:
            raise ConflictError(f"device {device.serial} is not approved", code=ErrorCode.DEVICE_NOT_APPROVED)
        return device, terminal

    @staticmethod
    def _queue(uow: UnitOfWork, actor: Actor, device: AdmsDevice, command: str, now: datetime) -> AdmsCommand:
        queued = uow.adms.add_command(device.id, command, now, actor.name, actor.user_id)
        record(
            uow, actor, now, AuditAction.ADMS_COMMAND_QUEUED, (EntityType.ADMS_DEVICE, device.id),
            after={"command_id": queued.command_id, "command": command.split("\t", 1)[0][:64]},
        )  # fmt: skip
        return queued

    def queue_command(
        self, actor: Actor, device_id: int, command: DeviceCommand, *, confirm: bool = False
    ) -> list[AdmsCommand]:
        """Queue set time (CHECK), reboot, clear logs (only with ``confirm``), upload users, info, verify."""
        require(actor, Permission.MANAGE_TERMINALS)
        if command is DeviceCommand.CLEAR_LOGS and not confirm:
            raise ValidationError(
                "clearing a device's logs needs an explicit confirmation",
                code=ErrorCode.CONFIRMATION_REQUIRED,
            )
        now = self._clock.now()
        with self._uow() as uow:
            device, _ = self._approved(uow, device_id)
            if command is DeviceCommand.UPLOAD_USERS:
                texts = [user_command(e.pin, e.name) for e in uow.adms.roster()]
                if not texts:
                    raise ValidationError("no active employee has a terminal PIN", code=ErrorCode.NO_PINS)
            else:
                texts = [_SIMPLE[command]]
            queued = [self._queue(uow, actor, device, text, now) for text in texts]
            uow.commit()
        return queued

    def reload_logs(
        self, actor: Actor, device_id: int, *, start: date | None = None, end: date | None = None
    ) -> AdmsCommand:
        """Forget the ATTLOG stamp and ask the device for its whole log again (duplicates are not stored)."""
        require(actor, Permission.MANAGE_TERMINALS)
        now = self._clock.now()
        with self._uow() as uow:
            device, terminal = self._approved(uow, device_id)
            local_today = now.astimezone(terminal_zone(terminal, load_settings(uow))).date()
            first, last = start or RELOAD_FROM, (end or local_today) + timedelta(days=1)
            if last <= first:
                raise ValidationError(
                    "the range ends before it starts", code=ErrorCode.BAD_RANGE, field="end"
                )
            uow.adms.set_stamp(device.id, StampTable.ATTLOG, None)
            text = query_command(datetime.combine(first, time()), datetime.combine(last, time()))
            queued = self._queue(uow, actor, device, text, now)
            record(
                uow, actor, now, AuditAction.ADMS_RELOAD_LOGS, (EntityType.ADMS_DEVICE, device.id),
                before={"attlog_stamp": device.attlog_stamp},
                after={"from": first.isoformat(), "to": last.isoformat()},
            )  # fmt: skip
            uow.commit()
        return queued

    def queue_text(self, actor: Actor, device_id: int, text: str) -> AdmsCommand:
        """Queue a raw command line (support use); one line, at most 1024 characters."""
        require(actor, Permission.MANAGE_TERMINALS)
        line = text.strip()
        if not line or "\n" in line or "\r" in line or len(line) > MAX_COMMAND:
            raise ValidationError("a command is one line of 1-1024 characters", code=ErrorCode.BAD_COMMAND)
        now = self._clock.now()
        with self._uow() as uow:
            device, _ = self._approved(uow, device_id)
            queued = self._queue(uow, actor, device, line, now)
            uow.commit()
        return queued
