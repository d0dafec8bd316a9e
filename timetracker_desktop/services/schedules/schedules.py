"""Schedules: cells typed as text, holidays, weekly templates applied to a month; every change audited."""

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from timetracker_desktop.domain.audit import AuditAction, EntityType
from timetracker_desktop.domain.clock import Clock
from timetracker_desktop.domain.errors import ErrorCode, NotFoundError, ValidationError
from timetracker_desktop.domain.schedule_rules import format_cell, parse_cell_text
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode, ScheduleTemplate
from timetracker_desktop.domain.users import Actor, Permission
from timetracker_desktop.repositories.ports.storage import UnitOfWork, UnitOfWorkFactory
from timetracker_desktop.services.audit import record
from timetracker_desktop.services.guard import require

MAX_BREAK_MINUTES = 240


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last local date of a month."""
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError("bad month", code=ErrorCode.BAD_MONTH, field="month")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class ScheduleService:
    """Schedule cells, codes, holidays and templates."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def codes(self) -> list[ScheduleCode]:
        """The code table."""
        with self._uow(read_only=True) as uow:
            return uow.schedules.codes()

    def cells(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[ScheduleCell]:
        """Cells in a period (viewing never writes cells)."""
        with self._uow(read_only=True) as uow:
            return uow.schedules.cells(employee_ids, first, last)

    def holidays(self, first: date, last: date) -> list[Holiday]:
        """Holidays in a period."""
        with self._uow(read_only=True) as uow:
            return uow.schedules.holidays(first, last)

    def parse(
        self, uow: UnitOfWork, employee_id: int, day: date, text: str, break_minutes: int
    ) -> ScheduleCell:
        """A cell from text such as ``8-17``, ``22:00-06:00`` or a code."""
        if not 0 <= break_minutes <= MAX_BREAK_MINUTES:
            raise ValidationError("break must be 0-240 minutes", code=ErrorCode.BAD_BREAK, field="break")
        start, end, code = parse_cell_text(text, uow.schedules.codes())
        return ScheduleCell(employee_id, day, start, end, break_minutes if code is None else 0, code)

    def set_cell(
        self, actor: Actor, employee_id: int, day: date, text: str, break_minutes: int = 0
    ) -> ScheduleCell | None:
        """Set (or, with empty text, clear) one cell."""
        require(actor, Permission.EDIT_PEOPLE)
        with self._uow() as uow:
            if uow.employees.get(employee_id) is None:
                raise NotFoundError(EntityType.EMPLOYEE, employee_id)
            cell = self._put(uow, actor, employee_id, day, text, break_minutes)
            uow.commit()
        return cell

    def _put(
        self, uow: UnitOfWork, actor: Actor, employee_id: int, day: date, text: str, break_minutes: int
    ) -> ScheduleCell | None:
        before = uow.schedules.get_cell(employee_id, day)
        cell = self.parse(uow, employee_id, day, text, break_minutes) if text.strip() else None
        if cell is None:
            uow.schedules.delete_cell(employee_id, day)
        else:
            uow.schedules.put_cell(cell)
        old = format_cell(before) if before else None
        new = format_cell(cell) if cell else None
        if old != new:
            record(
                uow, actor, self._clock.now(), AuditAction.SCHEDULE_CELL_SET,
                (EntityType.EMPLOYEE, employee_id),
                before={"day": day.isoformat(), "cell": old}, after={"day": day.isoformat(), "cell": new},
            )  # fmt: skip
        return cell

    def set_holiday(self, actor: Actor, day: date, name: str) -> None:
        """Add or rename a holiday."""
        require(actor, Permission.EDIT_PEOPLE)
        clean = " ".join(name.split())
        if not clean or len(clean) > 128:
            raise ValidationError(
                "holiday name must be 1-128 characters", code=ErrorCode.BAD_NAME, field="name"
            )
        with self._uow() as uow:
            uow.schedules.put_holiday(Holiday(day, clean))
            record(
                uow,
                actor,
                self._clock.now(),
                AuditAction.HOLIDAY_SET,
                (EntityType.HOLIDAY, day.isoformat()),
                after={"name": clean},
            )
            uow.commit()

    def remove_holiday(self, actor: Actor, day: date) -> None:
        """Remove a holiday."""
        require(actor, Permission.EDIT_PEOPLE)
        with self._uow() as uow:
            uow.schedules.delete_holiday(day)
            record(
                uow,
                actor,
                self._clock.now(),
                AuditAction.HOLIDAY_REMOVE,
                (EntityType.HOLIDAY, day.isoformat()),
            )
            uow.commit()

    def save_template(self, actor: Actor, template: ScheduleTemplate) -> ScheduleTemplate:
        """Create or update a 1-4 week template (7 to 28 cell texts)."""
        require(actor, Permission.EDIT_PEOPLE)
        if len(template.cells) not in (7, 14, 21, 28):
            raise ValidationError(
                "a template covers 1-4 whole weeks", code=ErrorCode.BAD_TEMPLATE, field="cells"
            )
        with self._uow() as uow:
            codes = uow.schedules.codes()
            for text in template.cells:
                if text.strip():
                    parse_cell_text(text, codes)
            saved = uow.schedules.put_template(template)
            record(
                uow,
                actor,
                self._clock.now(),
                AuditAction.TEMPLATE_SAVE,
                (EntityType.TEMPLATE, saved.id),
                after={"name": saved.name},
            )
            uow.commit()
        return saved

    def apply_template(
        self,
        actor: Actor,
        template_id: int,
        employee_ids: Sequence[int],
        first: date,
        last: date,
        *,
        overwrite: bool = False,
    ) -> int:
        """Fill employees' days from a template in one transaction, skipping holidays; returns the count."""
        require(actor, Permission.EDIT_PEOPLE)
        written = 0
        with self._uow() as uow:
            template = next((t for t in uow.schedules.templates() if t.id == template_id), None)
            if template is None:
                raise NotFoundError(EntityType.TEMPLATE, template_id)
            holidays = {h.day for h in uow.schedules.holidays(first, last)}
            for employee_id in employee_ids:
                written += self._apply_one(
                    uow, actor, template, employee_id, first, last, holidays, overwrite
                )
            summary: dict[str, object] = {"from": first.isoformat(), "to": last.isoformat(), "cells": written}
            summary["employees"] = list(employee_ids)
            record(
                uow,
                actor,
                self._clock.now(),
                AuditAction.TEMPLATE_APPLY,
                (EntityType.TEMPLATE, template_id),
                after=summary,
            )
            uow.commit()
        return written

    def _apply_one(
        self,
        uow: UnitOfWork,
        actor: Actor,
        template: ScheduleTemplate,
        employee_id: int,
        first: date,
        last: date,
        holidays: set[date],
        overwrite: bool,
    ) -> int:
        written = 0
        day = first
        while day <= last:
            text = template.cells[(day - template.anchor).days % len(template.cells)]
            skip = day in holidays or (not overwrite and uow.schedules.get_cell(employee_id, day) is not None)
            if text.strip() and not skip:
                self._put(uow, actor, employee_id, day, text, 0)
                written += 1
            day += timedelta(days=1)
        return written
