"""Realistic demo data: schedules, on-time and late days, forgotten OUTs, a night shift, weekends."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from timetracker_desktop.domain.attendance import Direction, PunchSource
from timetracker_desktop.domain.audit import AuditAction
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.employees import BadgeKind
from timetracker_desktop.domain.errors import ConflictError, ErrorCode, ValidationError
from timetracker_desktop.domain.schedules import ScheduleCell
from timetracker_desktop.domain.terminals import Terminal, TerminalKind
from timetracker_desktop.domain.users import Actor
from timetracker_desktop.repositories.ports.storage import NewPunch, UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.settings import load_settings
from timetracker_desktop.services.terminals.keys import hash_key, new_key

FIRST_NAMES = ("Олена", "Андрій", "Марія", "Іван", "Оксана", "Тарас", "Наталія", "Дмитро", "Ірина", "Богдан")
LAST_NAMES = ("Коваль", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Мельник", "Лисенко")
POSITIONS = ("Менеджер", "Бухгалтер", "Інженер", "Охоронець", "Адміністратор")
DAY_SHIFT = (time(8, 0), time(17, 0))
NIGHT_SHIFT = (time(22, 0), time(6, 0))
BATCH = 5000


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo generator created."""

    employees: int
    terminals: int
    punches: int
    cells: int


def _employee_plan(index: int) -> tuple[time, time]:
    """Every seventh employee works nights (a guard)."""
    return NIGHT_SHIFT if index % 7 == 6 else DAY_SHIFT


class DemoDataService:
    """Generates demo data into an empty database."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, *, seed: int = 7) -> None:
        self._uow = uow
        self._clock = clock
        self._random = random.Random(seed)  # noqa: S311 - demo data, not secrets; seeded so that it repeats

    def generate(self, actor: Actor, employees: int, days: int) -> DemoSummary:
        """Create employees, terminals, schedules and punches for the ``days`` before today."""
        if not 1 <= employees <= 5000 or not 1 <= days <= 400:
            raise ValidationError("employees must be 1-5000 and days 1-400", code=ErrorCode.OUT_OF_RANGE)
        now = self._clock.now()
        with self._uow() as uow:
            if uow.employees.count():
                raise ConflictError(
                    "the database already has employees; demo data goes into an empty one",
                    code=ErrorCode.NOT_EMPTY,
                )
            zone = load_settings(uow).zone
            terminals = self._terminals(uow, now)
            today = now.astimezone(zone).date()
            first = today - timedelta(days=days)
            punches, cells = 0, 0
            for index in range(employees):
                employee_id = self._employee(uow, index, now)
                shift = _employee_plan(index)
                cells += self._schedule(uow, employee_id, first, today, shift)
                punches += self._punches(uow, employee_id, first, today, shift, terminals, zone, now)
            record(
                uow,
                actor,
                now,
                AuditAction.DEMO_GENERATE,
                None,
                after={"employees": employees, "days": days, "punches": punches},
            )
            uow.commit()
        return DemoSummary(employees, len(terminals), punches, cells)

    @staticmethod
    def _terminals(uow: UnitOfWork, now: datetime) -> list[int]:
        specs = (
            ("Вхід", TerminalKind.ANDROID),
            ("Склад", TerminalKind.ANDROID),
            ("Турнікет", TerminalKind.CARD_READER),
        )
        result = []
        for name, kind in specs:
            phone = kind is TerminalKind.ANDROID
            draft = Terminal(0, name, kind, phone_scans=phone, card_scans=not phone, enrollment=phone)
            result.append(uow.terminals.add(draft, hash_key(new_key()), now).id)
        return result

    def _employee(self, uow: UnitOfWork, index: int, now: datetime) -> int:
        name = f"{self._random.choice(FIRST_NAMES)} {self._random.choice(LAST_NAMES)}"
        position = POSITIONS[index % len(POSITIONS)]
        position_id = (uow.positions.by_name(position) or uow.positions.add(position)).id
        employee = uow.employees.add(name, position_id, None, now)
        uow.badges.add(employee.id, BadgeKind.CARD, f"04{index:06X}A1B2C3", now)
        return employee.id

    @staticmethod
    def _schedule(
        uow: UnitOfWork, employee_id: int, first: date, last: date, shift: tuple[time, time]
    ) -> int:
        cells = []
        day = first
        while day <= last:
            if day.weekday() < 5:
                cells.append(ScheduleCell(employee_id, day, shift[0], shift[1]))
            else:
                cells.append(ScheduleCell(employee_id, day, code="В"))
            day += timedelta(days=1)
        uow.schedules.add_cells(cells)
        return len(cells)

    def _punches(
        self,
        uow: UnitOfWork,
        employee_id: int,
        first: date,
        today: date,
        shift: tuple[time, time],
        terminals: list[int],
        zone: ZoneInfo,
        now: datetime,
    ) -> int:
        batch: list[NewPunch] = []
        day = first
        while day < today:
            if day.weekday() < 5 and self._random.random() > 0.04:  # a few absences
                batch.extend(self._day(employee_id, day, shift, terminals, zone, now))
            day += timedelta(days=1)
        for start in range(0, len(batch), BATCH):
            uow.punches.add_many(batch[start : start + BATCH])
        return len(batch)

    def _day(
        self,
        employee_id: int,
        day: date,
        shift: tuple[time, time],
        terminals: list[int],
        zone: ZoneInfo,
        now: datetime,
    ) -> list[NewPunch]:
        start = datetime.combine(day, shift[0], tzinfo=zone)
        end_day = day + timedelta(days=1) if shift[1] <= shift[0] else day
        end = datetime.combine(end_day, shift[1], tzinfo=zone)
        roll = self._random.random()
        arrive = start + timedelta(
            minutes=self._random.randint(-15, 5) if roll > 0.12 else self._random.randint(11, 50)
        )
        leave = end + timedelta(minutes=self._random.randint(-5, 40))
        terminal = self._random.choice(terminals)
        punches = [self._punch(employee_id, arrive, Direction.IN, terminal, now)]
        if self._random.random() > 0.02:  # now and then someone forgets to tap out
            punches.append(self._punch(employee_id, leave, Direction.OUT, terminal, now))
        return [p for p in punches if p.at < now]

    @staticmethod
    def _punch(
        employee_id: int, local: datetime, direction: Direction, terminal_id: int, now: datetime
    ) -> NewPunch:
        at = local.astimezone(now.tzinfo)
        return NewPunch(
            employee_id, at, direction, PunchSource.TERMINAL, now, terminal_id=terminal_id, received_at=at
        )
