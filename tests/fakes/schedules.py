"""Fake repository of schedule cells (one per employee and day), codes, holidays and templates."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from fakes.tables import Transaction, exists, unique
from timetracker_desktop.domain.schedules import Holiday, ScheduleCell, ScheduleCode, ScheduleTemplate


def _minutes(cell: ScheduleCell) -> ScheduleCell:
    # Cells are stored as HH:MM text: seconds never survive a write.
    return replace(
        cell,
        start=cell.start.replace(second=0, microsecond=0) if cell.start else None,
        end=cell.end.replace(second=0, microsecond=0) if cell.end else None,
    )


class FakeScheduleRepository:
    """Schedules in memory."""

    def __init__(self, tx: Transaction) -> None:
        self._tx = tx

    def cells(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[ScheduleCell]:
        """Cells of the employees (all when None) with first <= day <= last, by employee and day."""
        wanted = None if employee_ids is None else set(employee_ids)
        return sorted(
            (
                c
                for (employee_id, day), c in self._tx.tables.schedule_cells.items()
                if first <= day <= last and (wanted is None or employee_id in wanted)
            ),
            key=lambda c: (c.employee_id, c.day),
        )

    def cells_by_employee(
        self, employee_ids: Sequence[int] | None, first: date, last: date
    ) -> dict[int, dict[date, ScheduleCell]]:
        """The same cells grouped by employee and day."""
        grouped: dict[int, dict[date, ScheduleCell]] = defaultdict(dict)
        for cell in self.cells(employee_ids, first, last):
            grouped[cell.employee_id][cell.day] = cell
        return dict(grouped)

    def get_cell(self, employee_id: int, day: date) -> ScheduleCell | None:
        """The cell of one employee and workday."""
        found: ScheduleCell | None = self._tx.tables.schedule_cells.get((employee_id, day))
        return found

    def put_cell(self, cell: ScheduleCell) -> None:
        """Insert or replace the cell of (employee, day)."""
        tables = self._tx.tables
        exists("schedule_cells.employee_id", tables.employees, cell.employee_id)
        tables.schedule_cells[cell.employee_id, cell.day] = _minutes(cell)

    def add_cells(self, cells: Sequence[ScheduleCell]) -> None:
        """Bulk insert of new cells: all or none; an (employee, day) that has a cell is a conflict."""
        tables = self._tx.tables
        staged: dict[tuple[int, date], ScheduleCell] = {}
        for cell in cells:
            exists("schedule_cells.employee_id", tables.employees, cell.employee_id)
            key = (cell.employee_id, cell.day)
            unique("schedule_cells.employee_id, day", key, [*tables.schedule_cells, *staged])
            staged[key] = _minutes(cell)
        tables.schedule_cells.update(staged)

    def delete_cell(self, employee_id: int, day: date) -> None:
        """Remove the cell of (employee, day)."""
        self._tx.tables.schedule_cells.pop((employee_id, day), None)

    def codes(self) -> list[ScheduleCode]:
        """The code table, by code."""
        codes = self._tx.tables.schedule_codes
        return [codes[code] for code in sorted(codes)]

    def put_code(self, code: ScheduleCode) -> None:
        """Insert or replace a code."""
        self._tx.tables.schedule_codes[code.code] = code

    def holidays(self, first: date, last: date) -> list[Holiday]:
        """Holidays in a date range."""
        holidays = self._tx.tables.holidays
        return [holidays[day] for day in sorted(holidays) if first <= day <= last]

    def put_holiday(self, holiday: Holiday) -> None:
        """Insert or rename a holiday."""
        self._tx.tables.holidays[holiday.day] = holiday

    def delete_holiday(self, day: date) -> None:
        """Remove a holiday."""
        self._tx.tables.holidays.pop(day, None)

    def templates(self) -> list[ScheduleTemplate]:
        """All templates by name."""
        return sorted(self._tx.tables.templates.values(), key=lambda t: t.name)

    def put_template(self, template: ScheduleTemplate) -> ScheduleTemplate:
        """Insert (id 0, or an id not stored) or replace a template; names are unique."""
        tables = self._tx.tables
        template_id = template.id if template.id in tables.templates else tables.next_id("templates")
        others = (t.name for t in tables.templates.values() if t.id != template_id)
        unique("schedule_templates.name", template.name, others)
        saved = replace(template, id=template_id, cells=tuple(template.cells))
        tables.templates[template_id] = saved
        return saved
