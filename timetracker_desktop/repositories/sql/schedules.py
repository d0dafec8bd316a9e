"""SQL repository for schedule cells, codes, templates and holidays."""

import functools
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, time

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session

from timetracker_desktop.domain.schedules import (
    CodeMeaning,
    Holiday,
    ScheduleCell,
    ScheduleCode,
    ScheduleTemplate,
)
from timetracker_desktop.repositories.sql.orm import (
    HolidayRow,
    ScheduleCellRow,
    ScheduleCodeRow,
    ScheduleTemplateRow,
)


def _hhmm(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


@functools.cache
def _time(text: str | None) -> time | None:
    return None if text is None else time.fromisoformat(text)


def _cell(row: ScheduleCellRow) -> ScheduleCell:
    return ScheduleCell(
        employee_id=row.employee_id,
        day=row.day,
        start=_time(row.start_time),
        end=_time(row.end_time),
        break_minutes=row.break_minutes,
        code=row.code,
    )


def _template(row: ScheduleTemplateRow) -> ScheduleTemplate:
    return ScheduleTemplate(id=row.id, name=row.name, anchor=row.anchor, cells=tuple(json.loads(row.cells)))


_CELL_TABLE = ScheduleCellRow.__table__
# Built once (the listener reads one employee's cells per scan): plain-table columns, bound parameters.
_CELLS_ANY_ORDER = (
    select(_CELL_TABLE.c.employee_id, _CELL_TABLE.c.day, _CELL_TABLE.c.start_time, _CELL_TABLE.c.end_time,
           _CELL_TABLE.c.break_minutes, _CELL_TABLE.c.code)
    .where(_CELL_TABLE.c.day >= bindparam("first"), _CELL_TABLE.c.day <= bindparam("last"))
)  # fmt: skip
_CELLS = _CELLS_ANY_ORDER.order_by(_CELL_TABLE.c.employee_id, _CELL_TABLE.c.day)
_OF_SOME = _CELL_TABLE.c.employee_id.in_(bindparam("ids", expanding=True))
_CELLS_OF = _CELLS.where(_OF_SOME)
_CELLS_OF_ANY_ORDER = _CELLS_ANY_ORDER.where(_OF_SOME)


class SqlScheduleRepository:
    """Schedules in SQL."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def cells(self, employee_ids: Sequence[int] | None, first: date, last: date) -> list[ScheduleCell]:
        """Cells of the employees (all when None) with first <= day <= last, by employee and day."""
        return list(self._cells(employee_ids, first, last, ordered=True))

    def cells_by_employee(
        self, employee_ids: Sequence[int] | None, first: date, last: date
    ) -> dict[int, dict[date, ScheduleCell]]:
        """The same cells grouped by employee and day; read unordered, so MariaDB need not sort them first."""
        grouped: dict[int, dict[date, ScheduleCell]] = defaultdict(dict)
        for cell in self._cells(employee_ids, first, last, ordered=False):
            grouped[cell.employee_id][cell.day] = cell
        return dict(grouped)

    def _cells(
        self, employee_ids: Sequence[int] | None, first: date, last: date, *, ordered: bool
    ) -> Iterator[ScheduleCell]:
        params: dict[str, object] = {"first": first, "last": last}
        if employee_ids is None:
            stmt = _CELLS if ordered else _CELLS_ANY_ORDER
        else:
            params["ids"] = list(employee_ids)
            stmt = _CELLS_OF if ordered else _CELLS_OF_ANY_ORDER
        # Plain rows: a month for 1,000 employees is 30,000 cells.
        for r in self._session.execute(stmt, params):
            yield ScheduleCell(r[0], r[1], _time(r[2]), _time(r[3]), r[4], r[5])

    def _row(self, employee_id: int, day: date) -> ScheduleCellRow | None:
        stmt = select(ScheduleCellRow).where(
            ScheduleCellRow.employee_id == employee_id, ScheduleCellRow.day == day
        )
        return self._session.scalar(stmt)

    def get_cell(self, employee_id: int, day: date) -> ScheduleCell | None:
        """The cell of one employee and workday."""
        row = self._row(employee_id, day)
        return None if row is None else _cell(row)

    def put_cell(self, cell: ScheduleCell) -> None:
        """Insert or replace the cell of (employee, day)."""
        row = self._row(cell.employee_id, cell.day)
        if row is None:
            row = ScheduleCellRow(employee_id=cell.employee_id, day=cell.day)
            self._session.add(row)
        row.start_time = _hhmm(cell.start)
        row.end_time = _hhmm(cell.end)
        row.break_minutes = cell.break_minutes
        row.code = cell.code
        self._session.flush()

    def add_cells(self, cells: Sequence[ScheduleCell]) -> None:
        """Bulk insert of new cells (demo data, imports): one executemany."""
        if cells:
            rows = [
                {
                    "employee_id": c.employee_id,
                    "day": c.day,
                    "start_time": _hhmm(c.start),
                    "end_time": _hhmm(c.end),
                    "break_minutes": c.break_minutes,
                    "code": c.code,
                }
                for c in cells
            ]
            self._session.execute(insert(ScheduleCellRow), rows)

    def delete_cell(self, employee_id: int, day: date) -> None:
        """Remove the cell of (employee, day)."""
        self._session.execute(
            delete(ScheduleCellRow).where(
                ScheduleCellRow.employee_id == employee_id, ScheduleCellRow.day == day
            )
        )

    def codes(self) -> list[ScheduleCode]:
        """The code table."""
        rows = self._session.scalars(select(ScheduleCodeRow).order_by(ScheduleCodeRow.code))
        return [ScheduleCode(r.code, r.name, CodeMeaning(r.meaning), r.expected_at_work) for r in rows]

    def put_code(self, code: ScheduleCode) -> None:
        """Insert or replace a code."""
        row = self._session.get(ScheduleCodeRow, code.code) or ScheduleCodeRow(code=code.code)
        row.name = code.name
        row.meaning = code.meaning.value
        row.expected_at_work = code.expected_at_work
        self._session.add(row)
        self._session.flush()

    def holidays(self, first: date, last: date) -> list[Holiday]:
        """Holidays in a date range."""
        stmt = (
            select(HolidayRow).where(HolidayRow.day >= first, HolidayRow.day <= last).order_by(HolidayRow.day)
        )
        return [Holiday(r.day, r.name) for r in self._session.scalars(stmt)]

    def put_holiday(self, holiday: Holiday) -> None:
        """Insert or rename a holiday."""
        row = self._session.get(HolidayRow, holiday.day) or HolidayRow(day=holiday.day)
        row.name = holiday.name
        self._session.add(row)
        self._session.flush()

    def delete_holiday(self, day: date) -> None:
        """Remove a holiday."""
        self._session.execute(delete(HolidayRow).where(HolidayRow.day == day))

    def templates(self) -> list[ScheduleTemplate]:
        """All templates by name."""
        stmt = select(ScheduleTemplateRow).order_by(ScheduleTemplateRow.name)
        return [_template(r) for r in self._session.scalars(stmt)]

    def put_template(self, template: ScheduleTemplate) -> ScheduleTemplate:
        """Insert (id 0) or replace a template."""
        row = self._session.get(ScheduleTemplateRow, template.id) if template.id else None
        if row is None:
            row = ScheduleTemplateRow()
            self._session.add(row)
        row.name = template.name
        row.anchor = template.anchor
        row.cells = json.dumps(list(template.cells), ensure_ascii=False)
        self._session.flush()
        return _template(row)
