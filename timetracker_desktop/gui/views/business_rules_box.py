"""The Business rules group of Settings: grace times, overtime, rounding and the missing-OUT policy."""

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from timetracker_desktop.domain.settings import (
    INT_RANGES,
    ROUNDING_STEPS,
    BusinessSettings,
    MissingOutPolicy,
    RoundingMode,
)
from timetracker_desktop.gui.kit.field_errors import FieldErrors

BUSINESS_FIELDS = (
    "late_grace_minutes",
    "early_leave_grace_minutes",
    "min_overtime_minutes",
    "rounding",
    "rounding_step_minutes",
    "missing_out_policy",
)


def _minutes(name: str, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(*INT_RANGES[name])  # the domain's bounds, so the box cannot offer what it refuses
    spin.setSuffix(suffix)
    return spin


def _choices(name: str, items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class BusinessRulesBox(QGroupBox):
    """Report rules kept in the database (DOMAIN_RULES §§5-8); values are checked by ``domain.settings`` when
    saved, and errors appear under their field (``errors``). Read-only for viewers.

    Signals:
        (none besides QGroupBox's)
    """

    def __init__(self, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Business rules (reports; shared by all computers)"), parent)
        self.setObjectName("businessRules")
        minutes = self.tr(" min")
        self.late_grace = _minutes("late_grace_minutes", minutes)
        self.early_leave_grace = _minutes("early_leave_grace_minutes", minutes)
        self.min_overtime = _minutes("min_overtime_minutes", minutes)
        self.rounding = _choices(
            "rounding",
            [
                (self.tr("No rounding"), RoundingMode.NONE.value),
                (self.tr("Each punch: IN up, OUT down"), RoundingMode.IN_UP_OUT_DOWN.value),
                (self.tr("Each punch: to the nearest step"), RoundingMode.NEAREST.value),
                (self.tr("Daily total down to a step"), RoundingMode.DAILY_DOWN.value),
                (self.tr("Count from the scheduled start (early arrival earns nothing)"),
                 RoundingMode.FROM_SCHEDULED_START.value),
            ],
        )  # fmt: skip
        self.rounding_step = _choices(
            "rounding_step_minutes", [(self.tr("{0} min").format(step), str(step)) for step in ROUNDING_STEPS]
        )
        self.missing_out = _choices(
            "missing_out_policy",
            [
                (self.tr("Credit nothing; show it for review"), MissingOutPolicy.NONE.value),
                (self.tr("Close the shift at its scheduled end"), MissingOutPolicy.SCHEDULE_END.value),
            ],
        )
        form = QFormLayout(self)
        self.errors = FieldErrors(form, "businessRulesError")
        self.errors.add_row("late_grace_minutes", self.tr("Late only after:"), self.late_grace)
        self.errors.add_row(
            "early_leave_grace_minutes", self.tr("Early leave only after:"), self.early_leave_grace
        )
        self.errors.add_row("min_overtime_minutes", self.tr("Overtime counts from:"), self.min_overtime)
        self.errors.add_row("rounding", self.tr("Rounding:"), self.rounding)
        self.errors.add_row("rounding_step_minutes", self.tr("Rounding step:"), self.rounding_step)
        self.errors.add_row("missing_out_policy", self.tr("A forgotten OUT:"), self.missing_out)
        self.rounding.currentIndexChanged.connect(self._on_rounding_changed)
        self._on_rounding_changed()
        self.setEnabled(editable)

    def _on_rounding_changed(self) -> None:
        self.rounding_step.setEnabled(self.rounding.currentData() != RoundingMode.NONE.value)

    def load(self, settings: BusinessSettings) -> None:
        """Show the rules in force."""
        self.late_grace.setValue(settings.late_grace_minutes)
        self.early_leave_grace.setValue(settings.early_leave_grace_minutes)
        self.min_overtime.setValue(settings.min_overtime_minutes)
        _select(self.rounding, settings.rounding.value)
        _select(self.rounding_step, str(settings.rounding_step_minutes))
        _select(self.missing_out, settings.missing_out_policy.value)

    def values(self) -> dict[str, str]:
        """The rules as typed, as the text the settings service takes."""
        return {
            "late_grace_minutes": str(self.late_grace.value()),
            "early_leave_grace_minutes": str(self.early_leave_grace.value()),
            "min_overtime_minutes": str(self.min_overtime.value()),
            "rounding": str(self.rounding.currentData()),
            "rounding_step_minutes": str(self.rounding_step.currentData()),
            "missing_out_policy": str(self.missing_out.currentData()),
        }


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0:  # a value stored by the command line that the list does not offer (a 1-60 step)
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
