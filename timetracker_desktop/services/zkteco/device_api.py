"""ZKTeco PUSH/ADMS devices talking to the listener: handshake, uploads, command polling and results."""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn, TypeVar

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.domain.zkteco import handshake_reply, non_blank_lines, parse_info
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.repositories.ports.zkteco import AdmsDevice, DeviceState, StampTable
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.terminals.health import TerminalHealthService
from timetracker_desktop.services.zkteco.attlog import Upload, ingest_attlog, terminal_zone
from timetracker_desktop.services.zkteco.dto import (
    COMMAND_TIMEOUT_SECONDS,
    MAX_PENDING_DEVICES,
    DeviceCall,
    DeviceRefusedError,
    Refusal,
    UploadOutcome,
)
from timetracker_desktop.services.zkteco.wire import (
    clean_stamp,
    command_lines,
    parse_results,
    parse_users,
    pick_commands,
)

log = logging.getLogger(__name__)
LOCK_STRIPES = 64
CHECK = "CHECK"
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _Upload:
    """An approved device's upload being stored."""

    device_id: int
    terminal: Terminal
    now: datetime


def device_actor(serial: str) -> Actor:
    """The audit actor of a device's own requests."""
    return Actor("device", f"adms:{serial}"[:96], None, None)


class AdmsService:
    """The device side of ADMS; every call raises DeviceRefusedError where the listener answers 403."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, health: TerminalHealthService | None = None
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._health = health
        # One device's requests are handled one at a time (a resent batch must not race its first copy).
        self._stripes = [threading.Lock() for _ in range(LOCK_STRIPES)]

    def _lock(self, serial: str) -> threading.Lock:
        return self._stripes[hash(serial) % LOCK_STRIPES]

    def _resolve(self, uow: UnitOfWork, call: DeviceCall, now: datetime) -> AdmsDevice:
        """The calling device, recorded as pending when new; its last-seen time and address updated."""
        device = uow.adms.by_serial(call.serial)
        if device is None:
            if uow.adms.count(DeviceState.PENDING) >= MAX_PENDING_DEVICES:
                log.warning(
                    "unknown ADMS device ignored: %d devices already wait for approval", MAX_PENDING_DEVICES
                )
                raise DeviceRefusedError(Refusal.TOO_MANY_PENDING)
            device = uow.adms.add(call.serial, now, call.ip)
            record(
                uow, device_actor(call.serial), now, AuditAction.ADMS_DEVICE_SEEN,
                (EntityType.ADMS_DEVICE, device.id),
                after={"serial": call.serial, "ip": call.ip},
            )  # fmt: skip
            log.info("new ADMS device %s waits for approval", call.serial)
            return device
        self._warn_address(uow, device, call, now)
        uow.adms.seen(device.id, now, call.ip)
        return device

    def _warn_address(self, uow: UnitOfWork, device: AdmsDevice, call: DeviceCall, now: datetime) -> None:
        """An approved device reporting from a new address is worth a warning (once per change)."""
        moved = device.approved_ip is not None and call.ip not in (None, device.approved_ip)
        if moved and call.ip != device.last_ip:
            log.warning(
                "ADMS device %s now reports from %s (approved at %s)",
                device.serial,
                call.ip,
                device.approved_ip,
            )
            record(
                uow, device_actor(device.serial), now, AuditAction.ADMS_IP_CHANGED,
                (EntityType.ADMS_DEVICE, device.id),
                before={"ip": device.approved_ip}, after={"ip": call.ip}, outcome=AuditOutcome.WARNING,
            )  # fmt: skip

    def _terminal(self, uow: UnitOfWork, device: AdmsDevice) -> Terminal:
        """The approved device's terminal; anything else is refused."""
        if device.state is DeviceState.REJECTED:
            raise DeviceRefusedError(Refusal.REJECTED)
        terminal = uow.terminals.get(device.terminal_id) if device.terminal_id is not None else None
        if device.state is not DeviceState.APPROVED or terminal is None:
            raise DeviceRefusedError(Refusal.PENDING_APPROVAL)
        if not terminal.is_active:
            raise DeviceRefusedError(Refusal.TERMINAL_DISABLED)
        if self._health is not None:
            self._health.seen(terminal.id)
        return terminal

    def _admitted(self, uow: UnitOfWork, device: AdmsDevice) -> Terminal | None:
        """The terminal of an approved device, None while pending; a rejected one is refused."""
        try:
            return self._terminal(uow, device)
        except DeviceRefusedError as refused:
            if refused.refusal is Refusal.PENDING_APPROVAL:
                return None
            raise

    def handshake(self, call: DeviceCall, push_version: str | None = None) -> str:
        """The options reply; a new device is recorded as pending and gets no stamps."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = self._resolve(uow, call, now)
            if push_version:
                uow.adms.seen(device.id, now, call.ip, push_version)
            terminal = self._admitted(uow, device)
            settings = load_settings(uow)
            uow.commit()
        if terminal is None:
            return handshake_reply(call.serial, None, None, settings.zone, now)
        zone = terminal_zone(terminal, settings)
        return handshake_reply(call.serial, device.attlog_stamp, device.operlog_stamp, zone, now)

    def _refuse_unapproved(self, call: DeviceCall) -> NoReturn:
        """Record an unknown device, then refuse its upload (it keeps its punches until approved)."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = self._resolve(uow, call, now)
            uow.commit()
        with self._uow(read_only=True) as uow:
            self._terminal(uow, device)
        raise DeviceRefusedError(Refusal.PENDING_APPROVAL)  # approved just now: the device comes back

    def _upload(self, call: DeviceCall, work: Callable[[UnitOfWork, _Upload], _T]) -> _T:
        """Run ``work`` for an approved device's upload in one transaction; others are refused with 403."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = uow.adms.by_serial(call.serial)
            if device is not None and device.state is DeviceState.APPROVED:
                terminal = self._terminal(uow, device)
                self._warn_address(uow, device, call, now)
                uow.adms.seen(device.id, now, call.ip)
                result = work(uow, _Upload(device.id, terminal, now))
                uow.commit()
                return result
        self._refuse_unapproved(call)

    @staticmethod
    def _keep_stamp(uow: UnitOfWork, device_id: int, table: StampTable, stamp: str | None) -> None:
        kept = clean_stamp(stamp)
        if kept is not None:
            uow.adms.set_stamp(device_id, table, kept)

    def upload_attlog(self, call: DeviceCall, body: str, stamp: str | None) -> UploadOutcome:
        """Store an ATTLOG upload and its Stamp in one transaction; the reply follows the commit."""

        def work(uow: UnitOfWork, up: _Upload) -> UploadOutcome:
            outcome = ingest_attlog(uow, Upload(up.device_id, up.terminal, body, up.now), load_settings(uow))
            self._keep_stamp(uow, up.device_id, StampTable.ATTLOG, stamp)
            return outcome

        return self._upload(call, work)

    def upload_operlog(self, call: DeviceCall, body: str, stamp: str | None) -> int:
        """Count the lines; ``USER`` lines update the device's user list (biometrics are never kept)."""

        def work(uow: UnitOfWork, up: _Upload) -> int:
            uow.adms.put_users(up.device_id, parse_users(body), up.now)
            self._keep_stamp(uow, up.device_id, StampTable.OPERLOG, stamp)
            return len(non_blank_lines(body))

        return self._upload(call, work)

    def upload_other(self, call: DeviceCall) -> None:
        """Tables v1 does not keep (photos, options...): acknowledged for approved devices only."""
        self._upload(call, lambda uow, up: None)

    def poll(self, call: DeviceCall, info: str | None = None) -> str:
        """``getrequest``: last seen, INFO health, and up to ten queued commands (``OK`` when none)."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = self._resolve(uow, call, now)
            if info:
                uow.adms.set_info(device.id, parse_info(info), now)
            terminal = self._admitted(uow, device)
            chosen = []
            if terminal is not None:
                self._check_after_offset_change(uow, device, terminal, now)
                uow.adms.expire(device.id, now - timedelta(seconds=COMMAND_TIMEOUT_SECONDS), now)
                chosen = pick_commands(uow.adms.queued(device.id))
                uow.adms.mark_sent([c.id for c in chosen], now)
            uow.commit()
        return command_lines(chosen)

    def _check_after_offset_change(
        self, uow: UnitOfWork, device: AdmsDevice, terminal: Terminal, now: datetime
    ) -> None:
        """After a DST change the device must learn its new ``TimeZone``: queue ``CHECK`` (re-handshake)."""
        zone = terminal_zone(terminal, load_settings(uow))
        if device.last_seen_at.astimezone(zone).utcoffset() != now.astimezone(zone).utcoffset():
            uow.adms.add_command(device.id, CHECK, now, "system", None)
            log.info("ADMS device %s: UTC offset changed, CHECK queued", device.serial)

    def ping(self, call: DeviceCall) -> None:
        """``/iclock/ping``: the device is alive (a rejected one is refused)."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = self._resolve(uow, call, now)
            self._admitted(uow, device)
            uow.commit()

    def command_results(self, call: DeviceCall, body: str) -> int:
        """``devicecmd``: close the reported commands; returns how many were open."""
        now = self._clock.now()
        with self._lock(call.serial), self._uow() as uow:
            device = self._resolve(uow, call, now)
            self._admitted(uow, device)
            closed = sum(uow.adms.close(device.id, closing, now) for closing in parse_results(body))
            uow.commit()
        return closed
