"""The Alerts group of Settings: alert thresholds, the optimisation interval, what is never purged."""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from timetracker_desktop.domain.settings import INT_RANGES, BusinessSettings
from timetracker_desktop.gui.kit.field_errors import FieldErrors

ALERT_FIELDS = (
    "alert_backup_max_age_hours",
    "alert_free_space_min_mb",
    "alert_free_space_min_percent",
    "alert_database_max_mb",
    "alert_check_overdue_days",
    "alert_terminal_silent_minutes",
    "alert_working_hours_start",
    "alert_working_hours_end",
    "optimize_interval_days",
    "retention_protected_months",
)


def _pair(first: QWidget, between: str, second: QWidget) -> QWidget:
    """Two boxes on one row (``1024 MB or 5 %``), to keep the group compact."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first)
    layout.addWidget(QLabel(between))
    layout.addWidget(second)
    layout.addStretch(1)
    return row


class AlertsBox(QGroupBox):
    """Alert thresholds kept in the database (``alert_*``) and the scheduled optimisation's interval; the
    spin boxes take their bounds from ``domain.settings``. Read-only for viewers.

    Signals:
        (none besides QGroupBox's)
    """

    def __init__(self, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Alerts and database upkeep (shared by all computers)"), parent)
        self.setObjectName("alertsBox")
        self.spins: dict[str, QSpinBox] = {}
        suffixes = {
            "alert_backup_max_age_hours": self.tr(" h"),
            "alert_free_space_min_mb": self.tr(" MB"),
            "alert_free_space_min_percent": self.tr(" %"),
            "alert_database_max_mb": self.tr(" MB"),
            "alert_check_overdue_days": self.tr(" days"),
            "alert_terminal_silent_minutes": self.tr(" min"),
            "alert_working_hours_start": self.tr(":00"),
            "alert_working_hours_end": self.tr(":00"),
            "optimize_interval_days": self.tr(" days"),
            "retention_protected_months": self.tr(" months"),
        }
        for name in ALERT_FIELDS:
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(*INT_RANGES[name])  # the domain's bounds, so the box cannot offer what it refuses
            spin.setSuffix(suffixes[name])
            self.spins[name] = spin
        spins = self.spins
        spins["optimize_interval_days"].setSpecialValueText(self.tr("never"))  # 0
        form = QFormLayout(self)
        self.errors = FieldErrors(form, "alertsError")
        space = _pair(spins["alert_free_space_min_mb"], self.tr("or"), spins["alert_free_space_min_percent"])
        hours = _pair(spins["alert_working_hours_start"], self.tr("to"), spins["alert_working_hours_end"])
        widgets: dict[str, QWidget] = dict(spins)
        widgets.update(alert_free_space_min_mb=space, alert_working_hours_start=hours)
        titles = {
            "alert_backup_max_age_hours": self.tr("No backup for more than:"),
            "alert_free_space_min_mb": self.tr("Free disk space under:"),
            "alert_database_max_mb": self.tr("Database larger than:"),
            "alert_check_overdue_days": self.tr("No integrity check for:"),
            "alert_terminal_silent_minutes": self.tr("Terminal silent for:"),
            "alert_working_hours_start": self.tr("Working hours (Mon-Fri):"),
            "optimize_interval_days": self.tr("Optimise the database every:"),
            "retention_protected_months": self.tr("Never remove data of the last:"),
        }
        for field, title in titles.items():
            self.errors.add_row(field, title, widgets[field])
        self.errors.alias("alert_free_space_min_percent", "alert_free_space_min_mb")
        self.errors.alias("alert_working_hours_end", "alert_working_hours_start")
        self.setEnabled(editable)

    def load(self, settings: BusinessSettings) -> None:
        """Show the values in force."""
        for name, spin in self.spins.items():
            spin.setValue(getattr(settings, name))

    def values(self) -> dict[str, str]:
        """The values as typed, as the text the settings service takes."""
        return {name: str(spin.value()) for name, spin in self.spins.items()}
