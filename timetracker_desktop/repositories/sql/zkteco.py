"""SQL repository of ZKTeco PUSH/ADMS devices: set-based reads and bulk inserts for the ingest path."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.orm import Session

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
from timetracker_desktop.repositories.sql.chunks import chunks
from timetracker_desktop.repositories.sql.orm import (
    AdmsCommandRow,
    AdmsDeviceRow,
    AdmsDeviceUserRow,
    AdmsQuarantineRow,
    BadgeRow,
    EmployeeRow,
    PunchRow,
    UnassignedPunchRow,
)

_HOLDER_COLUMNS = (
    BadgeRow.value,
    BadgeRow.id,
    BadgeRow.employee_id,
    BadgeRow.active_value,
    EmployeeRow.is_active,
)
_OPEN_COMMANDS = (CommandState.QUEUED.value, CommandState.SENT.value, CommandState.TIMED_OUT.value)


def _device(row: AdmsDeviceRow) -> AdmsDevice:
    return AdmsDevice(
        id=row.id,
        serial=row.serial,
        state=DeviceState(row.state),
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
        terminal_id=row.terminal_id,
        last_ip=row.last_ip,
        approved_ip=row.approved_ip,
        push_version=row.push_version,
        firmware=row.firmware,
        reported_ip=row.reported_ip,
        user_count=row.user_count,
        fingerprint_count=row.fingerprint_count,
        attlog_count=row.attlog_count,
        info_at=row.info_at,
        attlog_stamp=row.attlog_stamp,
        operlog_stamp=row.operlog_stamp,
        decided_at=row.decided_at,
        comm_key_hash=row.comm_key_hash,
        moved_ip=row.moved_ip,
        moved_key_hash=row.moved_key_hash,
        moved_at=row.moved_at,
    )


def _command(row: AdmsCommandRow) -> AdmsCommand:
    return AdmsCommand(
        id=row.id,
        device_id=row.device_id,
        command_id=row.command_id,
        command=row.command,
        state=CommandState(row.state),
        queued_at=row.queued_at,
        queued_by=row.queued_by,
        sent_at=row.sent_at,
        done_at=row.done_at,
        return_code=row.return_code,
        result=row.result,
    )


class SqlAdmsRepository:
    """ADMS devices in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _one(self, *where: Any) -> AdmsDevice | None:
        row = self._session.scalar(select(AdmsDeviceRow).where(*where))
        return None if row is None else _device(row)

    def by_serial(self, serial: str) -> AdmsDevice | None:
        """Device by serial number (compared exactly, whatever the collation)."""
        device = self._one(AdmsDeviceRow.serial == serial)
        return device if device is not None and device.serial == serial else None

    def get(self, device_id: int) -> AdmsDevice | None:
        """Device by id."""
        return self._one(AdmsDeviceRow.id == device_id)

    def for_terminal(self, terminal_id: int) -> AdmsDevice | None:
        """The device an approved terminal stands for."""
        return self._one(AdmsDeviceRow.terminal_id == terminal_id)

    def list_devices(self, state: DeviceState | None = None) -> list[AdmsDevice]:
        """Devices by id, optionally of one state."""
        stmt = select(AdmsDeviceRow).order_by(AdmsDeviceRow.id)
        if state is not None:
            stmt = stmt.where(AdmsDeviceRow.state == state.value)
        return [_device(r) for r in self._session.scalars(stmt)]

    def count(self, state: DeviceState) -> int:
        """Devices in a state."""
        stmt = select(func.count()).select_from(AdmsDeviceRow).where(AdmsDeviceRow.state == state.value)
        return int(self._session.scalar(stmt) or 0)

    def add(self, serial: str, now: datetime, ip: str | None) -> AdmsDevice:
        """Record a new device, pending approval."""
        row = AdmsDeviceRow(
            serial=serial,
            state=DeviceState.PENDING.value,
            first_seen_at=now,
            last_seen_at=now,
            last_ip=ip,
            next_command_no=1,
        )
        self._session.add(row)
        self._session.flush()
        return _device(row)

    def seen(self, device_id: int, now: datetime, ip: str | None, push_version: str | None = None) -> None:
        """Last seen time and address (and the push version the handshake names)."""
        values: dict[str, Any] = {"last_seen_at": now}
        if ip is not None:
            values["last_ip"] = ip[:45]
        if push_version:
            values["push_version"] = push_version[:32]
        self._session.execute(update(AdmsDeviceRow).where(AdmsDeviceRow.id == device_id).values(**values))

    def set_info(self, device_id: int, info: DeviceInfo, now: datetime) -> None:
        """Health counters reported by ``INFO=``."""
        self._session.execute(
            update(AdmsDeviceRow)
            .where(AdmsDeviceRow.id == device_id)
            .values(
                firmware=info.firmware[:64] or None,
                reported_ip=info.ip[:45] if info.ip else None,
                user_count=info.users,
                fingerprint_count=info.fingerprints,
                attlog_count=info.attlogs,
                info_at=now,
            )
        )

    def decide(
        self, device_id: int, state: DeviceState, terminal_id: int | None, now: datetime, ip: str | None
    ) -> None:
        """Approve (with its terminal and address) or reject a device."""
        self._session.execute(
            update(AdmsDeviceRow)
            .where(AdmsDeviceRow.id == device_id)
            .values(state=state.value, terminal_id=terminal_id, decided_at=now, approved_ip=ip)
        )

    def set_stamp(self, device_id: int, table: StampTable, stamp: str | None) -> None:
        """Where the device's upload of a table stands (None: send everything again)."""
        column = "attlog_stamp" if table is StampTable.ATTLOG else "operlog_stamp"
        self._session.execute(
            update(AdmsDeviceRow).where(AdmsDeviceRow.id == device_id).values({column: stamp})
        )

    def _set(self, device_id: int, **values: Any) -> None:
        self._session.execute(update(AdmsDeviceRow).where(AdmsDeviceRow.id == device_id).values(**values))

    def pending_from(self, ip: str | None) -> int:
        """Devices waiting for approval that last called from this address."""
        stmt = (
            select(func.count())
            .select_from(AdmsDeviceRow)
            .where(AdmsDeviceRow.state == DeviceState.PENDING.value, AdmsDeviceRow.last_ip == ip)
        )
        return int(self._session.scalar(stmt) or 0)

    def forget_pending(self, seen_before: datetime) -> int:
        """Drop pending devices silent since ``seen_before`` (they never had a terminal or commands)."""
        result = self._session.execute(
            delete(AdmsDeviceRow).where(
                AdmsDeviceRow.state == DeviceState.PENDING.value,
                AdmsDeviceRow.terminal_id.is_(None),
                AdmsDeviceRow.last_seen_at < seen_before,
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)  # a DELETE's result is a CursorResult

    def set_comm_key(self, device_id: int, key_hash: str | None) -> None:
        """The comm key (its SHA-256) the device presents; pinned once the device is approved."""
        self._set(device_id, comm_key_hash=key_hash)

    def mark_moved(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None:
        """What an approved device's serial presented instead of its pins (refused until re-approved)."""
        self._set(device_id, moved_ip=ip[:45] if ip else None, moved_key_hash=key_hash, moved_at=now)

    def repin(self, device_id: int, ip: str | None, key_hash: str | None, now: datetime) -> None:
        """Re-approval: the device is pinned to this address and comm key; nothing waits any more."""
        self._set(
            device_id, approved_ip=ip, last_ip=ip, comm_key_hash=key_hash, decided_at=now,
            moved_ip=None, moved_key_hash=None, moved_at=None,
        )  # fmt: skip

    def open_command_ids(self, device_id: int) -> set[str]:
        """Ids of the device's commands still waiting for a result."""
        stmt = select(AdmsCommandRow.command_id).where(
            AdmsCommandRow.device_id == device_id, AdmsCommandRow.state.in_(_OPEN_COMMANDS)
        )
        return set(self._session.scalars(stmt))

    def pin_holders(self, pins: Sequence[str]) -> dict[str, PinHolder]:
        """Each PIN's active badge, else its latest revoked one; unknown PINs are absent."""
        found: dict[str, PinHolder] = {}
        wanted = set(pins)
        for chunk in chunks(sorted(wanted)):
            stmt = (
                select(*_HOLDER_COLUMNS)
                .join(EmployeeRow, EmployeeRow.id == BadgeRow.employee_id)
                .where(BadgeRow.kind == BadgeKind.PIN.value, BadgeRow.value.in_(chunk))
                .order_by(BadgeRow.id)
            )
            for value, badge_id, employee_id, active_value, employee_active in self._session.execute(stmt):
                if value not in wanted:
                    continue  # equal only under a case-insensitive collation
                held = found.get(value)
                if held is None or not held.badge_active:
                    holder = PinHolder(
                        value, badge_id, employee_id, active_value is not None, employee_active
                    )
                    found[value] = holder
        return found

    def roster(self) -> list[RosterEntry]:
        """Active employees with an active PIN badge, by PIN."""
        stmt = (
            select(BadgeRow.value, EmployeeRow.id, EmployeeRow.full_name)
            .join(EmployeeRow, EmployeeRow.id == BadgeRow.employee_id)
            .where(
                BadgeRow.kind == BadgeKind.PIN.value,
                BadgeRow.active_value.is_not(None),
                EmployeeRow.is_active.is_(True),
            )
            .order_by(BadgeRow.value)
        )
        return [RosterEntry(pin, employee_id, name) for pin, employee_id, name in self._session.execute(stmt)]

    def existing_punch_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]:
        """Which of these idempotency keys a terminal's punches already carry."""
        found: set[str] = set()
        for chunk in chunks(keys):
            stmt = select(PunchRow.external_key).where(
                PunchRow.terminal_id == terminal_id, PunchRow.external_key.in_(chunk)
            )
            found.update(k for k in self._session.scalars(stmt) if k is not None)
        return found

    def existing_queue_keys(self, terminal_id: int, keys: Sequence[str]) -> set[str]:
        """Which of these idempotency keys a terminal's unassigned-queue items already carry."""
        found: set[str] = set()
        for chunk in chunks(keys):
            stmt = select(UnassignedPunchRow.external_key).where(
                UnassignedPunchRow.terminal_id == terminal_id, UnassignedPunchRow.external_key.in_(chunk)
            )
            found.update(k for k in self._session.scalars(stmt) if k is not None)
        return found

    def terminal_punch_times(
        self, employee_ids: Sequence[int], start: datetime, end: datetime
    ) -> dict[int, list[datetime]]:
        """Times of the employees' terminal punches in [start, end], each list sorted."""
        grouped: dict[int, list[datetime]] = defaultdict(list)
        for chunk in chunks(sorted(set(employee_ids))):
            stmt = select(PunchRow.employee_id, PunchRow.at).where(
                PunchRow.employee_id.in_(chunk),
                PunchRow.source == PunchSource.TERMINAL.value,
                PunchRow.at >= start,
                PunchRow.at <= end,
            )
            for employee_id, at in self._session.execute(stmt):
                grouped[employee_id].append(at)
        return {k: sorted(v) for k, v in grouped.items()}

    def add_queue_items(self, items: Sequence[UnassignedPunch]) -> None:
        """Bulk insert into the unassigned-punch queue."""
        if items:
            rows = [
                {
                    "terminal_id": i.terminal_id,
                    "kind": i.kind.value,
                    "raw_value": i.raw_value[:128],
                    "canonical_value": i.canonical_value,
                    "employee_id": i.employee_id,
                    "at": i.at,
                    "received_at": i.received_at,
                    "terminal_ts": i.terminal_ts,
                    "reason": i.reason,
                    "state": i.state,
                    "external_key": i.external_key,
                }
                for i in items
            ]
            self._session.execute(insert(UnassignedPunchRow), rows)

    def quarantine(self, device_id: int, lines: Sequence[QuarantinedLine]) -> int:
        """Keep unparseable lines once per (device, line); returns how many were new."""
        fresh = {line.line_hash: line for line in lines}
        for chunk in chunks(list(fresh)):
            stmt = select(AdmsQuarantineRow.line_hash).where(
                AdmsQuarantineRow.device_id == device_id, AdmsQuarantineRow.line_hash.in_(chunk)
            )
            for known in self._session.scalars(stmt):
                fresh.pop(known, None)
        if fresh:
            rows = [
                {
                    "device_id": device_id,
                    "table_name": line.table[:16],
                    "raw": line.raw[:1024],
                    "reason": line.reason[:64],
                    "line_hash": line.line_hash,
                    "received_at": line.received_at,
                }
                for line in fresh.values()
            ]
            self._session.execute(insert(AdmsQuarantineRow), rows)
        return len(fresh)

    def quarantined(self, device_id: int, limit: int = 200) -> list[QuarantinedLine]:
        """A device's quarantined lines, newest first."""
        stmt = (
            select(AdmsQuarantineRow)
            .where(AdmsQuarantineRow.device_id == device_id)
            .order_by(AdmsQuarantineRow.id.desc())
            .limit(limit)
        )
        return [
            QuarantinedLine(r.table_name, r.raw, r.reason, r.line_hash, r.received_at)
            for r in self._session.scalars(stmt)
        ]

    def put_users(self, device_id: int, users: Sequence[DeviceUser], now: datetime) -> None:
        """Add or replace users of the device's list."""
        for user in {u.pin: u for u in users}.values():
            row = self._session.get(AdmsDeviceUserRow, (device_id, user.pin))
            if row is None:
                row = AdmsDeviceUserRow(device_id=device_id, pin=user.pin)
                self._session.add(row)
            row.name, row.card, row.privilege, row.updated_at = user.name, user.card, user.privilege, now
        self._session.flush()

    def users(self, device_id: int) -> list[DeviceUser]:
        """The device's user list by PIN."""
        stmt = (
            select(AdmsDeviceUserRow)
            .where(AdmsDeviceUserRow.device_id == device_id)
            .order_by(AdmsDeviceUserRow.pin)
        )
        return [DeviceUser(r.pin, r.name, r.card, r.privilege) for r in self._session.scalars(stmt)]

    def lock(self, device_id: int) -> None:
        """A row lock on MariaDB/MySQL (reads after it see the last holder's commit: READ COMMITTED);
        on SQLite the read begins the write transaction, which holds the whole database."""
        self._session.execute(select(AdmsDeviceRow.id).where(AdmsDeviceRow.id == device_id).with_for_update())

    def add_command(
        self, device_id: int, command: str, now: datetime, by: str, by_user_id: int | None
    ) -> AdmsCommand:
        """Queue a command under the device's next numeric id."""
        device = self._session.get_one(AdmsDeviceRow, device_id, with_for_update=True)
        number = device.next_command_no
        device.next_command_no = number + 1
        row = AdmsCommandRow(
            device_id=device_id,
            command_id=str(number),
            command=command,
            state=CommandState.QUEUED.value,
            queued_at=now,
            queued_by=by[:96],
            queued_by_user_id=by_user_id,
        )
        self._session.add(row)
        self._session.flush()
        return _command(row)

    def commands(self, device_id: int, limit: int = 200) -> list[AdmsCommand]:
        """A device's commands, newest first."""
        stmt = (
            select(AdmsCommandRow)
            .where(AdmsCommandRow.device_id == device_id)
            .order_by(AdmsCommandRow.id.desc())
            .limit(limit)
        )
        return [_command(r) for r in self._session.scalars(stmt)]

    def queued(self, device_id: int, limit: int = 50) -> list[AdmsCommand]:
        """Commands not yet sent, oldest first."""
        stmt = (
            select(AdmsCommandRow)
            .where(AdmsCommandRow.device_id == device_id, AdmsCommandRow.state == CommandState.QUEUED.value)
            .order_by(AdmsCommandRow.id)
            .limit(limit)
        )
        return [_command(r) for r in self._session.scalars(stmt)]

    def mark_sent(self, command_ids: Sequence[int], now: datetime) -> None:
        """Commands handed to the device."""
        if command_ids:
            self._session.execute(
                update(AdmsCommandRow)
                .where(AdmsCommandRow.id.in_(list(command_ids)))
                .values(state=CommandState.SENT.value, sent_at=now)
            )

    def expire(self, device_id: int, sent_before: datetime, now: datetime) -> int:
        """Sent commands unanswered since before ``sent_before`` become timed out; returns how many."""
        result = self._session.execute(
            update(AdmsCommandRow)
            .where(
                AdmsCommandRow.device_id == device_id,
                AdmsCommandRow.state == CommandState.SENT.value,
                AdmsCommandRow.sent_at < sent_before,
            )
            .values(state=CommandState.TIMED_OUT.value, done_at=now)
        )
        assert isinstance(result, CursorResult)  # noqa: S101 - narrows the type for mypy
        return int(result.rowcount or 0)

    def close(self, device_id: int, closing: CommandClosing, now: datetime) -> bool:
        """Record a device's result for an open command; False when no such command is open."""
        result = self._session.execute(
            update(AdmsCommandRow)
            .where(
                AdmsCommandRow.device_id == device_id,
                AdmsCommandRow.command_id == closing.command_id,
                AdmsCommandRow.state.in_(_OPEN_COMMANDS),
            )
            .values(
                state=closing.state.value,
                return_code=closing.return_code,
                result=closing.result,
                done_at=now,
            )
        )
        assert isinstance(result, CursorResult)  # noqa: S101 - narrows the type for mypy
        return bool(result.rowcount)
