"""Weekly schedule templates: create or edit one (1-4 weeks of cell texts), apply one to employees."""

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from timetracker_desktop.domain.employees import Employee
from timetracker_desktop.domain.schedules import ScheduleTemplate
from timetracker_desktop.gui.dialogs.workflow_messages import WorkflowFormDialog
from timetracker_desktop.gui.kit.context import GuiContext
from timetracker_desktop.gui.kit.dates import to_date, to_qdate

DAYS_PER_WEEK = 7
MAX_WEEKS = 4


def date_edit(name: str, day: date) -> QDateEdit:
    """A date field with a calendar popup."""
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    return edit


class TemplateDialog(WorkflowFormDialog):
    """Create or edit a template: a name, the date its first cell falls on, and one text per day.

    Signals:
        (``saved`` of FormDialog carries the saved ``ScheduleTemplate``)
    """

    def __init__(
        self,
        context: GuiContext,
        template: ScheduleTemplate | None,
        anchor: date,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New template") if template is None else self.tr("Edit template")
        super().__init__(context, title, parent)
        self.setObjectName("templateDialog")
        self._id = template.id if template else 0
        cells = template.cells if template else ("8-17",) * 5 + ("В", "В")
        self.name = QLineEdit(template.name if template else "")
        self.name.setObjectName("templateName")
        self.name.setPlaceholderText(self.tr("e.g. Five-day week"))
        self.anchor = date_edit("templateAnchor", template.anchor if template else anchor)
        self.weeks = QSpinBox()
        self.weeks.setObjectName("templateWeeks")
        self.weeks.setRange(1, MAX_WEEKS)
        self.weeks.setValue(len(cells) // DAYS_PER_WEEK)
        self.cells = QTableWidget(self.weeks.value(), DAYS_PER_WEEK)
        self.cells.setObjectName("templateCells")
        self.cells.setMinimumHeight(160)
        self.cells.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for position, text in enumerate(cells):
            self.cells.setItem(position // DAYS_PER_WEEK, position % DAYS_PER_WEEK, QTableWidgetItem(text))
        self.errors.add_row("name", self.tr("Name:"), self.name)
        self.errors.add_row("anchor", self.tr("First day:"), self.anchor)
        self.errors.add_row("weeks", self.tr("Weeks:"), self.weeks)
        self.errors.add_row("cells", self.tr("Cells:"), self.cells)
        self.errors.alias("cell", "cells")
        self.weeks.valueChanged.connect(self._on_weeks_changed)
        self.anchor.dateChanged.connect(self._on_anchor_changed)
        self._on_anchor_changed()
        self.setMinimumWidth(640)

    def _on_weeks_changed(self, weeks: int) -> None:
        self.cells.setRowCount(weeks)
        self.cells.setVerticalHeaderLabels([self.tr("Week {0}").format(w + 1) for w in range(weeks)])

    def _on_anchor_changed(self) -> None:
        first = to_date(self.anchor.date())
        names = [
            QLocale().dayName((first + timedelta(days=i)).isoweekday(), QLocale.FormatType.ShortFormat)
            for i in range(DAYS_PER_WEEK)
        ]
        self.cells.setHorizontalHeaderLabels(names)
        self._on_weeks_changed(self.weeks.value())

    def texts(self) -> tuple[str, ...]:
        """The cell texts, week by week."""
        grid = self.cells
        items = (grid.item(r, c) for r in range(grid.rowCount()) for c in range(DAYS_PER_WEEK))
        return tuple(item.text().strip() if item is not None else "" for item in items)

    def submit(self) -> None:
        """A name is required; the service checks the cells."""
        if not self.name.text().strip():
            self.errors.clear()
            self.errors.show_text("name", self.tr("Enter a name."))
            return
        super().submit()

    def action(self) -> Callable[[], object]:
        """Save the template."""
        template = ScheduleTemplate(
            self._id, self.name.text().strip(), to_date(self.anchor.date()), self.texts()
        )
        return partial(self._context.services.schedules.save_template, self._context.actor, template)


class ApplyTemplateDialog(WorkflowFormDialog):
    """Fill the chosen employees' days of a period from a template, keeping or overwriting cells.

    Signals:
        (``saved`` of FormDialog carries the number of cells written)
    """

    def __init__(
        self,
        context: GuiContext,
        templates: Sequence[ScheduleTemplate],
        employees: Sequence[Employee],
        chosen: set[int],
        period: tuple[date, date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Fill from a template"), parent)
        self.setObjectName("applyTemplateDialog")
        self._templates = {t.id: t for t in templates}
        self.editor: TemplateDialog | None = None
        self.template = QComboBox()
        self.template.setObjectName("applyTemplate")
        for template in templates:
            self.template.addItem(template.name, template.id)
        self.new_button = QPushButton(self.tr("New..."))
        self.new_button.setObjectName("newTemplate")
        self.edit_button = QPushButton(self.tr("Edit..."))
        self.edit_button.setObjectName("editTemplate")
        self.employees = self._employee_list(employees, chosen)
        self.first = date_edit("applyFirst", period[0])
        self.last = date_edit("applyLast", period[1])
        self.overwrite = QCheckBox(self.tr("Overwrite cells that are already filled"))
        self.overwrite.setObjectName("applyOverwrite")
        self._build_form()
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self._update_buttons()

    def _employee_list(self, employees: Sequence[Employee], chosen: set[int]) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName("applyEmployees")
        for employee in employees:
            item = QListWidgetItem(employee.full_name)
            item.setData(Qt.ItemDataRole.UserRole, employee.id)
            checked = not chosen or employee.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        return widget

    def _build_form(self) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.template, 1)
        layout.addWidget(self.new_button)
        layout.addWidget(self.edit_button)
        self.errors.add_row("template", self.tr("Template:"), row)
        self.errors.add_row("employees", self.tr("Employees:"), self.employees)
        self.errors.add_row("from", self.tr("From:"), self.first)
        self.errors.add_row("to", self.tr("To:"), self.last)
        self.form.addRow("", self.overwrite)
        self.errors.alias("cells", "template")

    def chosen_employees(self) -> list[int]:
        """Ids of the ticked employees."""
        items = (self.employees.item(i) for i in range(self.employees.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.template.count() > 0)
        self.buttons.setEnabled(self.template.count() > 0)

    def _open_editor(self, template: ScheduleTemplate | None) -> None:
        first = to_date(self.first.date())
        monday = first - timedelta(days=first.weekday())
        editor = TemplateDialog(self._context, template, monday, self)
        editor.saved.connect(self._on_template_saved)
        self.editor = editor
        editor.open()

    def _on_new_clicked(self) -> None:
        self._open_editor(None)

    def _on_edit_clicked(self) -> None:
        self._open_editor(self._templates.get(int(self.template.currentData() or 0)))

    def _on_template_saved(self, template: ScheduleTemplate) -> None:
        if template.id not in self._templates:
            self.template.addItem(template.name, template.id)
        self._templates[template.id] = template
        position = self.template.findData(template.id)
        self.template.setItemText(position, template.name)
        self.template.setCurrentIndex(position)
        self._update_buttons()

    def action(self) -> Callable[[], object]:
        """Apply the template."""
        return partial(
            self._context.services.schedules.apply_template,
            self._context.actor,
            int(self.template.currentData() or 0),
            self.chosen_employees(),
            to_date(self.first.date()),
            to_date(self.last.date()),
            overwrite=self.overwrite.isChecked(),
        )
