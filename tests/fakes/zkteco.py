"""Fake repository of ZKTeco PUSH/ADMS devices, their command queues, quarantined lines and user lists."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from fakes.punches import queue_row
from fakes.tables import Transaction, existing, exists, unique, utc
from timetracker_desktop.domain.attendance import PunchSource
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.zkteco import DeviceInfo
from timetracker_desktop.repositories.ports.storage import UnassignedPunch
from timetracker_desktop.repositories.ports.zkteco import (
    AdmsCommand,
    AdmsDevice,
    CommandClosing,
    CommandState,
    DeviceState,
    DeviceUser,
    PinHolder,
    QuarantinedLine,
    RosterEntry,
    StampTable,
)

_OPEN_COMMANDS = (CommandState.QUEUED, CommandState.SENT, CommandState.TIMED_OUT)


class FakeAdmsRepository:
    """ADMS devices in memory; a device's next command number is kept beside it."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def _update(self, device_id: int, **changes: Any) -> None:
        # An UPDATE ... WHERE id = ?: an unknown id changes nothing.
        devices = self._tx.tables.adms_devices
        if device_id in devices:
            devices[device_id] = replace(devices[device_id], **changes)

    def _devices(self) -> list[AdmsDevice]:
        devices = self._tx.tables.adms_devices
        return [devices[i] for i in sorted(devices)]

    def lock(self, device_id: int) -> None:
        """Nothing to hold: the fake's transactions run one at a time in a test."""

    def pending_from(self, ip: str | None) -> int:
        """Devices waiting for approval that last called from this address."""
        return sum(1 for d in self._devices() if d.state is DeviceState.PENDING and d.last_ip == ip)

    def forget_pending(self, seen_before: datetime) -> int:
        """Drop pending devices silent since ``seen_before``."""
        devices = self._tx.tables.adms_devices
        gone = [
            d.id for d in self._devices()
            if d.state is DeviceState.PENDING and d.terminal_id is None and d.last_seen_at < utc(seen_before)
        ]  # fmt: skip
        for device_id in gone:
            del devices[device_id]
        return len(gone)

    def set_comm_key(self, device_id: int, key_hash: str | None) -> None:
        """The comm key (its SHA-256) the device presents."""
        self._update(device_id, comm_key_hash=key_hash)

    def mark_moved(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None:
        """What an approved device's serial presented instead of its pins."""
        self._update(device_id, moved_ip=ip[:45] if ip else None, moved_key_hash=key_hash, moved_at=utc(now))

    def repin(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None:
        """Re-approval: pinned to this address and comm key; nothing waits any more."""
        self._update(
            device_id, approved_ip=ip, last_ip=ip, comm_key_hash=key_hash, decided_at=utc(now),
            moved_ip=None, moved_key_hash=None, moved_at=None,
        )  # fmt: skip

    def open_command_ids(self, device_id: int) -> set[str]:
        """Ids of the device's commands still waiting for a result."""
        return {
            c.command_id for c in self._tx.tables.adms_commands.values()
            if c.device_id == device_id and c.state in _OPEN_COMMANDS
        }  # fmt: skip

    def by_serial(self, serial: str) -> AdmsDevice | None:
        """Device by serial number (compared exactly)."""
        return next((d for d in self._devices() if d.serial == serial), None)

    def get(self, device_id: int) -> AdmsDevice | None:
        """Device by id."""
        found: AdmsDevice | None = self._tx.tables.adms_devices.get(device_id)
        return found

    def for_terminal(self, terminal_id: int) -> AdmsDevice | None:
        """The device an approved terminal stands for."""
        return next((d for d in self._devices() if d.terminal_id == terminal_id), None)

    def list_devices(self, state: DeviceState | None = None) -> list[AdmsDevice]:
        """Devices by id, optionally of one state."""
        return [d for d in self._devices() if state is None or d.state is state]

    def count(self, state: DeviceState) -> int:
        """Devices in a state."""
        return len(self.list_devices(state))

    def add(self, serial: str, now: datetime, ip: str | None) -> AdmsDevice:
        """Record a new device, pending approval."""
        tables = self._tx.tables
        unique("adms_devices.serial", serial, (d.serial for d in tables.adms_devices.values()))
        device = AdmsDevice(tables.next_id("adms_devices"), serial, DeviceState.PENDING, utc(now), utc(now),
                            last_ip=ip)  # fmt: skip
        tables.adms_devices[device.id] = device
        tables.adms_command_numbers[device.id] = 1
        return device

    def seen(self, device_id: int, now: datetime, ip: str | None, push_version: str | None = None) -> None:
        """Last seen time and address (and the push version the handshake names)."""
        changes: dict[str, Any] = {"last_seen_at": utc(now)}
        if ip is not None:
            changes["last_ip"] = ip[:45]
        if push_version:
            changes["push_version"] = push_version[:32]
        self._update(device_id, **changes)

    def set_info(self, device_id: int, info: DeviceInfo, now: datetime) -> None:
        """Health counters reported by ``INFO=``."""
        self._update(
            device_id,
            firmware=info.firmware[:64] or None,
            reported_ip=info.ip[:45] if info.ip else None,
            user_count=info.users,
            fingerprint_count=info.fingerprints,
            attlog_count=info.attlogs,
            info_at=utc(now),
        )

    def decide(
        self, device_id: int, state: DeviceState, terminal_id: int | None, now: datetime, ip: str | None
    ) -> None:
        """Approve (with its terminal and address) or reject a device; a terminal stands for one device."""
        tables = self._tx.tables
        exists("adms_devices.terminal_id", tables.terminals, terminal_id)
        if terminal_id is not None:
            others = (d.terminal_id for d in tables.adms_devices.values() if d.id != device_id)
            unique("adms_devices.terminal_id", terminal_id, others)
        self._update(device_id, state=state, terminal_id=terminal_id, decided_at=utc(now), approved_ip=ip)

    def set_stamp(self, device_id: int, table: StampTable, stamp: str | None) -> None:
        """Where the device's upload of a table stands (None: send everything again)."""
        if table is StampTable.ATTLOG:
            self._update(device_id, attlog_stamp=stamp)
        else:
            self._update(device_id, operlog_stamp=stamp)

    def pin_holders(self, pins: Sequence[str]) -> dict[str, PinHolder]:
        """Each PIN's active badge, else its latest revoked one; unknown PINs are absent."""
        tables = self._tx.tables
        wanted = set(pins)
        found: dict[str, PinHolder] = {}
        for badge_id in sorted(tables.badges):
            badge = tables.badges[badge_id]
            if badge.kind is not BadgeKind.PIN or badge.value not in wanted:
                continue
            held = found.get(badge.value)
            if held is None or not held.badge_active:
                employee = tables.employees[badge.employee_id]
                found[badge.value] = PinHolder(
                    badge.value, badge.id, badge.employee_id, badge.is_active, employee.is_active
                )
        return found

    def roster(self) -> list[RosterEntry]:
        """Active employees with an active PIN badge, by PIN."""
        tables = self._tx.tables
        entries = [
            RosterEntry(b.value, b.employee_id, tables.employees[b.employee_id].full_name)
            for b in tables.badges.values()
            if b.kind is BadgeKind.PIN and b.is_active and tables.employees[b.employee_id].is_active
        ]
        return sorted(entries, key=lambda e: e.pin)

    def existing_punch_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]:
        """Which of these idempotency keys a terminal's punches already carry."""
        wanted = set(keys)
        return {
            p.row.external_key
            for p in self._tx.tables.punches.values()
            if p.row.terminal_id == terminal_id and p.row.external_key in wanted
        }

    def existing_queue_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]:
        """Which of these idempotency keys a terminal's unassigned-queue items already carry."""
        wanted = set(keys)
        return {
            i.external_key
            for i in self._tx.tables.unassigned.values()
            if i.terminal_id == terminal_id and i.external_key in wanted
        }

    def terminal_punch_times(
        self, employee_ids: Sequence[int], start: datetime, end: datetime
    ) -> dict[int, list[datetime]]:
        """Times of the employees' terminal punches in [start, end], each list sorted."""
        wanted, start, end = set(employee_ids), utc(start), utc(end)
        grouped: dict[int, list[datetime]] = defaultdict(list)
        for p in self._tx.tables.punches.values():
            row = p.row
            if row.employee_id in wanted and row.source is PunchSource.TERMINAL and start <= row.at <= end:
                grouped[row.employee_id].append(row.at)
        return {k: sorted(v) for k, v in grouped.items()}

    def add_queue_items(self, items: Sequence[UnassignedPunch]) -> None:
        """Bulk insert into the unassigned-punch queue."""
        tables = self._tx.tables
        rows = [queue_row(tables, replace(i, raw_value=i.raw_value[:128])) for i in items]
        tables.unassigned.update((row.id, row) for row in rows)

    def quarantine(self, device_id: int, lines: Sequence[QuarantinedLine]) -> int:
        """Keep unparseable lines once per (device, line); returns how many were new."""
        tables = self._tx.tables
        exists("adms_quarantine.device_id", tables.adms_devices, device_id)
        known = {
            line_hash for (device, line_hash, _) in tables.adms_quarantine.values() if device == device_id
        }
        fresh = {line.line_hash: line for line in lines if line.line_hash not in known}
        for line in fresh.values():
            kept = QuarantinedLine(line.table[:16], line.raw[:1024], line.reason[:64], line.line_hash,
                                   utc(line.received_at))  # fmt: skip
            tables.adms_quarantine[tables.next_id("adms_quarantine")] = (device_id, kept.line_hash, kept)
        return len(fresh)

    def quarantined(self, device_id: int, limit: int = 200) -> list[QuarantinedLine]:
        """A device's quarantined lines, newest first."""
        rows = self._tx.tables.adms_quarantine
        return [rows[i][2] for i in sorted(rows, reverse=True) if rows[i][0] == device_id][:limit]

    def put_users(self, device_id: int, users: Sequence[DeviceUser], now: datetime) -> None:
        """Add or replace users of the device's list."""
        utc(now)  # the timestamp column refuses a naive instant
        tables = self._tx.tables
        exists("adms_device_users.device_id", tables.adms_devices, device_id)
        for user in {u.pin: u for u in users}.values():
            tables.adms_users[device_id, user.pin] = user

    def users(self, device_id: int) -> list[DeviceUser]:
        """The device's user list by PIN."""
        rows = self._tx.tables.adms_users
        return [rows[key] for key in sorted(rows) if key[0] == device_id]

    def add_command(
        self, device_id: int, command: str, now: datetime, by: str, by_user_id: int | None
    ) -> AdmsCommand:
        """Queue a command under the device's next numeric id."""
        tables = self._tx.tables
        existing(tables.adms_devices, device_id)
        number = tables.adms_command_numbers[device_id]
        tables.adms_command_numbers[device_id] = number + 1
        queued = CommandState.QUEUED
        row = AdmsCommand(
            tables.next_id("adms_commands"), device_id, str(number), command, queued, utc(now), by[:96]
        )
        tables.adms_commands[row.id] = row
        return row

    def _commands(self, device_id: int) -> list[AdmsCommand]:
        commands = self._tx.tables.adms_commands
        return [commands[i] for i in sorted(commands) if commands[i].device_id == device_id]

    def commands(self, device_id: int, limit: int = 200) -> list[AdmsCommand]:
        """A device's commands, newest first."""
        return list(reversed(self._commands(device_id)))[:limit]

    def queued(self, device_id: int, limit: int = 50) -> list[AdmsCommand]:
        """Commands not yet sent, oldest first."""
        return [c for c in self._commands(device_id) if c.state is CommandState.QUEUED][:limit]

    def mark_sent(self, command_ids: Sequence[int], now: datetime) -> None:
        """Commands handed to the device."""
        commands = self._tx.tables.adms_commands
        for command_id in command_ids:
            if command_id in commands:
                commands[command_id] = replace(
                    commands[command_id], state=CommandState.SENT, sent_at=utc(now)
                )

    def expire(self, device_id: int, sent_before: datetime, now: datetime) -> int:
        """Sent commands unanswered since before ``sent_before`` become timed out; returns how many."""
        commands, cutoff = self._tx.tables.adms_commands, utc(sent_before)
        stale = [
            c
            for c in self._commands(device_id)
            if c.state is CommandState.SENT and c.sent_at is not None and c.sent_at < cutoff
        ]
        for c in stale:
            commands[c.id] = replace(c, state=CommandState.TIMED_OUT, done_at=utc(now))
        return len(stale)

    def close(self, device_id: int, closing: CommandClosing, now: datetime) -> bool:
        """Record a device's result for an open command; False when no such command is open."""
        commands = self._tx.tables.adms_commands
        open_ = [
            c
            for c in self._commands(device_id)
            if c.command_id == closing.command_id and c.state in _OPEN_COMMANDS
        ]
        for c in open_:
            commands[c.id] = replace(
                c,
                state=closing.state,
                return_code=closing.return_code,
                result=closing.result,
                done_at=utc(now),
            )
        return bool(open_)
