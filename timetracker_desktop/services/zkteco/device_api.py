"""ZKTeco PUSH/ADMS devices talking to the listener: handshake, uploads, command polling and results."""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import NoReturn, TypeVar

from timetracker_desktop.domain.audit import AuditAction, AuditOutcome, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.settings import BusinessSettings
from timetracker_desktop.domain.terminals import Terminal
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.domain.zkteco import handshake_reply, line_batches, non_blank_lines, parse_info
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.repositories.ports.zkteco import AdmsDevice, DeviceState, DeviceUser, StampTable
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.terminals.health import TerminalHealthService
from timetracker_desktop.services.zkteco.attlog import Upload, ingest_attlog, terminal_zone
from timetracker_desktop.services.zkteco.dto import (
    BATCH_LINES,
    COMMAND_TIMEOUT_SECONDS,
    MAX_PENDING_DEVICES,
    MAX_PENDING_PER_ADDRESS,
    PENDING_EXPIRY_SECONDS,
    DeviceCall,
    DeviceRefusedError,
    Refusal,
    UploadOutcome,
)
from timetracker_desktop.services.zkteco.wire import (
    NO_KEY,
    clean_stamp,
    command_lines,
    key_hash,
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
    settings: BusinessSettings

    def keep_stamp(self, uow: UnitOfWork, table: StampTable, stamp: str | None) -> None:
        """The upload position, kept with the last batch (a failed batch makes the device resend)."""
        kept = clean_stamp(stamp)
        if kept is not None:
            uow.adms.set_stamp(self.device_id, table, kept)

    def store_attlog(self, uow: UnitOfWork, batch: str, stamp: str | None) -> UploadOutcome:
        """One batch of ATTLOG lines; ``stamp`` with the last one."""
        outcome = ingest_attlog(uow, Upload(self.device_id, self.terminal, batch, self.now), self.settings)
        self.keep_stamp(uow, StampTable.ATTLOG, stamp)
        return outcome

    def store_users(self, uow: UnitOfWork, users: list[DeviceUser], stamp: str | None) -> None:
        """One batch of OPERLOG users; ``stamp`` with the last one."""
        uow.adms.put_users(self.device_id, users, self.now)
        self.keep_stamp(uow, StampTable.OPERLOG, stamp)


def device_actor(serial: str) -> Actor:
    """The audit actor of a device's own requests."""
    return Actor("device", f"adms:{serial}"[:96], None, None)


class AdmsService:
    """The device side of ADMS; every call raises DeviceRefusedError where the listener answers 403.

    An approved device is pinned to the address it was approved from and, where its firmware sends one, to
    the comm key of its handshake: a request presenting anything else is refused until a manager re-approves.
    Uploads are stored in batches of ``BATCH_LINES``, each its own short transaction, so that card scans
    never wait for a long upload.
    """

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

    @contextmanager
    def _unit(self) -> Iterator[UnitOfWork]:
        """A write unit of work whose refusal keeps what led to it (a new pending device, a moved address)."""
        with self._uow() as uow:
            try:
                yield uow
            except DeviceRefusedError:
                uow.commit()
                raise

    def _write(self, work: Callable[[UnitOfWork], _T]) -> _T:
        """``work`` in a short transaction of its own."""
        with self._uow() as uow:
            result = work(uow)
            uow.commit()
        return result

    def _enter(
        self, uow: UnitOfWork, call: DeviceCall, now: datetime, comm_key: str | None = None
    ) -> tuple[AdmsDevice, Terminal | None]:
        """The calling device (recorded as pending when new) and its terminal once approved.

        ``comm_key`` is the handshake's ``pushcommkey`` (None on other requests, which carry none).
        """
        device = uow.adms.by_serial(call.serial)
        if device is None:
            return self._add_pending(uow, call, now, comm_key), None
        if device.state is DeviceState.APPROVED:
            self._check_pins(uow, device, call, now, comm_key)
        uow.adms.seen(device.id, now, call.ip)
        if comm_key is not None and device.state is DeviceState.PENDING:
            uow.adms.set_comm_key(device.id, key_hash(comm_key) if comm_key.strip() else None)
        return device, self._admitted(uow, device)

    def _add_pending(
        self, uow: UnitOfWork, call: DeviceCall, now: datetime, comm_key: str | None
    ) -> AdmsDevice:
        """Record a new device as pending: a few per address, fifty in all, the silent ones forgotten."""
        forgotten = uow.adms.forget_pending(now - timedelta(seconds=PENDING_EXPIRY_SECONDS))
        if forgotten:
            log.info("%d silent pending ADMS devices forgotten", forgotten)
        if uow.adms.pending_from(call.ip) >= MAX_PENDING_PER_ADDRESS:
            log.warning(
                "unknown ADMS device %s ignored: %s already has devices waiting", call.serial, call.ip
            )
            raise DeviceRefusedError(Refusal.TOO_MANY_PENDING)
        if uow.adms.count(DeviceState.PENDING) >= MAX_PENDING_DEVICES:
            log.warning(
                "unknown ADMS device ignored: %d devices already wait for approval", MAX_PENDING_DEVICES
            )
            raise DeviceRefusedError(Refusal.TOO_MANY_PENDING)
        device = uow.adms.add(call.serial, now, call.ip)
        if comm_key and comm_key.strip():
            uow.adms.set_comm_key(device.id, key_hash(comm_key))
        record(
            uow, device_actor(call.serial), now, AuditAction.ADMS_DEVICE_SEEN,
            (EntityType.ADMS_DEVICE, device.id),
            after={"serial": call.serial, "ip": call.ip},
        )  # fmt: skip
        log.info("new ADMS device %s waits for approval", call.serial)
        return device

    def _check_pins(
        self, uow: UnitOfWork, device: AdmsDevice, call: DeviceCall, now: datetime, comm_key: str | None
    ) -> None:
        """Approved devices are answered from their approved address only, at the handshake with their key."""
        presented = None if comm_key is None else key_hash(comm_key)
        if call.ip != device.approved_ip:
            self._refuse_change(uow, device, call, now, presented)
        if presented is None or presented == (device.comm_key_hash or NO_KEY):
            return
        if device.comm_key_hash is None:
            # Approved before keys were kept (or before one was set): the first key from the pinned
            # address is pinned; from then on another key needs re-approval.
            uow.adms.set_comm_key(device.id, presented)
            record(
                uow,
                device_actor(device.serial),
                now,
                AuditAction.ADMS_COMM_KEY_PINNED,
                (EntityType.ADMS_DEVICE, device.id),
            )
            return
        self._refuse_change(uow, device, call, now, presented)

    def _refuse_change(
        self, uow: UnitOfWork, device: AdmsDevice, call: DeviceCall, now: datetime, presented: str | None
    ) -> NoReturn:
        """Keep what the serial presented instead of its pins (audited once per change), then refuse."""
        moved = call.ip != device.approved_ip
        moved_ip = call.ip if moved else None
        moved_key = presented if presented not in (None, device.comm_key_hash or NO_KEY) else None
        if presented is None and moved_ip == device.moved_ip:
            moved_key = device.moved_key_hash  # requests other than the handshake carry no key
        if (moved_ip, moved_key) != (device.moved_ip, device.moved_key_hash):
            uow.adms.mark_moved(device.id, moved_ip, moved_key, now)
            action = AuditAction.ADMS_IP_CHANGED if moved else AuditAction.ADMS_COMM_KEY_CHANGED
            log.warning(
                "ADMS device %s refused: %s (approved at %s)", device.serial, action, device.approved_ip
            )
            record(
                uow, device_actor(device.serial), now, action, (EntityType.ADMS_DEVICE, device.id),
                before={"ip": device.approved_ip},
                after={"ip": call.ip, "comm_key_changed": moved_key is not None},
                outcome=AuditOutcome.REFUSED,
            )  # fmt: skip
        raise DeviceRefusedError(Refusal.ADDRESS_CHANGED if moved else Refusal.COMM_KEY_CHANGED)

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

    def handshake(
        self, call: DeviceCall, push_version: str | None = None, comm_key: str | None = None
    ) -> str:
        """The options reply; a new device is recorded as pending and gets no stamps."""
        now = self._clock.now()
        with self._lock(call.serial), self._unit() as uow:
            device, terminal = self._enter(uow, call, now, comm_key or "")
            if push_version:
                uow.adms.seen(device.id, now, call.ip, push_version)
            settings = load_settings(uow)
            uow.commit()
        if terminal is None:
            return handshake_reply(call.serial, None, None, settings.zone, now)
        zone = terminal_zone(terminal, settings)
        return handshake_reply(call.serial, device.attlog_stamp, device.operlog_stamp, zone, now)

    def _approved_upload(self, call: DeviceCall, now: datetime) -> _Upload:
        """Admit an upload: only an approved device's from its pinned address; others are refused with 403
        (an unknown device is recorded as pending and keeps its punches until approved)."""
        with self._unit() as uow:
            device, terminal = self._enter(uow, call, now)
            settings = load_settings(uow)
            uow.commit()
        if terminal is None:
            raise DeviceRefusedError(Refusal.PENDING_APPROVAL)
        return _Upload(device.id, terminal, now, settings)

    def upload_attlog(self, call: DeviceCall, body: str, stamp: str | None) -> UploadOutcome:
        """Store an ATTLOG upload batch by batch, its Stamp with the last; the reply follows the commits."""
        with self._lock(call.serial):
            up = self._approved_upload(call, self._clock.now())
            batches = list(line_batches(body, BATCH_LINES)) or [""]
            outcome = UploadOutcome(lines=0)
            for number, batch in enumerate(batches, start=1):
                last_stamp = stamp if number == len(batches) else None
                outcome = outcome.plus(self._write(partial(up.store_attlog, batch=batch, stamp=last_stamp)))
        return outcome

    def upload_operlog(self, call: DeviceCall, body: str, stamp: str | None) -> int:
        """Count the lines; ``USER`` lines update the device's user list (biometrics are never kept)."""
        with self._lock(call.serial):
            up = self._approved_upload(call, self._clock.now())
            users = parse_users(body)
            starts = range(0, len(users), BATCH_LINES) or range(1)
            for start in starts:
                last_stamp = stamp if start == starts[-1] else None
                batch = users[start : start + BATCH_LINES]
                self._write(partial(up.store_users, users=batch, stamp=last_stamp))
        return len(non_blank_lines(body))

    def upload_other(self, call: DeviceCall) -> None:
        """Tables v1 does not keep (photos, options...): acknowledged for approved devices only."""
        with self._lock(call.serial):
            self._approved_upload(call, self._clock.now())

    def poll(self, call: DeviceCall, info: str | None = None) -> str:
        """``getrequest``: last seen, INFO health, and up to ten queued commands (``OK`` when none)."""
        now = self._clock.now()
        with self._lock(call.serial), self._unit() as uow:
            device, terminal = self._enter(uow, call, now)
            if info:
                uow.adms.set_info(device.id, parse_info(info), now)
            chosen = []
            if terminal is not None:
                self._check_after_offset_change(uow, device, terminal, now)
                uow.adms.lock(device.id)  # a device polling two processes gets each command once
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
        with self._lock(call.serial), self._unit() as uow:
            self._enter(uow, call, now)
            uow.commit()

    def command_results(self, call: DeviceCall, body: str) -> int:
        """``devicecmd``: close the reported commands that are open; returns how many were closed.

        Only an approved device's results are read (nothing was sent to any other), and only lines naming
        one of its open commands cost a write: a flood of results is a few reads.
        """
        now = self._clock.now()
        with self._lock(call.serial):
            up = self._approved_upload(call, now)

            def close(uow: UnitOfWork) -> int:
                open_ids = uow.adms.open_command_ids(up.device_id)
                wanted = {c.command_id: c for c in parse_results(body) if c.command_id in open_ids}
                return sum(uow.adms.close(up.device_id, closing, now) for closing in wanted.values())

            return self._write(close)
